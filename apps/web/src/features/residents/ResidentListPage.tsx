import { Button, Group, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
import { toFilter, toListInput, useResidentListState } from './list-params.ts';
import { ResidentFilters } from './ResidentFilters.tsx';
import { ResidentTable } from './ResidentTable.tsx';

export function ResidentListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [state, update] = useResidentListState();
  const canWrite = useCan('resident.write');
  const { ownFacilityId } = useFacilityScope();
  // Keep showing the current page while the next one loads, so the table does not flash empty.
  const list = useQuery({
    ...trpc.residents.list.queryOptions(toListInput(state)),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">
          {t('resident.list.title')}
        </Title>
        <Group gap="sm">
          <ExportButton download={() => client.residents.export.query(toFilter(state))} />
          {canWrite && (
            <>
              <Button variant="default" component={Link} to="/residents/import">
                {t('resident.list.import')}
              </Button>
              <Button component={Link} to="/residents/new">
                {t('resident.list.admit')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <ResidentFilters state={state} onChange={update} />
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && (
        <>
          <Busy busy={list.isPlaceholderData}>
            <ResidentTable
              items={list.data.items}
              careStatus={state.careStatus}
              showFacility={!state.facilityId && !ownFacilityId}
              sort={state.sort}
              onSort={(sort) => update({ sort })}
            />
          </Busy>
          <TablePager
            page={state.page}
            pageSize={state.pageSize}
            total={list.data.total}
            summary={t('resident.list.total', { total: formatNumber(list.data.total) })}
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </>
  );
}
