import '@mantine/charts/styles.css';
import { foldDiacritics } from '@ansinh/domain/text';
import type { CapacityFigures } from '@ansinh/schemas/capacity';
import { BarChart } from '@mantine/charts';
import { Anchor, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Sort, SortableTh } from '../../../components/SortableTh.tsx';
import { TablePager } from '../../../components/TablePager.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useClientPage } from '../client-page.ts';
import { formatRate } from '../format.ts';

export interface FiguresRow extends CapacityFigures {
  key: string;
  label: string;
  /** Where the row leads (the beds of a facility). */
  to?: string;
}

const figureFields = [
  'facilities',
  'licensedCapacity',
  'beds',
  'operationalBeds',
  'occupied',
  'vacancies',
  'occupancyRate',
] as const;
type Field = 'label' | (typeof figureFields)[number];

const CHART_ROWS = 12;

interface FiguresSectionProps {
  title: string;
  labelHeader: string;
  rows: readonly FiguresRow[];
  total: CapacityFigures;
  /** Long lists (communes, facilities) get a search box and pages. */
  long?: boolean;
  searchLabel?: string;
  summary?: (count: number) => string;
  /** Facilities are counted only when rows group several. */
  withFacilities?: boolean;
  exportButton: ReactNode;
  testId: string;
}

/** A table of capacity figures by group, sortable, with the groups with most beds as bars beside it. */
export function FiguresSection({
  title,
  labelHeader,
  rows,
  total,
  long = false,
  searchLabel,
  summary,
  withFacilities = true,
  exportButton,
  testId,
}: FiguresSectionProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort<Field>>({ field: 'beds', direction: 'desc' });
  const [search, setSearch] = useState('');
  const query = foldDiacritics(search.trim());
  const found = query ? rows.filter((r) => foldDiacritics(r.label).includes(query)) : rows;
  const sorted = [...found].sort((a, b) => {
    const order =
      sort.field === 'label'
        ? a.label.localeCompare(b.label, 'vi')
        : (a[sort.field] ?? -1) - (b[sort.field] ?? -1);
    return sort.direction === 'asc' ? order : -order;
  });
  const page = useClientPage(sorted, long ? 10 : 100);
  const shown = long ? page.rows : sorted;
  const chart = [...rows]
    .sort((a, b) => b.beds - a.beds)
    .slice(0, CHART_ROWS)
    .map((r) => ({ label: r.label, occupied: r.occupied, vacancies: r.vacancies }));
  const fields = figureFields.filter((f) => withFacilities || f !== 'facilities');
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {exportButton}
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('capacity.dashboard.noRows')}</Text>
      ) : (
        <Stack>
          <div>
            {long && (
              <TextInput
                label={searchLabel}
                placeholder={t('capacity.dashboard.searchPlaceholder')}
                type="search"
                w={320}
                mb="sm"
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
              />
            )}
            <Table.ScrollContainer minWidth={760}>
              <Table striped tabularNums>
                <Table.Thead>
                  <Table.Tr>
                    <SortableTh field="label" label={labelHeader} sort={sort} onSort={setSort} />
                    {fields.map((field) => (
                      <FigureTh key={field} field={field} sort={sort} onSort={setSort} />
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td>
                        {r.to ? (
                          <Anchor component={Link} to={r.to}>
                            {r.label}
                          </Anchor>
                        ) : (
                          r.label
                        )}
                      </Table.Td>
                      <FigureCells row={r} fields={fields} />
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Td>{t('capacity.dashboard.total')}</Table.Td>
                    <FigureCells row={total} fields={fields} />
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
            {long && summary && <TablePager {...page.pager} summary={summary(found.length)} />}
          </div>
          <div>
            {chart.length < rows.length && (
              <Text size="xs" c="dimmed" mb={4}>
                {t('capacity.dashboard.chartTop', { count: CHART_ROWS })}
              </Text>
            )}
            <BarChart
              h={Math.max(160, chart.length * 36 + 60)}
              data={chart}
              dataKey="label"
              type="stacked"
              orientation="vertical"
              withLegend
              yAxisProps={{ width: 260 }}
              valueFormatter={(value) => formatNumber(value)}
              series={[
                { name: 'occupied', label: t('capacity.dashboard.occupied'), color: 'blue.6' },
                { name: 'vacancies', label: t('capacity.dashboard.vacancies'), color: 'teal.4' },
              ]}
            />
          </div>
        </Stack>
      )}
    </Paper>
  );
}

function FigureTh({
  field,
  sort,
  onSort,
}: {
  field: (typeof figureFields)[number];
  sort: Sort<Field>;
  onSort: (sort: Sort<Field>) => void;
}) {
  const { t } = useTranslation();
  return <SortableTh field={field} label={t(`capacity.dashboard.${field}`)} sort={sort} onSort={onSort} />;
}

function FigureCells({
  row,
  fields,
}: {
  row: CapacityFigures;
  fields: readonly (typeof figureFields)[number][];
}) {
  return (
    <>
      {fields.map((field) => (
        <Table.Td key={field} ta="right" fw={field === 'occupancyRate' ? 700 : undefined}>
          {field === 'occupancyRate' ? formatRate(row.occupancyRate) : formatNumber(row[field])}
        </Table.Td>
      ))}
    </>
  );
}
