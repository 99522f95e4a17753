import type { Item } from '@ansinh/schemas/equipment';
import { Anchor, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Sort, SortableTh } from '../../components/SortableTh.tsx';
import { formatDate, formatNumber, formatVnd } from '../../lib/format.ts';
import { ConditionBadge, ItemFlags, ItemStatusBadge } from './badges.tsx';
import type { ItemSortField } from './list-params.ts';

interface EquipmentTableProps {
  items: Item[];
  /** Off when the list shows one facility: the column would repeat its name on every row. */
  showFacility: boolean;
  sort: Sort<ItemSortField>;
  onSort: (sort: Sort<ItemSortField>) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], selected: boolean) => void;
}

export function EquipmentTable({
  items,
  showFacility,
  sort,
  onSort,
  selected,
  onSelect,
}: EquipmentTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const th = (field: ItemSortField) => (
    <SortableTh field={field} label={t(`equipment.fields.${field}`)} sort={sort} onSort={onSort} />
  );
  const onPage = items.filter((i) => selected.has(i.id)).length;
  const allOnPage = items.length > 0 && onPage === items.length;

  return (
    <Table.ScrollContainer minWidth={showFacility ? 1400 : 1150}>
      <Table highlightOnHover striped tabularNums>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('equipment.list.selectPage')}
                checked={allOnPage}
                indeterminate={onPage > 0 && !allOnPage}
                onChange={() =>
                  onSelect(
                    items.map((i) => i.id),
                    !allOnPage,
                  )
                }
              />
            </Table.Th>
            {th('assetCode')}
            {th('name')}
            {th('category')}
            {showFacility && <Table.Th miw={200}>{t('equipment.fields.facilityName')}</Table.Th>}
            <Table.Th>{t('equipment.fields.location')}</Table.Th>
            {th('acquiredOn')}
            {th('costVnd')}
            <Table.Th ta="right">{t('equipment.fields.bookValueVnd')}</Table.Th>
            {th('condition')}
            {th('status')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/equipment/${item.id}`)}
            >
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <Checkbox
                  aria-label={t('equipment.list.selectItem', { code: item.assetCode })}
                  checked={selected.has(item.id)}
                  onChange={(event) => onSelect([item.id], event.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.assetCode}</Table.Td>
              <Table.Td miw={180}>
                <Stack gap={2} align="flex-start">
                  {/* A real link too, so keyboard users and "open in new tab" work. */}
                  <Anchor component={Link} to={`/equipment/${item.id}`} onClick={(e) => e.stopPropagation()}>
                    {item.name}
                  </Anchor>
                  <Group gap={6}>
                    {item.tracking === 'stock' && (
                      <Text size="xs" c="dimmed">
                        {t('equipment.list.quantityUnit', { quantity: formatNumber(item.quantity) })}
                      </Text>
                    )}
                    <ItemFlags item={item} />
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td>{t(`equipment.categories.${item.category}`)}</Table.Td>
              {showFacility && <Table.Td>{item.facilityName}</Table.Td>}
              <Table.Td>{item.location ?? t('common.empty')}</Table.Td>
              <Table.Td>{formatDate(item.acquiredOn)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatVnd(item.costVnd)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatVnd(item.bookValueVnd)}
              </Table.Td>
              <Table.Td>
                <ConditionBadge condition={item.condition} />
              </Table.Td>
              <Table.Td>
                <ItemStatusBadge status={item.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('equipment.list.empty')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
