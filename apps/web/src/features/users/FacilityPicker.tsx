import { MultiSelect, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFacilitiesById, useFacilityOptions } from '../../api/facilities.ts';
import { keepServerResults } from '../../lib/select-filter.ts';

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
