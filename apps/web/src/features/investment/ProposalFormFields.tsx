import { proposalCategories, proposalFundingSources, proposalPriorities } from '@ansinh/schemas/investment';
import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { VndInput } from '../../components/VndInput.tsx';
import type { ProposalForm } from './proposal-form.ts';

/** The fields of a proposal; the facility is chosen once, when the proposal is drafted. */
export function ProposalFormFields({ form, facilityFixed }: { form: ProposalForm; facilityFixed?: boolean }) {
  const { t } = useTranslation();
  const options = <T extends string>(values: readonly T[], labelOf: (value: T) => string) =>
    values.map((value) => ({ value, label: labelOf(value) }));
  return (
    <Stack>
      <FacilitySelect
        label={t('planning.investment.fields.facility')}
        required
        disabled={facilityFixed}
        description={facilityFixed ? t('planning.investment.form.facilityFixed') : undefined}
        {...form.getInputProps('facilityId')}
        value={form.getValues().facilityId}
      />
      <TextInput
        label={t('planning.investment.fields.item')}
        placeholder={t('planning.investment.form.itemPlaceholder')}
        required
        {...form.getInputProps('item')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('planning.investment.fields.category')}
          required
          data={options(proposalCategories, (v) => t(`planning.investment.categories.${v}`))}
          {...form.getInputProps('category')}
        />
        <VndInput
          label={t('planning.investment.fields.estimatedCostVnd')}
          required
          {...form.getInputProps('estimatedCostVnd')}
        />
        <Select
          label={t('planning.investment.fields.priority')}
          required
          allowDeselect={false}
          data={options(proposalPriorities, (v) => t(`planning.investment.priorities.${v}`))}
          {...form.getInputProps('priority')}
        />
        <NumberInput
          label={t('planning.investment.fields.requestedYear')}
          required
          min={2000}
          max={2100}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          {...form.getInputProps('requestedYear')}
        />
        <Select
          label={t('planning.investment.fields.fundingSource')}
          required
          allowDeselect={false}
          data={options(proposalFundingSources, (v) => t(`planning.investment.fundingSources.${v}`))}
          {...form.getInputProps('fundingSource')}
        />
      </SimpleGrid>
      <Textarea
        label={t('planning.investment.fields.justification')}
        placeholder={t('planning.investment.form.justificationPlaceholder')}
        autosize
        minRows={4}
        {...form.getInputProps('justification')}
      />
    </Stack>
  );
}
