import {
  ageBands,
  type DisabilityLevel,
  disabilityLevels,
  entitlementStatuses,
  type ResidentFilter,
  type ResidentGroup,
  residentGroups,
  type residentListInput,
  residentSortFields,
} from '@ansinh/schemas/resident';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { Sort } from '../../components/SortableTh.tsx';
import { oneOf, pageSizeParam, positiveInt, toSearchParams, uuidParam } from '../../lib/url-params.ts';

export type ResidentSortField = (typeof residentSortFields)[number];
export type CareStatus = ResidentFilter['careStatus'];

/** Everything that defines the visible list; it lives in the URL so it survives reloads, links and Back. */
export interface ResidentListState {
  page: number;
  pageSize: number;
  search: string;
  facilityId: string | null;
  group: ResidentGroup | null;
  ageBand: (typeof ageBands)[number] | null;
  disabilityLevel: DisabilityLevel | null;
  entitlementStatus: (typeof entitlementStatuses)[number] | null;
  careStatus: CareStatus;
  sort: Sort<ResidentSortField>;
}

const defaultSort: Sort<ResidentSortField> = { field: 'fullName', direction: 'asc' };
const defaultPageSize = 20;

function parse(params: URLSearchParams): ResidentListState {
  return {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizeParam(params.get('size'), defaultPageSize),
    search: params.get('q') ?? '',
    // The facility page links here with ?facilityId=…
    facilityId: uuidParam(params.get('facilityId')),
    group: oneOf(residentGroups, params.get('group')),
    ageBand: oneOf(ageBands, params.get('age')),
    disabilityLevel: oneOf(disabilityLevels, params.get('disability')),
    entitlementStatus: oneOf(entitlementStatuses, params.get('entitlement')),
    careStatus: params.get('care') === 'discharged' ? 'discharged' : 'in_care',
    sort: {
      field: oneOf(residentSortFields, params.get('sort')) ?? defaultSort.field,
      direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    },
  };
}

/** Defaults are left out so the address stays short and a plain /residents is the default list. */
function serialize(state: ResidentListState): URLSearchParams {
  return toSearchParams([
    ['facilityId', state.facilityId],
    ['q', state.search || null],
    ['group', state.group],
    ['age', state.ageBand],
    ['disability', state.disabilityLevel],
    ['entitlement', state.entitlementStatus],
    ['care', state.careStatus === 'discharged' ? 'discharged' : null],
    ['sort', state.sort.field === defaultSort.field ? null : state.sort.field],
    ['dir', state.sort.direction === 'desc' ? 'desc' : null],
    ['page', state.page === 1 ? null : state.page],
    ['size', state.pageSize === defaultPageSize ? null : state.pageSize],
  ]);
}

export function useResidentListState() {
  const [params, setParams] = useSearchParams();
  const state = parse(params);
  /** Any change other than the page itself shows a different list, so it starts again at page 1. */
  const update = (changes: Partial<ResidentListState>) => {
    setParams(serialize({ ...state, page: 1, ...changes }), { replace: 'search' in changes });
  };
  return [state, update] as const;
}

export function toFilter(state: ResidentListState): ResidentFilter {
  return {
    facilityId: state.facilityId ?? undefined,
    search: state.search || undefined,
    group: state.group ?? undefined,
    ageBand: state.ageBand ?? undefined,
    disabilityLevel: state.disabilityLevel ?? undefined,
    entitlementStatus: state.entitlementStatus ?? undefined,
    careStatus: state.careStatus,
    sort: state.sort,
  };
}

export function toListInput(state: ResidentListState): z.input<typeof residentListInput> {
  return { ...toFilter(state), page: state.page, pageSize: state.pageSize };
}
