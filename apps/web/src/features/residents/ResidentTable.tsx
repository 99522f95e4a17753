import type { ResidentListItem } from '@ansinh/schemas/resident';
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Sort, SortableTh } from '../../components/SortableTh.tsx';
import { formatBirthDate, formatDate, formatVnd } from '../../lib/format.ts';
import { EmergencyOverdueBadge, EntitlementStatusBadge } from './badges.tsx';
import type { CareStatus, ResidentSortField } from './list-params.ts';

interface ResidentTableProps {
  items: ResidentListItem[];
  careStatus: CareStatus;
  /** Off when the list shows one facility: the column would repeat its name on every row. */
  showFacility: boolean;
  sort: Sort<ResidentSortField>;
  onSort: (sort: Sort<ResidentSortField>) => void;
}

export function ResidentTable({ items, careStatus, showFacility, sort, onSort }: ResidentTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const th = (field: ResidentSortField) => (
    <SortableTh field={field} label={t(`resident.fields.${field}`)} sort={sort} onSort={onSort} />
  );
  const discharged = careStatus === 'discharged';

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover striped tabularNums>
        <Table.Thead>
          <Table.Tr>
            {th('fullName')}
            {th('birthDate')}
            {th('group')}
            {showFacility && th('facilityName')}
            {discharged ? <Table.Th>{t('resident.fields.dischargedOn')}</Table.Th> : th('admittedOn')}
            <Table.Th>{t('resident.fields.entitlementStatus')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/residents/${r.id}`)}>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  {/* A real link too, so keyboard users and "open in new tab" work. */}
                  <Anchor component={Link} to={`/residents/${r.id}`} onClick={(e) => e.stopPropagation()}>
                    {r.fullName}
                  </Anchor>
                  {r.emergencyOverdue && <EmergencyOverdueBadge />}
                </Stack>
              </Table.Td>
              <Table.Td>{formatBirthDate(r.birthDate, r.birthDatePrecision)}</Table.Td>
              <Table.Td>{t(`resident.groups.${r.group}`)}</Table.Td>
              {showFacility && <Table.Td>{r.facilityName ?? t('common.empty')}</Table.Td>}
              <Table.Td>
                {formatDate(discharged ? r.dischargedOn : r.admittedOn) || t('common.empty')}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <EntitlementStatusBadge status={r.entitlementStatus} />
                  {r.monthlyAllowanceVnd > 0 && <Text size="sm">{formatVnd(r.monthlyAllowanceVnd)}</Text>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('resident.list.empty')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
