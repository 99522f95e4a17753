import {
  conditions,
  type EquipmentCategory,
  equipmentCategories,
  type ItemFilter,
  type itemListInput,
  itemSortFields,
  itemStatuses,
} from '@ansinh/schemas/equipment';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { Sort } from '../../components/SortableTh.tsx';
import { oneOf, pageSizeParam, positiveInt, toSearchParams, uuidParam } from '../../lib/url-params.ts';
import type { Condition, ItemStatus } from './types.ts';

export type ItemSortField = (typeof itemSortFields)[number];
export type UsefulLifeFilter = 'past' | 'within';
export type MaintenanceFilter = 'due' | 'overdue';

/** Everything that defines the visible list; it lives in the URL so it survives reloads, links and Back. */
export interface ItemListState {
  page: number;
  pageSize: number;
  search: string;
  facilityId: string | null;
  category: EquipmentCategory | null;
  condition: Condition | null;
  status: ItemStatus | null;
  usefulLife: UsefulLifeFilter | null;
  maintenance: MaintenanceFilter | null;
  includeDisposed: boolean;
  sort: Sort<ItemSortField>;
}

const defaultSort: Sort<ItemSortField> = { field: 'assetCode', direction: 'asc' };
const defaultPageSize = 20;

function parse(params: URLSearchParams): ItemListState {
  return {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizeParam(params.get('size'), defaultPageSize),
    search: params.get('q') ?? '',
    // The dashboard links here with ?facilityId=…&category=… and the like.
    facilityId: uuidParam(params.get('facilityId')),
    category: oneOf(equipmentCategories, params.get('category')),
    condition: oneOf(conditions, params.get('condition')),
    status: oneOf(itemStatuses, params.get('status')),
    usefulLife: oneOf(['past', 'within'] as const, params.get('life')),
    maintenance: oneOf(['due', 'overdue'] as const, params.get('maintenance')),
    includeDisposed: params.get('disposed') === '1',
    sort: {
      field: oneOf(itemSortFields, params.get('sort')) ?? defaultSort.field,
      direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    },
  };
}

/** Defaults are left out so the address stays short and a plain /equipment is the default list. */
export function serializeItemList(state: Partial<ItemListState>): URLSearchParams {
  return toSearchParams([
    ['facilityId', state.facilityId ?? null],
    ['q', state.search || null],
    ['category', state.category ?? null],
    ['condition', state.condition ?? null],
    ['status', state.status ?? null],
    ['life', state.usefulLife ?? null],
    ['maintenance', state.maintenance ?? null],
    ['disposed', state.includeDisposed ? '1' : null],
    ['sort', !state.sort || state.sort.field === defaultSort.field ? null : state.sort.field],
    ['dir', state.sort?.direction === 'desc' ? 'desc' : null],
    ['page', !state.page || state.page === 1 ? null : state.page],
    ['size', !state.pageSize || state.pageSize === defaultPageSize ? null : state.pageSize],
  ]);
}

/** A link to the item list showing only what `filter` says (dashboards and counters link here). */
export function itemListLink(filter: Partial<ItemListState>): string {
  const query = serializeItemList(filter).toString();
  return query ? `/equipment?${query}` : '/equipment';
}

export function useItemListState() {
  const [params, setParams] = useSearchParams();
  const state = parse(params);
  /** Any change other than the page itself shows a different list, so it starts again at page 1. */
  const update = (changes: Partial<ItemListState>) => {
    setParams(serializeItemList({ ...state, page: 1, ...changes }), { replace: 'search' in changes });
  };
  return [state, update] as const;
}

export function toFilter(state: ItemListState): ItemFilter {
  return {
    facilityId: state.facilityId ?? undefined,
    search: state.search || undefined,
    category: state.category ?? undefined,
    condition: state.condition ?? undefined,
    status: state.status ?? undefined,
    includeDisposed: state.includeDisposed,
    pastUsefulLife: state.usefulLife === null ? undefined : state.usefulLife === 'past',
    maintenance: state.maintenance ?? undefined,
    sort: state.sort,
  };
}

export function toListInput(state: ItemListState): z.input<typeof itemListInput> {
  return { ...toFilter(state), page: state.page, pageSize: state.pageSize };
}
