import {
  disabilityLabels,
  dischargeReasonLabels,
  flagLabels,
  incomeLabels,
} from '@ansinh/domain/entitlements/facts';
import { lowerFirst, upperFirst } from '@ansinh/domain/entitlements/format';
import type { Amount, Limit, PolicyRule } from '@ansinh/domain/entitlements/policy';
import { describeGroups, type Predicate } from '@ansinh/domain/entitlements/predicate';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatCoefficient, formatPercent, formatVnd } from '../../lib/format.ts';
import { useRuleTitles } from '../entitlements/use-rule-titles.ts';

/**
 * Rules are data; planners read them as sentences. Group, circumstance and income names come from the
 * domain (the engine's explanations use the same words), the sentence frames from the translations.
 */
export function useDescribeRule() {
  const { t } = useTranslation();
  const lang = useLang();
  const titleOf = useRuleTitles();

  const amount = (a: Amount, ruleKind: PolicyRule['kind']): string => {
    switch (a.kind) {
      case 'base_coefficient':
        return t('policy.amount.base_coefficient', { coefficient: formatCoefficient(a.coefficient) });
      case 'base_coefficient_by_age': {
        const tiers = a.tiers.map((tier) =>
          t('policy.amount.tier', {
            coefficient: formatCoefficient(tier.coefficient),
            label:
              tier.label?.[lang] ??
              (tier.belowAgeYears
                ? t('policy.amount.tierBelow', { years: tier.belowAgeYears })
                : t('policy.amount.tierRest')),
          }),
        );
        return t('policy.amount.base_coefficient_by_age', { tiers: tiers.join('; ') });
      }
      case 'fixed':
        return t(ruleKind === 'one_off' ? 'policy.amount.fixedOnce' : 'policy.amount.fixedMonthly', {
          amount: formatVnd(a.vnd),
        });
      case 'percent_of_care_cost':
        return t('policy.amount.percent_of_care_cost', { percent: formatPercent(a.percent) });
      case 'up_to':
        return t('policy.amount.up_to', { amount: formatVnd(a.capVnd) });
      case 'base_multiple':
        return t('policy.amount.base_multiple', { multiple: formatCoefficient(a.multiple) });
      case 'in_kind':
        return t('policy.amount.in_kind');
      case 'none':
        return t('policy.amount.none');
    }
  };

  const condition = (p: Predicate, nested: boolean): string => {
    switch (p.op) {
      case 'all':
        if (p.of.length === 0) return t('policy.predicate.everyone');
        return p.of.map((part) => condition(part, true)).join(t('policy.predicate.and'));
      case 'any': {
        const parts = p.of.map((part) => condition(part, true)).join(t('policy.predicate.or'));
        return nested && p.of.length > 1 ? t('policy.predicate.any', { parts }) : parts;
      }
      case 'not':
        return p.of.op === 'group_in'
          ? t('policy.predicate.notGroups', { groups: describeGroups(p.of.groups, lang) })
          : t('policy.predicate.not', { part: condition(p.of, false) });
      case 'group_in':
        return t('policy.predicate.groups', { groups: describeGroups(p.groups, lang) });
      case 'age': {
        const text = t(p.cmp === 'lt' ? 'policy.predicate.ageLt' : 'policy.predicate.ageGte', {
          years: p.years,
        });
        return p.at === 'admission' ? t('policy.predicate.atAdmission', { text }) : text;
      }
      case 'flag':
        return flagLabels[p.flag][lang];
      case 'income':
        return t('policy.predicate.income', { income: incomeLabels[p.kind][lang] });
      case 'studying':
        return t('policy.predicate.studying');
      case 'disability_in':
        return t('policy.predicate.disability', {
          levels: p.levels.map((l) => disabilityLabels[l][lang]).join(t('policy.predicate.or')),
        });
      case 'sex':
        return t('policy.predicate.sex', { sex: t(`resident.sexes.${p.is}`).toLowerCase() });
      case 'months_since_admission':
        return t(p.cmp === 'lt' ? 'policy.predicate.monthsLt' : 'policy.predicate.monthsGte', {
          months: p.months,
        });
      case 'discharged_in_month':
        return t('policy.predicate.discharged', {
          reasons: p.reasons.map((r) => dischargeReasonLabels[r][lang]).join(', '),
        });
      case 'rule':
        return t('policy.predicate.rule', { rule: lowerFirst(titleOf(p.code)) });
    }
  };

  const limit = (l: Limit): string => {
    const text =
      l.kind === 'emergency_stay'
        ? t('policy.limits.emergency', { months: l.months })
        : l.whileStudyingUntilYears
          ? t('policy.limits.ageStudying', { years: l.years, studying: l.whileStudyingUntilYears })
          : t('policy.limits.age', { years: l.years });
    return l.appliesTo ? `${text} (${condition(l.appliesTo, false)})` : text;
  };

  return {
    amount,
    predicate: (p: Predicate) => upperFirst(condition(p, false)),
    limits: (limits: readonly Limit[]) => limits.map(limit).join('; '),
  };
}
