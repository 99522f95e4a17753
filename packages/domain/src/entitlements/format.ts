import { civilOf, type IsoDate, type MonthInfo, parseIsoDate } from './dates.ts';

/**
 * Vietnamese and English renderings used in entitlement explanations. Written by hand rather than with
 * `Intl` so the text is byte-identical on every Node/ICU build (explanations are stored and compared).
 *
 * vi: "500.000 đ", "5,0", "3 tuổi 2 tháng", "20/03/2026"
 * en: "500,000 VND", "5.0", "3 years 2 months", "2026-03-20"
 */

export type Lang = 'vi' | 'en';

export interface Bilingual {
  vi: string;
  en: string;
}

function groupThousands(n: number, separator: string): string {
  const digits = String(Math.abs(Math.trunc(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** Whole VND: vi "2.500.000 đ", en "2,500,000 VND". */
export function formatVnd(amount: number, lang: Lang): string {
  return lang === 'vi' ? `${groupThousands(amount, '.')} đ` : `${groupThousands(amount, ',')} VND`;
}

/** A decimal with at least one and at most two decimals: vi "5,0" / "2,25", en "5.0" / "2.25". */
export function formatDecimal(value: number, lang: Lang): string {
  const hundredths = Math.round(value * 100);
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = groupThousands(Math.floor(abs / 100), lang === 'vi' ? '.' : ',');
  const fraction = abs % 100;
  const decimals = fraction % 10 === 0 ? String(fraction / 10) : String(fraction).padStart(2, '0');
  return `${sign}${whole}${lang === 'vi' ? ',' : '.'}${decimals}`;
}

/** Coefficients always show one decimal, as the decree writes them: "5,0" / "5.0". */
export const formatCoefficient = formatDecimal;

/** Percentages without needless decimals: "50%", vi "12,5%", en "12.5%". */
export function formatPercent(value: number, lang: Lang): string {
  const hundredths = Math.round(value * 100);
  if (hundredths % 100 === 0) return `${hundredths / 100}%`;
  return `${formatDecimal(value, lang)}%`;
}

/** Age from completed months: vi "3 tuổi 2 tháng", "4 tuổi", "5 tháng"; en "3 years 2 months", "1 year". */
export function formatAgeMonths(totalMonths: number, lang: Lang): string {
  const years = Math.floor(totalMonths / 12);
  const months = totalMonths - years * 12;
  if (lang === 'vi') {
    if (years === 0) return `${months} tháng`;
    return months === 0 ? `${years} tuổi` : `${years} tuổi ${months} tháng`;
  }
  const y = `${years} ${years === 1 ? 'year' : 'years'}`;
  const m = `${months} ${months === 1 ? 'month' : 'months'}`;
  if (years === 0) return m;
  return months === 0 ? y : `${y} ${m}`;
}

/**
 * An age known only within a range of completed months (birth year only): shown in whole years,
 * vi "79 hoặc 80 tuổi", en "79 or 80 years"; a known age is shown exactly.
 */
export function formatAgeRange(minMonths: number, maxMonths: number, lang: Lang): string {
  if (minMonths === maxMonths) return formatAgeMonths(minMonths, lang);
  const lo = Math.floor(minMonths / 12);
  const hi = Math.floor(maxMonths / 12);
  if (lo === hi) return lang === 'vi' ? `${lo} tuổi` : `${lo} years`;
  return lang === 'vi' ? `${lo} hoặc ${hi} tuổi` : `${lo} or ${hi} years`;
}

/** vi "20/03/2026", en "2026-03-20". */
export function formatDate(date: IsoDate, lang: Lang): string {
  if (lang === 'en') return date;
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

export function formatDayNumber(dayNumber: number, lang: Lang): string {
  const { year, month, day } = civilOf(dayNumber);
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return lang === 'vi' ? `${dd}/${mm}/${year}` : `${year}-${mm}-${dd}`;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** vi "tháng 3/2026", en "March 2026". */
export function formatMonth(month: Pick<MonthInfo, 'year' | 'month'>, lang: Lang): string {
  return lang === 'vi'
    ? `tháng ${month.month}/${month.year}`
    : `${MONTH_NAMES[month.month - 1]} ${month.year}`;
}

export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins bilingual fragments with a separator in each language. */
export function joinBilingual(parts: readonly Bilingual[], separator = '; '): Bilingual {
  let vi = '';
  let en = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Bilingual;
    if (i > 0) {
      vi += separator;
      en += separator;
    }
    vi += part.vi;
    en += part.en;
  }
  return { vi, en };
}
