import {
  type BedStatus,
  bedStatuses,
  bedsCreateInput,
  bedUpdateInput,
  careLevels,
  type FacilityBeds,
  type RoomView,
  roomInput,
  roomUpdateInput,
} from '@ansinh/schemas/capacity';
import {
  Alert,
  Badge,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { domainCodeOf } from '../../lib/errors.ts';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { expandBedCodes, findBed, firstDuplicate, MAX_NEW_BEDS } from './bed-codes.ts';
import { useBedsChanged } from './use-beds-changed.ts';

const areaStyle = {
  thousandSeparator: '.',
  decimalSeparator: ',',
  decimalScale: 2,
  hideControls: true,
} as const;

interface RoomValues {
  name: string;
  floorAreaM2: number | string;
  careLevel: (typeof careLevels)[number];
}

/** Adds a room to a facility, or edits one (name, floor area, care level). */
export function RoomModal({
  facilityId,
  room,
  onClose,
}: {
  facilityId: string;
  room?: RoomView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useBedsChanged();
  const [stale, setStale] = useState(false);
  const fields = (v: RoomValues) => ({
    name: v.name,
    floorAreaM2: v.floorAreaM2 === '' ? null : Number(v.floorAreaM2),
    careLevel: v.careLevel,
  });
  const form = useForm<RoomValues>({
    mode: 'controlled',
    initialValues: {
      name: room?.name ?? '',
      floorAreaM2: room?.floorAreaM2 ?? '',
      careLevel: room?.careLevel ?? 'ordinary',
    },
    validate: (values) =>
      room
        ? zodFormErrors(roomUpdateInput, { id: room.id, version: room.version, ...fields(values) })
        : zodFormErrors(roomInput, { facilityId, ...fields(values) }),
  });
  const errors = useServerErrors(form.setErrors, { ROOM_NAME_TAKEN: 'name' });
  const onError = (error: unknown) => {
    if (domainCodeOf(error) === 'STALE_VERSION') setStale(true);
    else errors.onError(error);
  };
  const done = async (message: string) => {
    await changed();
    notifications.show({ color: 'green', message });
    onClose();
  };
  const create = useMutation(
    trpc.capacity.createRoom.mutationOptions({
      onMutate: errors.clear,
      onSuccess: (_, input) => done(t('capacity.room.created', { name: input.name })),
      onError,
    }),
  );
  const update = useMutation(
    trpc.capacity.updateRoom.mutationOptions({
      onMutate: errors.clear,
      onSuccess: (_, input) => done(t('capacity.room.saved', { name: input.name })),
      onError,
    }),
  );
  // Someone changed the room meanwhile: the page reloads it, and the dialog then sends the new version.
  const reload = useMutation({ mutationFn: changed, onSuccess: () => setStale(false) });
  const submit = (values: RoomValues) => {
    if (room) update.mutate(roomUpdateInput.parse({ id: room.id, version: room.version, ...fields(values) }));
    else create.mutate(roomInput.parse({ facilityId, ...fields(values) }));
  };
  const title = room ? t('capacity.beds.editRoom') : t('capacity.beds.addRoom');
  return (
    <Modal opened onClose={onClose} title={title}>
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          {stale && <StaleVersionAlert reloading={reload.isPending} onReload={() => reload.mutate()} />}
          <TextInput
            label={t('capacity.room.name')}
            placeholder={t('capacity.room.namePlaceholder')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <NumberInput
            label={t('capacity.room.floorAreaM2')}
            required
            min={0}
            {...areaStyle}
            {...form.getInputProps('floorAreaM2')}
          />
          <Select
            label={t('capacity.room.careLevel')}
            description={t('capacity.room.careLevelHint')}
            required
            allowDeselect={false}
            data={careLevels.map((value) => ({ value, label: t(`capacity.careLevels.${value}`) }))}
            {...form.getInputProps('careLevel')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitting={create.isPending || update.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

export function DeleteRoomModal({ room, onClose }: { room: RoomView; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useBedsChanged();
  const remove = useMutation(
    trpc.capacity.deleteRoom.mutationOptions({
      onSuccess: async () => {
        await changed();
        notifications.show({ color: 'green', message: t('capacity.room.deleted', { name: room.name }) });
        onClose();
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('capacity.beds.deleteRoom')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate({ id: room.id });
        }}
      >
        <Text>{t('capacity.room.deleteConfirm', { name: room.name })}</Text>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('capacity.beds.deleteRoom')}
          submitting={remove.isPending}
          error={remove.error}
          color="red"
        />
      </form>
    </Modal>
  );
}

/** Several beds at once: "G01–G06" is six beds. */
export function AddBedsModal({ room, onClose }: { room: RoomView; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useBedsChanged();
  const form = useForm({
    mode: 'controlled',
    initialValues: { codesText: '' },
    validate: ({ codesText }) => {
      const codes = expandBedCodes(codesText);
      if (codes.length > MAX_NEW_BEDS) return { codesText: t('capacity.bed.tooMany', { max: MAX_NEW_BEDS }) };
      const duplicate = firstDuplicate(codes);
      if (duplicate) return { codesText: t('capacity.bed.duplicate', { code: duplicate }) };
      const problems = zodFormErrors(bedsCreateInput, { roomId: room.id, codes });
      const first = Object.values(problems)[0];
      return first ? { codesText: first } : {};
    },
  });
  // Every refusal (a code taken, a code too long) is about the one box.
  const errors = useServerErrors(
    (fieldErrors) => {
      const first = Object.values(fieldErrors)[0];
      if (first) form.setErrors({ codesText: first });
    },
    { BED_CODE_TAKEN: 'codesText' },
  );
  const create = useMutation(
    trpc.capacity.createBeds.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (created) => {
        await changed();
        notifications.show({
          color: 'green',
          message: t('capacity.bed.added', { count: created.length, room: room.name }),
        });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  const codes = expandBedCodes(form.getValues().codesText);
  return (
    <Modal opened onClose={onClose} title={`${t('capacity.beds.addBeds')} · ${room.name}`} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          create.mutate(bedsCreateInput.parse({ roomId: room.id, codes: expandBedCodes(v.codesText) })),
        )}
      >
        <Stack>
          <Textarea
            label={t('capacity.bed.codes')}
            description={t('capacity.bed.codesHint')}
            placeholder={t('capacity.bed.codesPlaceholder')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('codesText')}
          />
          {codes.length > 0 && (
            <div data-testid="bed-codes-preview">
              <Text size="sm" mb={4}>
                {t('capacity.bed.preview', { count: codes.length })}
              </Text>
              <Group gap={4}>
                {[...new Set(codes.slice(0, MAX_NEW_BEDS))].map((code) => (
                  <Badge key={code} variant="light" color="gray">
                    {code}
                  </Badge>
                ))}
              </Group>
            </div>
          )}
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('capacity.beds.addBeds')}
          submitting={create.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

interface BedValues {
  code: string;
  roomId: string;
  status: BedStatus;
}

/** A bed's code, room and state; an occupied bed moved to another room takes its occupant along. */
export function BedEditModal({
  data,
  bedId,
  onClose,
}: {
  data: FacilityBeds;
  bedId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useBedsChanged();
  const [stale, setStale] = useState(false);
  const found = findBed(data, bedId);
  const form = useForm<BedValues>({
    mode: 'controlled',
    initialValues: {
      code: found?.bed.code ?? '',
      roomId: found?.roomId ?? '',
      status: found?.bed.status ?? 'available',
    },
    validate: (values) =>
      found ? zodFormErrors(bedUpdateInput, { id: bedId, version: found.bed.version, ...values }) : {},
  });
  const errors = useServerErrors(form.setErrors, { BED_CODE_TAKEN: 'code', ROOM_NOT_FOUND: 'roomId' });
  const save = useMutation(
    trpc.capacity.updateBed.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (_, input) => {
        await changed();
        notifications.show({ color: 'green', message: t('capacity.bed.saved', { code: input.code }) });
        onClose();
      },
      onError: (error) => {
        if (domainCodeOf(error) === 'STALE_VERSION') setStale(true);
        else errors.onError(error);
      },
    }),
  );
  const reload = useMutation({ mutationFn: changed, onSuccess: () => setStale(false) });
  if (!found) return null;
  // "Reserved" belongs to the waitlist's offers; it is offered only to a bed that already has it.
  const statuses = bedStatuses.filter((status) => status !== 'reserved' || found.bed.status === 'reserved');
  return (
    <Modal opened onClose={onClose} title={`${t('capacity.beds.editBed')} · ${found.bed.code}`}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          save.mutate(bedUpdateInput.parse({ id: bedId, version: found.bed.version, ...v })),
        )}
      >
        <Stack>
          {stale && <StaleVersionAlert reloading={reload.isPending} onReload={() => reload.mutate()} />}
          {found.bed.occupant && <Alert color="blue">{t('capacity.bed.occupiedNote')}</Alert>}
          <TextInput label={t('capacity.bed.code')} required {...form.getInputProps('code')} />
          <Select
            label={t('capacity.bed.room')}
            required
            allowDeselect={false}
            data={data.rooms.map((r) => ({ value: r.id, label: r.name }))}
            {...form.getInputProps('roomId')}
          />
          <Select
            label={t('capacity.bed.status')}
            description={t('capacity.bed.statusHint')}
            required
            allowDeselect={false}
            data={statuses.map((value) => ({ value, label: t(`capacity.bedStatuses.${value}`) }))}
            {...form.getInputProps('status')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitting={save.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}
