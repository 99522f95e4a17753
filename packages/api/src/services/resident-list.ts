import type { Db } from '@ansinh/db/client';
import { auditLog } from '@ansinh/db/schema/audit';
import { users } from '@ansinh/db/schema/users';
import { addMonths, monthOf } from '@ansinh/domain/entitlements/dates';
import {
  isEmergencyOverdue,
  monthEvaluator,
  type RuleOutcome,
  totalFor,
} from '@ansinh/domain/entitlements/engine';
import type { FacilityScope } from '@ansinh/domain/roles';
import type {
  ageBands,
  entitlementStatuses,
  ResidentFilter,
  ResidentListItem,
  TimelineEntry,
} from '@ansinh/schemas/resident';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { fieldChanges } from '../audit.ts';
import { containsFolded, sqlIn } from '../sql.ts';
import { loadMonthPopulation, monthPopulation } from './entitlements.ts';
import { loadInForcePolicy } from './policies.ts';

type AgeBand = (typeof ageBands)[number];
type EntitlementStatus = (typeof entitlementStatuses)[number];

/** Completed years on `onDate`, as [from, to) bounds on the birth date. */
const ageBandYears: Record<AgeBand, [number, number | null]> = {
  under_4: [0, 4],
  '4_to_15': [4, 16],
  '16_to_21': [16, 22],
  '22_to_59': [22, 60],
  '60_plus': [60, null],
};

/** The same calendar day `years` earlier; 29 February falls back to the 28th in common years. */
function yearsBefore(date: string, years: number): string {
  return addMonths(date, -12 * years);
}

function ageBandCondition(band: AgeBand, onDate: string): SQL {
  const [from, to] = ageBandYears[band];
  // Aged at least `from`: born on or before the date `from` years ago; under `to`: born after `to` years ago.
  const oldEnough = sql`r.birth_date <= ${yearsBefore(onDate, from)}::date`;
  return to === null ? oldEnough : sql`${oldEnough} and r.birth_date > ${yearsBefore(onDate, to)}::date`;
}

const sortExpressions = {
  // Vietnamese lists are ordered by given name (the last word), then by the whole name.
  fullName: sql`r.sort_name`,
  birthDate: sql`r.birth_date`,
  admittedOn: sql`s.admitted_on`,
  group: sql`r."group"`,
  facilityName: sql`f.name`,
} as const;

/**
 * Each person with their current stay (in care) or their last one (discharged). Staff see the people
 * whose stay is in their centres: a person transferred away leaves their list with the transfer.
 */
function listQuery(scope: FacilityScope, filter: ResidentFilter, onDate: string) {
  const conditions: SQL[] = [];
  if (scope.kind === 'facilities') conditions.push(sqlIn(sql`s.facility_id`, scope.facilityIds));
  if (filter.facilityId) conditions.push(sql`s.facility_id = ${filter.facilityId}`);
  if (filter.search) {
    conditions.push(containsFolded(sql`r.search_text`, filter.search));
  }
  if (filter.group) conditions.push(sql`r."group" = ${filter.group}`);
  if (filter.disabilityLevel) conditions.push(sql`r.disability_level = ${filter.disabilityLevel}`);
  if (filter.ageBand) conditions.push(ageBandCondition(filter.ageBand, onDate));
  // The open stay is found through its own partial unique index; only discharged people need the
  // "latest stay" lookup.
  const stay =
    filter.careStatus === 'in_care'
      ? sql`join stays s on s.resident_id = r.id and s.discharged_on is null`
      : sql`join lateral (
          select * from stays st where st.resident_id = r.id
          order by st.admitted_on desc, st.discharged_on desc nulls first, st.created_at desc limit 1
        ) s on s.discharged_on is not null`;
  return sql`
    from residents r
    ${stay}
    join facilities f on f.id = s.facility_id
    ${conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}`;
}

interface ListRow extends Record<string, unknown> {
  id: string;
  full_name: string;
  birth_date: string;
  birth_date_precision: 'day' | 'year';
  sex: 'male' | 'female';
  group: ResidentListItem['group'];
  disability_level: ResidentListItem['disabilityLevel'];
  facility_id: string;
  facility_name: string;
  admitted_on: string;
  discharged_on: string | null;
}

const selectList = sql`select r.id, r.full_name, r.birth_date::text as birth_date, r.birth_date_precision, r.sex,
  r."group", r.disability_level, s.facility_id, f.name as facility_name, s.admitted_on::text as admitted_on,
  s.discharged_on::text as discharged_on`;

function statusOf(outcomes: readonly RuleOutcome[]): EntitlementStatus {
  if (totalFor(outcomes) > 0) return 'entitled';
  return outcomes.some((o) => o.qualifies === 'unknown' && o.kind === 'monthly')
    ? 'incomplete'
    : 'not_entitled';
}

/**
 * This month's verdict for the listed people: what they are paid now, and whether facts are missing.
 * A page names its few people; a whole filtered list is loaded by the facilities it covers instead of
 * by tens of thousands of ids.
 */
