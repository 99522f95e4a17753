import { assignBedInput, moveBedInput, releaseBedInput } from '@ansinh/schemas/capacity';
import { Alert, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DateField } from '../../components/DateField.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { formatDate, today } from '../../lib/format.ts';
import { diacriticInsensitiveFilter } from '../../lib/select-filter.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { BedPicker } from './BedPicker.tsx';
import { findBed } from './bed-codes.ts';
import { useBedsChanged } from './use-beds-changed.ts';

interface AssignBedModalProps {
  facilityId: string;
  /** Fixed when opened from a resident (profile, unplaced list); otherwise chosen among the unplaced. */
  resident?: { id: string; fullName: string };
  /** Fixed when opened from a free bed. */
  bedId?: string;
  onClose: () => void;
}

/** Puts a resident in care without a bed into a free bed of their facility. */
export function AssignBedModal({ facilityId, resident, bedId, onClose }: AssignBedModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useBedsChanged();
  const beds = useQuery(trpc.capacity.beds.queryOptions({ facilityId }));
  const unplaced = beds.data?.unplaced ?? [];
  type Values = { residentId: string | null; bedId: string | null; fromOn: string | null };
  const toInput = (v: Values) => ({ residentId: v.residentId, bedId: v.bedId, fromOn: v.fromOn ?? '' });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { residentId: resident?.id ?? null, bedId: bedId ?? null, fromOn: today() },
    validate: (values) => zodFormErrors(assignBedInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors, {
    ASSIGNMENT_OUTSIDE_STAY: 'fromOn',
    ALREADY_IN_BED: 'residentId',
    NOT_IN_CARE: 'residentId',
    BED_TAKEN: 'bedId',
  });
  const nameOf = (id: string) => resident?.fullName ?? unplaced.find((u) => u.residentId === id)?.fullName;
  const assign = useMutation(
    trpc.capacity.assignBed.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (_, input) => {
        const code = beds.data ? findBed(beds.data, input.bedId)?.bed.code : undefined;
        await changed();
        notifications.show({
          color: 'green',
          message: t('capacity.placement.assigned', { name: nameOf(input.residentId), code }),
        });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  const fixedBed = bedId && beds.data ? findBed(beds.data, bedId) : undefined;
  return (
    <Modal opened onClose={onClose} title={t('capacity.placement.assignTitle')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => assign.mutate(assignBedInput.parse(toInput(v))))}>
        <Stack>
          {resident ? (
            <Text fw={500}>{resident.fullName}</Text>
          ) : (
            <Select
              label={t('capacity.placement.resident')}
              placeholder={t('capacity.placement.residentPlaceholder')}
              nothingFoundMessage={t('capacity.placement.noUnplaced')}
              required
              searchable
              filter={diacriticInsensitiveFilter}
              data={unplaced.map((u) => ({
                value: u.residentId,
                label: `${u.fullName} (${t('capacity.beds.admittedOn', { date: formatDate(u.admittedOn) })})`,
              }))}
              {...form.getInputProps('residentId')}
            />
          )}
          {fixedBed ? (
            <Text>
              {t('capacity.placement.bed')}:{' '}
              {t('capacity.placement.bedOption', { code: fixedBed.bed.code, room: fixedBed.roomName })}
            </Text>
          ) : (
            <BedPicker
              label={t('capacity.placement.bed')}
              required
              facilityId={facilityId}
              {...form.getInputProps('bedId')}
              value={form.getValues().bedId}
            />
          )}
          <DateField label={t('capacity.placement.fromOn')} required {...form.getInputProps('fromOn')} />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('capacity.placement.assignTitle')}
          submitting={assign.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

interface OccupantModalProps {
  facilityId: string;
  resident: { id: string; fullName: string };
  currentBed?: { code: string; roomName: string };
  onClose: () => void;
}

/** Moves a resident from their bed to another free one on a day: one action, never two beds or none. */
export function MoveBedModal({ facilityId, resident, currentBed, onClose }: OccupantModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useBedsChanged();
  const beds = useQuery(trpc.capacity.beds.queryOptions({ facilityId }));
  type Values = { toBedId: string | null; movedOn: string | null };
  const toInput = (v: Values) => ({ residentId: resident.id, toBedId: v.toBedId, movedOn: v.movedOn ?? '' });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { toBedId: null, movedOn: today() },
    validate: (values) => zodFormErrors(moveBedInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors, {
    ASSIGNMENT_OUTSIDE_STAY: 'movedOn',
    BED_TAKEN: 'toBedId',
    BED_RESERVED: 'toBedId',
    BED_OUT_OF_SERVICE: 'toBedId',
    BED_NOT_IN_FACILITY: 'toBedId',
  });
  const move = useMutation(
    trpc.capacity.moveBed.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (_, input) => {
        const code = beds.data ? findBed(beds.data, input.toBedId)?.bed.code : undefined;
        await changed();
        notifications.show({
          color: 'green',
          message: t('capacity.placement.moved', { name: resident.fullName, code }),
        });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('capacity.placement.moveTitle', { name: resident.fullName })}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => move.mutate(moveBedInput.parse(toInput(v))))}>
        <Stack>
          <Alert color="blue">{t('capacity.placement.moveHint')}</Alert>
          {currentBed && (
            <Text>
              {t('capacity.placement.currentBed', { code: currentBed.code, room: currentBed.roomName })}
            </Text>
          )}
          <BedPicker
            label={t('capacity.placement.bed')}
            required
            data-autofocus
            facilityId={facilityId}
            {...form.getInputProps('toBedId')}
            value={form.getValues().toBedId}
          />
          <DateField label={t('capacity.placement.movedOn')} required {...form.getInputProps('movedOn')} />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('capacity.beds.move')}
          submitting={move.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

/** The resident keeps their place in the centre without a bed (a long hospital stay, say). */
export function ReleaseBedModal({ resident, currentBed, onClose }: Omit<OccupantModalProps, 'facilityId'>) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useBedsChanged();
  type Values = { releasedOn: string | null };
  const toInput = (v: Values) => ({ residentId: resident.id, releasedOn: v.releasedOn ?? '' });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { releasedOn: today() },
    validate: (values) => zodFormErrors(releaseBedInput, toInput(values)),
  });
  // The server names the date "movedOn" whichever way the bed is left; here it is "releasedOn".
  const errors = useServerErrors(form.setErrors, { ASSIGNMENT_OUTSIDE_STAY: 'releasedOn' });
  const release = useMutation(
    trpc.capacity.releaseBed.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        await changed();
        notifications.show({
          color: 'green',
          message: t('capacity.placement.released', { name: resident.fullName }),
        });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('capacity.placement.releaseTitle', { name: resident.fullName })}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => release.mutate(releaseBedInput.parse(toInput(v))))}>
        <Stack>
          <Alert color="orange">{t('capacity.placement.releaseHint')}</Alert>
          {currentBed && (
            <Text>
              {t('capacity.placement.currentBed', { code: currentBed.code, room: currentBed.roomName })}
            </Text>
          )}
          <DateField
            label={t('capacity.placement.releasedOn')}
            required
            {...form.getInputProps('releasedOn')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('capacity.beds.release')}
          submitting={release.isPending}
          error={errors.general}
          color="orange"
        />
      </form>
    </Modal>
  );
}
