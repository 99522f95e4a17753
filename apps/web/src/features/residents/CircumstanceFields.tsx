import { circumstanceFields, incomeFields } from '@ansinh/schemas/resident';
import { Fieldset, Input, SegmentedControl, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VndInput } from '../../components/VndInput.tsx';
import type { ResidentForm, Tri } from './resident-form.ts';

const triValues: readonly Tri[] = ['yes', 'no', 'unknown'];

/** Yes / no / not yet verified: entitlements that depend on an unverified fact are reported, not guessed. */
export function CircumstanceFields({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <Fieldset legend={t('resident.sections.circumstances')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('resident.form.flagsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} verticalSpacing="sm">
        {circumstanceFields.map((field) => (
          // The control is a radio group: it is named by the visible label, which is not a <label> target.
          <Input.Wrapper
            key={field}
            label={t(`resident.fields.${field}`)}
            labelElement="div"
            id={`flag-${field}`}
          >
            <SegmentedControl
              aria-labelledby={`flag-${field}-label`}
              fullWidth
              size="xs"
              value={values[field]}
              onChange={(value) => form.setFieldValue(field, value as Tri)}
              data={triValues.map((value) => ({ value, label: t(`resident.tri.${value}`) }))}
            />
          </Input.Wrapper>
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

export function IncomeFields({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('resident.sections.incomes')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('resident.form.incomesHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {incomeFields.map((field) => (
          <VndInput key={field} label={t(`resident.fields.${field}`)} {...form.getInputProps(field)} />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
