import { conditions, equipmentCategories, itemStatuses } from '@ansinh/schemas/equipment';
import { Checkbox, Grid, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FacilityFilterSelect } from '../../components/FacilitySelect.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import type { ItemListState } from './list-params.ts';

interface EquipmentFiltersProps {
  state: ItemListState;
  onChange: (changes: Partial<ItemListState>) => void;
}

export function EquipmentFilters({ state, onChange }: EquipmentFiltersProps) {
  const { t } = useTranslation();
  /** A select of one filter whose options are labelled from the given translation group. */
  const filter = <T extends string>(
    label: string,
    values: readonly T[],
    key: keyof ItemListState,
    labelOf: (value: T) => string,
  ) => (
    <Select
      label={label}
      placeholder={t('common.all')}
      clearable
      data={values.map((value) => ({ value, label: labelOf(value) }))}
      value={state[key] as T | null}
      onChange={(value) => onChange({ [key]: value })}
    />
  );
  return (
    <Grid mb="md" align="flex-end">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <SearchBox
          label={t('equipment.list.search')}
          placeholder={t('equipment.list.searchPlaceholder')}
          value={state.search}
          onSearch={(search) => onChange({ search })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
        <FacilityFilterSelect value={state.facilityId} onChange={(facilityId) => onChange({ facilityId })} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {filter(t('equipment.fields.category'), equipmentCategories, 'category', (v) =>
          t(`equipment.categories.${v}`),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
        {filter(t('equipment.fields.condition'), conditions, 'condition', (v) =>
          t(`equipment.conditions.${v}`),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
        {filter(t('equipment.fields.status'), itemStatuses, 'status', (v) => t(`equipment.statuses.${v}`))}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {filter(t('equipment.filters.usefulLife'), ['past', 'within'] as const, 'usefulLife', (v) =>
          t(`equipment.filters.usefulLifeOptions.${v}`),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
        {filter(t('equipment.filters.maintenance'), ['due', 'overdue'] as const, 'maintenance', (v) =>
          t(`equipment.filters.maintenanceOptions.${v}`),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {/* A status filter already says which items are shown; "disposed" then includes them by itself. */}
        <Checkbox
          mb={8}
          label={t('equipment.filters.includeDisposed')}
          disabled={state.status !== null}
          checked={state.includeDisposed || state.status === 'disposed'}
          onChange={(event) => onChange({ includeDisposed: event.currentTarget.checked })}
        />
      </Grid.Col>
    </Grid>
  );
}
