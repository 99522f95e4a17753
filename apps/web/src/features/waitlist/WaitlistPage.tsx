import { facilityTypes } from '@ansinh/schemas/facility';
import { residentGroups } from '@ansinh/schemas/resident';
import { type ApplicationListItem, applicationStatusFilters, urgencies } from '@ansinh/schemas/waitlist';
import {
  Anchor,
  Button,
  Collapse,
  Grid,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAppConfig } from '../../api/config.ts';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FacilityFilterSelect } from '../../components/FacilitySelect.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { type Sort, SortableTh } from '../../components/SortableTh.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { CommuneSelect, ProvinceSelect } from '../facilities/AdminUnitSelects.tsx';
import { ApplicationStatusBadge, UrgencyBadge } from './badges.tsx';
import { Explanation } from './Explanation.tsx';
import {
  type ApplicationSortField,
  toFilter,
  toListInput,
  useWaitlistState,
  type WaitlistState,
} from './list-params.ts';

/** The people waiting for a place, in the order places are offered, each with why they stand there. */
export function WaitlistPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [state, update] = useWaitlistState();
  const canWrite = useCan('waitlist.write');
  const list = useQuery({
    ...trpc.waitlist.list.queryOptions(toListInput(state)),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('planning.waitlist.title')}
        </Title>
        <Group gap="sm">
          <ExportButton download={() => client.waitlist.export.query(toFilter(state))} />
          {canWrite && (
            <Button component={Link} to="/waitlist/new">
              {t('planning.waitlist.list.add')}
            </Button>
          )}
        </Group>
      </Group>
      <WaitlistMetrics />
      <PriorityRule />
      <WaitlistFilters state={state} onChange={update} />
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && (
        <div>
          <Busy busy={list.isPlaceholderData}>
            <WaitlistTable items={list.data.items} sort={state.sort} onSort={(sort) => update({ sort })} />
          </Busy>
          <TablePager
            page={state.page}
            pageSize={state.pageSize}
            total={list.data.total}
            summary={t('planning.waitlist.list.total', { total: formatNumber(list.data.total) })}
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </div>
      )}
    </Stack>
  );
}

/** How many wait and for how long, over everything the viewer may see (not the filters). */
function WaitlistMetrics() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const metrics = useQuery(trpc.waitlist.metrics.queryOptions());
  if (metrics.isError) return <ErrorAlert error={metrics.error} />;
  const m = metrics.data;
  const days = (value: number | null | undefined) =>
    value === null || value === undefined
      ? t('common.empty')
      : t('planning.waitlist.metrics.days', { days: formatNumber(value) });
  const card = (label: string, value: string, testId: string, extra?: ReactNode) => (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={28} lh={1.2} data-testid={testId}>
        {m ? value : '…'}
      </Text>
      {extra}
    </Paper>
  );
  return (
    <div>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {card(t('planning.waitlist.metrics.waiting'), formatNumber(m?.waiting), 'metric-waiting')}
        {card(t('planning.waitlist.metrics.offered'), formatNumber(m?.offered), 'metric-offered')}
        {card(t('planning.waitlist.metrics.median'), days(m?.medianWaitingDays), 'metric-median')}
        {card(
          t('planning.waitlist.metrics.longest'),
          days(m?.longestWaitingDays),
          'metric-longest',
          m?.longestApplicationId && (
            <Anchor component={Link} to={`/waitlist/${m.longestApplicationId}`} size="sm">
              {t('planning.waitlist.metrics.openLongest')}
            </Anchor>
          ),
        )}
      </SimpleGrid>
      {m && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('planning.waitlist.metrics.onDate', { date: formatDate(m.onDate) })}
        </Text>
      )}
    </div>
  );
}

/** The department's priority order in force, criterion by criterion, so the ranks can be checked. */
function PriorityRule() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [opened, setOpened] = useState(false);
  const priority = useQuery(trpc.waitlist.priority.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  if (!priority.data) return null;
  const p = priority.data;
  return (
    <Paper withBorder p="sm" data-testid="priority-rule">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          <b>{t('planning.waitlist.priority.title')}</b>
          {': '}
          {p.criteria.map((c, i) => `${i + 1}. ${t(`planning.waitlist.criteria.${c.kind}`)}`).join(' → ')}
          <Text span size="xs" c="dimmed">
            {' '}
            (
            {p.validFrom
              ? t('planning.waitlist.priority.since', { date: formatDate(p.validFrom) })
              : t('planning.waitlist.priority.builtIn')}
            )
          </Text>
        </Text>
        <Anchor component="button" type="button" size="sm" onClick={() => setOpened((o) => !o)}>
          {t(opened ? 'planning.waitlist.priority.hide' : 'planning.waitlist.priority.show')}
        </Anchor>
      </Group>
      <Collapse expanded={opened}>
        <List type="ordered" size="sm" mt="xs">
          {p.criteria.map((c) => (
            <List.Item key={c.kind}>
              <b>{t(`planning.waitlist.criteria.${c.kind}`)}</b>:{' '}
              {t(`planning.waitlist.criterionDescriptions.${c.kind}`)}
            </List.Item>
          ))}
          {p.tieBreaks.map((b) => (
            <List.Item key={b.kind}>{t(`planning.waitlist.criterionDescriptions.${b.kind}`)}</List.Item>
          ))}
        </List>
      </Collapse>
    </Paper>
  );
}

