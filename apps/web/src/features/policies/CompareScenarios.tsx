import type { PolicyRule } from '@ansinh/domain/entitlements/policy';
import type { Preview, StoredRule } from '@ansinh/schemas/policy';
import { Alert, Button, Divider, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../components/Busy.tsx';
import { MonthField } from '../../components/MonthField.tsx';
import { useLang } from '../../i18n/index.ts';
import { currentMonth, formatNumber, formatVnd } from '../../lib/format.ts';
import { AmountEditor } from './AmountEditor.tsx';
import { CostBars } from './CostBars.tsx';
import { Figure } from './PreviewPanel.tsx';
import { ruleProblem } from './rule-problem.ts';
import { usePreview } from './use-preview.ts';

const names = ['A', 'B'] as const;
const colors = ['blue.6', 'orange.6'];

/** A proposal's line in a scenario's preview. */
function proposalLine(preview: Preview | undefined, code: string) {
  return preview?.byRule.find((l) => l.code === code && l.status === 'proposed');
}

const proposalCost = (preview: Preview | undefined, code: string) =>
  proposalLine(preview, code)?.monthlyVnd ?? 0;

/**
 * Two unsaved scenarios side by side, each a copy of the proposals with its own amounts, costed for the
 * same month against everyone in care.
 */
export function CompareScenarios({ proposals }: { proposals: StoredRule[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const original = proposals.map((p) => p.rule);
  const [scenarios, setScenarios] = useState<PolicyRule[][]>([original, original]);
  const [month, setMonth] = useState(currentMonth);
  const a = usePreview(month, scenarios[0] ?? []);
  const b = usePreview(month, scenarios[1] ?? []);
  const previews = [a, b];

  if (proposals.length === 0) return <Text c="dimmed">{t('policy.compare.noProposals')}</Text>;

  const update = (index: number, rules: PolicyRule[]) =>
    setScenarios((all) => all.map((current, i) => (i === index ? rules : current)));

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={800}>
          {t('policy.compare.intro')}
        </Text>
        <MonthField label={t('policy.preview.month')} w={130} value={month} onChange={setMonth} />
      </Group>
      <Grid>
        {names.map((name, index) => (
          <Grid.Col key={name} span={{ base: 12, md: 6 }}>
            <ScenarioColumn
              name={t('policy.compare.scenario', { name })}
              rules={scenarios[index] ?? []}
              preview={previews[index]?.data}
              busy={previews[index]?.isFetching ?? false}
              error={previews[index]?.error}
              onChange={(rules) => update(index, rules)}
              onReset={() => update(index, original)}
            />
          </Grid.Col>
        ))}
      </Grid>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          {t('policy.compare.chart')}
        </Title>
        <CostBars
          series={names.map((name, i) => ({
            name: t('policy.compare.scenario', { name }),
            color: colors[i] ?? 'gray',
          }))}
          rows={original.map((rule) => ({
            key: rule.code,
            label: rule.title[lang],
            values: previews.map((p) => proposalCost(p.data, rule.code)),
          }))}
        />
      </Paper>
    </Stack>
  );
}

interface ScenarioColumnProps {
  name: string;
  rules: PolicyRule[];
  preview: Preview | undefined;
  busy: boolean;
  error: unknown;
  onChange: (rules: PolicyRule[]) => void;
  onReset: () => void;
}

function ScenarioColumn({ name, rules, preview, busy, error, onChange, onReset }: ScenarioColumnProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const proposalsMonthly = rules.reduce((sum, rule) => sum + proposalCost(preview, rule.code), 0);
  return (
    <Paper withBorder p="md" h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {name}
        </Title>
        <Button size="xs" variant="subtle" onClick={onReset}>
          {t('policy.compare.reset')}
        </Button>
      </Group>
      {error ? <Alert color="red">{ruleProblem(error, t)}</Alert> : null}
      <Busy busy={busy}>
        <SimpleGrid cols={2} mb="sm">
          <Figure label={t('policy.compare.proposalsMonthly')} value={formatVnd(proposalsMonthly)} />
          <Figure label={t('policy.compare.proposalsAnnual')} value={formatVnd(proposalsMonthly * 12)} />
          <Figure label={t('policy.compare.allMonthly')} value={formatVnd(preview?.monthlyVnd ?? 0)} />
          <Figure label={t('policy.compare.allAnnual')} value={formatVnd(preview?.annualVnd ?? 0)} />
        </SimpleGrid>
      </Busy>
      <Divider mb="sm" />
      <Stack gap="md">
        {rules.map((rule, i) => (
          <div key={rule.code}>
            <Text size="sm" fw={500} mb={4}>
              {rule.title[lang]}
            </Text>
            <AmountEditor
              compact
              amount={rule.amount}
              ruleKind={rule.kind}
              onChange={(amount) =>
                onChange(
                  rules.map((r, j) => (j === i ? { ...r, amount, amountIsPlaceholder: undefined } : r)),
                )
              }
            />
            <Text size="xs" c="dimmed" mt={4}>
              {t('policy.compare.ruleCost', {
                amount: formatVnd(proposalCost(preview, rule.code)),
                qualifying: formatNumber(proposalLine(preview, rule.code)?.qualifying ?? 0),
                unknown: formatNumber(proposalLine(preview, rule.code)?.unknown ?? 0),
              })}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
