import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/**
 * After a room, bed or placement change: the beds, their history and every figure read from them
 * (standards, occupancy, dashboards) and the residents' current bed are refetched.
 */
export function useBedsChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.capacity.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.standards.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.residents.byId.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.residents.timeline.pathKey() }),
    ]);
  };
}