function WaitlistFilters({
  state,
  onChange,
}: {
  state: WaitlistState;
  onChange: (changes: Partial<WaitlistState>) => void;
}) {
  const { t } = useTranslation();
  const config = useAppConfig();
  const provinceCode = state.provinceCode ?? config.data?.homeProvinceCode ?? null;
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
      onChange={(v) => change(values.find((x) => x === v) ?? null)}
    />
  );
  return (
    <Grid align="flex-end">
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <SearchBox
          label={t('planning.waitlist.list.search')}
          placeholder={t('planning.waitlist.list.searchPlaceholder')}
          value={state.search}
          onSearch={(search) => onChange({ search })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        <Select
          label={t('planning.waitlist.fields.status')}
          allowDeselect={false}
          data={applicationStatusFilters.map((v) => ({
            value: v,
            label: t(`planning.waitlist.statusFilters.${v}`),
          }))}
          value={state.status}
          onChange={(v) => onChange({ status: applicationStatusFilters.find((x) => x === v) ?? 'open' })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 5 }}>
        <FacilityFilterSelect value={state.facilityId} onChange={(facilityId) => onChange({ facilityId })} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {select(
          t('planning.waitlist.list.facilityType'),
          facilityTypes,
          state.facilityType,
          (v) => t(`facility.types.${v}`),
          (facilityType) => onChange({ facilityType }),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        <ProvinceSelect
          label={t('planning.waitlist.list.province')}
          value={provinceCode}
          onChange={(code) => onChange({ provinceCode: code, communeCode: null })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        <CommuneSelect
          label={t('planning.waitlist.list.commune')}
          placeholder={t('common.all')}
          clearable
          provinceCode={provinceCode}
          value={state.communeCode}
          onChange={(communeCode) => onChange({ communeCode })}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        {select(
          t('planning.waitlist.fields.urgency'),
          urgencies,
          state.urgency,
          (v) => t(`planning.waitlist.urgencies.${v}`),
          (urgency) => onChange({ urgency }),
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        {select(
          t('planning.waitlist.fields.group'),
          residentGroups,
          state.group,
          (v) => t(`resident.groups.${v}`),
          (group) => onChange({ group }),
        )}
      </Grid.Col>
    </Grid>
  );
}

function WaitlistTable({
  items,
  sort,
  onSort,
}: {
  items: ApplicationListItem[];
  sort: Sort<ApplicationSortField>;
  onSort: (sort: Sort<ApplicationSortField>) => void;
}) {
  const { t } = useTranslation();
  const th = (field: ApplicationSortField, label: string) => (
    <SortableTh field={field} label={label} sort={sort} onSort={onSort} />
  );
  return (
    <Table.ScrollContainer minWidth={1350}>
      <Table striped highlightOnHover tabularNums verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {th('priority', t('planning.waitlist.fields.rank'))}
            {th('fullName', t('planning.waitlist.fields.fullName'))}
            {th('birthDate', t('planning.waitlist.fields.birthDate'))}
            <Table.Th>{t('planning.waitlist.fields.urgency')}</Table.Th>
            <Table.Th>{t('planning.waitlist.fields.requested')}</Table.Th>
            {th('appliedOn', t('planning.waitlist.fields.appliedOn'))}
            <Table.Th>{t('planning.waitlist.fields.status')}</Table.Th>
            <Table.Th miw={400}>{t('planning.waitlist.fields.explanation')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-testid="waitlist-row">
              <Table.Td fw={700} fz="lg" data-testid="rank">
                {a.rank ?? (
                  <Text size="xs" c="dimmed">
                    {t('planning.waitlist.list.notRanked')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td miw={180}>
                <Anchor component={Link} to={`/waitlist/${a.id}`} fw={500}>
                  {a.fullName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`resident.groups.${a.group}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {a.homeCommuneName}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(a.birthDate) || t('common.unknown')}
              </Table.Td>
              <Table.Td>
                <UrgencyBadge urgency={a.urgency} />
              </Table.Td>
              <Table.Td maw={220}>
                {a.requestedFacilityName ??
                  (a.requestedFacilityType
                    ? t(`facility.types.${a.requestedFacilityType}`)
                    : t('common.empty'))}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(a.appliedOn)}
                <Text size="xs" c="dimmed">
                  {t('planning.waitlist.metrics.days', { days: formatNumber(a.waitingDays) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <ApplicationStatusBadge status={a.status} />
                {a.openOffer && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {t('planning.waitlist.list.offeredBed', {
                      bed: a.openOffer.bedCode,
                      facility: a.openOffer.facilityName,
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{a.explanation && <Explanation explanation={a.explanation} compact />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('planning.waitlist.list.empty')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
