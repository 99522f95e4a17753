import { describe, expect, it } from 'vitest';
import {
  bookValue,
  endOfUsefulLife,
  fullMonthsBetween,
  isPastUsefulLife,
  minimumShortfall,
} from '../../src/equipment/depreciation.ts';

const bed = { costVnd: 12_000_000, acquiredOn: '2024-01-15', usefulLifeYears: 5 };

describe('fullMonthsBetween', () => {
  it.each([
    ['2024-01-15', '2024-01-15', 0],
    ['2024-01-15', '2024-02-14', 0],
    ['2024-01-15', '2024-02-15', 1],
    ['2024-01-31', '2024-02-29', 1], // a shorter month completes on its last day
    ['2024-01-31', '2024-02-28', 0],
    ['2024-01-15', '2025-01-15', 12],
    ['2024-03-01', '2023-03-01', 0],
  ])('%s → %s: %i', (from, to, months) => {
    expect(fullMonthsBetween(from, to)).toBe(months);
  });
});

describe('bookValue (straight line, whole months)', () => {
  it.each([
    ['on the day of acquisition', '2024-01-15', 12_000_000],
    ['before acquisition', '2023-12-01', 12_000_000],
    ['one day short of a month', '2024-02-14', 12_000_000],
    ['after one month: 1/60 gone', '2024-02-15', 11_800_000],
    ['after one year', '2025-01-15', 9_600_000],
    ['half way', '2026-07-15', 6_000_000],
    ['at the end of its life', '2029-01-15', 0],
    ['long after', '2035-06-01', 0],
  ])('%s (%s) → %i', (_case, asOf, value) => {
    expect(bookValue(bed, asOf)).toBe(value);
  });

  it('rounds to whole đồng', () => {
    expect(
      bookValue({ costVnd: 1_000_000, acquiredOn: '2024-01-01', usefulLifeYears: 3 }, '2024-02-01'),
    ).toBe(972_222);
  });

  it('treats a zero useful life as fully depreciated', () => {
    expect(bookValue({ ...bed, usefulLifeYears: 0 }, '2024-01-15')).toBe(0);
  });
});

describe('useful life', () => {
  it('ends on the anniversary', () => {
    expect(endOfUsefulLife(bed)).toBe('2029-01-15');
    expect(isPastUsefulLife(bed, '2029-01-14')).toBe(false);
    expect(isPastUsefulLife(bed, '2029-01-15')).toBe(true);
  });
});

describe('minimumShortfall', () => {
  it.each([
    [{ perFacility: 2, perBed: null }, 40, 1, 1],
    [{ perFacility: null, perBed: 0.1 }, 45, 3, 2], // 4.5 beds' worth → 5 items
    [{ perFacility: 3, perBed: 0.05 }, 40, 3, 0], // per-facility floor wins over 2
    [{ perFacility: null, perBed: null }, 100, 0, 0],
    [{ perFacility: 1, perBed: null }, 10, 4, 0],
    [{ perFacility: null, perBed: 0.07 }, 100, 7, 0], // exactly 7, not 7.000000000000001 rounded up to 8
  ])('%o with %i beds and %i active → lacks %i', (minimum, beds, active, lack) => {
    expect(minimumShortfall(minimum, beds, active)).toBe(lack);
  });
});
