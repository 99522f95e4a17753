import { disabilityLevels, disabilityTypes, residentGroups, sexes } from '@ansinh/schemas/resident';
import {
  Checkbox,
  Fieldset,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { CommuneSelect, ProvinceSelect } from '../facilities/AdminUnitSelects.tsx';
import { CareNeedsFields } from './CareNeedsFields.tsx';
import { CircumstanceFields, IncomeFields } from './CircumstanceFields.tsx';
import { IdNumberInput } from './IdNumberInput.tsx';
import type { ResidentForm } from './resident-form.ts';

/** Every recorded fact about a person, in the sections of the paper admission record. */
export function ResidentFormFields({ form }: { form: ResidentForm }) {
  return (
    <Stack>
      <IdentityFields form={form} />
      <BackgroundFields form={form} />
      <GroupFields form={form} />
      <DisabilityFields form={form} />
      <CareNeedsFields form={form} />
      <CircumstanceFields form={form} />
      <IncomeFields form={form} />
      <StudyingFields form={form} />
      <ContactFields form={form} />
    </Stack>
  );
}

function IdentityFields({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  const values = form.getValues();
  const yearOnly = values.birthDatePrecision === 'year';
  return (
    <Fieldset legend={t('resident.sections.identity')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('resident.fields.fullName')} required {...form.getInputProps('fullName')} />
        <Stack gap={6}>
          {yearOnly ? (
            <NumberInput
              label={t('resident.fields.birthYear')}
              required
              min={1900}
              max={new Date().getFullYear()}
              allowDecimal={false}
              hideControls
              {...form.getInputProps('birthYear')}
              error={form.errors.birthDate}
            />
          ) : (
            <DateField label={t('resident.fields.birthDate')} required {...form.getInputProps('birthDate')} />
          )}
          <Checkbox
            size="xs"
            label={t('resident.fields.birthDatePrecision')}
            checked={yearOnly}
            onChange={(event) => {
              const year = event.currentTarget.checked;
              // Keep what was typed: a full date gives its year, a year gives nothing back.
              form.setValues({
                birthDatePrecision: year ? 'year' : 'day',
                ...(year && values.birthDate ? { birthYear: Number(values.birthDate.slice(0, 4)) } : {}),
              });
            }}
          />
        </Stack>
        <Select
          label={t('resident.fields.sex')}
          required
          allowDeselect={false}
          data={sexes.map((value) => ({ value, label: t(`resident.sexes.${value}`) }))}
          {...form.getInputProps('sex')}
        />
        <IdNumberInput form={form} />
        <TextInput
          label={t('resident.fields.healthInsuranceNumber')}
          {...form.getInputProps('healthInsuranceNumber')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

function BackgroundFields({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <Fieldset legend={t('resident.sections.background')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('resident.fields.ethnicity')} {...form.getInputProps('ethnicity')} />
        <ProvinceSelect
          label={t('resident.fields.homeProvinceCode')}
          allowDeselect={false}
          {...form.getInputProps('homeProvinceCode')}
          onChange={(homeProvinceCode) => form.setValues({ homeProvinceCode, homeCommuneCode: null })}
        />
        <CommuneSelect
          label={t('resident.fields.homeCommuneCode')}
          placeholder={t('resident.form.communePlaceholder')}
          clearable
          provinceCode={values.homeProvinceCode}
          {...form.getInputProps('homeCommuneCode')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

function GroupFields({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <Fieldset legend={t('resident.sections.group')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('resident.fields.group')}
          required
          allowDeselect={false}
          data={residentGroups.map((value) => ({ value, label: t(`resident.groups.${value}`) }))}
          {...form.getInputProps('group')}
        />
        {values.group === 'k2_emergency' && (
          <DateField
            label={t('resident.fields.emergencyExtendedUntil')}
            description={t('resident.form.emergencyHint')}
            clearable
            {...form.getInputProps('emergencyExtendedUntil')}
          />
        )}
      </SimpleGrid>
    </Fieldset>
  );
}

function StudyingFields({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('resident.sections.studying')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('resident.fields.studyingUntil')}
          description={t('resident.form.studyingHint')}
          clearable
          {...form.getInputProps('studyingUntil')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

function DisabilityFields({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  const hasDisability = form.getValues().disabilityLevel !== null;
  return (
    <Fieldset legend={t('resident.sections.disability')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('resident.fields.disabilityLevel')}
          placeholder={t('resident.form.noDisability')}
          clearable
          data={disabilityLevels.map((value) => ({ value, label: t(`resident.disabilityLevels.${value}`) }))}
          {...form.getInputProps('disabilityLevel')}
        />
        {hasDisability && (
          <>
            <Select
              label={t('resident.fields.disabilityType')}
              clearable
              data={disabilityTypes.map((value) => ({
                value,
                label: t(`resident.disabilityTypes.${value}`),
              }))}
              {...form.getInputProps('disabilityType')}
            />
            <TextInput
              label={t('resident.fields.disabilityCertificate')}
              {...form.getInputProps('disabilityCertificate')}
            />
          </>
        )}
      </SimpleGrid>
    </Fieldset>
  );
}

function ContactFields({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('resident.sections.contacts')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('resident.fields.guardianContacts')}
          autosize
          minRows={2}
          {...form.getInputProps('guardianContacts')}
        />
        <Textarea label={t('resident.fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
      </SimpleGrid>
    </Fieldset>
  );
}
