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
