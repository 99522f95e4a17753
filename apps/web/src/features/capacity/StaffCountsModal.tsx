import { type FacilityReport, setStaffInput, staffRoles } from '@ansinh/schemas/standards';
import { Modal, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';

type Role = (typeof staffRoles)[number];
type Values = { counts: Record<Role, number | string> };

/** The facility's headcount per role; an empty box means "not counted", which the gaps then say. */
export function StaffCountsModal({ report, onClose }: { report: FacilityReport; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toInput = (v: Values) => ({
    facilityId: report.facility.id,
    counts: Object.fromEntries(
      staffRoles.map((role) => [role, v.counts[role] === '' ? null : Number(v.counts[role])]),
    ),
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      counts: Object.fromEntries(staffRoles.map((role) => [role, report.staff.counts[role] ?? ''])) as Record<
        Role,
        number | string
      >,
    },
    validate: (values) => zodFormErrors(setStaffInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const save = useMutation(
    trpc.standards.setStaff.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.standards.pathKey() });
        notifications.show({ color: 'green', message: t('capacity.standards.staffSaved') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('capacity.standards.editStaff')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(setStaffInput.parse(toInput(v))))}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('capacity.standards.staffHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {staffRoles.map((role) => (
              <NumberInput
                key={role}
                label={t(`capacity.staffRoles.${role}`)}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps(`counts.${role}`)}
              />
            ))}
          </SimpleGrid>
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
