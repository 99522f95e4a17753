import {
  type IsoDate,
  type MonthInfo,
  monthInfo,
  toDayNumber,
  type YearMonth,
} from '../entitlements/dates.ts';

/**
 * Occupancy history from bed periods (a bed assignment, or a stay).
 *
 * A period is half-open, [fromOn, untilOn): it covers fromOn and every day up to, but not including,
 * untilOn — the day a resident leaves, their bed is free. untilOn null means still occupied. Only days
 * up to and including `asOf` are counted: a future day is not occupancy yet, so the current month is
 * counted to date and a later month not at all.
 *
 * Per facility and month:
 * - bedDays: the days occupied, summed over periods;
 * - countedDays: the days of the month up to asOf;
 * - averageOccupied: bedDays ÷ countedDays (null when no day is counted);
 * - occupiedAtEnd: periods covering the month's last counted day (the month's last day, or asOf in the
 *   current month; null when no day is counted).
 *
 * Months are reported in ascending order, each once, whatever the order they are asked in. Dates are
 * trusted to be valid ISO dates (the database's date columns).
 */

export interface OccupancyPeriod {
  facilityId: string;
  fromOn: IsoDate;
  /** Exclusive; null = still occupied. */
  untilOn: IsoDate | null;
}

/** The same period as day numbers (days since 1970-01-01), as the database can send them in bulk. */
export interface DayPeriod {
  facilityId: string;
  fromDay: number;
  /** Exclusive; null = still occupied. */
  untilDay: number | null;
}

export interface MonthOccupancy {
  month: YearMonth;
  daysInMonth: number;
  countedDays: number;
  bedDays: number;
  averageOccupied: number | null;
  occupiedAtEnd: number | null;
}

export interface FacilityOccupancy {
  facilityId: string;
  months: MonthOccupancy[];
}

export interface OccupancyHistory {
  asOf: IsoDate;
  /** Sorted by facilityId (code-unit order). Every facility with at least one period is listed. */
  facilities: FacilityOccupancy[];
  /** All facilities together. */
  province: MonthOccupancy[];
}

interface CountedMonth {
  info: MonthInfo;
  first: number;
  /** Exclusive end of the counted days: the next month's 1st, or the day after asOf. */
  end: number;
  /** Last counted day (end − 1); meaningless when end ≤ first. */
  last: number;
}

function summarise(m: CountedMonth, bedDays: number, atEnd: number): MonthOccupancy {
  const countedDays = Math.max(0, m.end - m.first);
  return {
    month: m.info.yearMonth,
    daysInMonth: m.info.days,
    countedDays,
    bedDays,
    averageOccupied: countedDays === 0 ? null : bedDays / countedDays,
    occupiedAtEnd: countedDays === 0 ? null : atEnd,
  };
}

/** First index whose counted end is after `day` (months sorted ascending). */
function firstMonthEndingAfter(months: readonly CountedMonth[], day: number): number {
  let lo = 0;
  let hi = months.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((months[mid] as CountedMonth).info.end <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function monthlyOccupancy(
  periods: readonly OccupancyPeriod[],
  months: readonly YearMonth[],
  asOf: IsoDate,
): OccupancyHistory {
  return monthlyOccupancyOfDays(
    periods.map((p) => ({
      facilityId: p.facilityId,
      fromDay: toDayNumber(p.fromOn),
      untilDay: p.untilOn === null ? null : toDayNumber(p.untilOn),
    })),
    months,
    asOf,
  );
}

export function monthlyOccupancyOfDays(
  periods: readonly DayPeriod[],
  months: readonly YearMonth[],
  asOf: IsoDate,
): OccupancyHistory {
  const stop = toDayNumber(asOf) + 1;
  const counted: CountedMonth[] = [...new Set(months)].sort().map((ym) => {
    const info = monthInfo(ym);
    const end = Math.min(info.end, stop);
    return { info, first: info.first, end, last: end - 1 };
  });
  const mc = counted.length;
  const byFacility = new Map<string, { bedDays: Float64Array; atEnd: Int32Array }>();

  for (const period of periods) {
    let acc = byFacility.get(period.facilityId);
    if (acc === undefined) {
      acc = { bedDays: new Float64Array(mc), atEnd: new Int32Array(mc) };
      byFacility.set(period.facilityId, acc);
    }
    const from = period.fromDay;
    const until = Math.min(period.untilDay === null ? stop : period.untilDay, stop);
    if (until <= from) continue;
    for (let i = firstMonthEndingAfter(counted, from); i < mc; i++) {
      const m = counted[i] as CountedMonth;
      if (m.first >= until) break;
      const days = Math.min(until, m.end) - Math.max(from, m.first);
      if (days <= 0) continue;
      acc.bedDays[i] = (acc.bedDays[i] as number) + days;
      if (from <= m.last && until > m.last) acc.atEnd[i] = (acc.atEnd[i] as number) + 1;
    }
  }

  const ids = [...byFacility.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const totalDays = new Float64Array(mc);
  const totalEnd = new Int32Array(mc);
  const facilities = ids.map((facilityId) => {
    const acc = byFacility.get(facilityId) as { bedDays: Float64Array; atEnd: Int32Array };
    return {
      facilityId,
      months: counted.map((m, i) => {
        totalDays[i] = (totalDays[i] as number) + (acc.bedDays[i] as number);
        totalEnd[i] = (totalEnd[i] as number) + (acc.atEnd[i] as number);
        return summarise(m, acc.bedDays[i] as number, acc.atEnd[i] as number);
      }),
    };
  });
  const province = counted.map((m, i) => summarise(m, totalDays[i] as number, totalEnd[i] as number));
  return { asOf, facilities, province };
}
