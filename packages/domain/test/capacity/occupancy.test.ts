import { describe, expect, it } from 'vitest';
import { type MonthOccupancy, monthlyOccupancy, type OccupancyPeriod } from '../../src/capacity/occupancy.ts';

const period = (fromOn: string, untilOn: string | null, facilityId = 'f1'): OccupancyPeriod => ({
  facilityId,
  fromOn,
  untilOn,
});

const LATER = '2030-01-01';

function month(periods: OccupancyPeriod[], ym: string, asOf = LATER, facilityId = 'f1'): MonthOccupancy {
  const found = monthlyOccupancy(periods, [ym], asOf).facilities.find((f) => f.facilityId === facilityId);
  if (!found?.months[0]) throw new Error('no month');
  return found.months[0];
}

describe('half-open periods [fromOn, untilOn)', () => {
  it('the first day counts, the leaving day does not', () => {
    expect(month([period('2026-03-10', '2026-03-12')], '2026-03')).toMatchObject({ bedDays: 2 });
  });

  it('a period that ends the day it starts covers no day', () => {
    expect(month([period('2026-03-10', '2026-03-10')], '2026-03')).toMatchObject({ bedDays: 0 });
  });

  it('a whole month: 31 bed-days, average 1, occupied at the end', () => {
    expect(month([period('2026-03-01', '2026-04-01')], '2026-03')).toEqual({
      month: '2026-03',
      daysInMonth: 31,
      countedDays: 31,
      bedDays: 31,
      averageOccupied: 1,
      occupiedAtEnd: 1,
    });
  });

  it('leaving on the last day: not occupied at the end of the month', () => {
    expect(month([period('2026-03-01', '2026-03-31')], '2026-03')).toMatchObject({
      bedDays: 30,
      occupiedAtEnd: 0,
    });
  });

  it('a transfer on the 15th: two periods sharing the day count it once', () => {
    const periods = [period('2026-03-01', '2026-03-15'), period('2026-03-15', null)];
    expect(month(periods, '2026-03')).toMatchObject({ bedDays: 31, occupiedAtEnd: 1 });
  });
});

describe('month boundaries', () => {
  it('a period across months is split at the 1st', () => {
    const history = monthlyOccupancy([period('2026-01-30', '2026-02-03')], ['2026-01', '2026-02'], LATER);
    expect(history.facilities[0]?.months.map((m) => [m.month, m.bedDays, m.occupiedAtEnd])).toEqual([
      ['2026-01', 2, 1],
      ['2026-02', 2, 0],
    ]);
  });

  it('starting on the last day of a month', () => {
    const history = monthlyOccupancy([period('2026-01-31', '2026-02-01')], ['2026-01', '2026-02'], LATER);
    expect(history.facilities[0]?.months.map((m) => m.bedDays)).toEqual([1, 0]);
  });

  it('a period before or after the months asked does not count', () => {
    const periods = [period('2025-01-01', '2026-01-01'), period('2026-02-01', null)];
    expect(month(periods, '2026-01')).toMatchObject({ bedDays: 0, occupiedAtEnd: 0 });
  });

  it('a long period spans every month in between; months need not be contiguous', () => {
    const history = monthlyOccupancy([period('2024-01-01', null)], ['2025-12', '2024-06', '2024-06'], LATER);
    expect(history.province.map((m) => [m.month, m.bedDays])).toEqual([
      ['2024-06', 30],
      ['2025-12', 31],
    ]);
  });
});

describe('February', () => {
  it.each([
    ['2024-02', 29],
    ['2025-02', 28],
    ['2000-02', 29],
    ['2100-02', 28],
  ])('%s has %i days', (ym, days) => {
    const fromOn = `${ym}-01`;
    expect(month([period(fromOn, null)], ym, '2100-12-31')).toMatchObject({
      daysInMonth: days,
      countedDays: days,
      bedDays: days,
      averageOccupied: 1,
    });
  });

  it('29 February counts in a leap year', () => {
    expect(month([period('2024-02-29', '2024-03-01')], '2024-02')).toMatchObject({
      bedDays: 1,
      occupiedAtEnd: 1,
    });
  });
});

