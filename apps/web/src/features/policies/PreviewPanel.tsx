import type { PolicyRule } from '@ansinh/domain/entitlements/policy';
import type { Preview } from '@ansinh/schemas/policy';
import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../components/Busy.tsx';
import { MonthField } from '../../components/MonthField.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { currentMonth, formatNumber, formatVnd } from '../../lib/format.ts';
import { ruleProblem } from './rule-problem.ts';
import { usePreview, withoutRule } from './use-preview.ts';

interface PreviewPanelProps {
  /** The stored version being edited. */
  original: PolicyRule;
  /** The edited version, or null while it is not valid. */
  draft: PolicyRule | null;
}

/**
 * The cost of the edited proposal: the month evaluated with the draft in place of the stored version,
 * against the same month without it, so "from this proposal" is the difference the proposal makes.
 */
export function PreviewPanel({ original, draft }: PreviewPanelProps) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(currentMonth);
  // A draft that moved its start date is a new version: the stored one must not count twice.
  const moved = draft && draft.effectiveFrom !== original.effectiveFrom;
  const withDraft = usePreview(month, draft && (moved ? [draft, withoutRule(original)] : [draft]));
  const baseline = usePreview(month, [withoutRule(original)]);
  const line = withDraft.data?.byRule.find((l) => l.code === original.code && l.status === 'proposed');

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('policy.preview.title')}
        </Title>
        <MonthField
          aria-label={t('policy.preview.month')}
          w={120}
          size="xs"
          value={month}
          onChange={setMonth}
        />
      </Group>
      {!draft && <Alert color="orange">{t('policy.preview.invalid')}</Alert>}
      {withDraft.isError && <Alert color="red">{ruleProblem(withDraft.error, t)}</Alert>}
      {withDraft.isPending && draft && <PageLoader />}
      {withDraft.data && (
        <Busy busy={withDraft.isFetching}>
          <Stack gap="sm">
            <SimpleGrid cols={3}>
              <Figure label={t('policy.preview.qualifying')} value={formatNumber(line?.qualifying ?? 0)} />
              <Figure label={t('policy.preview.unknown')} value={formatNumber(line?.unknown ?? 0)} />
              <Figure label={t('policy.preview.monthly')} value={formatVnd(line?.monthlyVnd ?? 0)} />
            </SimpleGrid>
            <Text size="sm">
              {t('policy.preview.fromProposal', {
                monthly: formatVnd(withDraft.data.monthlyVnd - (baseline.data?.monthlyVnd ?? 0)),
                annual: formatVnd(withDraft.data.annualVnd - (baseline.data?.annualVnd ?? 0)),
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('policy.preview.allRules', {
                count: formatNumber(withDraft.data.residentCount),
                monthly: formatVnd(withDraft.data.monthlyVnd),
                annual: formatVnd(withDraft.data.annualVnd),
              })}
            </Text>
            <BreakdownTable
              title={t('policy.preview.byFacility')}
              lines={withDraft.data.byFacility.map((l) => ({
                key: l.facilityId,
                label: l.facilityName,
                ...l,
              }))}
              baseline={new Map(baseline.data?.byFacility.map((l) => [l.facilityId, l.monthlyVnd]))}
            />
            <BreakdownTable
              title={t('policy.preview.byGroup')}
              lines={withDraft.data.byGroup.map((l) => ({
                key: l.group,
                label: t(`resident.groups.${l.group}`),
                ...l,
              }))}
              baseline={new Map(baseline.data?.byGroup.map((l) => [l.group, l.monthlyVnd]))}
            />
          </Stack>
        </Busy>
      )}
    </Paper>
  );
}

export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </div>
  );
}

type CostLine = Preview['byFacility'][number] | Preview['byGroup'][number];

interface BreakdownTableProps {
  title: string;
  lines: (CostLine & { key: string; label: string })[];
  /** Monthly cost of each line without the proposal. */
  baseline: Map<string, number>;
}

function BreakdownTable({ title, lines, baseline }: BreakdownTableProps) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Table striped tabularNums fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('policy.preview.qualifying')}</Table.Th>
            <Table.Th ta="right">{t('policy.preview.unknown')}</Table.Th>
            <Table.Th ta="right">{t('policy.preview.cost')}</Table.Th>
            <Table.Th ta="right">{t('policy.preview.delta')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.key}>
              <Table.Td>{l.label}</Table.Td>
              <Table.Td ta="right">{formatNumber(l.qualifying)}</Table.Td>
              <Table.Td ta="right">{formatNumber(l.unknown)}</Table.Td>
              <Table.Td ta="right">{formatVnd(l.monthlyVnd)}</Table.Td>
              <Table.Td ta="right">{formatVnd(l.monthlyVnd - (baseline.get(l.key) ?? 0))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
