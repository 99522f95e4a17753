import type { User } from '@ansinh/schemas/user';
import { Modal, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { useUserSaved } from './use-user-saved.ts';

export function DeactivateUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useUserSaved(onClose);
  const deactivate = useMutation(
    trpc.users.deactivate.mutationOptions({ onSuccess: () => saved(t('users.deactivated')) }),
  );

  return (
    <Modal opened onClose={onClose} title={t('users.deactivate')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          deactivate.mutate({ id: user.id, version: user.version });
        }}
      >
        <Text>{t('users.deactivateConfirm', { name: `${user.fullName} (${user.username})` })}</Text>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('users.deactivate')}
          submitting={deactivate.isPending}
          error={deactivate.error}
          color="red"
        />
      </form>
    </Modal>
  );
}
