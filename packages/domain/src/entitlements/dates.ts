/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') and months ('YYYY-MM').
 *
 * No `Date` object is involved: a date is converted to a day number (days since 1970-01-01 in the
 * proleptic Gregorian calendar) with integer arithmetic, so no time zone, daylight-saving rule or
 * host clock can move a birthday or an admission by a day.
 *
 * Month arithmetic clamps to the end of the month, as the Civil Code 2015 Art. 148 does for periods
 * counted in months ("nếu tháng kết thúc thời hạn không có ngày tương ứng thì thời hạn kết thúc vào
 * ngày cuối cùng của tháng đó"): 2024-01-31 + 1 month = 2024-02-29, and a person born on 29 February
 * completes a year on 28 February in a common year.
 */

export type IsoDate = string;
export type YearMonth = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of `dayNumberOf` (H. Hinnant's `civil_from_days`). */
export function civilOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

export function isYearMonth(value: string): boolean {
  const m = YEAR_MONTH.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** Parses a valid ISO date; throws RangeError otherwise. */
export function parseIsoDate(value: IsoDate): CivilDate {
  if (!isIsoDate(value)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${value}`);
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

function digit(value: string, index: number): number {
  return value.charCodeAt(index) - 48;
}

/**
 * Day number of an ISO date. Hot path: reads the digits directly and trusts the format, which the
 * zod schemas have already checked; use `parseIsoDate` for untrusted input.
 */
export function toDayNumber(value: IsoDate): number {
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  return dayNumberOf(year, month, day);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatCivil(date: CivilDate): IsoDate {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return formatCivil(civilOf(dayNumber));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds whole months, clamping the day to the end of the target month (see the note at the top). */
export function addMonthsCivil(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return formatCivil(addMonthsCivil(parseIsoDate(date), months));
}

/** Day number of `date` + `months` (clamped), without building strings. */
export function addMonthsToDayNumber(dayNumber: number, months: number): number {
  const next = addMonthsCivil(civilOf(dayNumber), months);
  return dayNumberOf(next.year, next.month, next.day);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whole months completed from `from` to `to` (negative if `to` is earlier): the largest n with
 * from + n months ≤ to, using the clamping rule above.
 */
export function completedMonths(from: CivilDate, to: CivilDate): number {
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  const anniversary = Math.min(from.day, daysInMonth(to.year, to.month));
  if (to.day < anniversary) months -= 1;
  return months;
}

export interface Age {
  years: number;
  months: number;
}

/** Age in completed years and months on a day: born 2022-12-15 → 3 years 2 months on 2026-03-01. */
export function ageOn(birthDate: IsoDate, on: IsoDate): Age {
  const total = completedMonths(parseIsoDate(birthDate), parseIsoDate(on));
  return splitMonths(total);
}

export function splitMonths(totalMonths: number): Age {
  const years = Math.floor(totalMonths / 12);
  return { years, months: totalMonths - years * 12 };
}

export interface MonthInfo {
  yearMonth: YearMonth;
  year: number;
  month: number;
  days: number;
  /** Day number of the 1st. */
  first: number;
  /** Day number of the 1st of the next month (exclusive end). */
  end: number;
}

export function monthInfo(yearMonth: YearMonth): MonthInfo {
  if (!isYearMonth(yearMonth)) throw new RangeError(`Not a month (YYYY-MM): ${yearMonth}`);
  const year = Number(yearMonth.slice(0, 4));
  const month = Number(yearMonth.slice(5, 7));
  const days = daysInMonth(year, month);
  const first = dayNumberOf(year, month, 1);
  return { yearMonth, year, month, days, first, end: first + days };
}

/** The month ('YYYY-MM') a date falls in. */
export function monthOf(date: IsoDate): YearMonth {
  return date.slice(0, 7);
}
