import type { ApplicationDetail } from '@ansinh/schemas/waitlist';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/**
 * After an application changed: its detail is what the server returned; the queue (ranks move), the
 * metrics and the beds (an offer reserves one, an answer frees or fills it) are read again.
 */
export function useWaitlistChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (application: ApplicationDetail) => {
    queryClient.setQueryData(trpc.waitlist.byId.queryKey({ id: application.id }), application);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.waitlist.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.waitlist.metrics.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.capacity.pathKey() }),
    ]);
  };
}