describe('future days are not occupancy', () => {
  it('the current month is counted up to and including asOf', () => {
    expect(month([period('2026-03-01', null)], '2026-03', '2026-03-10')).toEqual({
      month: '2026-03',
      daysInMonth: 31,
      countedDays: 10,
      bedDays: 10,
      averageOccupied: 1,
      occupiedAtEnd: 1,
    });
  });

  it('a planned end after asOf is cut at asOf too', () => {
    expect(month([period('2026-03-01', '2026-03-20')], '2026-03', '2026-03-10')).toMatchObject({
      bedDays: 10,
      occupiedAtEnd: 1,
    });
  });

  it('leaving on asOf: not occupied on asOf', () => {
    expect(month([period('2026-03-01', '2026-03-10')], '2026-03', '2026-03-10')).toMatchObject({
      bedDays: 9,
      occupiedAtEnd: 0,
    });
  });

  it('a period starting after asOf counts nothing', () => {
    expect(month([period('2026-03-11', null)], '2026-03', '2026-03-10')).toMatchObject({
      bedDays: 0,
      occupiedAtEnd: 0,
    });
  });

  it('a month after asOf has no counted day: no average, no end figure', () => {
    expect(month([period('2026-03-01', null)], '2026-04', '2026-03-10')).toEqual({
      month: '2026-04',
      daysInMonth: 30,
      countedDays: 0,
      bedDays: 0,
      averageOccupied: null,
      occupiedAtEnd: null,
    });
  });

  it('asOf on the last day of a month counts the whole month', () => {
    expect(month([period('2026-02-01', null)], '2026-02', '2026-02-28')).toMatchObject({
      countedDays: 28,
      bedDays: 28,
      occupiedAtEnd: 1,
    });
  });
});

describe('facilities and the province', () => {
  it('per facility (sorted by id) and summed for the province', () => {
    const history = monthlyOccupancy(
      [
        period('2026-03-01', null, 'f2'),
        period('2026-03-01', '2026-03-16', 'f1'),
        period('2026-03-16', null, 'f1'),
        period('2026-03-01', null, 'f1'),
        period('2025-01-01', '2025-02-01', 'f3'),
      ],
      ['2026-03'],
      '2026-03-31',
    );
    expect(
      history.facilities.map((f) => [f.facilityId, f.months[0]?.bedDays, f.months[0]?.occupiedAtEnd]),
    ).toEqual([
      ['f1', 62, 2],
      ['f2', 31, 1],
      ['f3', 0, 0],
    ]);
    expect(history.facilities[0]?.months[0]?.averageOccupied).toBe(2);
    expect(history.province).toEqual([
      {
        month: '2026-03',
        daysInMonth: 31,
        countedDays: 31,
        bedDays: 93,
        averageOccupied: 3,
        occupiedAtEnd: 3,
      },
    ]);
  });

  it('average is bed-days ÷ counted days', () => {
    // 10 beds for 15 days of a 30-day month: 150 / 30 = 5.
    const periods = Array.from({ length: 10 }, () => period('2026-04-01', '2026-04-16'));
    expect(month(periods, '2026-04')).toMatchObject({ bedDays: 150, averageOccupied: 5, occupiedAtEnd: 0 });
  });

  it('rejects a malformed month', () => {
    expect(() => monthlyOccupancy([], ['2026-13'], LATER)).toThrow(RangeError);
  });

  it('no periods: no facility, zero province months', () => {
    const history = monthlyOccupancy([], ['2026-01'], '2026-01-31');
    expect(history.facilities).toEqual([]);
    expect(history.province[0]).toMatchObject({ bedDays: 0, averageOccupied: 0, occupiedAtEnd: 0 });
  });
});

// Response times are measured by packages/domain/bench/capacity.ts, not asserted here.
describe('at scale', () => {
  it('80,000 periods × 24 months: every facility counted', () => {
    const months = Array.from({ length: 24 }, (_, i) => {
      const year = 2024 + Math.floor(i / 12);
      return `${year}-${String((i % 12) + 1).padStart(2, '0')}`;
    });
    const periods = Array.from({ length: 80_000 }, (_, i) => {
      const from = `20${22 + (i % 4)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      const until = i % 3 === 0 ? null : `2026-${String((i % 12) + 1).padStart(2, '0')}-15`;
      return period(from, until, `f${i % 120}`);
    });
    const history = monthlyOccupancy(periods, months, '2025-12-31');
    expect(history.facilities).toHaveLength(120);
  });
});
