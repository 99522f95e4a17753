import { facilityTypes } from '@ansinh/schemas/facility';
import { disabilityLevels, residentGroups, sexes } from '@ansinh/schemas/resident';
import { urgencies } from '@ansinh/schemas/waitlist';
import {
  Checkbox,
  Fieldset,
  Select,
  type SelectProps,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DateField } from '../../components/DateField.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { today } from '../../lib/format.ts';
import { diacriticInsensitiveFilter } from '../../lib/select-filter.ts';
import { ProvinceSelect } from '../facilities/AdminUnitSelects.tsx';
import { type ApplicationForm, flagFields } from './application-form.ts';

/** Everything the priority order and the admission need to know about an applicant. */
export function ApplicationFormFields({
  form,
  communeName,
}: {
  form: ApplicationForm;
  /** The stored commune's name, shown even when the province list has not been narrowed to it. */
  communeName?: string;
}) {
  const { t } = useTranslation();
  const values = form.getValues();
  const options = <T extends string>(list: readonly T[], labelOf: (value: T) => string) =>
    list.map((value) => ({ value, label: labelOf(value) }));
  return (
    <Stack>
      <Fieldset legend={t('planning.waitlist.form.sections.person')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('planning.waitlist.fields.fullName')}
            required
            {...form.getInputProps('fullName')}
          />
          <DateField
            label={t('planning.waitlist.fields.birthDate')}
            description={t('planning.waitlist.form.birthDateHint')}
            clearable
            maxDate={today()}
            {...form.getInputProps('birthDate')}
          />
          <Select
            label={t('planning.waitlist.fields.sex')}
            required
            allowDeselect={false}
            data={options(sexes, (v) => t(`resident.sexes.${v}`))}
            {...form.getInputProps('sex')}
          />
          <TextInput
            label={t('planning.waitlist.fields.idNumber')}
            inputMode="numeric"
            maxLength={12}
            {...form.getInputProps('idNumber')}
          />
          <ProvinceSelect
            label={t('planning.waitlist.fields.homeProvince')}
            value={values.homeProvinceCode}
            onChange={(code) => form.setValues({ homeProvinceCode: code, homeCommuneCode: null })}
          />
          <CommuneField
            label={t('planning.waitlist.fields.homeCommune')}
            required
            provinceCode={values.homeProvinceCode}
            knownName={communeName}
            {...form.getInputProps('homeCommuneCode')}
          />
          <Select
            label={t('planning.waitlist.fields.group')}
            required
            searchable
            filter={diacriticInsensitiveFilter}
            data={options(residentGroups, (v) => t(`resident.groups.${v}`))}
            {...form.getInputProps('group')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('planning.waitlist.form.sections.situation')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('planning.waitlist.form.situationHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('planning.waitlist.fields.urgency')}
            required
            allowDeselect={false}
            data={options(urgencies, (v) => t(`planning.waitlist.urgencies.${v}`))}
            {...form.getInputProps('urgency')}
          />
          <Select
            label={t('planning.waitlist.fields.disabilityLevel')}
            placeholder={t('planning.waitlist.form.noDisability')}
            clearable
            data={options(disabilityLevels, (v) => t(`resident.disabilityLevels.${v}`))}
            {...form.getInputProps('disabilityLevel')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
          {flagFields.map((flag) => (
            <Checkbox
              key={flag}
              label={t(`planning.waitlist.fields.${flag}`)}
              {...form.getInputProps(flag, { type: 'checkbox' })}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('planning.waitlist.form.sections.request')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('planning.waitlist.form.requestHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FacilitySelect
            label={t('planning.waitlist.fields.requestedFacility')}
            clearable
            {...form.getInputProps('requestedFacilityId')}
            value={values.requestedFacilityId}
          />
          <Select
            label={t('planning.waitlist.fields.requestedFacilityType')}
            clearable
            data={options(facilityTypes, (v) => t(`facility.types.${v}`))}
            {...form.getInputProps('requestedFacilityType')}
          />
          <DateField
            label={t('planning.waitlist.fields.appliedOn')}
            required
            maxDate={today()}
            {...form.getInputProps('appliedOn')}
          />
        </SimpleGrid>
        <Textarea
          mt="md"
          label={t('planning.waitlist.fields.notes')}
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
      </Fieldset>
    </Stack>
  );
}

/** The communes of a province, plus the stored one if it lies elsewhere, so its name always shows. */
function CommuneField({
  provinceCode,
  knownName,
  value,
  ...props
}: Omit<SelectProps, 'data' | 'searchable' | 'filter'> & {
  provinceCode: string | null;
  knownName?: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const communes = useQuery({
    ...trpc.adminUnits.communes.queryOptions(
      { provinceCode: provinceCode ?? '' },
      { staleTime: Number.POSITIVE_INFINITY },
    ),
    enabled: Boolean(provinceCode),
  });
  const data = communes.data?.map((c) => ({ value: c.code, label: c.name })) ?? [];
  if (value && knownName && !data.some((c) => c.value === value)) data.unshift({ value, label: knownName });
  return (
    <Select
      placeholder={t('facility.form.communePlaceholder')}
      {...props}
      value={value}
      searchable
      filter={diacriticInsensitiveFilter}
      data={data}
    />
  );
}
