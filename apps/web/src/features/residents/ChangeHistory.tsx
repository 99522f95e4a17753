import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAuditLabels } from '../audit/labels.ts';

/** Who changed what and when, field by field (old → new), newest first. */
export function ChangeHistory({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const labels = useAuditLabels();
  const timeline = useQuery(trpc.residents.timeline.queryOptions({ id: residentId }));
  const entries = [...(timeline.data ?? [])].sort((a, b) => b.at.getTime() - a.at.getTime());

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('resident.changes.title')}
      </Title>
      {timeline.isError && <ErrorAlert error={timeline.error} />}
      {timeline.isPending && <PageLoader />}
      {timeline.data && entries.length === 0 && <Text c="dimmed">{t('resident.changes.empty')}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('resident.changes.field')}</Table.Th>
                <Table.Th>{t('resident.changes.before')}</Table.Th>
                <Table.Th>{t('resident.changes.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => {
                const rows = Math.max(entry.changes.length, 1);
                const head = (
                  <>
                    <Table.Td rowSpan={rows}>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td rowSpan={rows}>{entry.actorUsername ?? t('audit.system')}</Table.Td>
                    <Table.Td rowSpan={rows}>{labels.action(entry.action)}</Table.Td>
                  </>
                );
                if (entry.changes.length === 0) {
                  return (
                    <Table.Tr key={`${entry.at.getTime()}-${entry.action}`}>
                      {head}
                      <Table.Td colSpan={3} />
                    </Table.Tr>
                  );
                }
                return entry.changes.map((change, i) => (
                  <Table.Tr key={`${entry.at.getTime()}-${entry.action}-${change.field}`}>
                    {i === 0 && head}
                    <Table.Td>{labels.field('resident', change.field)}</Table.Td>
                    <Table.Td c="dimmed">{labels.value(change.field, change.before)}</Table.Td>
                    <Table.Td>{labels.value(change.field, change.after)}</Table.Td>
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
