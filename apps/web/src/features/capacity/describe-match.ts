import type { ResidentMatch } from '@ansinh/domain/capacity/staffing';
import type { TFunction } from 'i18next';

type Flag =
  | 'elderly'
  | 'disabled'
  | 'mentallyIll'
  | 'hivPositive'
  | 'special'
  | 'selfCare'
  | 'foundHomeless'
  | 'studying';
const flags: readonly Flag[] = [
  'elderly',
  'disabled',
  'special',
  'mentallyIll',
  'hivPositive',
  'selfCare',
  'foundHomeless',
  'studying',
];

/** 72 months reads "6 tuổi", 18 months "18 tháng tuổi": the Circular's own words. */
function age(months: number, t: TFunction): string {
  return months % 12 === 0
    ? t('capacity.match.years', { count: months / 12 })
    : t('capacity.match.months', { count: months });
}

/**
 * Who a staffing rule is about, in words: "từ 18 tháng tuổi đến dưới 6 tuổi, khuyết tật, tâm thần hoặc
 * nhiễm HIV/AIDS". The rules are data the department edits, so the sentence is built from the match.
 */
export function describeMatch(match: ResidentMatch, t: TFunction): string {
  const parts: string[] = [];
  const { minAgeMonths: from, maxAgeMonths: to } = match;
  if (from !== undefined && to !== undefined)
    parts.push(t('capacity.match.ageRange', { from: age(from, t), to: age(to, t) }));
  else if (from !== undefined) parts.push(t('capacity.match.ageFrom', { from: age(from, t) }));
  else if (to !== undefined) parts.push(t('capacity.match.ageBelow', { to: age(to, t) }));
  for (const flag of flags) {
    const value = match[flag];
    if (value !== undefined) parts.push(t(`capacity.match.${flag}.${value ? 'yes' : 'no'}`));
  }
  if (match.mentalIllnessSeverity) {
    parts.push(
      t('capacity.match.severity', {
        severity: t(`capacity.match.severities.${match.mentalIllnessSeverity}`),
      }),
    );
  }
  return parts.length > 0 ? parts.join(', ') : t('capacity.match.everyone');
}

/** A ratio norm's residents: any of several matches ("trẻ từ 6 đến dưới 16 tuổi hoặc đang đi học"). */
export function describeWho(who: readonly ResidentMatch[] | undefined, t: TFunction): string {
  if (!who || who.length === 0) return t('capacity.match.everyone');
  return who.map((m) => describeMatch(m, t)).join(t('capacity.match.or'));
}
