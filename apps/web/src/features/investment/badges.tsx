import type { ProposalPriority, ProposalStatus } from '@ansinh/schemas/investment';
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const statusColors: Record<ProposalStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  under_review: 'yellow',
  approved: 'teal',
  rejected: 'red',
  funded: 'green',
  completed: 'dark',
};

const priorityColors: Record<ProposalPriority, string> = { high: 'red', medium: 'orange', low: 'gray' };

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" data-testid="proposal-status">
      {t(`planning.investment.statuses.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: ProposalPriority }) {
  const { t } = useTranslation();
  return (
    <Badge color={priorityColors[priority]} variant="outline">
      {t(`planning.investment.priorities.${priority}`)}
    </Badge>
  );
}

/** 1–2 red (unusable, badly damaged), 3 orange (worn), 4–5 green (good). */
export function scoreColor(score: number): string {
  if (score <= 2) return 'red';
  if (score === 3) return 'orange';
  return 'green';
}

export function ScoreBadge({ score, size = 'md' }: { score: number | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (score === null) {
    return (
      <Badge color="gray" variant="outline" size={size}>
        {t('planning.investment.assessments.notRated')}
      </Badge>
    );
  }
  return (
    <Badge color={scoreColor(score)} variant="filled" size={size} title={scoreLabel(t, score)}>
      {score}
    </Badge>
  );
}

const scoreKeys = ['s1', 's2', 's3', 's4', 's5'] as const;

export function scoreLabel(t: TFunction, score: number): string {
  const key = scoreKeys[score - 1];
  return key ? t(`planning.investment.assessments.scores.${key}`) : String(score);
}
