import type { Role } from '@ansinh/domain/roles';
import { userCreateInput } from '@ansinh/schemas/user';
import { Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { RoleFacilityFields } from './RoleFacilityFields.tsx';
import { useUserSaved } from './use-user-saved.ts';

interface CreateUserValues {
  username: string;
  fullName: string;
  password: string;
  role: Role | null;
  facilityIds: string[];
}

export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useUserSaved(onClose);
  const form = useForm<CreateUserValues>({
    mode: 'controlled',
    initialValues: { username: '', fullName: '', password: '', role: null, facilityIds: [] },
    validate: (values) => zodFormErrors(userCreateInput, values),
  });
  const errors = useServerErrors(form.setErrors, { USERNAME_TAKEN: 'username' });
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onMutate: errors.clear,
      onSuccess: (user) => saved(t('users.created', { username: user.username })),
      onError: errors.onError,
    }),
  );
  const values = form.getValues();

  return (
    <Modal opened onClose={onClose} title={t('users.add')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => create.mutate(userCreateInput.parse(v)))}>
        <Stack>
          <TextInput
            label={t('users.fields.username')}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('username')}
          />
          <TextInput label={t('users.fields.fullName')} withAsterisk {...form.getInputProps('fullName')} />
          <PasswordInput
            label={t('users.fields.password')}
            description={t('users.passwordHint')}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <RoleFacilityFields
            value={{ role: values.role, facilityIds: values.facilityIds }}
            onChange={(assignment) => form.setValues(assignment)}
            errors={form.errors}
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
