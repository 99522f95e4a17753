import { Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectoryOptions, useFacilityOptions } from '../api/facilities.ts';
import { useFacilityScope } from '../auth/session.tsx';
import { keepServerResults } from '../lib/select-filter.ts';

type FacilitySelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'filter'> & {
  value: string | null;
  onChange: (facilityId: string | null) => void;
  /** E.g. the facility a resident is transferred from. */
  excludeId?: string;
  /** Offer every operating facility (the public directory), not only those the user may see. */
  wholeNetwork?: boolean;
};

/** One facility among those the user may see, found by the server's search. */
export function FacilitySelect({ value, onChange, excludeId, wholeNetwork, ...props }: FacilitySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const selected = value ? [value] : [];
  const visible = useFacilityOptions(search, selected, !wholeNetwork);
  const network = useDirectoryOptions(search, selected, Boolean(wholeNetwork));
  const data = (wholeNetwork ? network : visible).filter((o) => o.value !== excludeId);
  return (
    <Select
      placeholder={t('common.facilityPlaceholder')}
      {...props}
      searchable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerResults}
    />
  );
}

/**
 * The facility filter of a list: the department may clear it to see the whole province; someone bound
 * to one facility always sees that one; an operator may clear it to see all of theirs.
 */
export function FacilityFilterSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (facilityId: string | null) => void;
}) {
  const { t } = useTranslation();
  const { wholeProvince, ownFacilityId } = useFacilityScope();
  return (
    <FacilitySelect
      label={t('common.facility')}
      placeholder={t(wholeProvince ? 'common.wholeProvince' : 'common.allMyFacilities')}
      clearable={!ownFacilityId}
      value={value ?? ownFacilityId}
      onChange={onChange}
    />
  );
}
