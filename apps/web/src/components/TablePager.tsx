import { Group, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const pageSizes = [10, 20, 50, 100] as const;

interface TablePagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** Already formatted, e.g. "Tổng số: 1.234 cơ sở". */
  summary: string;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
}

export function TablePager({
  page,
  pageSize,
  total,
  summary,
  onPageChange,
  onPageSizeChange,
}: TablePagerProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" data-testid="table-total">
        {summary}
      </Text>
      <Group gap="sm">
        <Select
          aria-label={t('common.pageSize')}
          size="xs"
          w={80}
          allowDeselect={false}
          data={pageSizes.map(String)}
          value={String(pageSize)}
          onChange={(value) => value && onPageSizeChange(Number(value))}
        />
        <Pagination
          size="sm"
          total={Math.max(1, Math.ceil(total / pageSize))}
          value={page}
          onChange={onPageChange}
        />
      </Group>
    </Group>
  );
}
