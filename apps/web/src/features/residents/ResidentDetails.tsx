import { circumstanceFields, incomeFields, type ResidentDetail } from '@ansinh/schemas/resident';
import { DataList, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBirthDate, formatDate, formatVnd } from '../../lib/format.ts';

/** The recorded facts the entitlements are computed from; "unknown" answers are shown as such. */
export function ResidentDetails({ resident: r }: { resident: ResidentDetail }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const text = (value: string | null) => value || empty;
  const flag = (value: boolean | null) =>
    t(value === null ? 'resident.tri.unknown' : value ? 'resident.tri.yes' : 'resident.tri.no');
  const money = (value: number | null) => (value === null ? t('common.unknown') : formatVnd(value));

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('resident.profile.details')}
      </Title>
      <DataList orientation="horizontal" gap="xs">
        <Item label={t('resident.fields.birthDate')}>
          {formatBirthDate(r.birthDate, r.birthDatePrecision)}
        </Item>
        <Item label={t('resident.fields.idNumber')}>{text(r.idNumber)}</Item>
        <Item label={t('resident.fields.healthInsuranceNumber')}>{text(r.healthInsuranceNumber)}</Item>
        <Item label={t('resident.fields.ethnicity')}>{text(r.ethnicity)}</Item>
        <Item label={t('resident.fields.homeCommuneCode')}>{text(r.homeCommuneName)}</Item>
        <Item label={t('resident.fields.disabilityLevel')}>
          {r.disabilityLevel
            ? t(`resident.disabilityLevels.${r.disabilityLevel}`)
            : t('resident.form.noDisability')}
        </Item>
        {r.disabilityType && (
          <Item label={t('resident.fields.disabilityType')}>
            {t(`resident.disabilityTypes.${r.disabilityType}`)}
          </Item>
        )}
        {r.disabilityCertificate && (
          <Item label={t('resident.fields.disabilityCertificate')}>{r.disabilityCertificate}</Item>
        )}
        <Item label={t('capacity.careNeeds.selfCare')}>{flag(r.selfCare)}</Item>
        <Item label={t('capacity.careNeeds.mentalIllnessSeverity')}>
          {r.mentalIllnessSeverity
            ? t(`capacity.careNeeds.severities.${r.mentalIllnessSeverity}`)
            : t('capacity.careNeeds.noMentalIllness')}
        </Item>
        <Item label={t('capacity.careNeeds.foundHomeless')}>{flag(r.foundHomeless)}</Item>
        {circumstanceFields.map((field) => (
          <Item key={field} label={t(`resident.fields.${field}`)}>
            {flag(r[field])}
          </Item>
        ))}
        {incomeFields.map((field) => (
          <Item key={field} label={t(`resident.fields.${field}`)}>
            {money(r[field])}
          </Item>
        ))}
        <Item label={t('resident.fields.studyingUntil')}>{formatDate(r.studyingUntil) || empty}</Item>
        {r.emergencyExtendedUntil && (
          <Item label={t('resident.fields.emergencyExtendedUntil')}>
            {formatDate(r.emergencyExtendedUntil)}
          </Item>
        )}
        <Item label={t('resident.fields.guardianContacts')}>{text(r.guardianContacts)}</Item>
        <Item label={t('resident.fields.notes')}>{text(r.notes)}</Item>
      </DataList>
    </Paper>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
