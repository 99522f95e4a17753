import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { translateIfKnown } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useEquipmentValues, visibleChanges } from './value-format.ts';

/** Who changed what and when, field by field (old → new), newest first. */
export function ItemHistory({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.equipment.items.history.queryOptions({ id: itemId }));
  const { field, value: format } = useEquipmentValues();
  const action = (code: string) =>
    translateIfKnown(`equipment.history.actions.${code.split('.').slice(1).join('_')}`) ?? code;
  const entries = [...(history.data ?? [])]
    .map((entry) => ({ ...entry, changes: visibleChanges(entry.changes) }))
    .sort((a, b) => b.at.getTime() - a.at.getTime());

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('equipment.history.title')}
      </Title>
      {history.isError && <ErrorAlert error={history.error} />}
      {history.isPending && <PageLoader />}
      {history.data && entries.length === 0 && <Text c="dimmed">{t('equipment.history.empty')}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('equipment.history.field')}</Table.Th>
                <Table.Th>{t('equipment.history.before')}</Table.Th>
                <Table.Th>{t('equipment.history.after')}</Table.Th>
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
                    <Table.Td rowSpan={rows}>{action(entry.action)}</Table.Td>
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
                    <Table.Td>{field(change.field)}</Table.Td>
                    <Table.Td c="dimmed">{format(change.field, change.before)}</Table.Td>
                    <Table.Td>{format(change.field, change.after)}</Table.Td>
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
