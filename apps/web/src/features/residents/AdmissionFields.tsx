import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import type { AdmissionFormState } from './resident-form.ts';

export function AdmissionFields({ form }: { form: UseFormReturnType<AdmissionFormState> }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('resident.sections.admission')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FacilitySelect
          label={t('resident.fields.facilityId')}
          required
          {...form.getInputProps('facilityId')}
          value={form.getValues().facilityId}
        />
        <DateField label={t('resident.fields.admittedOn')} required {...form.getInputProps('admittedOn')} />
        <TextInput label={t('resident.fields.decisionNumber')} {...form.getInputProps('decisionNumber')} />
      </SimpleGrid>
    </Fieldset>
  );
}
