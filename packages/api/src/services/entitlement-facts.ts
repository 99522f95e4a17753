import type { Queryable } from '@ansinh/db/client';
import { facilities } from '@ansinh/db/schema/facilities';
import { baseLevels, policyRules } from '@ansinh/db/schema/policies';
import { residents, stays } from '@ansinh/db/schema/residents';
import { fromDayNumber, monthInfo } from '@ansinh/domain/entitlements/dates';
import type { ResidentFacts } from '@ansinh/domain/entitlements/facts';
import { type PolicyRule, type PolicySet, parsePolicySet } from '@ansinh/domain/entitlements/policy';
import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';

export type ResidentRow = typeof residents.$inferSelect;
type StayRow = Pick<
  typeof stays.$inferSelect,
  'residentId' | 'facilityId' | 'admittedOn' | 'dischargedOn' | 'dischargeReason'
>;

const flag = (value: boolean | null) => value ?? undefined;
const amount = (value: number | null) => value ?? undefined;

/**
 * The engine's view of a resident. NULL columns become "not recorded" (undefined), so rules that need
 * them answer 'unknown' instead of guessing. A transfer is, for the engine, an ordinary discharge.
 */
export function toFacts(
  r: ResidentRow,
  residentStays: readonly StayRow[],
  careCostVnd: number | null,
): ResidentFacts {
  return {
    birthDate: r.birthDate,
    birthDatePrecision: r.birthDatePrecision,
    sex: r.sex,
    group: r.group,
    disabilityLevel: r.disabilityLevel,
    circumstances: {
      orphanOrAbandoned: flag(r.orphanOrAbandoned),
      bothParentsDisabled: flag(r.bothParentsDisabled),
      parentLeftNotMissing: flag(r.parentLeftNotMissing),
      lonelyElderly: flag(r.lonelyElderly),
      especiallyDifficult: flag(r.especiallyDifficult),
    },
    incomes: {
      pension: amount(r.pensionVnd),
      labourCapacityLoss: amount(r.labourCapacityLossVnd),
      meritoriousAllowance: amount(r.meritoriousAllowanceVnd),
    },
    studying: r.studyingUntil ? { until: r.studyingUntil } : null,
    noMeansOfSupport: flag(r.noMeansOfSupport),
    stays: residentStays.map((s) => ({
      facilityId: s.facilityId,
      admittedOn: s.admittedOn,
      dischargedOn: s.dischargedOn,
      dischargeReason: s.dischargeReason === 'transferred' ? 'other' : s.dischargeReason,
    })),
    facilityCareCostVnd: careCostVnd ?? undefined,
    emergencyExtendedUntil: r.emergencyExtendedUntil,
  };
}

/**
 * Stays in the order they happened. Several can start on one day (transfers on the admission day):
 * closed ones come before the open one, then by when they were recorded.
 */
export const stayOrder = [
  asc(stays.admittedOn),
  sql`${stays.dischargedOn} asc nulls last`,
  asc(stays.createdAt),
];
export const latestStayFirst = [
  desc(stays.admittedOn),
  sql`${stays.dischargedOn} desc nulls first`,
  desc(stays.createdAt),
];

/** The province's policy: its base-level schedule and every rule that is not archived. */
export async function loadPolicySet(db: Queryable): Promise<PolicySet> {
  const [levels, rules] = await Promise.all([
    db.select().from(baseLevels).orderBy(asc(baseLevels.effectiveFrom)),
    db
      .select({ definition: policyRules.definition })
      .from(policyRules)
      .where(ne(policyRules.status, 'archived'))
      .orderBy(asc(policyRules.createdAt), asc(policyRules.id)),
  ]);
  return parsePolicySet({
    id: 'province',
    version: String(rules.length),
    baseLevels: levels.map((l) => ({
      effectiveFrom: l.effectiveFrom,
      vnd: l.vnd,
      ...(l.legalBasis ? { legalBasis: l.legalBasis } : {}),
    })),
    rules: rules.map((r) => r.definition as PolicyRule),
  });
}

export interface MonthSubject {
  resident: ResidentRow;
  facts: ResidentFacts;
  /** The facility of the person's last stay in the month: where their costs are reported. */
  facilityId: string;
  facilityName: string;
}

/**
 * Everyone cared for on at least one day of the month (optionally only in some facilities or only
 * some people), with the stays that touch the month. Two queries, whatever the number of people.
 */
export async function subjectsForMonth(
  db: Queryable,
  month: string,
  filter: { facilityIds?: readonly string[]; residentIds?: readonly string[] } = {},
): Promise<MonthSubject[]> {
  const { first, last } = monthBounds(month);
  const touchesMonth = and(
    lte(stays.admittedOn, last),
    or(isNull(stays.dischargedOn), gte(stays.dischargedOn, first)),
  );
  const conditions: (SQL | undefined)[] = [touchesMonth];
  if (filter.facilityIds) conditions.push(inArray(stays.facilityId, [...filter.facilityIds]));
  if (filter.residentIds) conditions.push(inArray(stays.residentId, [...filter.residentIds]));
  if (filter.facilityIds?.length === 0 || filter.residentIds?.length === 0) return [];

  const stayRows = await db
    .select({
      residentId: stays.residentId,
      facilityId: stays.facilityId,
      admittedOn: stays.admittedOn,
      dischargedOn: stays.dischargedOn,
      dischargeReason: stays.dischargeReason,
      facilityName: facilities.name,
      careCostVnd: facilities.careCostVnd,
    })
    .from(stays)
    .innerJoin(facilities, eq(facilities.id, stays.facilityId))
    .where(and(...conditions))
    .orderBy(asc(stays.residentId), ...stayOrder);
  if (stayRows.length === 0) return [];

  const byResident = new Map<string, typeof stayRows>();
  for (const row of stayRows) {
    const list = byResident.get(row.residentId);
    if (list) list.push(row);
    else byResident.set(row.residentId, [row]);
  }
  const people = await db
    .select()
    .from(residents)
    .where(inArray(residents.id, [...byResident.keys()]));

  return people.map((resident) => {
    const own = byResident.get(resident.id) ?? [];
    const latest = own[own.length - 1];
    return {
      resident,
      facts: toFacts(resident, own, latest?.careCostVnd ?? null),
      facilityId: latest?.facilityId ?? '',
      facilityName: latest?.facilityName ?? '',
    };
  });
}

/** `expr in (…)` for raw SQL; an empty list matches nothing rather than being a syntax error. */
export function sqlIn(expr: SQL, values: readonly string[]): SQL {
  return values.length
    ? sql`${expr} in (${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql`false`;
}

export function monthBounds(month: string): { first: string; last: string } {
  const info = monthInfo(month);
  return { first: fromDayNumber(info.first), last: fromDayNumber(info.end - 1) };
}
