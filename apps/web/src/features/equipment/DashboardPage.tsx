import type { EquipmentDashboard } from '@ansinh/schemas/equipment';
import { Anchor, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useFacilityScope } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FacilityFilterSelect } from '../../components/FacilitySelect.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatNumber, formatVnd } from '../../lib/format.ts';
import { uuidParam } from '../../lib/url-params.ts';
import { CostBars } from '../policies/CostBars.tsx';
import { type ItemListState, itemListLink } from './list-params.ts';

const series = (t: (key: 'equipment.dashboard.cost' | 'equipment.dashboard.bookValue') => string) => [
  { name: t('equipment.dashboard.cost'), color: 'blue.6' },
  { name: t('equipment.dashboard.bookValue'), color: 'teal.5' },
];

/**
 * Where the equipment money is and what needs attention. The figures are not exported from here: each
 * table links to the item list with the same filter, which exports the items behind the figure.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const { ownFacilityId } = useFacilityScope();
  const chosen = uuidParam(params.get('facilityId'));
  const facilityId = chosen ?? ownFacilityId ?? undefined;
  const dashboard = useQuery({
    ...trpc.equipment.dashboard.queryOptions({ facilityId }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('equipment.dashboard.title')}
      </Title>
      <div style={{ maxWidth: 420 }}>
        <FacilityFilterSelect value={chosen} onChange={(id) => setParams(id ? { facilityId: id } : {})} />
      </div>
      {dashboard.isError && <ErrorState error={dashboard.error} />}
      {dashboard.isPending && <PageLoader />}
      {dashboard.data && (
        <Busy busy={dashboard.isPlaceholderData}>
          <DashboardBody data={dashboard.data} facilityId={facilityId ?? null} />
        </Busy>
      )}
    </Stack>
  );
}

function DashboardBody({ data, facilityId }: { data: EquipmentDashboard; facilityId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const models = useQuery(trpc.equipment.models.list.queryOptions());
  /** The item list showing what a figure counts, within the facility chosen here. */
  const link = (filter: Partial<ItemListState>) => itemListLink({ facilityId, ...filter });
  const sum = (rows: { items: number; costVnd: number; bookValueVnd: number }[]) =>
    rows.reduce(
      (total, r) => ({
        items: total.items + r.items,
        costVnd: total.costVnd + r.costVnd,
        bookValueVnd: total.bookValueVnd + r.bookValueVnd,
      }),
      { items: 0, costVnd: 0, bookValueVnd: 0 },
    );
  const categoryOf = (modelId: string) => models.data?.find((m) => m.id === modelId)?.category ?? null;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat
          label={t('equipment.dashboard.maintenanceOverdue')}
          value={formatNumber(data.maintenanceOverdue)}
          color={data.maintenanceOverdue > 0 ? 'red' : undefined}
          to={link({ maintenance: 'overdue' })}
          testId="stat-overdue"
        />
        <Stat
          label={t('equipment.dashboard.maintenanceDue')}
          value={formatNumber(data.maintenanceDue)}
          color={data.maintenanceDue > 0 ? 'orange' : undefined}
          to={link({ maintenance: 'due' })}
          testId="stat-due"
        />
        <Stat
          label={t('equipment.dashboard.pastUsefulLife')}
          // Counted in units: a lot of 40 chairs past its life is 40 chairs to replace.
          value={t('equipment.list.quantityUnit', { quantity: formatNumber(data.pastUsefulLife.items) })}
          detail={`${t('equipment.dashboard.replacementCost')}: ${formatVnd(data.pastUsefulLife.replacementCostVnd)}`}
          color={data.pastUsefulLife.items > 0 ? 'grape' : undefined}
          to={link({ usefulLife: 'past' })}
          testId="stat-past-life"
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('equipment.dashboard.exportHint')}
      </Text>
      <ValueSection
        title={t('equipment.dashboard.byFacility')}
        listLink={link({})}
        firstColumn={t('equipment.fields.facilityName')}
        rows={data.valueByFacility.map((r) => ({
          key: r.facilityId,
          label: r.facilityName,
          to: itemListLink({ facilityId: r.facilityId }),
          ...r,
        }))}
        total={sum(data.valueByFacility)}
      />
      <ValueSection
        title={t('equipment.dashboard.byCategory')}
        listLink={link({})}
        firstColumn={t('equipment.fields.category')}
        rows={data.valueByCategory.map((r) => ({
          key: r.category,
          label: t(`equipment.categories.${r.category}`),
          to: link({ category: r.category }),
          ...r,
        }))}
        total={sum(data.valueByCategory)}
      />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('equipment.dashboard.shortfalls')}
        </Title>
        {data.shortfalls.length === 0 ? (
          <Text c="dimmed">{t('equipment.dashboard.noShortfalls')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped tabularNums>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('equipment.fields.facilityName')}</Table.Th>
                  <Table.Th>{t('equipment.dashboard.model')}</Table.Th>
                  <Table.Th ta="right">{t('equipment.dashboard.required')}</Table.Th>
                  <Table.Th ta="right">{t('equipment.dashboard.active')}</Table.Th>
                  <Table.Th ta="right">{t('equipment.dashboard.lacking')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.shortfalls.map((s) => (
                  <Table.Tr key={`${s.facilityId}-${s.modelId}`}>
                    <Table.Td>{s.facilityName}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={itemListLink({ facilityId: s.facilityId, category: categoryOf(s.modelId) })}
                      >
                        {s.modelName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(s.required)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(s.active)}</Table.Td>
                    <Table.Td ta="right" c="red" fw={700}>
                      {formatNumber(s.lacking)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

function Stat({
  label,
  value,
  detail,
  color,
  to,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  color?: string;
  to: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="md" component={Link} to={to} style={{ textDecoration: 'none', color: 'inherit' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
      {detail && <Text size="sm">{detail}</Text>}
    </Paper>
  );
}

interface ValueRow {
  key: string;
  label: string;
  to: string;
  items: number;
  costVnd: number;
  bookValueVnd: number;
}

function ValueSection({
  title,
  listLink,
  firstColumn,
  rows,
  total,
}: {
  title: string;
  listLink: string;
  firstColumn: string;
  rows: ValueRow[];
  total: Omit<ValueRow, 'key' | 'label' | 'to'>;
}) {
  const { t } = useTranslation();
  const sorted = [...rows].sort((a, b) => b.costVnd - a.costVnd);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Button size="xs" variant="default" component={Link} to={listLink}>
          {t('equipment.dashboard.openList')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('equipment.dashboard.empty')}</Text>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Table.ScrollContainer minWidth={560}>
              <Table striped tabularNums>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{firstColumn}</Table.Th>
                    <Table.Th ta="right">{t('equipment.dashboard.items')}</Table.Th>
                    <Table.Th ta="right">{t('equipment.dashboard.cost')}</Table.Th>
                    <Table.Th ta="right">{t('equipment.dashboard.bookValue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sorted.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td>
                        <Anchor component={Link} to={r.to}>
                          {r.label}
                        </Anchor>
                      </Table.Td>
                      <Money>{formatNumber(r.items)}</Money>
                      <Money>{formatVnd(r.costVnd)}</Money>
                      <Money>{formatVnd(r.bookValueVnd)}</Money>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Td>{t('equipment.dashboard.total')}</Table.Td>
                    <Money>{formatNumber(total.items)}</Money>
                    <Money>{formatVnd(total.costVnd)}</Money>
                    <Money>{formatVnd(total.bookValueVnd)}</Money>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <CostBars
              series={series(t)}
              rows={sorted.slice(0, 12).map((r) => ({
                key: r.key,
                label: r.label,
                values: [r.costVnd, r.bookValueVnd],
              }))}
            />
          </Grid.Col>
        </Grid>
      )}
    </Paper>
  );
}

function Money({ children }: { children: ReactNode }) {
  return (
    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Table.Td>
  );
}
