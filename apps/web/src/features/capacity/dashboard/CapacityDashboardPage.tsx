import type { CapacityDashboard, dashboardTables } from '@ansinh/schemas/capacity';
import { type FacilityType, facilityTypes } from '@ansinh/schemas/facility';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, useTRPCClient } from '../../../api/trpc.ts';
import { Busy } from '../../../components/Busy.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { FacilityFilterSelect } from '../../../components/FacilitySelect.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useFacilityParam } from '../facility-param.ts';
import { formatRate } from '../format.ts';
import { OccupancyChart } from '../OccupancyChart.tsx';
import { FiguresSection } from './FiguresSection.tsx';
import { InvestmentTotals, WaitlistSummary } from './PlanningSections.tsx';
import { StandardsOverview } from './StandardsOverview.tsx';

/**
 * The planner's view of capacity: beds and occupancy by facility type, commune and facility, the trend,
 * facilities over the standards or short of staff, the waitlist and the investment proposals. A centre's
 * manager sees the same for their own centre.
 */
export function CapacityDashboardPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [facilityId, setFacility] = useFacilityParam();
  const dashboard = useQuery({
    ...trpc.capacity.dashboard.queryOptions({ facilityId: facilityId ?? undefined }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('capacity.dashboard.title')}
      </Title>
      <Group align="flex-end" justify="space-between">
        <div style={{ width: 420 }}>
          <FacilityFilterSelect value={facilityId} onChange={setFacility} />
        </div>
        {dashboard.data && (
          <Text size="sm" c="dimmed">
            {t('capacity.dashboard.onDate', { date: formatDate(dashboard.data.onDate) })}
          </Text>
        )}
      </Group>
      {dashboard.isPending && <PageLoader />}
      {dashboard.isError && <ErrorState error={dashboard.error} />}
      {dashboard.data && (
        <Busy busy={dashboard.isPlaceholderData}>
          <CapacityFiguresBody data={dashboard.data} facilityId={facilityId} />
        </Busy>
      )}
      <Trend facilityId={facilityId} />
      <StandardsOverview facilityId={facilityId} />
      <WaitlistSummary facilityId={facilityId} />
      <InvestmentTotals facilityId={facilityId} />
    </Stack>
  );
}

const isFacilityType = (type: string): type is FacilityType =>
  (facilityTypes as readonly string[]).includes(type);

const stats = [
  'facilities',
  'licensedCapacity',
  'beds',
  'operationalBeds',
  'occupied',
  'vacancies',
  'occupancyRate',
] as const;

function CapacityFiguresBody({ data, facilityId }: { data: CapacityDashboard; facilityId: string | null }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const exportOf = (table: (typeof dashboardTables)[number]) => (
    <ExportButton
      download={() => client.capacity.dashboardExport.query({ facilityId: facilityId ?? undefined, table })}
    />
  );
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
        {stats.map((key) => (
          <Paper key={key} withBorder p="sm">
            <Text size="sm" c="dimmed">
              {t(`capacity.dashboard.${key}`)}
            </Text>
            <Text fz={26} fw={700} data-testid={`stat-${key}`}>
              {key === 'occupancyRate'
                ? formatRate(data.totals.occupancyRate)
                : formatNumber(data.totals[key])}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <FiguresSection
        testId="by-type"
        title={t('capacity.dashboard.byType')}
        labelHeader={t('capacity.dashboard.type')}
        rows={data.byType.map((r) => ({
          ...r,
          key: r.type,
          label: isFacilityType(r.type) ? t(`facility.types.${r.type}`) : r.type,
        }))}
        total={data.totals}
        exportButton={exportOf('byType')}
      />
      <FiguresSection
        testId="by-commune"
        title={t('capacity.dashboard.byCommune')}
        labelHeader={t('capacity.dashboard.commune')}
        rows={data.byCommune.map((r) => ({ ...r, key: r.communeCode, label: r.communeName }))}
        total={data.totals}
        long
        searchLabel={t('capacity.dashboard.searchCommune')}
        summary={(count) => t('capacity.dashboard.communesTotal', { count })}
        exportButton={exportOf('byCommune')}
      />
      <FiguresSection
        testId="by-facility"
        title={t('capacity.dashboard.byFacility')}
        labelHeader={t('capacity.dashboard.facility')}
        rows={data.byFacility.map((r) => ({
          ...r,
          key: r.facilityId,
          label: r.name,
          to: `/capacity/beds?facility=${r.facilityId}`,
        }))}
        total={data.totals}
        long
        withFacilities={false}
        searchLabel={t('capacity.dashboard.searchFacility')}
        summary={(count) => t('capacity.dashboard.facilitiesTotal', { count })}
        exportButton={exportOf('byFacility')}
      />
    </Stack>
  );
}

function Trend({ facilityId }: { facilityId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery({
    ...trpc.capacity.occupancyHistory.queryOptions({ facilityId: facilityId ?? undefined, months: 24 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('capacity.dashboard.trend')}
        </Title>
        <Anchor
          component={Link}
          to={facilityId ? `/capacity/occupancy?facility=${facilityId}` : '/capacity/occupancy'}
        >
          {t('capacity.dashboard.openHistory')}
        </Anchor>
      </Group>
      {history.isPending && <PageLoader />}
      {history.isError && <ErrorAlert error={history.error} />}
      {history.data && <OccupancyChart months={history.data.months} height={260} />}
    </Paper>
  );
}
