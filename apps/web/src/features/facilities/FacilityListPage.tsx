import { Button, Group, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { formatNumber } from '../../lib/format.ts';
import { FacilityFilters } from './FacilityFilters.tsx';
import { FacilityTable } from './FacilityTable.tsx';
import { toFilter, toListInput, useFacilityListState } from './list-params.ts';

export function FacilityListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [state, update] = useFacilityListState();
  const canCreate = useCan('facility.create');
  // Keep showing the current page while the next one loads, so the table does not flash empty.
  const list = useQuery({
    ...trpc.facilities.list.queryOptions(toListInput(state)),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">
          {t('facility.list.title')}
        </Title>
        <Group gap="sm">
          <ExportButton
            label={t('facility.list.export')}
            download={() => client.facilities.export.query(toFilter(state))}
          />
          {canCreate && (
            <Button component={Link} to="/facilities/new">
              {t('facility.list.add')}
            </Button>
          )}
        </Group>
      </Group>
      <FacilityFilters state={state} onChange={update} />
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && (
        <>
          <Busy busy={list.isPlaceholderData}>
            <FacilityTable items={list.data.items} sort={state.sort} onSort={(sort) => update({ sort })} />
          </Busy>
          <TablePager
            page={state.page}
            pageSize={state.pageSize}
            total={list.data.total}
            summary={t('facility.list.total', { total: formatNumber(list.data.total) })}
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </>
  );
}