async function entitlementsNow(
  db: Db,
  onDate: string,
  who: { residentIds: string[] } | { facilityIds: readonly string[] | null },
) {
  const month = monthOf(onDate);
  const [policy, { people }] = await Promise.all([
    loadInForcePolicy(db),
    'residentIds' in who ? loadMonthPopulation(db, month, who) : monthPopulation(db, month, who),
  ]);
  const evaluate = monthEvaluator(month, policy, { explain: false });
  const byId = new Map<string, { status: EntitlementStatus; monthlyVnd: number; overdue: boolean }>();
  for (const person of people) {
    const outcomes = evaluate(person.facts);
    byId.set(person.id, {
      status: statusOf(outcomes),
      monthlyVnd: totalFor(outcomes),
      overdue: person.group === 'k2_emergency' && isEmergencyOverdue(person.facts, onDate),
    });
  }
  return byId;
}

function toItem(
  row: ListRow,
  verdict: { status: EntitlementStatus; monthlyVnd: number; overdue: boolean } | undefined,
) {
  return {
    id: row.id,
    fullName: row.full_name,
    birthDate: row.birth_date,
    birthDatePrecision: row.birth_date_precision,
    sex: row.sex,
    group: row.group,
    disabilityLevel: row.disability_level,
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    admittedOn: row.admitted_on,
    dischargedOn: row.discharged_on,
    entitlementStatus: verdict?.status ?? 'not_entitled',
    monthlyAllowanceVnd: verdict?.monthlyVnd ?? 0,
    emergencyOverdue: verdict?.overdue ?? false,
  } satisfies ResidentListItem;
}

export async function listResidents(
  db: Db,
  scope: FacilityScope,
  input: ResidentFilter & { page: number; pageSize: number },
  onDate: string,
): Promise<{ items: ResidentListItem[]; total: number }> {
  const from = listQuery(scope, input, onDate);
  const order = sql`order by ${sortExpressions[input.sort.field]} ${sql.raw(input.sort.direction)}, r.id`;
  const offset = (input.page - 1) * input.pageSize;

  if (input.entitlementStatus) {
    // The status depends on the rules and today's date, not on a column: evaluate, then filter and page.
    const rows = (await db.execute<ListRow>(sql`${selectList} ${from} ${order} limit 50000`)).rows;
    const facilityIds = input.facilityId
      ? [input.facilityId]
      : scope.kind === 'province'
        ? null
        : scope.facilityIds;
    const verdicts = await entitlementsNow(db, onDate, { facilityIds });
    const matching = rows.filter(
      (r) => (verdicts.get(r.id)?.status ?? 'not_entitled') === input.entitlementStatus,
    );
    return {
      items: matching.slice(offset, offset + input.pageSize).map((r) => toItem(r, verdicts.get(r.id))),
      total: matching.length,
    };
  }

  const [page, count] = await Promise.all([
    db.execute<ListRow>(sql`${selectList} ${from} ${order} limit ${input.pageSize} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n ${from}`),
  ]);
  const verdicts = await entitlementsNow(db, onDate, { residentIds: page.rows.map((r) => r.id) });
  return { items: page.rows.map((r) => toItem(r, verdicts.get(r.id))), total: count.rows[0]?.n ?? 0 };
}

export const RESIDENT_EXPORT_LIMIT = 20_000;

export async function residentsForExport(
  db: Db,
  scope: FacilityScope,
  filter: ResidentFilter,
  onDate: string,
) {
  const page = await listResidents(
    db,
    scope,
    { ...filter, page: 1, pageSize: RESIDENT_EXPORT_LIMIT },
    onDate,
  );
  return page.items;
}

/** Bookkeeping and derived values that are not changes a person made to the record. */
const notRecordFields = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'stays',
  'currentStay',
  'emergencyOverdue',
]);

type StaySnapshot = { id?: string; dischargedOn?: string | null };

/** The stay an event opened or closed, found by comparing the stays before and after it. */
function stayChanged(before: unknown, after: unknown): TimelineEntry['stay'] {
  const staysOf = (v: unknown) => ((v as { stays?: StaySnapshot[] } | null)?.stays ?? []) as StaySnapshot[];
  const old = new Map(staysOf(before).map((s) => [s.id, JSON.stringify(s)]));
  const touched = staysOf(after).filter((s) => old.get(s.id) !== JSON.stringify(s));
  return (touched[touched.length - 1] as TimelineEntry['stay']) ?? null;
}

/** The resident's story from the audit log: admissions, transfers, discharges and record changes. */
export async function residentTimeline(db: Db, residentId: string): Promise<TimelineEntry[]> {
  const rows = await db
    .select({
      at: auditLog.at,
      actorUsername: users.username,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, 'resident'), eq(auditLog.entityId, residentId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => ({
    at: r.at,
    actorUsername: r.actorUsername,
    action: r.action,
    changes: r.action === 'resident.update' ? fieldChanges(r.before, r.after, notRecordFields) : [],
    stay: stayChanged(r.before, r.after),
  }));
}
