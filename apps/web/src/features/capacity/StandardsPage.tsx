import type { CareStandards } from '@ansinh/domain/capacity/standards';
import type { CapacityCheckView, FacilityReport, StaffingReport } from '@ansinh/schemas/standards';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useCan, useFacilityScope } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { CareLevelBadge } from './badges.tsx';
import { useClientPage } from './client-page.ts';
import { describeMatch, describeWho } from './describe-match.ts';
import { useFacilityParam } from './facility-param.ts';
import { StaffCountsModal } from './StaffCountsModal.tsx';

/** One facility against the space standards and the staffing norms in force, with the reasons why. */
export function StandardsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [facilityId, setFacility] = useFacilityParam();
  const { ownFacilityId } = useFacilityScope();
  const report = useQuery({
    ...trpc.standards.facilityReport.queryOptions(facilityId ? { facilityId } : skipToken),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('capacity.standards.title')}
      </Title>
      <FacilitySelect
        label={t('common.facility')}
        w={420}
        clearable={!ownFacilityId}
        value={facilityId}
        onChange={setFacility}
      />
      {!facilityId && <Text c="dimmed">{t('capacity.chooseFacility')}</Text>}
      {facilityId && report.isPending && <PageLoader />}
      {report.isError && <ErrorState error={report.error} />}
      {facilityId && report.data && (
        <Busy busy={report.isPlaceholderData}>
          <ReportBody report={report.data} />
        </Busy>
      )}
    </Stack>
  );
}

function ReportBody({ report }: { report: FacilityReport }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // The rules behind the drivers are described from the very version the report used.
  const versions = useQuery(trpc.standards.versions.queryOptions({ kind: 'care_standards' }));
  const version = versions.data?.find((v) => v.id === report.standards.id);
  const document = version?.kind === 'care_standards' ? version.document : undefined;
  return (
    <Stack>
      <Text size="sm" c="dimmed" data-testid="standards-version">
        {t('capacity.standards.basedOn', {
          version: report.standards.version,
          validFrom: formatDate(report.standards.validFrom),
          onDate: formatDate(report.onDate),
        })}{' '}
        · {t('capacity.standards.residentCount', { count: report.staffing.residentCount })}
      </Text>
      <CapacitySection report={report} />
      <StaffingSection report={report} document={document} />
      <MissingFacts staffing={report.staffing} />
    </Stack>
  );
}

const figures = ['licensed_capacity', 'operational_beds', 'occupied_beds'] as const;

