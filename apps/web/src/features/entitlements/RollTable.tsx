import type { Roll } from '@ansinh/schemas/entitlement';
import { Anchor, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../i18n/index.ts';
import { formatDate, formatVnd } from '../../lib/format.ts';

/** Residents × rules that pay money; a row whose rules could not all be decided is highlighted. */
export function RollTable({ roll, showFacility }: { roll: Roll; showFacility: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  // In-kind benefits and exclusions carry no amount: a column of zeros would only hide the real ones.
  const rules = roll.rules.filter((r) => r.kind === 'monthly' || r.kind === 'one_off');
  const titleOf = (code: string) => roll.rules.find((r) => r.code === code)?.title[lang] ?? code;
  const money = (value: number | undefined) => (value ? formatVnd(value) : t('common.empty'));

  return (
    <Table.ScrollContainer minWidth={600 + rules.length * 160}>
      <Table striped tabularNums withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('entitlement.roll.name')}</Table.Th>
            <Table.Th>{t('entitlement.roll.birthDate')}</Table.Th>
            <Table.Th>{t('entitlement.roll.group')}</Table.Th>
            {showFacility && <Table.Th>{t('common.facility')}</Table.Th>}
            {rules.map((rule) => (
              <Table.Th key={rule.code} ta="right">
                {rule.title[lang]}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('entitlement.roll.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roll.items.map((row) => {
            const unknown = row.unknownRules.length > 0;
            return (
              <Table.Tr
                key={row.residentId}
                bg={unknown ? 'orange.0' : undefined}
                data-unknown={unknown || undefined}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/residents/${row.residentId}`}>
                    {row.fullName}
                  </Anchor>
                  {unknown && (
                    <Tooltip
                      label={t('entitlement.roll.unknownRow', {
                        rules: row.unknownRules.map(titleOf).join('; '),
                      })}
                      multiline
                      w={320}
                    >
                      <Text size="xs" c="orange.8">
                        {t('resident.entitlementStatuses.incomplete')}
                      </Text>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(row.birthDate)}</Table.Td>
                <Table.Td>{t(`resident.groups.${row.group}`)}</Table.Td>
                {showFacility && <Table.Td>{row.facilityName}</Table.Td>}
                {rules.map((rule) => (
                  <Table.Td key={rule.code} ta="right">
                    {money(row.amounts[rule.code])}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {formatVnd(row.totalVnd)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td colSpan={showFacility ? 4 : 3}>{t('entitlement.roll.totals')}</Table.Td>
            {rules.map((rule) => (
              <Table.Td key={rule.code} ta="right">
                {money(roll.totals[rule.code])}
              </Table.Td>
            ))}
            <Table.Td ta="right">{formatVnd(roll.grandTotalVnd)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {roll.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('entitlement.roll.empty')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
