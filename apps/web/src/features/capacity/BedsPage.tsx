import { foldDiacritics } from '@ansinh/domain/text';
import type { BedView, FacilityBeds, RoomView } from '@ansinh/schemas/capacity';
import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, skipToken, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useCan, useFacilityScope } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { describeError } from '../../lib/errors.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { oneOf } from '../../lib/url-params.ts';
import { BedHistoryDrawer } from './BedHistoryDrawer.tsx';
import { type BedState, bedStates, bedState as stateOf } from './bed-codes.ts';
import { useClientPage } from './client-page.ts';
import { useFacilityParam } from './facility-param.ts';
import { AssignBedModal, MoveBedModal, ReleaseBedModal } from './PlacementModals.tsx';
import { type BedAction, type RoomAction, RoomCard } from './RoomCard.tsx';
import { AddBedsModal, BedEditModal, DeleteRoomModal, RoomModal } from './RoomModals.tsx';
import { useBedsChanged } from './use-beds-changed.ts';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Rooms and beds of one facility on a day (today unless ?on=…), and what staff do with them. */
export function BedsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [facilityId, setFacility] = useFacilityParam();
  const { ownFacilityId } = useFacilityScope();
  const [params, setParams] = useSearchParams();
  const onParam = params.get('on');
  const onDate = onParam && isoDatePattern.test(onParam) ? onParam : undefined;
  const setOnDate = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set('on', value);
      else next.delete('on');
      return next;
    });
  const beds = useQuery({
    ...trpc.capacity.beds.queryOptions(facilityId ? { facilityId, onDate } : skipToken),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('capacity.beds.title')}
      </Title>
      <Group align="flex-end">
        <FacilitySelect
          label={t('common.facility')}
          w={420}
          clearable={!ownFacilityId}
          value={facilityId}
          onChange={setFacility}
        />
        <DateField
          label={t('capacity.beds.onDate')}
          w={180}
          clearable
          value={onDate ?? null}
          onChange={(value) => setOnDate(value ? String(value) : null)}
        />
      </Group>
      {!facilityId && <Text c="dimmed">{t('capacity.chooseFacility')}</Text>}
      {facilityId && beds.isPending && <PageLoader />}
      {beds.isError && <ErrorState error={beds.error} />}
      {facilityId && beds.data && (
        <Busy busy={beds.isPlaceholderData}>
          <BedsBody data={beds.data} />
        </Busy>
      )}
    </Stack>
  );
}

type Dialog =
  | { kind: 'room'; room?: RoomView }
  | { kind: 'deleteRoom'; room: RoomView }
  | { kind: 'addBeds'; room: RoomView }
  | { kind: 'bed'; bedId: string }
  | { kind: 'assign'; resident?: { id: string; fullName: string }; bedId?: string }
  | { kind: 'move' | 'release'; resident: { id: string; fullName: string }; bed: BedView; room: RoomView }
  | { kind: 'history'; bed: BedView };

type StateFilter = 'all' | BedState;

