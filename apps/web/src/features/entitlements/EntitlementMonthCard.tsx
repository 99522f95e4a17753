import { missingFactLabel } from '@ansinh/domain/entitlements/facts';
import type { RuleOutcomeView } from '@ansinh/schemas/entitlement';
import { Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { Busy } from '../../components/Busy.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MonthField } from '../../components/MonthField.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useLang } from '../../i18n/index.ts';
import { currentMonth, formatVnd } from '../../lib/format.ts';

/** What a resident receives in one month, rule by rule, with the engine's own explanation. */
export function EntitlementMonthCard({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [month, setMonth] = useState(currentMonth);
  const result = useQuery({
    ...trpc.entitlements.forResident.queryOptions({ residentId, month }),
    placeholderData: (previous) => previous,
  });
  // Proposals and archived rules do not pay anyone; the policy workspace shows what they would do.
  const outcomes = result.data?.outcomes.filter((o) => o.status === 'in_force') ?? [];

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('entitlement.month.title')}
        </Title>
        <MonthField aria-label={t('common.month')} w={130} value={month} onChange={setMonth} />
      </Group>
      {result.isError && <ErrorAlert error={result.error} />}
      {result.isPending && <PageLoader />}
      {result.data && (
        <Busy busy={result.isPlaceholderData}>
          <Stack gap="sm" data-testid="entitlement-month">
            {outcomes.length === 0 && <Text c="dimmed">{t('entitlement.month.empty')}</Text>}
            {outcomes.map((outcome) => (
              <OutcomeRow key={outcome.ruleCode} outcome={outcome} />
            ))}
            <Divider />
            <Group justify="space-between">
              <Text fw={700}>{t('entitlement.month.total')}</Text>
              <Text fw={700} data-testid="entitlement-total">
                {formatVnd(result.data.totalVnd)}
              </Text>
            </Group>
          </Stack>
        </Busy>
      )}
    </Paper>
  );
}

const verdicts = { true: 'yes', false: 'no', unknown: 'unknown' } as const;
const verdictColors = { yes: 'green', no: 'gray', unknown: 'orange' } as const;

function OutcomeRow({ outcome: o }: { outcome: RuleOutcomeView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const verdict = verdicts[String(o.qualifies) as keyof typeof verdicts];
  const partMonth = o.qualifies === true && o.kind === 'monthly' && o.daysEligible < o.daysInMonth;
  return (
    <div data-testid={`outcome-${o.ruleCode}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="xs">
          <Text fw={500}>{o.title[lang]}</Text>
          <Badge size="sm" variant="light" color={verdictColors[verdict]}>
            {/* An exclusion that "qualifies" takes something away, so it applies rather than pays. */}
            {t(
              o.kind === 'exclusion' ? `entitlement.applies.${verdict}` : `entitlement.qualifies.${verdict}`,
            )}
          </Badge>
        </Group>
        {o.qualifies === true && <Amount outcome={o} />}
      </Group>
      <Text size="sm">{o.explanation[lang]}</Text>
      {partMonth && (
        <Text size="sm" c="dimmed">
          {t('entitlement.month.days', { days: o.daysEligible, total: o.daysInMonth })}
        </Text>
      )}
      {o.missingFacts.length > 0 && (
        <Text size="sm" c="orange.8">
          {t('entitlement.month.missing', {
            facts: o.missingFacts.map((fact) => missingFactLabel(fact)[lang]).join(', '),
          })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('entitlement.month.legalBasis', { basis: o.legalBasis })}
      </Text>
    </div>
  );
}

function Amount({ outcome: o }: { outcome: RuleOutcomeView }) {
  const { t } = useTranslation();
  if (o.kind === 'exclusion') return null;
  const text =
    o.kind === 'in_kind'
      ? t('entitlement.month.inKind')
      : o.isCeiling
        ? t('entitlement.month.ceiling', { amount: formatVnd(o.amountVnd) })
        : formatVnd(o.amountVnd);
  return (
    <Text fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="outcome-amount">
      {text}
    </Text>
  );
}
