import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  civilOf,
  compareDates,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isYearMonth,
  monthInfo,
  parseIsoDate,
  toDayNumber,
} from '../../src/entitlements/dates.ts';

describe('day numbers', () => {
  it('agree with Date.UTC for every day from 1900 to 2100', () => {
    const day = 86_400_000;
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += day) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const n = t / day;
      if (toDayNumber(iso) !== n || fromDayNumber(n) !== iso) throw new Error(`mismatch on ${iso}`);
    }
  });

  it('round-trips through civil dates', () => {
    expect(civilOf(toDayNumber('2024-02-29'))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('validation', () => {
  it.each([
    ['2026-03-01', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-3-1', false],
    ['01/03/2026', false],
  ])('isIsoDate(%s) = %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('rejects bad dates and months with a RangeError', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => monthInfo('2026-13')).toThrow(RangeError);
    expect(isYearMonth('2026-03')).toBe(true);
    expect(isYearMonth('2026-00')).toBe(false);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2026, 3, 31],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('monthInfo gives the bounds as day numbers', () => {
    const march = monthInfo('2026-03');
    expect(march.days).toBe(31);
    expect(fromDayNumber(march.first)).toBe('2026-03-01');
    expect(fromDayNumber(march.end)).toBe('2026-04-01');
  });
});

describe('addMonths clamps to the end of the month (Civil Code 2015 Art. 148)', () => {
  it.each([
    ['2026-01-10', 3, '2026-04-10'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2008-02-29', 16 * 12, '2024-02-29'],
    ['2009-02-28', 12, '2010-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('ageOn counts completed years and months', () => {
  it.each([
    ['2022-12-15', '2026-03-01', 3, 2],
    ['2022-03-01', '2026-03-01', 4, 0],
    ['2022-03-02', '2026-03-01', 3, 11],
    ['2010-03-16', '2026-03-15', 15, 11],
    ['2010-03-16', '2026-03-16', 16, 0],
    ['2008-02-29', '2025-02-28', 17, 0],
    ['2008-02-29', '2025-02-27', 16, 11],
    ['2026-01-31', '2026-02-28', 0, 1],
    ['2026-03-01', '2026-03-01', 0, 0],
  ])('born %s, on %s: %i years %i months', (birth, on, years, months) => {
    expect(ageOn(birth, on)).toEqual({ years, months });
  });
});

it('compareDates orders ISO dates', () => {
  expect(compareDates('2026-03-01', '2026-03-02')).toBe(-1);
  expect(compareDates('2026-03-02', '2026-03-01')).toBe(1);
  expect(compareDates('2026-03-01', '2026-03-01')).toBe(0);
});
