import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc.ts';

/** Facilities of the selected ids, fetched one by one; the batch link sends them as one request. */
export function useFacilitiesById(ids: string[]) {
  const trpc = useTRPC();
  return useQueries({ queries: ids.map((id) => trpc.facilities.byId.queryOptions({ id })) });
}

/**
 * A province can hold many facilities, so options come from the server's (diacritic-insensitive) search
 * rather than one big list; the already-selected facilities are always included so their names show.
 * The server only returns facilities the user may see, so scoped users are offered their own.
 */
export function useFacilityOptions(search: string, selectedIds: string[], enabled = true) {
  const trpc = useTRPC();
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    ...trpc.facilities.list.queryOptions({ search: debounced || undefined, page: 1, pageSize: 20 }),
    placeholderData: keepPreviousData,
    enabled,
  });
  const selected = useFacilitiesById(enabled ? selectedIds : []).flatMap((q) => (q.data ? [q.data] : []));
  const byId = new Map([...selected, ...(found.data?.items ?? [])].map((f) => [f.id, f]));
  return [...byId.values()].map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }));
}

/**
 * Every operating facility of the network, from the public directory: a centre transferring a resident
 * must be able to name the receiving centre even though it may not see that centre's records.
 */
export function useDirectoryOptions(search: string, selectedIds: string[], enabled = true) {
  const trpc = useTRPC();
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    ...trpc.facilities.directory.queryOptions({ search: debounced || undefined, ids: selectedIds }),
    placeholderData: keepPreviousData,
    enabled,
  });
  return (found.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }));
}
