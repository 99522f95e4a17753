import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/** What every successful user change does: refresh the list, confirm, close the dialog. */
export function useUserSaved(onClose: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
    notifications.show({ color: 'green', message });
    onClose();
  };
}
