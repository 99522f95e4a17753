import type { ImportProblem } from '@ansinh/schemas/import';
import { Alert, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TablePager } from '../../../components/TablePager.tsx';
import { formatNumber } from '../../../lib/format.ts';

/**
 * Every problem by spreadsheet row and column header, a page at a time (a bad file can have thousands).
 * `title` and `hint` name what is imported (the default speaks of residents' records).
 */
export function ImportProblems({
  problems,
  title,
  hint,
}: {
  problems: ImportProblem[];
  title?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const shown = sorted.slice((paging.page - 1) * paging.pageSize, paging.page * paging.pageSize);
  return (
    <Alert
      color="red"
      title={title ?? t('resident.import.problemsTitle', { count: formatNumber(problems.length) })}
    >
      <Text size="sm" mb="sm">
        {hint ?? t('resident.import.problemsHint')}
      </Text>
      <Table striped withTableBorder bg="white" tabularNums>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('resident.import.row')}</Table.Th>
            <Table.Th w={220}>{t('resident.import.column')}</Table.Th>
            <Table.Th>{t('resident.import.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((p) => (
            <Table.Tr key={`${p.row}-${p.column}-${p.message}`}>
              <Table.Td>{p.row}</Table.Td>
              <Table.Td>{p.column}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <TablePager
        page={paging.page}
        pageSize={paging.pageSize}
        total={problems.length}
        summary={t('common.total', { total: formatNumber(problems.length) })}
        onPageChange={(page) => setPaging((p) => ({ ...p, page }))}
        onPageSizeChange={(pageSize) => setPaging({ page: 1, pageSize })}
      />
    </Alert>
  );
}
