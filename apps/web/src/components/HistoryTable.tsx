import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './PageLoader.tsx';

export interface HistoryEntry {
  at: Date;
  actorUsername: string | null;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

interface HistoryTableProps {
  title: string;
  emptyText: string;
  query: { data?: HistoryEntry[] | undefined; error: unknown; isError: boolean; isPending: boolean };
  actionLabel: (action: string) => string;
  fieldLabel: (field: string) => string;
  valueText: (field: string, value: unknown) => string;
}

/** Who changed what and when, field by field (old → new), newest first; one row per changed field. */
export function HistoryTable({
  title,
  emptyText,
  query,
  actionLabel,
  fieldLabel,
  valueText,
}: HistoryTableProps) {
  const { t } = useTranslation();
  const entries = [...(query.data ?? [])].sort((a, b) => b.at.getTime() - a.at.getTime());

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {query.isError && <ErrorAlert error={query.error} />}
      {query.isPending && <PageLoader />}
      {query.data && entries.length === 0 && <Text c="dimmed">{emptyText}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.field')}</Table.Th>
                <Table.Th>{t('audit.before')}</Table.Th>
                <Table.Th>{t('audit.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry, index) => {
                const rows = Math.max(entry.changes.length, 1);
                const key = `${entry.at.getTime()}-${entry.action}-${index}`;
                const head = (
                  <>
                    <Table.Td rowSpan={rows}>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td rowSpan={rows}>{entry.actorUsername ?? t('audit.system')}</Table.Td>
                    <Table.Td rowSpan={rows}>{actionLabel(entry.action)}</Table.Td>
                  </>
                );
                if (entry.changes.length === 0) {
                  return (
                    <Table.Tr key={key}>
                      {head}
                      <Table.Td colSpan={3} />
                    </Table.Tr>
                  );
                }
                return entry.changes.map((change, i) => (
                  <Table.Tr key={`${key}-${change.field}`}>
                    {i === 0 && head}
                    <Table.Td>{fieldLabel(change.field)}</Table.Td>
                    <Table.Td c="dimmed">{valueText(change.field, change.before)}</Table.Td>
                    <Table.Td>{valueText(change.field, change.after)}</Table.Td>
                  </Table.Tr>
                ));
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
