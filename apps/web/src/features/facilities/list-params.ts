import {
  type FacilityFilter,
  type FacilityListInput,
  type FacilityStatus,
  type FacilityType,
  facilitySortFields,
  facilityStatuses,
  facilityTypes,
  type Ownership,
  ownerships,
} from '@ansinh/schemas/facility';
import { useSearchParams } from 'react-router';
import type { Sort } from '../../components/SortableTh.tsx';
import { oneOf, pageSizeParam, positiveInt, toSearchParams } from '../../lib/url-params.ts';

export type FacilitySortField = (typeof facilitySortFields)[number];

/** Everything that defines the visible list; it lives in the URL so it survives reloads, links and Back. */
export interface FacilityListState {
  page: number;
  pageSize: number;
  search: string;
  type: FacilityType | null;
  ownership: Ownership | null;
  status: FacilityStatus | null;
  communeCode: string | null;
  sort: Sort<FacilitySortField>;
}

const defaultSort: Sort<FacilitySortField> = { field: 'name', direction: 'asc' };
const defaultPageSize = 20;

function parse(params: URLSearchParams): FacilityListState {
  return {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizeParam(params.get('size'), defaultPageSize),
    search: params.get('q') ?? '',
    type: oneOf(facilityTypes, params.get('type')),
    ownership: oneOf(ownerships, params.get('ownership')),
    status: oneOf(facilityStatuses, params.get('status')),
    communeCode: /^\d{5}$/.test(params.get('commune') ?? '') ? params.get('commune') : null,
    sort: {
      field: oneOf(facilitySortFields, params.get('sort')) ?? defaultSort.field,
      direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    },
  };
}

/** Defaults are left out so the address stays short and a plain /facilities is the default list. */
function serialize(state: FacilityListState): URLSearchParams {
  return toSearchParams([
    ['q', state.search || null],
    ['type', state.type],
    ['ownership', state.ownership],
    ['status', state.status],
    ['commune', state.communeCode],
    ['sort', state.sort.field === defaultSort.field ? null : state.sort.field],
    ['dir', state.sort.direction === 'desc' ? 'desc' : null],
    ['page', state.page === 1 ? null : state.page],
    ['size', state.pageSize === defaultPageSize ? null : state.pageSize],
  ]);
}

export function useFacilityListState() {
  const [params, setParams] = useSearchParams();
  const state = parse(params);
  /** Any change other than the page itself shows a different list, so it starts again at page 1. */
  const update = (changes: Partial<FacilityListState>) => {
    setParams(serialize({ ...state, page: 1, ...changes }), { replace: 'search' in changes });
  };
  return [state, update] as const;
}

export function toFilter(state: FacilityListState): FacilityFilter {
  return {
    search: state.search || undefined,
    type: state.type ?? undefined,
    ownership: state.ownership ?? undefined,
    status: state.status ?? undefined,
    communeCode: state.communeCode ?? undefined,
    sort: state.sort,
  };
}

export function toListInput(state: FacilityListState): FacilityListInput {
  return { ...toFilter(state), page: state.page, pageSize: state.pageSize };
}
