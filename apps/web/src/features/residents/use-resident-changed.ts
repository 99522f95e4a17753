import type { ResidentDetail } from '@ansinh/schemas/resident';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/**
 * After any change to a resident (edit, transfer, discharge, readmission): the record itself is known,
 * while lists, the change history, the entitlements computed from the old facts and the beds are refetched.
 */
export function useResidentChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (resident: ResidentDetail) => {
    queryClient.setQueryData(trpc.residents.byId.queryKey({ id: resident.id }), resident);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.residents.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.residents.timeline.queryKey({ id: resident.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.entitlements.pathKey() }),
      // Admissions, transfers and discharges take and free beds; care needs drive the staffing norms.
      queryClient.invalidateQueries({ queryKey: trpc.capacity.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.standards.pathKey() }),
    ]);
  };
}
