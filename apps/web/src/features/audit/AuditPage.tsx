import type { AuditEntry } from '@ansinh/schemas/audit';
import { Button, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { useAuditLabels } from './labels.ts';

export function AuditPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({ ...trpc.audit.list.queryOptions(paging), placeholderData: keepPreviousData });

  return (
    <>
      <Title order={1} size="h2" mb="md">
        {t('audit.title')}
      </Title>
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && (
        <>
          <Busy busy={list.isPlaceholderData}>
            <AuditTable entries={list.data.items} />
          </Busy>
          <TablePager
            page={paging.page}
            pageSize={paging.pageSize}
            total={list.data.total}
            summary={t('common.total', { total: formatNumber(list.data.total) })}
            onPageChange={(page) => setPaging((p) => ({ ...p, page }))}
            onPageSizeChange={(pageSize) => setPaging({ page: 1, pageSize })}
          />
        </>
      )}
    </>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [expanded, setExpanded] = useState<number | null>(null);
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const open = expanded === entry.id;
            return (
              <Fragment key={entry.id}>
                <Table.Tr>
                  <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.actorUsername ?? t('audit.system')}</Table.Td>
                  <Table.Td>{labels.action(entry.action)}</Table.Td>
                  <Table.Td>{labels.entity(entry)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      variant="subtle"
                      size="xs"
                      aria-expanded={open}
                      onClick={() => setExpanded(open ? null : entry.id)}
                    >
                      {t(open ? 'audit.hideChanges' : 'audit.showChanges')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr>
                    <Table.Td colSpan={5} bg="gray.0">
                      <AuditDiff entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      {entries.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('audit.empty')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
