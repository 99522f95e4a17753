import { type residents, stays } from '@ansinh/db/schema/residents';
import { fromDayNumber, monthInfo } from '@ansinh/domain/entitlements/dates';
import type { ResidentFacts } from '@ansinh/domain/entitlements/facts';
import { asc, desc, sql } from 'drizzle-orm';

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

export function monthBounds(month: string): { first: string; last: string } {
  const info = monthInfo(month);
  return { first: fromDayNumber(info.first), last: fromDayNumber(info.end - 1) };
}
