import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { diacriticInsensitiveFilter } from '../../lib/select-filter.ts';

// Administrative units are reference data loaded once from the official 2025 list; no need to refetch.
const reference = { staleTime: Number.POSITIVE_INFINITY };

type UnitSelectProps = Omit<SelectProps, 'data' | 'searchable' | 'filter'>;

export function ProvinceSelect(props: UnitSelectProps) {
  const trpc = useTRPC();
  const provinces = useQuery(trpc.adminUnits.provinces.queryOptions(undefined, reference));
  return (
    <Select
      {...props}
      searchable
      filter={diacriticInsensitiveFilter}
      disabled={props.disabled || provinces.isPending}
      data={provinces.data?.map((p) => ({ value: p.code, label: p.name })) ?? []}
    />
  );
}

export function CommuneSelect({ provinceCode, ...props }: UnitSelectProps & { provinceCode: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const communes = useQuery({
    ...trpc.adminUnits.communes.queryOptions({ provinceCode: provinceCode ?? '' }, reference),
    enabled: Boolean(provinceCode),
  });
  return (
    <Select
      placeholder={t('facility.form.communePlaceholder')}
      {...props}
      searchable
      filter={diacriticInsensitiveFilter}
      disabled={props.disabled || !provinceCode || communes.isPending}
      data={communes.data?.map((c) => ({ value: c.code, label: c.name })) ?? []}
    />
  );
}
