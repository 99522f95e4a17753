import { MultiSelect, type OptionsFilter, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';

/** Facilities of the selected ids, fetched one by one; the batch link sends them as one request. */
function useFacilitiesById(ids: string[]) {
  const trpc = useTRPC();
  return useQueries({ queries: ids.map((id) => trpc.facilities.byId.queryOptions({ id })) });
}

/**
 * A province can hold many facilities, so options come from the server's (diacritic-insensitive) search
 * rather than one big list; the already-selected facilities are always included so their names show.
 */
function useFacilityOptions(search: string, selectedIds: string[]) {
  const trpc = useTRPC();
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    ...trpc.facilities.list.queryOptions({ search: debounced || undefined, page: 1, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const selected = useFacilitiesById(selectedIds).flatMap((q) => (q.data ? [q.data] : []));
  const byId = new Map([...selected, ...(found.data?.items ?? [])].map((f) => [f.id, f]));
  return [...byId.values()].map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }));
}

// The server already matched the search ignoring diacritics; filtering again here would undo that.
const keepServerResults: OptionsFilter = ({ options }) => options;

interface FacilityPickerProps {
  multiple: boolean;
  label: string;
  description: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: React.ReactNode;
}

export function FacilityPicker({ multiple, value, onChange, ...props }: FacilityPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const data = useFacilityOptions(search, value);
  const common = {
    ...props,
    withAsterisk: true,
    searchable: true,
    data,
    placeholder: t('users.facilityPlaceholder'),
    searchValue: search,
    onSearchChange: setSearch,
    filter: keepServerResults,
  };
  return multiple ? (
    <MultiSelect {...common} value={value} onChange={onChange} />
  ) : (
    <Select {...common} value={value[0] ?? null} onChange={(id) => onChange(id ? [id] : [])} />
  );
}

/** Names of a user's facilities for the users table. */
export function FacilityNames({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const names = useFacilitiesById(ids).map((q, i) => q.data?.name ?? ids[i]);
  return <Text size="sm">{names.length > 0 ? names.join('; ') : t('common.empty')}</Text>;
}
