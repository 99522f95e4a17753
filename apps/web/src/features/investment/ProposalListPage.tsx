import type { Proposal } from '@ansinh/schemas/investment';
import { proposalCategories, proposalFundingSources, proposalStatuses } from '@ansinh/schemas/investment';
import { Anchor, Button, Grid, Group, Select, Table, Text, Title } from '@mantine/core';
import { YearPickerInput } from '@mantine/dates';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useCan, useFacilityScope } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FacilityFilterSelect } from '../../components/FacilitySelect.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { type Sort, SortableTh } from '../../components/SortableTh.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { formatDate, formatNumber, formatVnd } from '../../lib/format.ts';
import { PriorityBadge, ProposalStatusBadge } from './badges.tsx';
import {
  type ProposalListState,
  type ProposalSortField,
  toFilter,
  toListInput,
  useProposalListState,
} from './list-params.ts';

/** Investment proposals: the centre follows its own, the department the whole province's. */
export function ProposalListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [state, update] = useProposalListState();
  const canDraft = useCan('proposal.draft');
  const { ownFacilityId } = useFacilityScope();
  const list = useQuery({
    ...trpc.investment.list.queryOptions(toListInput(state)),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">
          {t('planning.investment.list.title')}
        </Title>
        <Group gap="sm">
          <ExportButton download={() => client.investment.export.query(toFilter(state))} />
          {canDraft && (
            <Button component={Link} to="/investment/proposals/new">
              {t('planning.investment.list.add')}
            </Button>
          )}
        </Group>
      </Group>
      <ProposalFilters state={state} onChange={update} />
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && (
        <>
          <Busy busy={list.isPlaceholderData}>
            <ProposalTable
              items={list.data.items}
              showFacility={!state.facilityId && !ownFacilityId}
              sort={state.sort}
              onSort={(sort) => update({ sort })}
            />
          </Busy>
          <TablePager
            page={state.page}
            pageSize={state.pageSize}
            total={list.data.total}
            summary={t('planning.investment.list.total', { total: formatNumber(list.data.total) })}
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </>
  );
}

function ProposalFilters({
  state,
  onChange,
}: {
  state: ProposalListState;
  onChange: (changes: Partial<ProposalListState>) => void;
}) {
  const { t } = useTranslation();
  const select = <T extends string>(
    label: string,
    values: readonly T[],
    value: T | null,
    labelOf: (value: T) => string,
    change: (value: T | null) => void,
  ) => (
    <Select
      label={label}
      placeholder={t('common.all')}
      clearable
      data={values.map((v) => ({ value: v, label: labelOf(v) }))}
      value={value}
      onChange={(v) => change(v === null ? null : (values.find((x) => x === v) ?? null))}
    />
  );
  return (
    <Grid mb="md" align="flex-end">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <SearchBox
          label={t('planning.investment.list.search')}
          placeholder={t('planning.investment.list.searchPlaceholder')}
          value={state.search}
          onSearch={(search) => onChange({ search })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
        <FacilityFilterSelect value={state.facilityId} onChange={(facilityId) => onChange({ facilityId })} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {select(
          t('planning.investment.fields.status'),
          proposalStatuses,
          state.status,
          (v) => t(`planning.investment.statuses.${v}`),
          (status) => onChange({ status }),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {select(
          t('planning.investment.fields.category'),
          proposalCategories,
          state.category,
          (v) => t(`planning.investment.categories.${v}`),
          (category) => onChange({ category }),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {select(
          t('planning.investment.fields.fundingSource'),
          proposalFundingSources,
          state.fundingSource,
          (v) => t(`planning.investment.fundingSources.${v}`),
          (fundingSource) => onChange({ fundingSource }),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
        <YearPickerInput
          label={t('planning.investment.list.year')}
          placeholder={t('planning.investment.list.yearPlaceholder')}
          clearable
          value={state.year ? `${state.year}-01-01` : null}
          onChange={(value) => onChange({ year: value ? Number(value.slice(0, 4)) : null })}
        />
      </Grid.Col>
    </Grid>
  );
}

function ProposalTable({
  items,
  showFacility,
  sort,
  onSort,
}: {
  items: Proposal[];
  showFacility: boolean;
  sort: Sort<ProposalSortField>;
  onSort: (sort: Sort<ProposalSortField>) => void;
}) {
  const { t } = useTranslation();
  const th = (field: ProposalSortField, label: string) => (
    <SortableTh field={field} label={label} sort={sort} onSort={onSort} />
  );
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover tabularNums verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {th('item', t('planning.investment.fields.item'))}
            {showFacility && th('facilityName', t('planning.investment.fields.facility'))}
            <Table.Th>{t('planning.investment.fields.category')}</Table.Th>
            {th('estimatedCostVnd', t('planning.investment.fields.estimatedCostVnd'))}
            {th('requestedYear', t('planning.investment.fields.requestedYear'))}
            <Table.Th>{t('planning.investment.fields.fundingSource')}</Table.Th>
            {th('priority', t('planning.investment.fields.priority'))}
            {th('status', t('planning.investment.fields.status'))}
            {th('updatedAt', t('planning.investment.fields.updatedAt'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td maw={360}>
                <Anchor component={Link} to={`/investment/proposals/${p.id}`} fw={500}>
                  {p.item}
                </Anchor>
              </Table.Td>
              {showFacility && <Table.Td>{p.facilityName}</Table.Td>}
              <Table.Td>{t(`planning.investment.categories.${p.category}`)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatVnd(p.estimatedCostVnd)}
              </Table.Td>
              <Table.Td>{p.requestedYear}</Table.Td>
              <Table.Td>{t(`planning.investment.fundingSources.${p.fundingSource}`)}</Table.Td>
              <Table.Td>
                <PriorityBadge priority={p.priority} />
              </Table.Td>
              <Table.Td>
                <ProposalStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('planning.investment.list.empty')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
