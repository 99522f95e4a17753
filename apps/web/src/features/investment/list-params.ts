import {
  type ProposalCategory,
  type ProposalFilter,
  type ProposalFundingSource,
  type ProposalListInput,
  type ProposalStatus,
  proposalCategories,
  proposalFundingSources,
  proposalSortFields,
  proposalStatuses,
} from '@ansinh/schemas/investment';
import { useSearchParams } from 'react-router';
import type { Sort } from '../../components/SortableTh.tsx';
import { oneOf, pageSizeParam, positiveInt, toSearchParams, uuidParam } from '../../lib/url-params.ts';

export type ProposalSortField = (typeof proposalSortFields)[number];

/** Everything that defines the visible list; it lives in the URL so it survives reloads, links and Back. */
export interface ProposalListState {
  page: number;
  pageSize: number;
  search: string;
  facilityId: string | null;
  status: ProposalStatus | null;
  category: ProposalCategory | null;
  fundingSource: ProposalFundingSource | null;
  year: number | null;
  sort: Sort<ProposalSortField>;
}

const defaultSort: Sort<ProposalSortField> = { field: 'updatedAt', direction: 'desc' };
const defaultPageSize = 20;

function yearParam(value: string | null): number | null {
  const year = positiveInt(value);
  return year !== null && year >= 2000 && year <= 2100 ? year : null;
}

function parse(params: URLSearchParams): ProposalListState {
  const field = oneOf(proposalSortFields, params.get('sort'));
  return {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizeParam(params.get('size'), defaultPageSize),
    search: params.get('q') ?? '',
    facilityId: uuidParam(params.get('facilityId')),
    status: oneOf(proposalStatuses, params.get('status')),
    category: oneOf(proposalCategories, params.get('category')),
    fundingSource: oneOf(proposalFundingSources, params.get('funding')),
    year: yearParam(params.get('year')),
    sort: field
      ? { field, direction: params.get('dir') === 'desc' ? 'desc' : 'asc' }
      : // The default (latest change first) is descending; ?dir=asc turns it round.
        { field: defaultSort.field, direction: params.get('dir') === 'asc' ? 'asc' : 'desc' },
  };
}

/** Defaults are left out so the address stays short and a plain /investment/proposals is the default list. */
export function serializeProposalList(state: Partial<ProposalListState>): URLSearchParams {
  const sortIsDefaultField = !state.sort || state.sort.field === defaultSort.field;
  const direction = state.sort?.direction ?? defaultSort.direction;
  return toSearchParams([
    ['facilityId', state.facilityId ?? null],
    ['q', state.search || null],
    ['status', state.status ?? null],
    ['category', state.category ?? null],
    ['funding', state.fundingSource ?? null],
    ['year', state.year ?? null],
    ['sort', sortIsDefaultField ? null : (state.sort?.field ?? null)],
    ['dir', sortIsDefaultField ? (direction === 'asc' ? 'asc' : null) : direction === 'desc' ? 'desc' : null],
    ['page', !state.page || state.page === 1 ? null : state.page],
    ['size', !state.pageSize || state.pageSize === defaultPageSize ? null : state.pageSize],
  ]);
}

export function proposalListLink(filter: Partial<ProposalListState>): string {
  const query = serializeProposalList(filter).toString();
  return query ? `/investment/proposals?${query}` : '/investment/proposals';
}

export function useProposalListState() {
  const [params, setParams] = useSearchParams();
  const state = parse(params);
  /** Any change other than the page itself shows a different list, so it starts again at page 1. */
  const update = (changes: Partial<ProposalListState>) => {
    setParams(serializeProposalList({ ...state, page: 1, ...changes }), { replace: 'search' in changes });
  };
  return [state, update] as const;
}

export function toFilter(state: ProposalListState): ProposalFilter {
  return {
    search: state.search || undefined,
    facilityId: state.facilityId ?? undefined,
    status: state.status ?? undefined,
    category: state.category ?? undefined,
    fundingSource: state.fundingSource ?? undefined,
    requestedYear: state.year ?? undefined,
    sort: state.sort,
  };
}

export function toListInput(state: ProposalListState): ProposalListInput {
  return { ...toFilter(state), page: state.page, pageSize: state.pageSize };
}
