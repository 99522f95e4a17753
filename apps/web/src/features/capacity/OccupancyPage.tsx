import { Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FacilityFilterSelect } from '../../components/FacilitySelect.tsx';
import { MonthField } from '../../components/MonthField.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatMonth, formatNumber } from '../../lib/format.ts';
import { useFacilityParam } from './facility-param.ts';
import { formatRate, roundTenth } from './format.ts';
import { OccupancyChart } from './OccupancyChart.tsx';

const monthOptions = [12, 24, 36, 60] as const;
const currentMonth = () => new Date().toISOString().slice(0, 7);

/** Month by month: how many beds were slept in, of the province, of a centre or of an operator's centres. */
export function OccupancyPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [facilityId, setFacility] = useFacilityParam();
  const [params, setParams] = useSearchParams();
  const months = monthOptions.find((m) => String(m) === params.get('months')) ?? 24;
  const toMonth = params.get('to') ?? undefined;
  const input = { facilityId: facilityId ?? undefined, months, toMonth };
  const setParam = (name: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  const history = useQuery({
    ...trpc.capacity.occupancyHistory.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const rows = [...(history.data?.months ?? [])].reverse();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('capacity.occupancy.title')}
        </Title>
        <ExportButton
          download={() => client.capacity.dashboardExport.query({ ...input, table: 'occupancy' })}
        />
      </Group>
      <Group align="flex-end">
        <div style={{ width: 420 }}>
          <FacilityFilterSelect value={facilityId} onChange={setFacility} />
        </div>
        <Select
          label={t('capacity.occupancy.months')}
          w={200}
          allowDeselect={false}
          data={monthOptions.map((m) => ({
            value: String(m),
            label: t('capacity.occupancy.monthsOption', { count: m }),
          }))}
          value={String(months)}
          onChange={(value) => setParam('months', value && value !== '24' ? value : null)}
        />
        <MonthField
          label={t('capacity.occupancy.toMonth')}
          w={160}
          maxDate={new Date()}
          value={toMonth ?? currentMonth()}
          onChange={(month) => setParam('to', month < currentMonth() ? month : null)}
        />
      </Group>
      {history.isPending && <PageLoader />}
      {history.isError && <ErrorState error={history.error} />}
      {history.data && (
        <Busy busy={history.isPlaceholderData}>
          <Stack>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('capacity.occupancy.chartTitle')}
              </Title>
              {history.data.months.every((m) => m.beds === 0) ? (
                <Text c="dimmed">{t('capacity.occupancy.empty')}</Text>
              ) : (
                <OccupancyChart months={history.data.months} />
              )}
              <Text size="sm" c="dimmed" mt="sm">
                {t('capacity.occupancy.note')}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Table.ScrollContainer minWidth={640}>
                <Table striped tabularNums data-testid="occupancy-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('capacity.occupancy.month')}</Table.Th>
                      <Table.Th ta="right">{t('capacity.occupancy.averageOccupied')}</Table.Th>
                      <Table.Th ta="right">{t('capacity.occupancy.occupiedAtEnd')}</Table.Th>
                      <Table.Th ta="right">{t('capacity.occupancy.beds')}</Table.Th>
                      <Table.Th ta="right">{t('capacity.occupancy.rateColumn')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((m) => (
                      <Table.Tr key={m.month}>
                        <Table.Td>{formatMonth(m.month)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(roundTenth(m.averageOccupied))}</Table.Td>
                        <Table.Td ta="right">{formatNumber(m.occupiedAtEnd)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(m.beds)}</Table.Td>
                        <Table.Td ta="right" fw={700}>
                          {formatRate(m.rate)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </Stack>
        </Busy>
      )}
    </Stack>
  );
}
