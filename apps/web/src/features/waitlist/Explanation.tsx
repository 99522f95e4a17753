import type { PriorityExplanation } from '@ansinh/schemas/waitlist';
import { List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';

type Score = PriorityExplanation['scores'][number];
type Age = Extract<Score, { kind: 'age' }>['age'];
type Flags = Extract<Score, { kind: 'need' }>['flags'];

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

function ageText(t: TFunction, age: Age): string {
  if (age.ageYears === null) return t('planning.waitlist.explain.ageUnknown');
  if (!age.band) return t('planning.waitlist.explain.ageNoBand', { years: age.ageYears });
  return t('planning.waitlist.explain.age', { years: age.ageYears, points: signed(age.points) });
}

function flagsText(t: TFunction, flags: Flags): string[] {
  return flags.map((f) => `${t(`planning.waitlist.flags.${f.flag}`)} ${signed(f.points)}`);
}

/** One criterion as a person reads it: the score and what made it. */
export function scoreText(t: TFunction, s: Score, short = false): string {
  const name = t(
    short ? `planning.waitlist.criteriaShort.${s.kind}` : `planning.waitlist.criteria.${s.kind}`,
  );
  switch (s.kind) {
    case 'urgency':
      return t('planning.waitlist.explain.urgency', {
        name,
        level: t(`planning.waitlist.urgencies.${s.urgency}`),
        points: s.score,
      });
    case 'vulnerability': {
      const parts = flagsText(t, s.flags);
      return `${t('planning.waitlist.explain.score', { name, points: s.score })} (${
        parts.length ? parts.join(', ') : t('planning.waitlist.explain.noFlags')
      })`;
    }
    case 'age':
      return `${t('planning.waitlist.explain.score', { name, points: s.score })} (${ageText(t, s.age)})`;
    case 'need':
      return `${t('planning.waitlist.explain.score', { name, points: s.score })} (${[
        ...flagsText(t, s.flags),
        ageText(t, s.age),
      ].join(', ')})`;
    case 'waiting_time':
      return t('planning.waitlist.explain.waited', { days: s.waitingDays, date: formatDate(s.appliedOn) });
  }
}

export function decidedText(t: TFunction, explanation: PriorityExplanation, short = false): string {
  const by = explanation.decidedBy;
  return by
    ? t('planning.waitlist.explain.decidedBy', {
        criterion: t(
          short ? `planning.waitlist.criteriaShort.${by}` : `planning.waitlist.criteria.${by}`,
        ).toLowerCase(),
      })
    : t('planning.waitlist.explain.first');
}

/** Why an application stands where it does: every criterion in the configured order, then what decided. */
export function Explanation({
  explanation,
  compact,
}: {
  explanation: PriorityExplanation;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="explanation">
      <List size={compact ? 'xs' : 'sm'} spacing={2}>
        {explanation.scores.map((s) => (
          <List.Item key={s.kind}>{scoreText(t, s, compact)}</List.Item>
        ))}
      </List>
      <Text size={compact ? 'xs' : 'sm'} c="dimmed" mt={2}>
        {decidedText(t, explanation, compact)}
      </Text>
    </div>
  );
}
