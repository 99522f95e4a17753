import '@mantine/charts/styles.css';
import type { OccupancyMonth } from '@ansinh/schemas/capacity';
import { CompositeChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatMonth, formatNumber } from '../../lib/format.ts';
import { roundTenth } from './format.ts';

/**
 * Occupied beds (average over the month, area) against the beds in service (line), with the rate on
 * the right-hand axis. The table under it holds the same figures for those who do not read charts.
 */
export function OccupancyChart({
  months,
  height = 320,
}: {
  months: readonly OccupancyMonth[];
  height?: number;
}) {
  const { t } = useTranslation();
  const data = months.map((m) => ({
    month: formatMonth(m.month),
    averageOccupied: roundTenth(m.averageOccupied),
    beds: m.beds,
    rate: m.rate === null ? null : roundTenth(m.rate * 100),
  }));
  const maxRate = Math.max(100, ...data.map((d) => d.rate ?? 0));
  return (
    <CompositeChart
      h={height}
      data={data}
      dataKey="month"
      withLegend
      withRightYAxis
      rightYAxisLabel="%"
      rightYAxisProps={{ domain: [0, Math.ceil(maxRate / 10) * 10] }}
      valueFormatter={(value) => formatNumber(value)}
      series={[
        {
          name: 'averageOccupied',
          label: t('capacity.occupancy.averageOccupied'),
          color: 'blue.5',
          type: 'area',
        },
        { name: 'beds', label: t('capacity.occupancy.beds'), color: 'gray.6', type: 'line' },
        {
          name: 'rate',
          label: t('capacity.occupancy.rate'),
          color: 'teal.6',
          type: 'line',
          yAxisId: 'right',
        },
      ]}
      data-testid="occupancy-chart"
    />
  );
}
