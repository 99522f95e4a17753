import type { StocktakeReport } from '@ansinh/schemas/equipment';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';

const counters = [
  { key: 'expected', color: undefined },
  { key: 'found', color: 'green' },
  { key: 'missing', color: 'red' },
  { key: 'wrongLocation', color: 'orange' },
  { key: 'conditionChanged', color: 'grape' },
  { key: 'unexpected', color: 'blue' },
] as const;

/** The running totals of a count: what the register expects and what has been seen so far. */
export function StocktakeCounters({ report }: { report: StocktakeReport }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs" aria-live="polite">
      {counters.map(({ key, color }) => (
        <Paper key={key} withBorder p="xs" ta="center">
          <Text fz={28} fw={700} lh={1.1} c={color} data-testid={`count-${key}`}>
            {formatNumber(report[key])}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`equipment.stocktake.counters.${key}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
