import type { OverviewRow } from '@ansinh/schemas/standards';
import { Anchor, Badge, Group, Paper, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, useTRPCClient } from '../../../api/trpc.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { type Sort, SortableTh } from '../../../components/SortableTh.tsx';
import { TablePager } from '../../../components/TablePager.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useClientPage } from '../client-page.ts';

type Field = 'name' | 'overBy' | 'overcrowdedRooms' | 'missingStaff' | 'missingFacts';

const hasProblem = (r: OverviewRow) =>
  r.overBy > 0 || r.overcrowdedRooms > 0 || r.staffing.missingStaff > 0 || r.staffing.indirectOver > 0;

const figureOf = (r: OverviewRow, field: Exclude<Field, 'name'>) =>
  field === 'overBy' || field === 'overcrowdedRooms' ? r[field] : r.staffing[field];

/** Facilities over a space ceiling or short of staff under the norms, each linking to its own report. */
export function StandardsOverview({ facilityId }: { facilityId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const overview = useQuery(trpc.standards.provinceOverview.queryOptions());
  const [problemsOnly, setProblemsOnly] = useState(true);
  const [sort, setSort] = useState<Sort<Field>>({ field: 'overBy', direction: 'desc' });
  const inView = (overview.data?.rows ?? []).filter((r) => !facilityId || r.facilityId === facilityId);
  const rows = inView
    .filter((r) => !problemsOnly || hasProblem(r))
    .sort((a, b) => {
      const order =
        sort.field === 'name'
          ? a.name.localeCompare(b.name, 'vi')
          : figureOf(a, sort.field) - figureOf(b, sort.field);
      return sort.direction === 'asc' ? order : -order;
    });
  const page = useClientPage(rows);
  return (
    <Paper withBorder p="md" data-testid="standards-overview">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4">
            {t('capacity.dashboard.standardsTitle')}
          </Title>
          {overview.data && (
            <Text size="sm" c="dimmed">
              {t('capacity.dashboard.standardsVersion', {
                version: overview.data.standards.version,
                date: formatDate(overview.data.standards.validFrom),
              })}
            </Text>
          )}
        </div>
        <Group>
          <Switch
            label={t('capacity.dashboard.standardsProblems')}
            checked={problemsOnly}
            onChange={(event) => setProblemsOnly(event.currentTarget.checked)}
          />
          <ExportButton download={() => client.standards.overviewExport.query()} />
        </Group>
      </Group>
      {overview.isPending && <PageLoader />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {overview.data &&
        (rows.length === 0 ? (
          <Text c="dimmed">{t('capacity.dashboard.standardsNone')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table striped tabularNums>
                <Table.Thead>
                  <Table.Tr>
                    <SortableTh
                      field="name"
                      label={t('capacity.dashboard.facility')}
                      sort={sort}
                      onSort={setSort}
                    />
                    <SortableTh
                      field="overBy"
                      label={t('capacity.dashboard.overBy')}
                      sort={sort}
                      onSort={setSort}
                    />
                    <SortableTh
                      field="overcrowdedRooms"
                      label={t('capacity.dashboard.overcrowdedRooms')}
                      sort={sort}
                      onSort={setSort}
                    />
                    <SortableTh
                      field="missingStaff"
                      label={t('capacity.dashboard.missingStaff')}
                      sort={sort}
                      onSort={setSort}
                    />
                    <SortableTh
                      field="missingFacts"
                      label={t('capacity.dashboard.missingFacts')}
                      sort={sort}
                      onSort={setSort}
                    />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.rows.map((r) => (
                    <OverviewLine key={r.facilityId} row={r} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <TablePager
              {...page.pager}
              summary={t('capacity.dashboard.facilitiesTotal', { count: rows.length })}
            />
          </>
        ))}
    </Paper>
  );
}

function OverviewLine({ row: r }: { row: OverviewRow }) {
  const { t } = useTranslation();
  const short = r.staffing.roles.filter((role) => role.gap > 0);
  const nothingRecorded = r.staffing.roles.every((role) => role.notRecorded);
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/capacity/standards?facility=${r.facilityId}`}>
          {r.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t(`facility.types.${r.type}`)} · {t(`capacity.areaTypes.${r.areaType}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        {r.worstCheck ? (
          <>
            <Badge color="red">{t('capacity.standards.over', { count: r.overBy })}</Badge>
            <Text size="xs" c="dimmed">
              {t(`capacity.figures.${r.worstCheck.figure}`)} {formatNumber(r.worstCheck.value)} /{' '}
              {formatNumber(r.worstCheck.ceiling)} ({t(`capacity.ceilingKinds.${r.worstCheck.ceilingKind}`)})
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {r.unknown.length === 2 ? t('capacity.standards.notChecked') : t('capacity.standards.within')}
          </Text>
        )}
      </Table.Td>
      <Table.Td c={r.overcrowdedRooms > 0 ? 'red' : undefined}>{formatNumber(r.overcrowdedRooms)}</Table.Td>
      <Table.Td>
        {r.staffing.missingStaff > 0 && <Badge color="red">{formatNumber(r.staffing.missingStaff)}</Badge>}
        <Text size="xs" c="dimmed">
          {short.map((role) => `${t(`capacity.staffRoles.${role.role}`)}: ${role.gap}`).join(', ')}
          {nothingRecorded && t('capacity.dashboard.notRecordedStaff')}
        </Text>
      </Table.Td>
      <Table.Td c={r.staffing.missingFacts > 0 ? 'orange.8' : undefined}>
        {formatNumber(r.staffing.missingFacts)}
      </Table.Td>
    </Table.Tr>
  );
}
