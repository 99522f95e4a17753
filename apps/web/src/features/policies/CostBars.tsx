import { Box, Group, Stack, Text } from '@mantine/core';
import { formatVnd } from '../../lib/format.ts';

interface BarSeries {
  name: string;
  color: string;
}

interface CostBarsProps {
  series: BarSeries[];
  /** One row per item, one value per series. */
  rows: { key: string; label: string; values: number[] }[];
}

/**
 * A horizontal bar chart drawn with plain boxes: each bar's length is its share of the largest value.
 * Every amount is also written out, so the chart reads without seeing the bars.
 */
export function CostBars({ series, rows }: CostBarsProps) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  return (
    <Stack gap="md">
      <Group gap="md">
        {series.map((s) => (
          <Group key={s.name} gap={6}>
            <Box w={14} h={14} bg={s.color} style={{ borderRadius: 3 }} />
            <Text size="sm">{s.name}</Text>
          </Group>
        ))}
      </Group>
      {rows.map((row) => (
        <Stack key={row.key} gap={4}>
          <Text size="sm" fw={500}>
            {row.label}
          </Text>
          {series.map((s, i) => {
            const value = row.values[i] ?? 0;
            return (
              <Group key={s.name} gap="xs" wrap="nowrap">
                <Text size="xs" w={110} c="dimmed" style={{ flexShrink: 0 }}>
                  {s.name}
                </Text>
                <Box style={{ flex: 1 }}>
                  <Box
                    h={14}
                    bg={s.color}
                    w={`${(value / max) * 100}%`}
                    miw={value > 0 ? 2 : 0}
                    style={{ borderRadius: 3 }}
                  />
                </Box>
                <Text size="xs" w={130} ta="right" style={{ flexShrink: 0 }}>
                  {formatVnd(value)}
                </Text>
              </Group>
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
