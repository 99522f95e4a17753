import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { currentMonth, formatMonth, formatVnd, shiftMonth } from '../../lib/format.ts';
import { useRuleTitles } from './use-rule-titles.ts';

/** The last 12 months, newest first, one column per rule that paid something in that period. */
export function EntitlementHistory({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const titleOf = useRuleTitles();
  const history = useQuery(
    trpc.entitlements.history.queryOptions({ residentId, from: shiftMonth(-11), to: currentMonth() }),
  );
  const months = [...(history.data ?? [])].reverse();
  const codes = [...new Set(months.flatMap((m) => Object.keys(m.amounts).filter((c) => m.amounts[c])))];

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('entitlement.history.title')}
      </Title>
      {history.isError && <ErrorAlert error={history.error} />}
      {history.isPending && <PageLoader />}
      {history.data && (
        <Table.ScrollContainer minWidth={500}>
          <Table striped tabularNums>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.month')}</Table.Th>
                {codes.map((code) => (
                  <Table.Th key={code} ta="right">
                    {titleOf(code)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('entitlement.history.total')}</Table.Th>
                <Table.Th>{t('entitlement.history.unknown')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{formatMonth(m.month)}</Table.Td>
                  {codes.map((code) => (
                    <Table.Td key={code} ta="right">
                      {m.amounts[code] ? formatVnd(m.amounts[code]) : t('common.empty')}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={600}>
                    {formatVnd(m.totalVnd)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="orange.8">
                      {m.unknownRules.map(titleOf).join('; ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
