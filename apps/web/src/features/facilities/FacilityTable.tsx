import type { Facility } from '@ansinh/schemas/facility';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Sort, SortableTh } from '../../components/SortableTh.tsx';
import { formatNumber } from '../../lib/format.ts';
import type { FacilitySortField } from './list-params.ts';
import { StatusBadge } from './StatusBadge.tsx';

interface FacilityTableProps {
  items: Facility[];
  sort: Sort<FacilitySortField>;
  onSort: (sort: Sort<FacilitySortField>) => void;
}

export function FacilityTable({ items, sort, onSort }: FacilityTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const th = (field: FacilitySortField) => (
    <SortableTh field={field} label={t(`facility.fields.${field}`)} sort={sort} onSort={onSort} />
  );

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover striped tabularNums>
        <Table.Thead>
          <Table.Tr>
            {th('code')}
            {th('name')}
            {th('type')}
            <Table.Th>{t('facility.fields.ownership')}</Table.Th>
            {th('communeName')}
            {th('licensedCapacity')}
            {th('status')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => (
            <Table.Tr
              key={f.id}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/facilities/${f.id}`)}
            >
              <Table.Td>{f.code}</Table.Td>
              <Table.Td>
                {/* A real link too, so keyboard users and "open in new tab" work. */}
                <Anchor component={Link} to={`/facilities/${f.id}`} onClick={(e) => e.stopPropagation()}>
                  {f.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`facility.types.${f.type}`)}</Table.Td>
              <Table.Td>{t(`facility.ownerships.${f.ownership}`)}</Table.Td>
              <Table.Td>{f.communeName}</Table.Td>
              <Table.Td ta="right">{formatNumber(f.licensedCapacity)}</Table.Td>
              <Table.Td>
                <StatusBadge status={f.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('facility.list.empty')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
