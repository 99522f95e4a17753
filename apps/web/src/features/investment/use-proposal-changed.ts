import type { ProposalDetail } from '@ansinh/schemas/investment';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/**
 * After a proposal changed: its detail is what the server just returned, while the lists, totals and
 * suggested needs (which say whether a need is already proposed) are read again.
 */
export function useProposalChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (proposal: ProposalDetail) => {
    queryClient.setQueryData(trpc.investment.byId.queryKey({ id: proposal.id }), proposal);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.investment.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.investment.totals.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.investment.suggestions.pathKey() }),
    ]);
  };
}
