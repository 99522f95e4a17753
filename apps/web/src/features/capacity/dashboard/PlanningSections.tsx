import type { ExcelFile } from '@ansinh/schemas/common';
import { Grid, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../../../api/trpc.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { TablePager } from '../../../components/TablePager.tsx';
import { formatNumber, formatVnd } from '../../../lib/format.ts';
import { useClientPage } from '../client-page.ts';

/** Waitlist length and waiting times; each table exports what it shows. */
export function WaitlistSummary({ facilityId }: { facilityId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const metrics = useQuery(trpc.waitlist.metrics.queryOptions());
  const communes = useClientPage(metrics.data?.byCommune ?? []);
  const days = (value: number | null) =>
    value === null ? '—' : t('capacity.dashboard.days', { count: Math.round(value) });
  return (
    <Paper withBorder p="md" data-testid="waitlist-summary">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('capacity.dashboard.waitlistTitle')}
        </Title>
      </Group>
      {metrics.isPending && <PageLoader />}
      {metrics.isError && <ErrorAlert error={metrics.error} />}
      {metrics.data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
            <Figure
              label={t('capacity.dashboard.waiting')}
              value={formatNumber(metrics.data.waiting)}
              testId="waiting"
            />
            <Figure label={t('capacity.dashboard.offered')} value={formatNumber(metrics.data.offered)} />
            <Figure
              label={t('capacity.dashboard.medianWaitingDays')}
              value={days(metrics.data.medianWaitingDays)}
            />
            <Figure
              label={t('capacity.dashboard.longestWaitingDays')}
              value={days(metrics.data.longestWaitingDays)}
            />
          </SimpleGrid>
          {facilityId && (
            <Text size="xs" c="dimmed" mb="sm">
              {t('capacity.dashboard.waitlistScope')}
            </Text>
          )}
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <TableHeading
                title={t('capacity.dashboard.waitingByType')}
                download={() => client.waitlist.metricsExport.query({ table: 'byFacilityType' })}
              />
              <CountTable
                header={t('capacity.dashboard.type')}
                rows={metrics.data.byFacilityType.map((r) => ({
                  key: r.facilityType,
                  label: t(`facility.types.${r.facilityType}`),
                  count: r.count,
                }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <TableHeading
                title={t('capacity.dashboard.waitingByCommune')}
                download={() => client.waitlist.metricsExport.query({ table: 'byCommune' })}
              />
              <CountTable
                header={t('capacity.dashboard.commune')}
                rows={communes.rows.map((r) => ({
                  key: r.communeCode,
                  label: r.communeName,
                  count: r.count,
                }))}
              />
              {communes.pager.total > communes.pager.pageSize && (
                <TablePager
                  {...communes.pager}
                  summary={t('capacity.dashboard.communesTotal', { count: communes.pager.total })}
                />
              )}
            </Grid.Col>
          </Grid>
        </>
      )}
    </Paper>
  );
}

/** A table's title with the button that exports that table. */
function TableHeading({ title, download }: { title: string; download: () => Promise<ExcelFile> }) {
  return (
    <Group justify="space-between" mb={4}>
      <Text fw={500}>{title}</Text>
      <ExportButton download={download} />
    </Group>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function CountTable({
  header,
  rows,
}: {
  header: string;
  rows: { key: string; label: string; count: number }[];
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('capacity.dashboard.noRows')}</Text>;
  return (
    <Table striped tabularNums>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{header}</Table.Th>
          <Table.Th ta="right">{t('capacity.dashboard.count')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface MoneyRow {
  key: string;
  label: string;
  count: number;
  costVnd: number;
  approvedVnd?: number;
}

/** Proposals by status, year and funding source; each table exports what it shows. */
export function InvestmentTotals({ facilityId }: { facilityId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { facilityId: facilityId ?? undefined };
  const totals = useQuery(trpc.investment.totals.queryOptions(input));
  return (
    <Paper withBorder p="md" data-testid="investment-totals">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4">
            {t('capacity.dashboard.investmentTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('capacity.dashboard.investmentNote')}
          </Text>
        </div>
      </Group>
      {totals.isPending && <PageLoader />}
      {totals.isError && <ErrorAlert error={totals.error} />}
      {totals.data && (
        <Grid>
          <Grid.Col span={{ base: 12, xl: 4 }}>
            <MoneyTable
              title={t('capacity.dashboard.byStatus')}
              download={() => client.investment.totalsExport.query({ ...input, table: 'byStatus' })}
              header={t('capacity.dashboard.status')}
              rows={totals.data.byStatus.map((r) => ({
                key: r.status,
                label: t(`capacity.dashboard.proposalStatuses.${r.status}`),
                count: r.count,
                costVnd: r.costVnd,
              }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 4 }}>
            <MoneyTable
              title={t('capacity.dashboard.byYear')}
              download={() => client.investment.totalsExport.query({ ...input, table: 'byYear' })}
              header={t('capacity.dashboard.year')}
              rows={totals.data.byYear.map((r) => ({
                key: String(r.year),
                label: String(r.year),
                count: r.count,
                costVnd: r.costVnd,
                approvedVnd: r.approvedVnd,
              }))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 4 }}>
            <MoneyTable
              title={t('capacity.dashboard.byFundingSource')}
              download={() => client.investment.totalsExport.query({ ...input, table: 'byFunding' })}
              header={t('capacity.dashboard.fundingSource')}
              rows={totals.data.byFundingSource.map((r) => ({
                key: r.fundingSource,
                label: t(`capacity.dashboard.fundingSources.${r.fundingSource}`),
                count: r.count,
                costVnd: r.costVnd,
                approvedVnd: r.approvedVnd,
              }))}
            />
          </Grid.Col>
        </Grid>
      )}
    </Paper>
  );
}

function MoneyTable({
  title,
  header,
  rows,
  download,
}: {
  title: string;
  header: string;
  rows: MoneyRow[];
  download: () => Promise<ExcelFile>;
}) {
  const { t } = useTranslation();
  const withApproved = rows.some((r) => r.approvedVnd !== undefined);
  const cell = (children: ReactNode) => (
    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Table.Td>
  );
  return (
    <>
      <TableHeading title={title} download={download} />
      {rows.length === 0 ? (
        <Text c="dimmed">{t('capacity.dashboard.noRows')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table striped tabularNums>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{header}</Table.Th>
                <Table.Th ta="right">{t('capacity.dashboard.proposals')}</Table.Th>
                <Table.Th ta="right">{t('capacity.dashboard.cost')}</Table.Th>
                {withApproved && <Table.Th ta="right">{t('capacity.dashboard.approved')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.label}</Table.Td>
                  {cell(formatNumber(r.count))}
                  {cell(formatVnd(r.costVnd))}
                  {withApproved && cell(formatVnd(r.approvedVnd ?? 0))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
