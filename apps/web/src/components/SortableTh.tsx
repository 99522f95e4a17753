import { Table, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Sort<Field extends string> {
  field: Field;
  direction: 'asc' | 'desc';
}

interface SortableThProps<Field extends string> {
  field: Field;
  label: string;
  sort: Sort<Field>;
  onSort: (sort: Sort<Field>) => void;
}

/** Column header that sorts on the server: first click ascending, next click flips the direction. */
export function SortableTh<Field extends string>({ field, label, sort, onSort }: SortableThProps<Field>) {
  const { t } = useTranslation();
  const active = sort.field === field;
  const next: Sort<Field> = { field, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' };
  return (
    <Table.Th aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        fw={700}
        fz="sm"
        style={{ whiteSpace: 'nowrap' }}
        onClick={() => onSort(next)}
        title={t('common.sortBy', { column: label })}
      >
        {label} <span aria-hidden>{active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}
