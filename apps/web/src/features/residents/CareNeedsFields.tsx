import { mentalIllnessSeverities } from '@ansinh/schemas/resident';
import { Fieldset, Input, SegmentedControl, Select, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentForm, Tri } from './resident-form.ts';

const triValues: readonly Tri[] = ['yes', 'no', 'unknown'];

/**
 * What the staffing norms read (Circular 33/2017 Art. 5): self-care, the severity of a mental illness and
 * whether the person was found homeless. "Unknown" is kept as such: the norms then count the strictest case.
 */
export function CareNeedsFields({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  const values = form.getValues();
  const tri = (field: 'selfCare' | 'foundHomeless', label: string) => (
    // A radio group named by the visible label, which is not a <label> target.
    <Input.Wrapper label={label} labelElement="div" id={`care-${field}`}>
      <SegmentedControl
        aria-labelledby={`care-${field}-label`}
        fullWidth
        size="xs"
        value={values[field]}
        onChange={(value) => form.setFieldValue(field, value as Tri)}
        data={triValues.map((value) => ({ value, label: t(`resident.tri.${value}`) }))}
      />
    </Input.Wrapper>
  );
  return (
    <Fieldset legend={t('capacity.careNeeds.section')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('capacity.careNeeds.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} verticalSpacing="sm">
        {tri('selfCare', t('capacity.careNeeds.selfCare'))}
        <Select
          label={t('capacity.careNeeds.mentalIllnessSeverity')}
          placeholder={t('capacity.careNeeds.noMentalIllness')}
          clearable
          data={mentalIllnessSeverities.map((value) => ({
            value,
            label: t(`capacity.careNeeds.severities.${value}`),
          }))}
          {...form.getInputProps('mentalIllnessSeverity')}
        />
        {tri('foundHomeless', t('capacity.careNeeds.foundHomeless'))}
      </SimpleGrid>
    </Fieldset>
  );
}
