import { useSearchParams } from 'react-router';
import { useFacilityScope } from '../../auth/session.tsx';
import { uuidParam } from '../../lib/url-params.ts';

/**
 * The facility a capacity page shows, kept in the address (?facility=…) so a link opens the same view.
 * Someone bound to one centre always gets theirs.
 */
export function useFacilityParam(): [string | null, (facilityId: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const { ownFacilityId } = useFacilityScope();
  const facilityId = uuidParam(params.get('facility')) ?? ownFacilityId;
  const setFacility = (id: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('facility', id);
      else next.delete('facility');
      return next;
    });
  return [facilityId, setFacility];
}
