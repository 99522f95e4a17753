import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../../api/trpc.ts';
import { Busy } from '../../../components/Busy.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { TablePager } from '../../../components/TablePager.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';

const defaultPageSize = 10;

/** The facility's stock-takes, newest first, with their counts; each opens as its report (biên bản). */
export function StocktakeHistory({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(defaultPageSize);
  const list = useQuery({
    ...trpc.equipment.stocktakes.list.queryOptions({ facilityId, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  return (
    <Paper withBorder p="md" data-testid="stocktake-history">
      <Title order={2} size="h4" mb="sm">
        {t('equipment.stocktake.history.title')}
      </Title>
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && list.data.total === 0 && (
        <Text c="dimmed" size="sm">
          {t('equipment.stocktake.history.empty')}
        </Text>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <Busy busy={list.isPlaceholderData}>
            <Table.ScrollContainer minWidth={800}>
              <Table striped highlightOnHover tabularNums>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('equipment.report.startedAt')}</Table.Th>
                    <Table.Th>{t('equipment.report.appliedAt')}</Table.Th>
                    <Table.Th>{t('equipment.stocktake.history.status')}</Table.Th>
                    <Table.Th ta="right">{t('equipment.stocktake.counters.expected')}</Table.Th>
                    <Table.Th ta="right">{t('equipment.stocktake.counters.found')}</Table.Th>
                    <Table.Th ta="right">{t('equipment.stocktake.counters.missing')}</Table.Th>
                    <Table.Th ta="right">{t('equipment.stocktake.counters.wrongLocation')}</Table.Th>
                    <Table.Th ta="right">{t('equipment.stocktake.counters.conditionChanged')}</Table.Th>
                    <Table.Th ta="right">{t('equipment.stocktake.counters.unexpected')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/equipment/stocktake/${s.id}`}>
                          {formatDateTime(s.startedAt)}
                        </Anchor>
                        {s.startedByUsername && (
                          <Text size="xs" c="dimmed">
                            {s.startedByUsername}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {s.appliedAt ? formatDateTime(s.appliedAt) : t('common.empty')}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={s.status === 'open' ? 'yellow' : 'green'} variant="light">
                          {t(`equipment.report.statuses.${s.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(s.expected)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(s.found)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(s.missing)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(s.wrongLocation)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(s.conditionChanged)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(s.unexpected)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Busy>
          <TablePager
            page={page}
            pageSize={pageSize}
            total={list.data.total}
            summary={t('equipment.stocktake.history.total', { total: formatNumber(list.data.total) })}
            onPageChange={setPage}
            onPageSizeChange={(size) => {
              setPageSize(size);
              setPage(1);
            }}
          />
        </>
      )}
    </Paper>
  );
}
