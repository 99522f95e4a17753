import { Button, Group, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useCan, useFacilityScope } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { formatNumber } from '../../lib/format.ts';
import { EquipmentFilters } from './EquipmentFilters.tsx';
import { EquipmentTable } from './EquipmentTable.tsx';
import { labelSheetLink, MAX_LABELS } from './labels/label-link.ts';
import { toFilter, toListInput, useItemListState } from './list-params.ts';

export function EquipmentListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [state, update] = useItemListState();
  const canWrite = useCan('equipment.write');
  const { ownFacilityId } = useFacilityScope();
  // Items ticked for the QR label sheet; kept while paging, sorting and filtering.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Keep showing the current page while the next one loads, so the table does not flash empty.
  const list = useQuery({
    ...trpc.equipment.items.list.queryOptions(toListInput(state)),
    placeholderData: keepPreviousData,
  });
  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const tooMany = selected.size > MAX_LABELS;

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">
          {t('equipment.list.title')}
        </Title>
        <Group gap="sm">
          <ExportButton download={() => client.equipment.items.export.query(toFilter(state))} />
          {canWrite && (
            <>
              <Button variant="default" component={Link} to="/equipment/import">
                {t('equipment.list.import')}
              </Button>
              <Button component={Link} to="/equipment/new">
                {t('equipment.list.add')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <EquipmentFilters state={state} onChange={update} />
      <Group gap="sm" mb="sm" mih={36}>
        <Button
          variant="light"
          component={Link}
          to={labelSheetLink([...selected])}
          disabled={selected.size === 0 || tooMany}
          // A disabled link still navigates; only a real selection opens the sheet.
          onClick={(event) => (selected.size === 0 || tooMany) && event.preventDefault()}
        >
          {t('equipment.list.printLabels', { count: selected.size })}
        </Button>
        {selected.size > 0 && (
          <>
            <Text size="sm" c="dimmed">
              {t('equipment.list.selected', { count: selected.size })}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => setSelected(new Set())}>
              {t('equipment.list.clearSelection')}
            </Button>
          </>
        )}
        {tooMany && (
          <Text size="sm" c="red">
            {t('equipment.list.tooManySelected', { max: MAX_LABELS })}
          </Text>
        )}
      </Group>
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && (
        <>
          <Busy busy={list.isPlaceholderData}>
            <EquipmentTable
              items={list.data.items}
              showFacility={!state.facilityId && !ownFacilityId}
              sort={state.sort}
              onSort={(sort) => update({ sort })}
              selected={selected}
              onSelect={select}
            />
          </Busy>
          <TablePager
            page={state.page}
            pageSize={state.pageSize}
            total={list.data.total}
            summary={t('equipment.list.total', { total: formatNumber(list.data.total) })}
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </>
  );
}
