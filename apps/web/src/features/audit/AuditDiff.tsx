import type { AuditEntry } from '@ansinh/schemas/audit';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FacilityNames } from '../users/FacilityPicker.tsx';
import { changedFields } from './diff.ts';
import { useAuditLabels } from './labels.ts';

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Facility ids mean nothing to a reader, so a user's facilities are shown by name. */
function AuditValue({ field, value }: { field: string; value: unknown }) {
  const labels = useAuditLabels();
  return field === 'facilityIds' && isIdList(value) ? (
    <FacilityNames ids={value} />
  ) : (
    labels.value(field, value)
  );
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return <Text size="sm">{t('audit.noChanges')}</Text>;
  return (
    <Table withTableBorder withColumnBorders bg="white">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Td>{labels.field(entry.entityType, change.field)}</Table.Td>
            <Table.Td c="red.8">
              <AuditValue field={change.field} value={change.before} />
            </Table.Td>
            <Table.Td c="green.8">
              <AuditValue field={change.field} value={change.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
