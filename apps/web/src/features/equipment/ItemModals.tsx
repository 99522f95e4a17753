import {
  disposalRequestInput,
  type Item,
  moveInRoomsInput,
  transferRequestInput,
} from '@ansinh/schemas/equipment';
import { Alert, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { domainCodeOf } from '../../lib/errors.ts';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useItemChanged } from './use-item-changed.ts';

interface ItemModalProps {
  item: Item;
  onClose: () => void;
}

/** A move between rooms of the centre: the centre's own change, no approval needed. */
export function MoveModal({ item, onClose }: ItemModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useItemChanged();
  const [stale, setStale] = useState(false);
  const toInput = (v: { location: string }) => ({ id: item.id, version: item.version, location: v.location });
  const form = useForm({
    mode: 'controlled',
    initialValues: { location: item.location ?? '' },
    validate: (values) => zodFormErrors(moveInRoomsInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const move = useMutation(
    trpc.equipment.items.moveInRooms.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved.id, saved);
        notifications.show({ color: 'green', message: t('equipment.move.done') });
        onClose();
      },
      onError: (error) => {
        if (domainCodeOf(error) === 'STALE_VERSION') setStale(true);
        else errors.onError(error);
      },
    }),
  );
  // Someone changed the item meanwhile: load it (the dialog then sends the new version) and try again.
  const reload = useMutation({ mutationFn: () => changed(item.id), onSuccess: () => setStale(false) });
  return (
    <Modal opened onClose={onClose} title={t('equipment.move.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => move.mutate(moveInRoomsInput.parse(toInput(v))))}>
        <Stack>
          {stale && <StaleVersionAlert reloading={reload.isPending} onReload={() => reload.mutate()} />}
          <Alert color="blue">{t('equipment.move.hint')}</Alert>
          <TextInput
            label={t('equipment.move.location')}
            data-autofocus
            {...form.getInputProps('location')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('equipment.move.title')}
          submitting={move.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

/** A move to another centre is the department's decision: this only asks for it. */
export function TransferModal({ item, onClose }: ItemModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useItemChanged();
  const toInput = (v: { toFacilityId: string | null; reason: string }) => ({
    itemId: item.id,
    toFacilityId: v.toFacilityId,
    reason: v.reason,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { toFacilityId: null as string | null, reason: '' },
    validate: (values) => zodFormErrors(transferRequestInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors, { FACILITY_NOT_FOUND: 'toFacilityId' });
  const request = useMutation(
    trpc.equipment.requests.transfer.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        await changed(item.id);
        notifications.show({ color: 'green', message: t('equipment.transfer.done') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('equipment.transfer.title')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => request.mutate(transferRequestInput.parse(toInput(v))))}
      >
        <Stack>
          <Alert color="blue">{t('equipment.transfer.hint')}</Alert>
          <FacilitySelect
            label={t('equipment.transfer.toFacility')}
            required
            wholeNetwork
            excludeId={item.facilityId}
            nothingFoundMessage={t('equipment.transfer.noOtherFacility')}
            {...form.getInputProps('toFacilityId')}
            value={form.getValues().toFacilityId}
          />
          <Textarea
            label={t('equipment.transfer.reason')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('equipment.transfer.title')}
          submitting={request.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

export function DisposalModal({ item, onClose }: ItemModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useItemChanged();
  const toInput = (v: { reason: string }) => ({ itemId: item.id, reason: v.reason });
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: (values) => zodFormErrors(disposalRequestInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const request = useMutation(
    trpc.equipment.requests.disposal.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        await changed(item.id);
        notifications.show({ color: 'green', message: t('equipment.disposal.done') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('equipment.disposal.title')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => request.mutate(disposalRequestInput.parse(toInput(v))))}
      >
        <Stack>
          <Alert color="orange">{t('equipment.disposal.hint')}</Alert>
          <Textarea
            label={t('equipment.disposal.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('equipment.disposal.title')}
          submitting={request.isPending}
          error={errors.general}
          color="red"
        />
      </form>
    </Modal>
  );
}
