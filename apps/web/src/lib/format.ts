import { formatDecimal, formatPercent as formatPercentIn } from '@ansinh/domain/entitlements/format';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

// Vietnamese conventions whatever the UI language: staff copy these figures into official documents.
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export const DATE_FORMAT = 'DD/MM/YYYY';

/** Calendar date ('YYYY-MM-DD') or instant → dd/MM/yyyy. */
export function formatDate(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format(DATE_FORMAT) : '';
}

export function formatDateTime(value: Date | string): string {
  return dayjs(value).format(`${DATE_FORMAT} HH:mm`);
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : numberFormat.format(value);
}

/** What staff type ("05/03/2024") → the ISO calendar date the API stores; null if it is not a real date. */
export function parseDate(input: string): string | null {
  const date = dayjs(input.trim(), DATE_FORMAT, true);
  return date.isValid() ? date.format('YYYY-MM-DD') : null;
}

/** Whole VND in the Vietnamese style: 2.500.000 đ (a no-break space keeps "đ" on the number's line). */
export function formatVnd(value: number): string {
  return `${numberFormat.format(value)}\u00a0đ`;
}

/** A coefficient or multiple as the decree writes it: "5,0", "2,25". */
export function formatCoefficient(value: number): string {
  return formatDecimal(value, 'vi');
}

export function formatPercent(value: number): string {
  return formatPercentIn(value, 'vi');
}

/** 'YYYY-MM' → MM/YYYY. */
export function formatMonth(yearMonth: string): string {
  return dayjs(`${yearMonth}-01`).format('MM/YYYY');
}

/** The month (YYYY-MM) `months` months after `yearMonth` (default: this month); negative goes back. */
export function shiftMonth(months: number, yearMonth: string = dayjs().format('YYYY-MM')): string {
  return dayjs(`${yearMonth}-01`).add(months, 'month').format('YYYY-MM');
}

export function currentMonth(): string {
  return dayjs().format('YYYY-MM');
}

export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** A birth date known only by its year is shown as the year alone. */
export function formatBirthDate(birthDate: string, precision: 'day' | 'year'): string {
  return precision === 'year' ? birthDate.slice(0, 4) : formatDate(birthDate);
}
