import { isCentreRole, type Role, roles, seesWholeProvince } from '@ansinh/domain/roles';
import { Select } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FacilityPicker } from './FacilityPicker.tsx';

export interface Assignment {
  role: Role | null;
  facilityIds: string[];
}

interface RoleFacilityFieldsProps {
  value: Assignment;
  onChange: (value: Assignment) => void;
  errors: FormErrors;
}

/**
 * Role and facilities go together: centre roles need exactly one facility, operators one or more,
 * department roles none — so changing the role drops facilities that no longer fit.
 */
export function RoleFacilityFields({ value, onChange, errors }: RoleFacilityFieldsProps) {
  const { t } = useTranslation();
  const { role, facilityIds } = value;
  const fitFacilities = (next: Role) => {
    if (seesWholeProvince(next)) return [];
    return isCentreRole(next) ? facilityIds.slice(0, 1) : facilityIds;
  };
  return (
    <>
      <Select
        label={t('users.fields.role')}
        withAsterisk
        allowDeselect={false}
        data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={role}
        error={errors.role}
        onChange={(next) => next && onChange({ role: next, facilityIds: fitFacilities(next) })}
      />
      {role && !seesWholeProvince(role) && (
        <FacilityPicker
          multiple={!isCentreRole(role)}
          label={t('users.fields.facilityIds')}
          description={t(isCentreRole(role) ? 'users.facilityHint.one' : 'users.facilityHint.many')}
          value={facilityIds}
          onChange={(ids) => onChange({ role, facilityIds: ids })}
          error={errors.facilityIds}
        />
      )}
    </>
  );
}
