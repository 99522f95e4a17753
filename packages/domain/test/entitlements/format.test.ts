import { describe, expect, it } from 'vitest';
import {
  formatAgeMonths,
  formatAgeRange,
  formatCoefficient,
  formatDate,
  formatMonth,
  formatPercent,
  formatVnd,
} from '../../src/entitlements/format.ts';

describe('formatVnd', () => {
  it.each([
    [500_000, '500.000 đ', '500,000 VND'],
    [2_500_000, '2.500.000 đ', '2,500,000 VND'],
    [25_000_000, '25.000.000 đ', '25,000,000 VND'],
    [0, '0 đ', '0 VND'],
    [999, '999 đ', '999 VND'],
    [1_000, '1.000 đ', '1,000 VND'],
  ])('%i → "%s" / "%s"', (amount, vi, en) => {
    expect(formatVnd(amount, 'vi')).toBe(vi);
    expect(formatVnd(amount, 'en')).toBe(en);
  });
});

describe('formatCoefficient keeps the decree style', () => {
  it.each([
    [5, '5,0', '5.0'],
    [4, '4,0', '4.0'],
    [2.5, '2,5', '2.5'],
    [1.25, '1,25', '1.25'],
    [0, '0,0', '0.0'],
    [50, '50,0', '50.0'],
  ])('%d → "%s" / "%s"', (value, vi, en) => {
    expect(formatCoefficient(value, 'vi')).toBe(vi);
    expect(formatCoefficient(value, 'en')).toBe(en);
  });
});

describe('formatPercent', () => {
  it.each([
    [50, '50%', '50%'],
    [12.5, '12,5%', '12.5%'],
    [0, '0%', '0%'],
  ])('%d → "%s" / "%s"', (value, vi, en) => {
    expect(formatPercent(value, 'vi')).toBe(vi);
    expect(formatPercent(value, 'en')).toBe(en);
  });
});

describe('formatAgeMonths', () => {
  it.each([
    [38, '3 tuổi 2 tháng', '3 years 2 months'],
    [48, '4 tuổi', '4 years'],
    [13, '1 tuổi 1 tháng', '1 year 1 month'],
    [5, '5 tháng', '5 months'],
    [0, '0 tháng', '0 months'],
  ])('%i months → "%s" / "%s"', (months, vi, en) => {
    expect(formatAgeMonths(months, 'vi')).toBe(vi);
    expect(formatAgeMonths(months, 'en')).toBe(en);
  });

  it('shows an uncertain age (birth year only) in whole years', () => {
    expect(formatAgeRange(79 * 12 + 2, 80 * 12 + 2, 'vi')).toBe('79 hoặc 80 tuổi');
    expect(formatAgeRange(79 * 12 + 2, 80 * 12 + 2, 'en')).toBe('79 or 80 years');
    expect(formatAgeRange(80 * 12, 80 * 12 + 11, 'vi')).toBe('80 tuổi');
  });
});

it('formats dates and months', () => {
  expect(formatDate('2026-03-20', 'vi')).toBe('20/03/2026');
  expect(formatDate('2026-03-20', 'en')).toBe('2026-03-20');
  expect(formatMonth({ year: 2026, month: 3 }, 'vi')).toBe('tháng 3/2026');
  expect(formatMonth({ year: 2026, month: 3 }, 'en')).toBe('March 2026');
});
