import { Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useFacilityScope } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FacilityFilterSelect } from '../../components/FacilitySelect.tsx';
import { MonthField } from '../../components/MonthField.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { formatMonth, formatNumber, formatVnd } from '../../lib/format.ts';
import { RollTable } from './RollTable.tsx';
import { useRollState } from './roll-params.ts';

/** The month's payments: every resident in care × every rule, with totals over the whole roll. */
export function RollPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [state, update] = useRollState();
  const { ownFacilityId } = useFacilityScope();
  const facilityId = state.facilityId ?? ownFacilityId ?? undefined;
  const roll = useQuery({
    ...trpc.entitlements.roll.queryOptions({
      month: state.month,
      facilityId,
      page: state.page,
      pageSize: state.pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('entitlement.roll.title')}
        </Title>
        <ExportButton
          download={() => client.entitlements.rollExport.query({ month: state.month, facilityId })}
        />
      </Group>
      <Group align="flex-end">
        <MonthField
          label={t('common.month')}
          w={140}
          value={state.month}
          onChange={(month) => update({ month })}
        />
        <div style={{ minWidth: 320 }}>
          <FacilityFilterSelect value={state.facilityId} onChange={(id) => update({ facilityId: id })} />
        </div>
      </Group>
      {roll.isError && <ErrorState error={roll.error} />}
      {roll.isPending && <PageLoader />}
      {roll.data && (
        <>
          <Group justify="space-between">
            <Text fw={700} size="lg" data-testid="roll-grand-total">
              {t('entitlement.roll.grandTotal', {
                month: formatMonth(roll.data.month),
                amount: formatVnd(roll.data.grandTotalVnd),
              })}
            </Text>
            {roll.data.residentsWithUnknown > 0 && (
              <Text c="orange.8" fw={500}>
                {t('entitlement.roll.unknownCount', { count: roll.data.residentsWithUnknown })}
              </Text>
            )}
          </Group>
          <Busy busy={roll.isPlaceholderData}>
            <RollTable roll={roll.data} showFacility={!facilityId} />
          </Busy>
          <TablePager
            page={state.page}
            pageSize={state.pageSize}
            total={roll.data.total}
            summary={t('entitlement.roll.summary', { total: formatNumber(roll.data.total) })}
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </Stack>
  );
}
