import { Anchor, Badge, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useFacilityScope } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FacilityFilterSelect } from '../../components/FacilitySelect.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { pageSizeParam, positiveInt, toSearchParams, uuidParam } from '../../lib/url-params.ts';
import { DUE_SOON_DAYS } from './badges.tsx';
import type { DueItem } from './types.ts';

const defaultPageSize = 20;
const MAX_DAYS = 365;

/** The list shown, kept in the URL like the other lists. */
function useDueState() {
  const [params, setParams] = useSearchParams();
  const days = Number(params.get('days'));
  const state = {
    facilityId: uuidParam(params.get('facilityId')),
    withinDays:
      Number.isInteger(days) && days >= 0 && days <= MAX_DAYS && params.has('days') ? days : DUE_SOON_DAYS,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizeParam(params.get('size'), defaultPageSize),
  };
  const update = (changes: Partial<typeof state>) => {
    const next = { ...state, page: 1, ...changes };
    setParams(
      toSearchParams([
        ['facilityId', next.facilityId],
        ['days', next.withinDays === DUE_SOON_DAYS ? null : next.withinDays],
        ['page', next.page === 1 ? null : next.page],
        ['size', next.pageSize === defaultPageSize ? null : next.pageSize],
      ]),
      { replace: 'withinDays' in changes },
    );
  };
  return [state, update] as const;
}

/** Overdue maintenance first, then what falls due within the chosen number of days. */
export function MaintenanceDuePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [state, update] = useDueState();
  const { ownFacilityId } = useFacilityScope();
  const [days, setDays] = useState<number | string>(state.withinDays);
  // The list follows the typed number after a pause, not on every keystroke.
  const applyDays = useDebouncedCallback((withinDays: number) => update({ withinDays }), 400);
  const facilityId = state.facilityId ?? ownFacilityId ?? undefined;
  /** A schedule's name as written, or the maintenance record whose next date it is, in the reader's language. */
  const dueWhat = (d: DueItem) =>
    d.scheduleName ??
    t('equipment.due.afterRecord', {
      kind: t(`equipment.maintenanceKinds.${d.kind ?? 'preventive'}`).toLowerCase(),
      date: formatDate(d.performedOn ?? d.dueOn),
    });
  const due = useQuery({
    ...trpc.equipment.maintenance.due.queryOptions({
      facilityId,
      withinDays: state.withinDays,
      page: state.page,
      pageSize: state.pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('equipment.due.title')}
      </Title>
      <Group align="flex-end">
        <div style={{ minWidth: 320 }}>
          <FacilityFilterSelect value={state.facilityId} onChange={(id) => update({ facilityId: id })} />
        </div>
        <NumberInput
          label={t('equipment.due.withinDays')}
          w={180}
          min={0}
          max={MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={days}
          onChange={(value) => {
            setDays(value);
            if (typeof value === 'number') applyDays(value);
          }}
        />
        <ExportButton
          download={() =>
            client.equipment.maintenance.exportDue.query({ facilityId, withinDays: state.withinDays })
          }
        />
      </Group>
      {due.isError && <ErrorState error={due.error} />}
      {due.isPending && <PageLoader />}
      {due.data && (
        <>
          <Busy busy={due.isPlaceholderData}>
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover tabularNums>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('equipment.fields.assetCode')}</Table.Th>
                    <Table.Th>{t('equipment.fields.name')}</Table.Th>
                    {!facilityId && <Table.Th>{t('equipment.fields.facilityName')}</Table.Th>}
                    <Table.Th>{t('equipment.due.what')}</Table.Th>
                    <Table.Th>{t('equipment.due.dueOn')}</Table.Th>
                    <Table.Th>{t('equipment.due.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {due.data.items.map((d) => (
                    <Table.Tr key={`${d.itemId}-${d.dueOn}-${d.scheduleName ?? d.kind}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.assetCode}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/equipment/${d.itemId}`}>
                          {d.name}
                        </Anchor>
                      </Table.Td>
                      {!facilityId && <Table.Td>{d.facilityName}</Table.Td>}
                      <Table.Td>{dueWhat(d)}</Table.Td>
                      <Table.Td>{formatDate(d.dueOn)}</Table.Td>
                      <Table.Td>
                        <Badge color={d.overdue ? 'red' : 'yellow'} variant={d.overdue ? 'filled' : 'light'}>
                          {t(d.overdue ? 'equipment.due.overdue' : 'equipment.due.due')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {due.data.items.length === 0 && (
                <Text c="dimmed" ta="center" py="lg">
                  {t('equipment.due.empty')}
                </Text>
              )}
            </Table.ScrollContainer>
          </Busy>
          <TablePager
            page={state.page}
            pageSize={state.pageSize}
            total={due.data.total}
            summary={t('equipment.due.total', { total: formatNumber(due.data.total) })}
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </Stack>
  );
}
