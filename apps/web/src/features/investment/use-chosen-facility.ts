import { useSearchParams } from 'react-router';
import { useFacilityScope } from '../../auth/session.tsx';
import { uuidParam } from '../../lib/url-params.ts';

/**
 * The facility a per-facility page shows, kept in the address (?facilityId=…) so it can be linked;
 * someone bound to one facility starts on theirs.
 */
export function useChosenFacility() {
  const [params, setParams] = useSearchParams();
  const { ownFacilityId } = useFacilityScope();
  const facilityId = uuidParam(params.get('facilityId')) ?? ownFacilityId;
  const choose = (id: string | null) => setParams(id ? { facilityId: id } : {});
  return [facilityId, choose] as const;
}
