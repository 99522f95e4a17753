import { type AssessedSystem, assessedSystems, assessmentInput } from '@ansinh/schemas/investment';
import {
  Alert,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DateField } from '../../components/DateField.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { today } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { scoreColor } from './badges.tsx';

interface AssessmentFormState {
  assessedOn: string | null;
  notes: string;
  /** Every system in its fixed order; a system left at '' is not rated in this survey. */
  ratings: { system: AssessedSystem; score: string; notes: string }[];
}

const scoreOptions = ['1', '2', '3', '4', '5'];

/** The schema's ratings hold only the rated systems: its error paths are mapped back to the form's rows. */
function rated(values: AssessmentFormState) {
  return values.ratings.flatMap((r, row) => (r.score === '' ? [] : [{ ...r, row }]));
}

function toInput(facilityId: string, values: AssessmentFormState) {
  return {
    facilityId,
    assessedOn: values.assessedOn ?? '',
    notes: values.notes,
    ratings: rated(values).map((r) => ({ system: r.system, score: Number(r.score), notes: r.notes })),
  };
}

function toFormErrors(errors: FormErrors, values: AssessmentFormState): FormErrors {
  const rows = rated(values);
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const match = /^ratings\.(\d+)\.(.+)$/.exec(path);
      const row = match ? rows[Number(match[1])]?.row : undefined;
      return [row === undefined ? path : `ratings.${row}.${match?.[2]}`, message];
    }),
  );
}

/** A new survey: each system scored 1 to 5 with a note; systems not inspected are left unrated. */
export function AssessmentModal({ facilityId, onClose }: { facilityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<AssessmentFormState>({
    mode: 'controlled',
    initialValues: {
      assessedOn: today(),
      notes: '',
      ratings: assessedSystems.map((system) => ({ system, score: '', notes: '' })),
    },
    validate: (values) => toFormErrors(zodFormErrors(assessmentInput, toInput(facilityId, values)), values),
  });
  const errors = useServerErrors((e) => form.setErrors(toFormErrors(e, form.getValues())));
  const create = useMutation(
    trpc.investment.assessments.create.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.investment.assessments.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.investment.suggestions.pathKey() }),
        ]);
        notifications.show({ color: 'green', message: t('planning.investment.assessments.created') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  const values = form.getValues();
  return (
    <Modal opened onClose={onClose} title={t('planning.investment.assessments.createTitle')} size="xl">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => create.mutate(assessmentInput.parse(toInput(facilityId, v))))}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('planning.investment.assessments.assessedOn')}
              required
              maxDate={today()}
              {...form.getInputProps('assessedOn')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('planning.investment.assessments.scale')}
          </Text>
          {form.errors.ratings && (
            <Alert color="red">{t('planning.investment.assessments.atLeastOne')}</Alert>
          )}
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('planning.investment.assessments.score')}</Table.Th>
                <Table.Th>{t('planning.investment.assessments.systemNotes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.ratings.map((rating, row) => (
                <Table.Tr key={rating.system}>
                  <Table.Td fw={500}>{t(`planning.investment.systems.${rating.system}`)}</Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="sm"
                      aria-label={t(`planning.investment.systems.${rating.system}`)}
                      color={rating.score ? scoreColor(Number(rating.score)) : undefined}
                      data={[
                        { value: '', label: '–' },
                        ...scoreOptions.map((value) => ({ value, label: value })),
                      ]}
                      {...form.getInputProps(`ratings.${row}.score`)}
                    />
                    {form.errors[`ratings.${row}.score`] && (
                      <Text size="xs" c="red">
                        {form.errors[`ratings.${row}.score`]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`${t('planning.investment.assessments.systemNotes')} – ${t(`planning.investment.systems.${rating.system}`)}`}
                      disabled={rating.score === ''}
                      {...form.getInputProps(`ratings.${row}.notes`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Textarea
            label={t('planning.investment.assessments.notes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitting={create.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}