function BedsBody({ data }: { data: FacilityBeds }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const canManage = useCan('beds.manage');
  const changed = useBedsChanged();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [search, setSearch] = useState('');
  const [params, setParams] = useSearchParams();
  const filter: StateFilter = oneOf(['all', ...bedStates], params.get('state')) ?? 'all';
  const setFilter = (value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === 'all') next.delete('state');
      else next.set('state', value);
      return next;
    });
  const close = () => setDialog(null);

  const toggleStatus = useMutation(
    trpc.capacity.updateBed.mutationOptions({
      onSuccess: async (_, input) => {
        await changed();
        const code = data.rooms.flatMap((r) => r.beds).find((b) => b.id === input.id)?.code;
        notifications.show({ color: 'green', message: t('capacity.beds.statusChanged', { code }) });
      },
      onError: (error) => notifications.show({ color: 'red', message: describeError(error, t).message }),
    }),
  );

  const onRoomAction = (action: RoomAction, room: RoomView) => {
    if (action === 'edit') setDialog({ kind: 'room', room });
    else if (action === 'delete') setDialog({ kind: 'deleteRoom', room });
    else setDialog({ kind: 'addBeds', room });
  };
  const onBedAction = (action: BedAction, bed: BedView, room: RoomView) => {
    const occupant = bed.occupant && { id: bed.occupant.residentId, fullName: bed.occupant.fullName };
    if (action === 'toggleStatus') {
      toggleStatus.mutate({
        id: bed.id,
        version: bed.version,
        status: bed.status === 'out_of_service' ? 'available' : 'out_of_service',
      });
    } else if (action === 'history') setDialog({ kind: 'history', bed });
    else if (action === 'edit') setDialog({ kind: 'bed', bedId: bed.id });
    else if (action === 'assign') setDialog({ kind: 'assign', bedId: bed.id });
    else if (occupant) setDialog({ kind: action, resident: occupant, bed, room });
  };

  const counts = new Map<BedState, number>();
  for (const bed of data.rooms.flatMap((r) => r.beds)) {
    const state = stateOf(bed);
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const query = foldDiacritics(search.trim());
  const roomMatches = (room: RoomView) => query !== '' && foldDiacritics(room.name).includes(query);
  const matches = (room: RoomView, bed: BedView) =>
    (filter === 'all' || stateOf(bed) === filter) &&
    (!query ||
      roomMatches(room) ||
      foldDiacritics(bed.code).includes(query) ||
      (bed.occupant !== null && foldDiacritics(bed.occupant.fullName).includes(query)));
  const filtering = filter !== 'all' || query !== '';
  // A room found by its name shows even without beds: it may just have been added.
  const shown = data.rooms
    .map((room) => ({ room, beds: room.beds.filter((bed) => matches(room, bed)) }))
    .filter(({ room, beds }) => !filtering || beds.length > 0 || (filter === 'all' && roomMatches(room)));
  const rooms = useClientPage(shown);

  return (
    <Stack>
      <Totals data={data} />
      {data.unplaced.length > 0 && (
        <Paper withBorder p="md" bg="yellow.0" data-testid="unplaced">
          <Title order={2} size="h4" mb="sm">
            {t('capacity.beds.unplacedTitle')}
          </Title>
          <Table>
            <Table.Tbody>
              {data.unplaced.map((u) => (
                <Table.Tr key={u.residentId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/residents/${u.residentId}`}>
                      {u.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t('capacity.beds.admittedOn', { date: formatDate(u.admittedOn) })}</Table.Td>
                  <Table.Td ta="right">
                    {canManage && (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`${t('capacity.beds.assign')}: ${u.fullName}`}
                        onClick={() =>
                          setDialog({ kind: 'assign', resident: { id: u.residentId, fullName: u.fullName } })
                        }
                      >
                        {t('capacity.beds.assign')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            label={t('capacity.beds.searchLabel')}
            placeholder={t('capacity.beds.searchPlaceholder')}
            type="search"
            w={360}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <SegmentedControl
            aria-label={t('capacity.beds.stateFilter')}
            value={filter}
            onChange={setFilter}
            data={[
              { value: 'all', label: t('capacity.beds.all', { count: data.totals.beds }) },
              ...bedStates.map((state) => ({
                value: state,
                label: t('capacity.beds.stateCount', {
                  state: t(`capacity.bedStates.${state}`),
                  count: counts.get(state) ?? 0,
                }),
              })),
            ]}
          />
        </Group>
        {canManage && (
          <Button onClick={() => setDialog({ kind: 'room' })}>{t('capacity.beds.addRoom')}</Button>
        )}
      </Group>
      {data.rooms.length === 0 ? (
        <Text c="dimmed">{t('capacity.beds.noRooms')}</Text>
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t('capacity.beds.noMatch')}</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {rooms.rows.map(({ room, beds }) => (
              <RoomCard
                key={room.id}
                room={room}
                beds={beds}
                canManage={canManage}
                hasUnplaced={data.unplaced.length > 0}
                onRoomAction={onRoomAction}
                onBedAction={onBedAction}
              />
            ))}
          </SimpleGrid>
          <TablePager {...rooms.pager} summary={t('capacity.beds.roomsTotal', { count: shown.length })} />
        </>
      )}
      <Dialogs dialog={dialog} data={data} onClose={close} />
    </Stack>
  );
}

function Dialogs({
  dialog,
  data,
  onClose,
}: {
  dialog: Dialog | null;
  data: FacilityBeds;
  onClose: () => void;
}) {
  if (!dialog) return null;
  // Dialogs read rooms and beds from the latest data, so a reload after a conflict sends the new version.
  const latestRoom = (room: RoomView) => data.rooms.find((r) => r.id === room.id) ?? room;
  switch (dialog.kind) {
    case 'room':
      return (
        <RoomModal
          facilityId={data.facilityId}
          room={dialog.room && latestRoom(dialog.room)}
          onClose={onClose}
        />
      );
    case 'deleteRoom':
      return <DeleteRoomModal room={latestRoom(dialog.room)} onClose={onClose} />;
    case 'addBeds':
      return <AddBedsModal room={latestRoom(dialog.room)} onClose={onClose} />;
    case 'bed':
      return <BedEditModal data={data} bedId={dialog.bedId} onClose={onClose} />;
    case 'assign':
      return (
        <AssignBedModal
          facilityId={data.facilityId}
          resident={dialog.resident}
          bedId={dialog.bedId}
          onClose={onClose}
        />
      );
    case 'move':
      return (
        <MoveBedModal
          facilityId={data.facilityId}
          resident={dialog.resident}
          currentBed={{ code: dialog.bed.code, roomName: dialog.room.name }}
          onClose={onClose}
        />
      );
    case 'release':
      return (
        <ReleaseBedModal
          resident={dialog.resident}
          currentBed={{ code: dialog.bed.code, roomName: dialog.room.name }}
          onClose={onClose}
        />
      );
    case 'history':
      return <BedHistoryDrawer bedId={dialog.bed.id} code={dialog.bed.code} onClose={onClose} />;
  }
}

function Totals({ data }: { data: FacilityBeds }) {
  const { t } = useTranslation();
  const stats = [
    { key: 'rooms', value: data.rooms.length },
    { key: 'beds', value: data.totals.beds },
    { key: 'operational', value: data.totals.operational },
    { key: 'occupied', value: data.totals.occupied },
    { key: 'free', value: data.totals.free },
    { key: 'unplaced', value: data.unplaced.length },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
      {stats.map((s) => (
        <Paper key={s.key} withBorder p="sm">
          <Text size="sm" c="dimmed">
            {t(`capacity.beds.totals.${s.key}`)}
          </Text>
          <Text
            fz={28}
            fw={700}
            data-testid={`total-${s.key}`}
            c={s.key === 'unplaced' && s.value > 0 ? 'orange' : undefined}
          >
            {formatNumber(s.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
