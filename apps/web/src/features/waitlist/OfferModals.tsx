import type { BedView } from '@ansinh/schemas/capacity';
import {
  type ApplicationDetail,
  applicationWithdrawInput,
  declineOfferInput,
  type OfferView,
  offerInput,
  withdrawOfferInput,
} from '@ansinh/schemas/waitlist';
import { Alert, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { useFacilityScope } from '../../auth/session.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { today } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useWaitlistChanged } from './use-waitlist-changed.ts';

/** Refusals about the chosen bed are shown on the bed input. */
const bedErrorFields = {
  BED_NOT_FOUND: 'bedId',
  BED_TAKEN: 'bedId',
  BED_OUT_OF_SERVICE: 'bedId',
  BED_RESERVED: 'bedId',
  BED_OCCUPIED: 'bedId',
  OFFER_OPEN: 'bedId',
} as const;

const isFree = (bed: BedView) => bed.status === 'available' && !bed.occupant && !bed.offeredTo;

interface OfferFormState {
  facilityId: string | null;
  bedId: string | null;
  offeredOn: string | null;
}

/** A specific free bed: first the facility, then one of its beds that nobody holds or is offered. */
export function OfferBedModal({
  application,
  onClose,
}: {
  application: ApplicationDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useWaitlistChanged();
  const { ownFacilityId } = useFacilityScope();
  const toInput = (v: OfferFormState) => ({
    applicationId: application.id,
    bedId: v.bedId,
    offeredOn: v.offeredOn ?? undefined,
  });
  const form = useForm<OfferFormState>({
    mode: 'controlled',
    initialValues: {
      facilityId: ownFacilityId ?? application.requestedFacilityId,
      bedId: null,
      offeredOn: today(),
    },
    validate: (values) => zodFormErrors(offerInput, toInput(values)),
  });
  const { facilityId, bedId } = form.getValues();
  const beds = useQuery({
    ...trpc.capacity.beds.queryOptions({ facilityId: facilityId ?? '' }),
    enabled: Boolean(facilityId),
    staleTime: 0,
  });
  const rooms = (beds.data?.rooms ?? [])
    .map((room) => ({
      group: room.name,
      items: room.beds.filter(isFree).map((b) => ({ value: b.id, label: b.code })),
    }))
    .filter((room) => room.items.length > 0);
  const freeCount = rooms.reduce((n, room) => n + room.items.length, 0);
  const errors = useServerErrors(form.setErrors, bedErrorFields);
  const offer = useMutation(
    trpc.waitlist.offer.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved);
        const bed = rooms.flatMap((r) => r.items).find((b) => b.value === bedId);
        notifications.show({
          color: 'green',
          message: t('planning.waitlist.offer.done', { bed: bed?.label ?? '' }),
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
      title={t('planning.waitlist.offer.title', { name: application.fullName })}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => offer.mutate(offerInput.parse(toInput(v))))}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('planning.waitlist.offer.hint')}
          </Text>
          <FacilitySelect
            label={t('planning.waitlist.offer.facility')}
            required
            value={facilityId}
            onChange={(id) => form.setValues({ facilityId: id, bedId: null })}
          />
          {!facilityId && <Text size="sm">{t('planning.waitlist.offer.chooseFacility')}</Text>}
          {beds.isError && <Alert color="red">{t('errors.generic')}</Alert>}
          {beds.data && freeCount === 0 && (
            <Alert color="yellow">{t('planning.waitlist.offer.noFreeBeds')}</Alert>
          )}
          <Select
            label={t('planning.waitlist.offer.bed')}
            placeholder={t('planning.waitlist.offer.bedPlaceholder')}
            description={beds.data ? t('planning.waitlist.offer.freeBeds', { count: freeCount }) : undefined}
            required
            searchable
            disabled={!facilityId || beds.isPending || freeCount === 0}
            data={rooms}
            {...form.getInputProps('bedId')}
          />
          <DateField
            label={t('planning.waitlist.offer.offeredOn')}
            required
            maxDate={today()}
            {...form.getInputProps('offeredOn')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('planning.waitlist.offer.submit')}
          submitting={offer.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

/** The person said no: the bed is freed and the application waits again; the reason is kept. */
export function DeclineOfferModal({ offer, onClose }: { offer: OfferView; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useWaitlistChanged();
  const toInput = (v: { reason: string; decidedOn: string | null }) => ({
    offerId: offer.id,
    reason: v.reason,
    decidedOn: v.decidedOn ?? undefined,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '', decidedOn: today() as string | null },
    validate: (values) => zodFormErrors(declineOfferInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const decline = useMutation(
    trpc.waitlist.declineOffer.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved);
        notifications.show({ color: 'green', message: t('planning.waitlist.decline.done') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('planning.waitlist.decline.title', { bed: offer.bedCode })}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => decline.mutate(declineOfferInput.parse(toInput(v))))}>
        <Stack>
          <Textarea
            label={t('planning.waitlist.decline.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <DateField
            label={t('planning.waitlist.offerFields.decidedOn')}
            maxDate={today()}
            {...form.getInputProps('decidedOn')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('planning.waitlist.decline.submit')}
          submitting={decline.isPending}
          error={errors.general}
          color="red"
        />
      </form>
    </Modal>
  );
}

/** The centre takes the offer back (the bed is needed elsewhere, say); the application waits again. */
export function WithdrawOfferModal({ offer, onClose }: { offer: OfferView; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useWaitlistChanged();
  const toInput = (v: { reason: string }) => ({ offerId: offer.id, reason: v.reason });
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: (values) => zodFormErrors(withdrawOfferInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const withdraw = useMutation(
    trpc.waitlist.withdrawOffer.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved);
        notifications.show({ color: 'green', message: t('planning.waitlist.withdrawOffer.done') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('planning.waitlist.withdrawOffer.title', { bed: offer.bedCode })}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => withdraw.mutate(withdrawOfferInput.parse(toInput(v))))}>
        <Textarea
          label={t('planning.waitlist.withdrawOffer.reason')}
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('planning.waitlist.withdrawOffer.submit')}
          submitting={withdraw.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

/** The application leaves the queue for good, with the reason on record. */
export function WithdrawApplicationModal({
  application,
  onClose,
}: {
  application: ApplicationDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useWaitlistChanged();
  const toInput = (v: { reason: string; withdrawnOn: string | null }) => ({
    id: application.id,
    version: application.version,
    reason: v.reason,
    withdrawnOn: v.withdrawnOn ?? undefined,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '', withdrawnOn: today() as string | null },
    validate: (values) => zodFormErrors(applicationWithdrawInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const withdraw = useMutation(
    trpc.waitlist.withdraw.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved);
        notifications.show({ color: 'green', message: t('planning.waitlist.withdraw.done') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('planning.waitlist.withdraw.title', { name: application.fullName })}
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => withdraw.mutate(applicationWithdrawInput.parse(toInput(v))))}
      >
        <Stack>
          <Alert color="orange">{t('planning.waitlist.withdraw.hint')}</Alert>
          <Textarea
            label={t('planning.waitlist.withdraw.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <DateField
            label={t('planning.waitlist.withdraw.withdrawnOn')}
            maxDate={today()}
            {...form.getInputProps('withdrawnOn')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('planning.waitlist.withdraw.submit')}
          submitting={withdraw.isPending}
          error={errors.general}
          color="red"
        />
      </form>
    </Modal>
  );
}