function CapacitySection({ report }: { report: FacilityReport }) {
  const { t } = useTranslation();
  const { capacity } = report;
  const values = {
    licensed_capacity: report.facility.licensedCapacity,
    operational_beds: report.beds.operational,
    occupied_beds: report.beds.occupied,
  };
  const checkOf = (figure: (typeof figures)[number], kind: 'bedroom' | 'land') =>
    capacity.checks.find((c) => c.figure === figure && c.ceilingKind === kind);
  const worst = capacity.worstCheck;
  const areaType = `${t(`capacity.areaTypes.${report.areaType}`)}${
    report.areaTypeAssumed ? ` (${t('capacity.standards.areaTypeAssumed')})` : ''
  }`;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('capacity.standards.capacityTitle')}
      </Title>
      {worst ? (
        <Alert color="red" mb="sm" data-testid="capacity-over">
          {t('capacity.standards.overall', {
            count: capacity.overBy,
            figure: t(`capacity.figures.${worst.figure}`),
            value: formatNumber(worst.value),
            ceiling: formatNumber(worst.ceiling),
            ceilingKind: t(`capacity.ceilingKinds.${worst.ceilingKind}`),
          })}
        </Alert>
      ) : (
        capacity.checks.length > 0 && (
          <Alert color="green" mb="sm">
            {t('capacity.standards.withinAll')}
          </Alert>
        )
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table tabularNums withTableBorder data-testid="capacity-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('capacity.standards.figure')}</Table.Th>
              <Table.Th ta="right">{t('capacity.standards.value')}</Table.Th>
              <Table.Th ta="right">
                {t('capacity.standards.bedroomCeiling')}
                {capacity.bedroom && `: ${formatNumber(capacity.bedroom.ceiling)}`}
              </Table.Th>
              <Table.Th ta="right">
                {t('capacity.standards.landCeiling')}
                {capacity.land && `: ${formatNumber(capacity.land.ceiling)}`}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.map((figure) => (
              <Table.Tr key={figure}>
                <Table.Td>{t(`capacity.figures.${figure}`)}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {formatNumber(values[figure])}
                </Table.Td>
                <CheckCell check={checkOf(figure, 'bedroom')} />
                <CheckCell check={checkOf(figure, 'land')} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <List size="sm" mt="sm" spacing={4}>
        {capacity.bedroom && (
          <List.Item>
            {capacity.bedroom.source === 'rooms'
              ? t('capacity.standards.bedroomRooms', {
                  rooms: formatNumber(capacity.bedroom.rooms.length),
                  area: formatNumber(capacity.bedroom.areaM2),
                  ceiling: formatNumber(capacity.bedroom.ceiling),
                })
              : t('capacity.standards.bedroomFacility', {
                  area: formatNumber(capacity.bedroom.areaM2),
                  m2: formatNumber(capacity.bedroom.m2PerResident),
                  ceiling: formatNumber(capacity.bedroom.ceiling),
                })}
            {capacity.bedroom.careLevelAssumed && ` ${t('capacity.standards.careLevelAssumed')}`}
            {capacity.bedroom.legalBasis && (
              <Text span c="dimmed">
                {' '}
                ({t('capacity.standards.legalBasis', { basis: capacity.bedroom.legalBasis })})
              </Text>
            )}
          </List.Item>
        )}
        {capacity.land && (
          <List.Item>
            {t('capacity.standards.land', {
              area: formatNumber(capacity.land.areaM2),
              m2: formatNumber(capacity.land.m2PerResident),
              areaType,
              ceiling: formatNumber(capacity.land.ceiling),
            })}
            {capacity.land.legalBasis && (
              <Text span c="dimmed">
                {' '}
                ({t('capacity.standards.legalBasis', { basis: capacity.land.legalBasis })})
              </Text>
            )}
          </List.Item>
        )}
        {!capacity.land && <List.Item>{t('capacity.standards.areaType', { areaType })}</List.Item>}
        {capacity.unknown.map((area) => (
          <List.Item key={area} c="orange.8">
            {t(`capacity.standards.unknown.${area}`)}
          </List.Item>
        ))}
      </List>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('capacity.standards.roomsTitle')}
      </Title>
      {capacity.overcrowdedRooms.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('capacity.standards.roomsEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped tabularNums data-testid="overcrowded-rooms">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('capacity.standards.room')}</Table.Th>
                <Table.Th ta="right">{t('capacity.standards.floorArea')}</Table.Th>
                <Table.Th>{t('capacity.standards.careLevel')}</Table.Th>
                <Table.Th ta="right">{t('capacity.standards.m2PerResident')}</Table.Th>
                <Table.Th ta="right">{t('capacity.standards.ceiling')}</Table.Th>
                <Table.Th ta="right">{t('capacity.standards.beds')}</Table.Th>
                <Table.Th ta="right">{t('capacity.standards.overColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {capacity.overcrowdedRooms.map((room) => (
                <Table.Tr key={room.roomId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/capacity/beds?facility=${report.facility.id}`}>
                      {room.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(room.floorAreaM2)}</Table.Td>
                  <Table.Td>
                    <CareLevelBadge careLevel={room.careLevel} />
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(room.m2PerResident)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(room.ceiling)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(room.beds)}</Table.Td>
                  <Table.Td ta="right" c="red" fw={700}>
                    {formatNumber(room.over)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function CheckCell({ check }: { check: CapacityCheckView | undefined }) {
  const { t } = useTranslation();
  if (!check)
    return (
      <Table.Td ta="right" c="dimmed">
        {t('capacity.standards.notChecked')}
      </Table.Td>
    );
  return (
    <Table.Td ta="right" bg={check.over > 0 ? 'red.0' : undefined}>
      {check.over > 0 ? (
        <Badge color="red">{t('capacity.standards.over', { count: check.over })}</Badge>
      ) : (
        <Badge color="green" variant="light">
          {t('capacity.standards.within')}
        </Badge>
      )}
    </Table.Td>
  );
}

export function GapBadge({ gap, notRecorded }: { gap: number; notRecorded: boolean }) {
  const { t } = useTranslation();
  if (gap > 0) return <Badge color="red">{t('capacity.standards.missing', { count: gap })}</Badge>;
  if (notRecorded && gap === 0) return null;
  if (gap < 0)
    return (
      <Badge color="blue" variant="light">
        {t('capacity.standards.surplus', { count: -gap })}
      </Badge>
    );
  return (
    <Badge color="green" variant="light">
      {t('capacity.standards.enough')}
    </Badge>
  );
}

function StaffingSection({
  report,
  document,
}: {
  report: FacilityReport;
  document: CareStandards | undefined;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('staffing.write');
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (role: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(role)) next.delete(role);
      else next.add(role);
      return next;
    });
  const { staffing, staff } = report;
  /** Who a driver counts: the direct-care rule's match, or the ratio norm's selection of residents. */
  const whoOf = (role: string, ruleId: string) => {
    if (!document) return '';
    if (role === 'carer') {
      const rule = document.staffing.directCare.find((r) => r.id === ruleId);
      return rule ? describeMatch(rule.match, t) : ruleId;
    }
    return describeWho(document.staffing.ratios.find((r) => r.role === role)?.who, t);
  };
  const { indirect } = staffing;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4">
            {t('capacity.standards.staffingTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {staff.updatedAt
              ? t('capacity.standards.staffUpdatedAt', { at: formatDateTime(staff.updatedAt) })
              : t('capacity.standards.staffNeverRecorded')}
          </Text>
        </div>
        {canWrite && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('capacity.standards.editStaff')}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table tabularNums data-testid="staffing-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('capacity.standards.role')}</Table.Th>
              <Table.Th ta="right">{t('capacity.standards.required')}</Table.Th>
              <Table.Th ta="right">{t('capacity.standards.recorded')}</Table.Th>
              <Table.Th ta="right">{t('capacity.standards.gap')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staffing.roles.map((row) => (
              <Fragment key={row.role}>
                <Table.Tr data-testid={`staffing-${row.role}`}>
                  <Table.Td fw={500}>{t(`capacity.staffRoles.${row.role}`)}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(row.required)}
                  </Table.Td>
                  <Table.Td ta="right" c={row.notRecorded ? 'dimmed' : undefined}>
                    {row.notRecorded ? t('capacity.standards.notRecorded') : formatNumber(row.recorded)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <GapBadge gap={row.gap} notRecorded={row.notRecorded} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <UnstyledButton
                      fz="sm"
                      c="blue"
                      aria-expanded={open.has(row.role)}
                      onClick={() => toggle(row.role)}
                    >
                      {t('capacity.standards.showDrivers')} {open.has(row.role) ? '▴' : '▾'}
                    </UnstyledButton>
                  </Table.Td>
                </Table.Tr>
                {open.has(row.role) && (
                  <Table.Tr>
                    <Table.Td colSpan={5} bg="gray.0">
                      {row.drivers.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('capacity.standards.noDrivers')}
                        </Text>
                      ) : (
                        <Stack gap="sm" data-testid={`drivers-${row.role}`}>
                          {row.drivers.map((driver) => (
                            <div key={driver.ruleId}>
                              <Text size="sm" fw={500}>
                                {driver.residentsPerStaff !== null
                                  ? t('capacity.standards.driverRatio', {
                                      per: driver.residentsPerStaff,
                                      who: whoOf(row.role, driver.ruleId),
                                    })
                                  : t('capacity.standards.driverMinimum', {
                                      minimum: driver.minimum,
                                      who: whoOf(row.role, driver.ruleId),
                                    })}
                              </Text>
                              <Text size="sm">
                                {t('capacity.standards.driverCount', {
                                  count: driver.count,
                                  required: driver.required,
                                })}
                                {driver.legalBasis && (
                                  <Text span c="dimmed">
                                    {' '}
                                    ({t('capacity.standards.legalBasis', { basis: driver.legalBasis })})
                                  </Text>
                                )}
                              </Text>
                              <ResidentLinks residents={driver.residents} />
                            </div>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
            <Table.Tr>
              <Table.Td fw={500}>{t('capacity.staffRoles.indirect')}</Table.Td>
              <Table.Td colSpan={4}>
                <Text size="sm">
                  {t('capacity.standards.indirect', {
                    percent: indirect.maxPercent,
                    other: formatNumber(indirect.otherStaff),
                    max: formatNumber(indirect.max),
                    recorded: formatNumber(indirect.recorded),
                  })}
                </Text>
                {indirect.over > 0 && (
                  <Text size="sm" c="red" fw={700}>
                    {t('capacity.standards.indirectOver', { count: indirect.over })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {staffing.noNormApplies.count > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="sm">{t('capacity.standards.noNorm', { count: staffing.noNormApplies.count })}:</Text>
          <ResidentLinks residents={staffing.noNormApplies.residents} />
        </Stack>
      )}
      {editing && <StaffCountsModal report={report} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

const SHOWN_RESIDENTS = 40;

/** The people a figure counts, each a link to their record; a long list is cut with a count. */
function ResidentLinks({ residents }: { residents: readonly { id: string; fullName: string }[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? residents : residents.slice(0, SHOWN_RESIDENTS);
  return (
    <Text size="sm" c="dimmed">
      {shown.map((r, i) => (
        <Fragment key={r.id}>
          {i > 0 && ', '}
          <Anchor component={Link} to={`/residents/${r.id}`} size="sm">
            {r.fullName}
          </Anchor>
        </Fragment>
      ))}
      {shown.length < residents.length && (
        <>
          {', '}
          <UnstyledButton fz="sm" c="blue" onClick={() => setAll(true)}>
            +{formatNumber(residents.length - shown.length)}
          </UnstyledButton>
        </>
      )}
    </Text>
  );
}

function MissingFacts({ staffing }: { staffing: StaffingReport }) {
  const { t } = useTranslation();
  const missing = useClientPage(staffing.missingFacts);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('capacity.standards.missingFactsTitle')}
      </Title>
      {staffing.missingFacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('capacity.standards.missingFactsNone')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('capacity.standards.missingFactsHint')}
          </Text>
          <Table striped data-testid="missing-facts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('capacity.standards.resident')}</Table.Th>
                <Table.Th>{t('capacity.standards.fact')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {missing.rows.map((m) => (
                <Table.Tr key={`${m.resident.id}-${m.fact}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/residents/${m.resident.id}/edit`}>
                      {m.resident.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`capacity.standards.facts.${m.fact}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <TablePager
            {...missing.pager}
            summary={t('capacity.standards.missingFactsTotal', { count: missing.pager.total })}
          />
        </>
      )}
    </Paper>
  );
}
