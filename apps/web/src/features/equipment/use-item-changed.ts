import type { Item } from '@ansinh/schemas/equipment';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/**
 * After any change to an item (edit, move, maintenance, request): the record itself is known when the
 * API returns it, while lists, the history, due maintenance and the dashboard are refetched.
 */
export function useItemChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (itemId: string, item?: Item) => {
    if (item) queryClient.setQueryData(trpc.equipment.items.byId.queryKey({ id: itemId }), item);
    else
      await queryClient.invalidateQueries({ queryKey: trpc.equipment.items.byId.queryKey({ id: itemId }) });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.equipment.items.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.equipment.items.history.queryKey({ id: itemId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.equipment.maintenance.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.equipment.requests.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.equipment.dashboard.pathKey() }),
    ]);
  };
}
