import {
  dischargeInput,
  dischargeReasons,
  type ResidentDetail,
  readmitInput,
  transferInput,
} from '@ansinh/schemas/resident';
import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { useFacilityScope } from '../../auth/session.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { today } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { BedPicker } from '../capacity/BedPicker.tsx';
import { useResidentChanged } from './use-resident-changed.ts';

interface StayModalProps {
  resident: ResidentDetail;
  onClose: () => void;
}

/** What every successful stay change does: refresh what depends on it, confirm, close the dialog. */
function useStayChanged(onClose: () => void) {
  const changed = useResidentChanged();
  return async (resident: ResidentDetail, message: string) => {
    await changed(resident);
    notifications.show({ color: 'green', message });
    onClose();
  };
}

// Date refusals are about the date of the dialog whatever the server calls the column.
const dateErrors = (field: string) => ({ DATE_BEFORE_ADMISSION: field, STAY_OVERLAP: field }) as const;

export function TransferModal({
  resident,
  fromFacilityId,
  onClose,
}: StayModalProps & { fromFacilityId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const done = useStayChanged(onClose);
  const toInput = (v: {
    toFacilityId: string | null;
    transferredOn: string | null;
    decisionNumber: string;
    bedId: string | null;
  }) => ({
    residentId: resident.id,
    toFacilityId: v.toFacilityId,
    transferredOn: v.transferredOn ?? '',
    decisionNumber: v.decisionNumber,
    bedId: v.bedId,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      toFacilityId: null as string | null,
      transferredOn: today() as string | null,
      decisionNumber: '',
      bedId: null as string | null,
    },
    validate: (values) => zodFormErrors(transferInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors, {
    ...dateErrors('transferredOn'),
    FACILITY_NOT_FOUND: 'toFacilityId',
  });
  const transfer = useMutation(
    trpc.residents.transfer.mutationOptions({
      onMutate: errors.clear,
      onSuccess: (saved) => done(saved, t('resident.transfer.done', { name: resident.fullName })),
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('resident.transfer.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => transfer.mutate(transferInput.parse(toInput(v))))}>
        <Stack>
          <FacilitySelect
            label={t('resident.transfer.toFacility')}
            required
            excludeId={fromFacilityId}
            wholeNetwork
            nothingFoundMessage={t('resident.transfer.noOtherFacility')}
            {...form.getInputProps('toFacilityId')}
            value={form.getValues().toFacilityId}
            // A bed belongs to one facility: another facility starts without one.
            onChange={(toFacilityId) => form.setValues({ toFacilityId, bedId: null })}
          />
          <DateField
            label={t('resident.transfer.transferredOn')}
            required
            {...form.getInputProps('transferredOn')}
          />
          <TextInput
            label={t('resident.transfer.decisionNumber')}
            {...form.getInputProps('decisionNumber')}
          />
          <BedPicker
            label={t('capacity.placement.admissionBed')}
            placeholder={t('capacity.placement.admissionBedPlaceholder')}
            facilityId={form.getValues().toFacilityId}
            {...form.getInputProps('bedId')}
            value={form.getValues().bedId}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('resident.transfer.title')}
          submitting={transfer.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

/** Art. 30(2) reasons; a transfer is recorded by the transfer dialog instead. */
const reasons = dischargeReasons.filter((r) => r !== 'transferred');

export function DischargeModal({ resident, onClose }: StayModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const done = useStayChanged(onClose);
  const toInput = (v: { dischargedOn: string | null; reason: string | null; note: string }) => ({
    residentId: resident.id,
    dischargedOn: v.dischargedOn ?? '',
    reason: v.reason,
    note: v.note,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { dischargedOn: today() as string | null, reason: null as string | null, note: '' },
    validate: (values) => zodFormErrors(dischargeInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors, dateErrors('dischargedOn'));
  const discharge = useMutation(
    trpc.residents.discharge.mutationOptions({
      onMutate: errors.clear,
      onSuccess: (saved) => done(saved, t('resident.discharge.done', { name: resident.fullName })),
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('resident.discharge.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => discharge.mutate(dischargeInput.parse(toInput(v))))}>
        <Stack>
          <DateField
            label={t('resident.discharge.dischargedOn')}
            required
            {...form.getInputProps('dischargedOn')}
          />
          <Select
            label={t('resident.discharge.reason')}
            required
            data={reasons.map((value) => ({ value, label: t(`resident.dischargeReasons.${value}`) }))}
            {...form.getInputProps('reason')}
          />
          <Textarea
            label={t('resident.discharge.note')}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('resident.discharge.title')}
          submitting={discharge.isPending}
          error={errors.general}
          color="red"
        />
      </form>
    </Modal>
  );
}

export function ReadmitModal({ resident, onClose }: StayModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const done = useStayChanged(onClose);
  const { ownFacilityId } = useFacilityScope();
  const toInput = (v: {
    facilityId: string | null;
    admittedOn: string | null;
    decisionNumber: string;
    bedId: string | null;
  }) => ({
    residentId: resident.id,
    facilityId: v.facilityId,
    admittedOn: v.admittedOn ?? '',
    decisionNumber: v.decisionNumber,
    bedId: v.bedId,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      facilityId: ownFacilityId ?? resident.stays.at(-1)?.facilityId ?? null,
      admittedOn: today() as string | null,
      decisionNumber: '',
      bedId: null as string | null,
    },
    validate: (values) => zodFormErrors(readmitInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors, dateErrors('admittedOn'));
  const readmit = useMutation(
    trpc.residents.readmit.mutationOptions({
      onMutate: errors.clear,
      onSuccess: (saved) => done(saved, t('resident.readmit.done', { name: resident.fullName })),
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('resident.readmit.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => readmit.mutate(readmitInput.parse(toInput(v))))}>
        <Stack>
          <FacilitySelect
            label={t('resident.fields.facilityId')}
            required
            {...form.getInputProps('facilityId')}
            value={form.getValues().facilityId}
            onChange={(facilityId) => form.setValues({ facilityId, bedId: null })}
          />
          <DateField label={t('resident.fields.admittedOn')} required {...form.getInputProps('admittedOn')} />
          <TextInput label={t('resident.fields.decisionNumber')} {...form.getInputProps('decisionNumber')} />
          <BedPicker
            label={t('capacity.placement.admissionBed')}
            placeholder={t('capacity.placement.admissionBedPlaceholder')}
            facilityId={form.getValues().facilityId}
            {...form.getInputProps('bedId')}
            value={form.getValues().bedId}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('resident.readmit.title')}
          submitting={readmit.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}
