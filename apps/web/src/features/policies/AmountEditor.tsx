import {
  type Amount,
  type AmountKind,
  amountKindsByRuleKind,
  type PolicyRule,
} from '@ansinh/domain/entitlements/policy';
import { NumberInput, type NumberInputProps, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VndInput } from '../../components/VndInput.tsx';

/** A fresh amount of a kind, zero until the planner types one. */
const emptyAmount: Record<AmountKind, Amount> = {
  base_coefficient: { kind: 'base_coefficient', coefficient: 0 },
  base_coefficient_by_age: {
    kind: 'base_coefficient_by_age',
    tiers: [{ belowAgeYears: 4, coefficient: 0 }, { coefficient: 0 }],
  },
  fixed: { kind: 'fixed', vnd: 0 },
  percent_of_care_cost: { kind: 'percent_of_care_cost', percent: 0 },
  up_to: { kind: 'up_to', capVnd: 0 },
  base_multiple: { kind: 'base_multiple', multiple: 0 },
  in_kind: { kind: 'in_kind' },
  none: { kind: 'none' },
};

// Coefficients and percentages are written with at most two decimals, Vietnamese style: 2,25.
const decimal: NumberInputProps = {
  decimalScale: 2,
  decimalSeparator: ',',
  thousandSeparator: '.',
  min: 0,
  hideControls: true,
};
const asNumber = (value: number | string) => (typeof value === 'number' ? value : 0);

interface AmountEditorProps {
  amount: Amount;
  ruleKind: PolicyRule['kind'];
  onChange: (amount: Amount) => void;
  /** Scenario columns change the figures only, not how the amount is calculated. */
  compact?: boolean;
}

export function AmountEditor({ amount, ruleKind, onChange, compact = false }: AmountEditorProps) {
  const { t } = useTranslation();
  const kinds = amountKindsByRuleKind[ruleKind];
  return (
    <Stack gap="xs">
      {!compact && kinds.length > 1 && (
        <Select
          label={t('policy.editor.amountKind')}
          allowDeselect={false}
          data={kinds.map((kind) => ({ value: kind, label: t(`policy.amountKinds.${kind}`) }))}
          value={amount.kind}
          onChange={(kind) => kind && onChange(emptyAmount[kind as AmountKind])}
        />
      )}
      <AmountFigures amount={amount} onChange={onChange} />
    </Stack>
  );
}

function AmountFigures({ amount: a, onChange }: { amount: Amount; onChange: (amount: Amount) => void }) {
  const { t } = useTranslation();
  switch (a.kind) {
    case 'base_coefficient':
      return (
        <NumberInput
          label={t('policy.editor.coefficient')}
          {...decimal}
          value={a.coefficient}
          onChange={(v) => onChange({ ...a, coefficient: asNumber(v) })}
        />
      );
    case 'base_coefficient_by_age':
      return (
        <Stack gap="xs">
          {a.tiers.map((tier, i) => {
            const last = i === a.tiers.length - 1;
            const update = (changes: Partial<typeof tier>) =>
              onChange({ ...a, tiers: a.tiers.map((x, j) => (j === i ? { ...x, ...changes } : x)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: tiers have no identity; their position is what they are
              <SimpleGrid key={i} cols={2}>
                {last ? (
                  <NumberInput
                    label={t('policy.editor.belowAge')}
                    disabled
                    placeholder={t('policy.amount.tierRest')}
                  />
                ) : (
                  <NumberInput
                    label={t('policy.editor.belowAge')}
                    min={1}
                    allowDecimal={false}
                    hideControls
                    value={tier.belowAgeYears ?? ''}
                    onChange={(v) => update({ belowAgeYears: asNumber(v) })}
                  />
                )}
                <NumberInput
                  label={t('policy.editor.coefficient')}
                  {...decimal}
                  value={tier.coefficient}
                  onChange={(v) => update({ coefficient: asNumber(v) })}
                />
              </SimpleGrid>
            );
          })}
        </Stack>
      );
    case 'fixed':
      return (
        <VndInput
          label={t('policy.editor.vnd')}
          value={a.vnd}
          onChange={(v) => onChange({ ...a, vnd: asNumber(v) })}
        />
      );
    case 'percent_of_care_cost':
      return (
        <NumberInput
          label={t('policy.editor.percent')}
          {...decimal}
          max={1000}
          suffix=" %"
          value={a.percent}
          onChange={(v) => onChange({ ...a, percent: asNumber(v) })}
        />
      );
    case 'up_to':
      return (
        <VndInput
          label={t('policy.editor.capVnd')}
          value={a.capVnd}
          onChange={(v) => onChange({ ...a, capVnd: asNumber(v) })}
        />
      );
    case 'base_multiple':
      return (
        <NumberInput
          label={t('policy.editor.multiple')}
          {...decimal}
          value={a.multiple}
          onChange={(v) => onChange({ ...a, multiple: asNumber(v) })}
        />
      );
    case 'in_kind':
    case 'none':
      return null;
  }
}
