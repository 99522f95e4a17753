import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/** Rules and base levels decide every amount: after a change, entitlements are recomputed too. */
export function usePolicyChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.policies.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.entitlements.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.residents.list.pathKey() }),
    ]);
}
