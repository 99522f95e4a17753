import { facilityTypes } from '@ansinh/schemas/facility';
import { residentGroups } from '@ansinh/schemas/resident';
import {
  type applicationFilter,
  type applicationListInput,
  applicationSortFields,
  applicationStatusFilters,
  urgencies,
} from '@ansinh/schemas/waitlist';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { Sort } from '../../components/SortableTh.tsx';
import { oneOf, pageSizeParam, positiveInt, toSearchParams, uuidParam } from '../../lib/url-params.ts';

export type ApplicationSortField = (typeof applicationSortFields)[number];
export type StatusFilter = (typeof applicationStatusFilters)[number];
export type FacilityType = (typeof facilityTypes)[number];
export type ResidentGroup = (typeof residentGroups)[number];
export type UrgencyValue = (typeof urgencies)[number];

/** Everything that defines the visible list; it lives in the URL so it survives reloads, links and Back. */
export interface WaitlistState {
  page: number;
  pageSize: number;
  search: string;
  status: StatusFilter;
  facilityId: string | null;
  facilityType: FacilityType | null;
  /** Only narrows the commune choices; the list is filtered by the commune. */
  provinceCode: string | null;
  communeCode: string | null;
  group: ResidentGroup | null;
  urgency: UrgencyValue | null;
  sort: Sort<ApplicationSortField>;
}

const defaultSort: Sort<ApplicationSortField> = { field: 'priority', direction: 'asc' };
const defaultPageSize = 20;
const codeParam = (value: string | null) => (value && /^\d{1,10}$/.test(value) ? value : null);

function parse(params: URLSearchParams): WaitlistState {
  return {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizeParam(params.get('size'), defaultPageSize),
    search: params.get('q') ?? '',
    status: oneOf(applicationStatusFilters, params.get('status')) ?? 'open',
    facilityId: uuidParam(params.get('facilityId')),
    facilityType: oneOf(facilityTypes, params.get('type')),
    provinceCode: codeParam(params.get('province')),
    communeCode: codeParam(params.get('commune')),
    group: oneOf(residentGroups, params.get('group')),
    urgency: oneOf(urgencies, params.get('urgency')),
    sort: {
      field: oneOf(applicationSortFields, params.get('sort')) ?? defaultSort.field,
      direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    },
  };
}

/** Defaults are left out so the address stays short and a plain /waitlist is the queue in order. */
export function serializeWaitlist(state: Partial<WaitlistState>): URLSearchParams {
  return toSearchParams([
    ['q', state.search || null],
    ['status', !state.status || state.status === 'open' ? null : state.status],
    ['facilityId', state.facilityId ?? null],
    ['type', state.facilityType ?? null],
    ['province', state.provinceCode ?? null],
    ['commune', state.communeCode ?? null],
    ['group', state.group ?? null],
    ['urgency', state.urgency ?? null],
    ['sort', !state.sort || state.sort.field === defaultSort.field ? null : state.sort.field],
    ['dir', state.sort?.direction === 'desc' ? 'desc' : null],
    ['page', !state.page || state.page === 1 ? null : state.page],
    ['size', !state.pageSize || state.pageSize === defaultPageSize ? null : state.pageSize],
  ]);
}

export function useWaitlistState() {
  const [params, setParams] = useSearchParams();
  const state = parse(params);
  /** Any change other than the page itself shows a different list, so it starts again at page 1. */
  const update = (changes: Partial<WaitlistState>) => {
    setParams(serializeWaitlist({ ...state, page: 1, ...changes }), { replace: 'search' in changes });
  };
  return [state, update] as const;
}

export function toFilter(state: WaitlistState): z.input<typeof applicationFilter> {
  return {
    search: state.search || undefined,
    status: state.status,
    facilityId: state.facilityId ?? undefined,
    facilityType: state.facilityType ?? undefined,
    homeCommuneCode: state.communeCode ?? undefined,
    group: state.group ?? undefined,
    urgency: state.urgency ?? undefined,
    sort: state.sort,
  };
}

export function toListInput(state: WaitlistState): z.input<typeof applicationListInput> {
  return { ...toFilter(state), page: state.page, pageSize: state.pageSize };
}
