import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { BedPicker } from '../capacity/BedPicker.tsx';
import type { AdmissionFormState } from './resident-form.ts';

export function AdmissionFields({ form }: { form: UseFormReturnType<AdmissionFormState> }) {
  const { t } = useTranslation();
  const { facilityId, bedId } = form.getValues();
  return (
    <Fieldset legend={t('resident.sections.admission')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <FacilitySelect
          label={t('resident.fields.facilityId')}
          required
          {...form.getInputProps('facilityId')}
          value={facilityId}
          // A bed belongs to one facility: another facility starts without one.
          onChange={(id) => form.setValues({ facilityId: id, bedId: null })}
        />
        <DateField label={t('resident.fields.admittedOn')} required {...form.getInputProps('admittedOn')} />
        <TextInput label={t('resident.fields.decisionNumber')} {...form.getInputProps('decisionNumber')} />
        <BedPicker
          label={t('capacity.placement.admissionBed')}
          placeholder={facilityId ? t('capacity.placement.admissionBedPlaceholder') : undefined}
          description={t('capacity.placement.admissionBedHint')}
          facilityId={facilityId}
          {...form.getInputProps('bedId')}
          value={bedId}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
