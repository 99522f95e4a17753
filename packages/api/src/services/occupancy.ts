/**
 * Capacity and occupancy figures, read from beds and assignment periods (never stored). Both are
 * computed for the whole province once and kept while the 'occupancy' revision (bumped by triggers on
 * beds, bed assignments and facilities) and the date stay the same; scope and facility filters are
 * applied to the kept result, so a centre and the department read the same numbers.
 */
import type { Queryable } from '@ansinh/db/client';
import {
  type DayPeriod,
  type MonthOccupancy,
  monthlyOccupancyOfDays,
} from '@ansinh/domain/capacity/occupancy';
import { addMonths, monthOf } from '@ansinh/domain/entitlements/dates';
import type { FacilityScope } from '@ansinh/domain/roles';
import type { CapacityDashboard, CapacityFigures, OccupancyMonth } from '@ansinh/schemas/capacity';
import type { FacilityType } from '@ansinh/schemas/facility';
import { sql } from 'drizzle-orm';
import { groupBy } from '../group-by.ts';
import { cachedByRevision } from '../revision-cache.ts';
import { assertFacilityInScope } from '../scope.ts';

const KEPT = 8;

interface FacilityCapacityRow {
  facilityId: string;
  code: string;
  name: string;
  type: FacilityType;
  communeCode: string;
  communeName: string;
  licensedCapacity: number;
  beds: number;
  operationalBeds: number;
  occupied: number;
  vacancies: number;
}

/** One row per facility that is not closed: its beds, and those occupied on `onDate`. */
function loadFacilityCapacity(db: Queryable, onDate: string): Promise<FacilityCapacityRow[]> {
  return db
    .execute<{
      facility_id: string;
      code: string;
      name: string;
      type: FacilityType;
      commune_code: string;
      commune_name: string;
      licensed_capacity: number;
      beds: number;
      operational: number;
      occupied: number;
      vacancies: number;
    }>(sql`
      with occupied as (
        select bed_id from bed_assignments
        where from_on <= ${onDate} and (until_on is null or until_on > ${onDate})
      ), per_facility as (
        select b.facility_id, count(*)::int as beds,
          count(*) filter (where b.status <> 'out_of_service')::int as operational,
          count(o.bed_id)::int as occupied,
          count(*) filter (where b.status = 'available' and o.bed_id is null)::int as vacancies
        from beds b left join occupied o on o.bed_id = b.id
        group by b.facility_id
      )
      select f.id as facility_id, f.code, f.name, f.type, f.commune_code, c.name as commune_name,
        f.licensed_capacity, coalesce(p.beds, 0) as beds, coalesce(p.operational, 0) as operational,
        coalesce(p.occupied, 0) as occupied, coalesce(p.vacancies, 0) as vacancies
      from facilities f
      join communes c on c.code = f.commune_code
      left join per_facility p on p.facility_id = f.id
      where f.status <> 'closed'
      order by f.name, f.id`)
    .then((result) =>
      result.rows.map((r) => ({
        facilityId: r.facility_id,
        code: r.code,
        name: r.name,
        type: r.type,
        communeCode: r.commune_code,
        communeName: r.commune_name,
        licensedCapacity: r.licensed_capacity,
        beds: r.beds,
        operationalBeds: r.operational,
        occupied: r.occupied,
        vacancies: r.vacancies,
      })),
    );
}

function inView(scope: FacilityScope, facilityId: string | undefined) {
  if (facilityId) assertFacilityInScope(scope, facilityId);
  return (id: string) =>
    facilityId ? id === facilityId : scope.kind === 'province' || scope.facilityIds.includes(id);
}

