import { type User, userAssignInput } from '@ansinh/schemas/user';
import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { type Assignment, RoleFacilityFields } from './RoleFacilityFields.tsx';
import { useUserSaved } from './use-user-saved.ts';

export function AssignUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useUserSaved(onClose);
  const toInput = (values: Assignment) => ({ id: user.id, version: user.version, ...values });
  const form = useForm<Assignment>({
    mode: 'controlled',
    initialValues: { role: user.role, facilityIds: user.facilityIds },
    validate: (values) => zodFormErrors(userAssignInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const assign = useMutation(
    trpc.users.assign.mutationOptions({
      onMutate: errors.clear,
      onSuccess: () => saved(t('users.assigned')),
      onError: errors.onError,
    }),
  );

  return (
    <Modal opened onClose={onClose} title={t('users.assign')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => assign.mutate(userAssignInput.parse(toInput(v))))}>
        <Stack>
          <Text fw={500}>
            {user.fullName} ({user.username})
          </Text>
          <RoleFacilityFields value={form.getValues()} onChange={form.setValues} errors={form.errors} />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitting={assign.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}
