import { addMonths, parseIsoDate } from '../entitlements/dates.ts';

/**
 * Straight-line depreciation, counted in whole months (the way public-asset registers record "hao mòn"):
 * an item loses cost ÷ (useful life × 12) for every full month since it was acquired, and never goes
 * below zero. Month counting keeps book values stable within a month and identical in every report.
 */
export interface DepreciableItem {
  costVnd: number;
  acquiredOn: string;
  usefulLifeYears: number;
}

export function fullMonthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  // A month is complete on the same day-of-month (or the month's last day when it is shorter).
  return addMonths(from, months) <= to ? months : months - 1;
}

export function bookValue(item: DepreciableItem, asOf: string): number {
  if (item.usefulLifeYears <= 0) return 0;
  const lifeMonths = item.usefulLifeYears * 12;
  const elapsed = Math.min(fullMonthsBetween(item.acquiredOn, asOf), lifeMonths);
  return Math.max(0, Math.round((item.costVnd * (lifeMonths - elapsed)) / lifeMonths));
}

/** The first day the item is fully depreciated: acquisition + useful life. */
export function endOfUsefulLife(item: Pick<DepreciableItem, 'acquiredOn' | 'usefulLifeYears'>): string {
  return addMonths(item.acquiredOn, item.usefulLifeYears * 12);
}

export function isPastUsefulLife(
  item: Pick<DepreciableItem, 'acquiredOn' | 'usefulLifeYears'>,
  asOf: string,
): boolean {
  return asOf >= endOfUsefulLife(item);
}

/**
 * How many items of a model a facility lacks: the minimum is the larger of the per-facility floor and
 * the per-bed ratio (rounded up, a part of an item is still an item to buy).
 */
export function minimumShortfall(
  minimum: { perFacility: number | null; perBed: number | null },
  beds: number,
  activeQuantity: number,
): number {
  // Ratios have at most three decimals; counting in thousandths keeps 0.07 × 100 at exactly 7.
  const perBedThousandths = Math.round((minimum.perBed ?? 0) * 1000);
  const required = Math.max(minimum.perFacility ?? 0, Math.ceil((perBedThousandths * beds) / 1000));
  return Math.max(0, required - activeQuantity);
}
