import { Anchor, Drawer, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDate } from '../../lib/format.ts';

/** Who slept in a bed and when, newest first. */
export function BedHistoryDrawer({
  bedId,
  code,
  onClose,
}: {
  bedId: string;
  code: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.capacity.bedHistory.queryOptions({ bedId }));
  const rows = [...(history.data ?? [])].sort((a, b) => b.fromOn.localeCompare(a.fromOn));
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={t('capacity.history.title', { code })}>
      {history.isPending && <PageLoader />}
      {history.isError && <ErrorAlert error={history.error} />}
      {history.data &&
        (rows.length === 0 ? (
          <Text c="dimmed">{t('capacity.history.empty')}</Text>
        ) : (
          <Table striped data-testid="bed-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('capacity.history.resident')}</Table.Th>
                <Table.Th>{t('capacity.history.fromOn')}</Table.Th>
                <Table.Th>{t('capacity.history.untilOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={`${row.residentId}-${row.fromOn}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/residents/${row.residentId}`}>
                      {row.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(row.fromOn)}</Table.Td>
                  <Table.Td>{row.untilOn ? formatDate(row.untilOn) : t('capacity.history.current')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
    </Drawer>
  );
}
