import {
  addMonthsCivil,
  type CivilDate,
  civilOf,
  completedMonths,
  dayNumberOf,
  type MonthInfo,
  toDayNumber,
} from './dates.ts';
import type { DischargeReason, ResidentFacts, Stay } from './facts.ts';

/**
 * Derived, per-resident values the predicate evaluator and the engine share: the possible range of
 * the birth date, and the days in a month the resident was in a stay.
 */

export interface BirthRange {
  /** Earliest possible birth date (the oldest the person can be). */
  earliest: CivilDate;
  /** Latest possible birth date (the youngest the person can be). */
  latest: CivilDate;
  exact: boolean;
}

/** undefined when no birth date is recorded; a whole year when only the year is known. */
export function birthRange(facts: ResidentFacts): BirthRange | undefined {
  const birth = facts.birthDate;
  if (birth === undefined) return undefined;
  const date = civilOf(toDayNumber(birth));
  if (facts.birthDatePrecision === 'year') {
    return {
      earliest: { year: date.year, month: 1, day: 1 },
      latest: { year: date.year, month: 12, day: 31 },
      exact: false,
    };
  }
  return { earliest: date, latest: date, exact: true };
}

export interface AgeRange {
  /** Completed months, youngest possibility. */
  min: number;
  /** Completed months, oldest possibility. */
  max: number;
}

export function ageRangeOn(birth: BirthRange, day: number): AgeRange {
  const on = civilOf(day);
  if (birth.exact) {
    const months = completedMonths(birth.earliest, on);
    return { min: months, max: months };
  }
  return { min: completedMonths(birth.latest, on), max: completedMonths(birth.earliest, on) };
}

/** Day-number range of the N-th birthday (a single day when the birth date is exact). */
export function birthdayRange(birth: BirthRange, years: number): { lo: number; hi: number } {
  const lo = addMonthsCivil(birth.earliest, years * 12);
  const hi = addMonthsCivil(birth.latest, years * 12);
  return { lo: dayNumberOf(lo.year, lo.month, lo.day), hi: dayNumberOf(hi.year, hi.month, hi.day) };
}

export interface PresenceInterval {
  /** First day present (day number). */
  start: number;
  /** First day no longer present (exclusive). */
  end: number;
  /** Admission day of the episode (chain of stays joined by same-day transfers) this interval belongs to. */
  episodeStart: number;
}

export interface StayEvent {
  day: number;
  reason?: DischargeReason | null | undefined;
}

export interface Presence {
  intervals: PresenceInterval[];
  days: number;
  /** Admissions during the month (after its 1st). */
  admissions: StayEvent[];
  /** Discharges during the month (including death). */
  discharges: StayEvent[];
}

/**
 * The part-month rule lives here: a stay covers [admittedOn, dischargedOn) — the admission day counts,
 * the discharge day does not — except a discharge by death, whose day counts: [admittedOn, dayOfDeath].
 */
export function stayEnd(stay: Stay): number {
  if (stay.dischargedOn == null) return Number.POSITIVE_INFINITY;
  const day = toDayNumber(stay.dischargedOn);
  return stay.dischargeReason === 'deceased' ? day + 1 : day;
}

function sortedStays(stays: readonly Stay[]): readonly Stay[] {
  if (stays.length < 2) return stays;
  return [...stays].sort((a, b) => (a.admittedOn < b.admittedOn ? -1 : a.admittedOn > b.admittedOn ? 1 : 0));
}

/**
 * Episode start of every stay: a stay admitted on or before the end of the previous one (a same-day
 * transfer) continues that episode, so the Art. 24(4) emergency clock does not restart on a transfer.
 */
function episodeStarts(stays: readonly Stay[]): number[] {
  const starts: number[] = [];
  let currentStart = Number.NaN;
  let currentEnd = Number.NEGATIVE_INFINITY;
  for (const stay of stays) {
    const admitted = toDayNumber(stay.admittedOn);
    if (admitted > currentEnd) currentStart = admitted;
    currentEnd = Math.max(currentEnd, stayEnd(stay));
    starts.push(currentStart);
  }
  return starts;
}

/** Days present in the month, or undefined when stays are not recorded. */
export function presenceIn(
  facts: ResidentFacts,
  month: MonthInfo,
  facilityId?: string,
): Presence | undefined {
  if (facts.stays === undefined) return undefined;
  const stays = sortedStays(facts.stays);
  const starts = episodeStarts(stays);
  const intervals: PresenceInterval[] = [];
  const admissions: StayEvent[] = [];
  const discharges: StayEvent[] = [];
  let days = 0;
  for (let i = 0; i < stays.length; i++) {
    const stay = stays[i] as Stay;
    if (facilityId !== undefined && stay.facilityId !== facilityId) continue;
    const admitted = toDayNumber(stay.admittedOn);
    const end = stayEnd(stay);
    if (admitted > month.first && admitted < month.end) admissions.push({ day: admitted });
    if (stay.dischargedOn != null) {
      const discharged = toDayNumber(stay.dischargedOn);
      if (discharged >= month.first && discharged < month.end) {
        discharges.push({ day: discharged, reason: stay.dischargeReason });
      }
    }
    const start = Math.max(admitted, month.first);
    const stop = Math.min(end, month.end);
    if (stop <= start) continue;
    // Stays are validated not to overlap; clip defensively so a day is never counted twice.
    const last = intervals[intervals.length - 1];
    const from = last ? Math.max(start, last.end) : start;
    if (stop <= from) continue;
    intervals.push({ start: from, end: stop, episodeStart: starts[i] as number });
    days += stop - from;
  }
  return { intervals, days, admissions, discharges };
}

/** Admission day of the episode that includes `day`: null if not in a stay that day, undefined if unknown. */
export function episodeStartOn(facts: ResidentFacts, day: number): number | null | undefined {
  if (facts.stays === undefined) return undefined;
  const stays = sortedStays(facts.stays);
  const starts = episodeStarts(stays);
  for (let i = 0; i < stays.length; i++) {
    const stay = stays[i] as Stay;
    if (toDayNumber(stay.admittedOn) <= day && day < stayEnd(stay)) return starts[i] as number;
  }
  return null;
}