function figuresOf(rows: readonly FacilityCapacityRow[]): CapacityFigures {
  const sum = (pick: (r: FacilityCapacityRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const operationalBeds = sum((r) => r.operationalBeds);
  const occupied = sum((r) => r.occupied);
  return {
    facilities: rows.length,
    licensedCapacity: sum((r) => r.licensedCapacity),
    beds: sum((r) => r.beds),
    operationalBeds,
    occupied,
    vacancies: sum((r) => r.vacancies),
    occupancyRate: operationalBeds === 0 ? null : occupied / operationalBeds,
  };
}

export async function capacityDashboard(
  db: Queryable,
  scope: FacilityScope,
  facilityId: string | undefined,
  onDate: string,
): Promise<CapacityDashboard> {
  const all = await cachedByRevision(db, 'occupancy', `capacity|${onDate}`, KEPT, () =>
    loadFacilityCapacity(db, onDate),
  );
  const visible = inView(scope, facilityId);
  const rows = all.filter((r) => visible(r.facilityId));
  return {
    onDate,
    totals: figuresOf(rows),
    byType: [...groupBy(rows, (r) => r.type)].map(([type, group]) => ({ type, ...figuresOf(group) })),
    byCommune: [...groupBy(rows, (r) => r.communeCode)]
      .map(([communeCode, group]) => ({
        communeCode,
        communeName: group[0]?.communeName ?? communeCode,
        ...figuresOf(group),
      }))
      .sort((a, b) => a.communeName.localeCompare(b.communeName, 'vi')),
    byFacility: rows.map((r) => ({
      facilityId: r.facilityId,
      code: r.code,
      name: r.name,
      type: r.type,
      communeName: r.communeName,
      ...figuresOf([r]),
    })),
  };
}

/** The `count` months ending with `lastMonth`, oldest first. */
function monthsUntil(lastMonth: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => monthOf(addMonths(`${lastMonth}-01`, i - count + 1)));
}

/**
 * The periods overlapping the months, one line of "from:until" day numbers per facility: moving tens of
 * thousands of rows out of the embedded database costs far more than one text value per facility.
 */
async function loadHistory(db: Queryable, onDate: string, months: readonly string[]) {
  const since = `${months[0]}-01`;
  const [lines, beds] = await Promise.all([
    db.execute<{ facility_id: string; periods: string }>(sql`
      select facility_id, string_agg(
        (from_on - date '1970-01-01') || ':' || coalesce((until_on - date '1970-01-01')::text, ''), ',') as periods
      from bed_assignments
      where from_on <= ${onDate} and (until_on is null or until_on > ${since})
      group by facility_id`),
    db.execute<{ facility_id: string; operational: number }>(sql`
      select facility_id, count(*) filter (where status <> 'out_of_service')::int as operational
      from beds group by facility_id`),
  ]);
  const periods: DayPeriod[] = [];
  for (const line of lines.rows)
    for (const period of line.periods.split(',')) {
      const [from, until] = period.split(':');
      periods.push({
        facilityId: line.facility_id,
        fromDay: Number(from),
        untilDay: until ? Number(until) : null,
      });
    }
  return {
    history: monthlyOccupancyOfDays(periods, months, onDate),
    operationalBeds: new Map(beds.rows.map((b) => [b.facility_id, b.operational])),
  };
}

/**
 * Monthly occupancy for one facility or every facility in view. The rate divides the average occupied
 * beds by today's operational beds: beds carry no history of their own, so a month long ago is
 * measured against the beds there are now.
 */
export async function occupancyHistory(
  db: Queryable,
  scope: FacilityScope,
  input: { facilityId?: string | undefined; months: number; toMonth?: string | undefined },
  onDate: string,
): Promise<{ facilityId: string | null; months: OccupancyMonth[] }> {
  const current = monthOf(onDate);
  const lastMonth = input.toMonth && input.toMonth < current ? input.toMonth : current;
  const months = monthsUntil(lastMonth, input.months);
  const visible = inView(scope, input.facilityId);
  const { history, operationalBeds } = await cachedByRevision(
    db,
    'occupancy',
    `history|${onDate}|${lastMonth}|${input.months}`,
    KEPT,
    () => loadHistory(db, onDate, months),
  );
  const series = history.facilities.filter((f) => visible(f.facilityId)).map((f) => f.months);
  let beds = 0;
  for (const [facilityId, operational] of operationalBeds) if (visible(facilityId)) beds += operational;
  return {
    facilityId: input.facilityId ?? null,
    months: months.map((month, i) => {
      const parts = series.map((s) => s[i] as MonthOccupancy);
      const bedDays = parts.reduce((n, p) => n + p.bedDays, 0);
      const countedDays = history.province[i]?.countedDays ?? 0;
      const averageOccupied = countedDays === 0 ? 0 : bedDays / countedDays;
      return {
        month,
        averageOccupied,
        occupiedAtEnd: parts.reduce((n, p) => n + (p.occupiedAtEnd ?? 0), 0),
        beds,
        rate: beds === 0 ? null : averageOccupied / beds,
      };
    }),
  };
}
