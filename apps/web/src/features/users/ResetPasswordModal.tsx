import { type User, userResetPasswordInput } from '@ansinh/schemas/user';
import { Modal, PasswordInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useUserSaved } from './use-user-saved.ts';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useUserSaved(onClose);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: (values) => zodFormErrors(userResetPasswordInput, { id: user.id, ...values }),
  });
  const errors = useServerErrors(form.setErrors);
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onMutate: errors.clear,
      onSuccess: () => saved(t('users.passwordReset')),
      onError: errors.onError,
    }),
  );

  return (
    <Modal opened onClose={onClose} title={t('users.resetPassword')}>
      <form noValidate onSubmit={form.onSubmit(({ password }) => reset.mutate({ id: user.id, password }))}>
        <Text fw={500} mb="sm">
          {user.fullName} ({user.username})
        </Text>
        <PasswordInput
          label={t('users.fields.password')}
          description={t('users.passwordHint')}
          withAsterisk
          autoComplete="new-password"
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('users.resetPassword')}
          submitting={reset.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}
