import { facilityStatuses, facilityTypes, ownerships } from '@ansinh/schemas/facility';
import { Grid, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppConfig } from '../../api/config.ts';
import { SearchBox } from '../../components/SearchBox.tsx';
import { CommuneSelect } from './AdminUnitSelects.tsx';
import type { FacilityListState } from './list-params.ts';

interface FacilityFiltersProps {
  state: FacilityListState;
  onChange: (changes: Partial<FacilityListState>) => void;
}

export function FacilityFilters({ state, onChange }: FacilityFiltersProps) {
  const { t } = useTranslation();
  const config = useAppConfig();
  return (
    <Grid mb="md">
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <SearchBox
          label={t('facility.list.search')}
          placeholder={t('facility.list.searchPlaceholder')}
          value={state.search}
          onSearch={(search) => onChange({ search })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
        <Select
          label={t('facility.fields.type')}
          placeholder={t('common.all')}
          clearable
          data={facilityTypes.map((value) => ({ value, label: t(`facility.types.${value}`) }))}
          value={state.type}
          onChange={(type) => onChange({ type })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
        <Select
          label={t('facility.fields.ownership')}
          placeholder={t('common.all')}
          clearable
          data={ownerships.map((value) => ({ value, label: t(`facility.ownerships.${value}`) }))}
          value={state.ownership}
          onChange={(ownership) => onChange({ ownership })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
        <Select
          label={t('facility.fields.status')}
          placeholder={t('common.all')}
          clearable
          data={facilityStatuses.map((value) => ({ value, label: t(`facility.statuses.${value}`) }))}
          value={state.status}
          onChange={(status) => onChange({ status })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
        <CommuneSelect
          label={t('facility.fields.communeCode')}
          placeholder={t('common.all')}
          clearable
          provinceCode={config.data?.homeProvinceCode ?? null}
          value={state.communeCode}
          onChange={(communeCode) => onChange({ communeCode })}
        />
      </Grid.Col>
    </Grid>
  );
}
