import { conditions, type StocktakeReport, stocktakeUnexpectedInput } from '@ansinh/schemas/equipment';
import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../api/trpc.ts';
import { DialogActions } from '../../../components/DialogActions.tsx';
import { zodFormErrors } from '../../../lib/form-errors.ts';
import { useServerErrors } from '../../../lib/use-server-errors.ts';
import type { Condition } from '../types.ts';

interface UnexpectedValues {
  description: string;
  observedLocation: string;
  observedCondition: Condition | null;
  note: string;
}

/** Something found that is not in the register: noted for follow-up, not added to the register. */
export function UnexpectedModal({
  report,
  onSaved,
  onClose,
}: {
  report: StocktakeReport;
  onSaved: (report: StocktakeReport) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const toInput = (v: UnexpectedValues) => ({ stocktakeId: report.id, ...v });
  const form = useForm<UnexpectedValues>({
    mode: 'controlled',
    initialValues: { description: '', observedLocation: '', observedCondition: null, note: '' },
    validate: (values) => zodFormErrors(stocktakeUnexpectedInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const add = useMutation(
    trpc.equipment.stocktakes.addUnexpected.mutationOptions({
      onMutate: errors.clear,
      onSuccess: (saved) => {
        onSaved(saved);
        notifications.show({ color: 'green', message: t('equipment.stocktake.unexpectedAdded') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('equipment.stocktake.addUnexpected')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => add.mutate(stocktakeUnexpectedInput.parse(toInput(v))))}
      >
        <Stack>
          <TextInput
            label={t('equipment.stocktake.description')}
            required
            data-autofocus
            {...form.getInputProps('description')}
          />
          <TextInput
            label={t('equipment.stocktake.observedLocation')}
            {...form.getInputProps('observedLocation')}
          />
          <Select
            label={t('equipment.stocktake.observedCondition')}
            clearable
            data={conditions.map((value) => ({ value, label: t(`equipment.conditions.${value}`) }))}
            {...form.getInputProps('observedCondition')}
          />
          <Textarea
            label={t('equipment.stocktake.note')}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitting={add.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}
