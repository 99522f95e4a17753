import { ageBands, disabilityLevels, entitlementStatuses, residentGroups } from '@ansinh/schemas/resident';
import { Grid, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FacilityFilterSelect } from '../../components/FacilitySelect.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import type { CareStatus, ResidentListState } from './list-params.ts';

interface ResidentFiltersProps {
  state: ResidentListState;
  onChange: (changes: Partial<ResidentListState>) => void;
}

export function ResidentFilters({ state, onChange }: ResidentFiltersProps) {
  const { t } = useTranslation();
  /** A select of one filter whose options are labelled from the given translation group. */
  const filter = <T extends string>(
    label: string,
    values: readonly T[],
    key: keyof ResidentListState,
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
    <Grid mb="md">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <SearchBox
          label={t('resident.list.search')}
          placeholder={t('resident.list.searchPlaceholder')}
          value={state.search}
          onSearch={(search) => onChange({ search })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
        <FacilityFilterSelect value={state.facilityId} onChange={(facilityId) => onChange({ facilityId })} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="care-status-label">
            {t('resident.fields.careStatus')}
          </Text>
          <SegmentedControl
            aria-labelledby="care-status-label"
            fullWidth
            value={state.careStatus}
            onChange={(careStatus) => onChange({ careStatus: careStatus as CareStatus })}
            data={(['in_care', 'discharged'] as const).map((value) => ({
              value,
              label: t(`resident.careStatuses.${value}`),
            }))}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {filter(t('resident.fields.group'), residentGroups, 'group', (v) => t(`resident.groups.${v}`))}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {filter(t('resident.filters.ageBand'), ageBands, 'ageBand', (v) => t(`resident.ageBands.${v}`))}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {filter(t('resident.fields.disabilityLevel'), disabilityLevels, 'disabilityLevel', (v) =>
          t(`resident.disabilityLevels.${v}`),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {filter(t('resident.fields.entitlementStatus'), entitlementStatuses, 'entitlementStatus', (v) =>
          t(`resident.entitlementStatuses.${v}`),
        )}
      </Grid.Col>
    </Grid>
  );
}
