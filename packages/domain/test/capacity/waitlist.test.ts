import { describe, expect, it } from 'vitest';
import {
  defaultWaitlistPriority,
  orderWaitlist,
  parseWaitlistPriority,
  type WaitlistApplication,
  type WaitlistCriterion,
  type WaitlistPriority,
  waitingMetrics,
  waitlistPrioritySchema,
} from '../../src/capacity/waitlist.ts';

const TODAY = '2026-03-15';

const app = (id: string, overrides: Partial<WaitlistApplication> = {}): WaitlistApplication => ({
  id,
  appliedOn: '2026-01-01',
  urgency: 'normal',
  birthDate: '1990-01-01',
  flags: {},
  ...overrides,
});

const ids = (apps: WaitlistApplication[], priority: WaitlistPriority = defaultWaitlistPriority) =>
  orderWaitlist(apps, priority, TODAY).map((e) => e.applicationId);

const withCriteria = (...criteria: WaitlistCriterion[]): WaitlistPriority => ({
  id: 'test',
  version: '1',
  criteria,
});

const urgency: WaitlistCriterion = { kind: 'urgency', points: { emergency: 2, high: 1, normal: 0 } };
const vulnerability: WaitlistCriterion = {
  kind: 'vulnerability',
  points: {
    especially_severe_disability: 3,
    severe_disability: 2,
    lonely_elderly: 2,
    orphan_or_abandoned: 2,
  },
};
const age: WaitlistCriterion = {
  kind: 'age',
  bands: [
    { fromYears: 80, points: 2 },
    { fromYears: 60, points: 1 },
    { belowYears: 6, points: 2 },
  ],
};
const waiting: WaitlistCriterion = { kind: 'waiting_time' };

describe('the priority document', () => {
  it('the default is valid: urgency, then need (age + vulnerability), then waiting time', () => {
    expect(parseWaitlistPriority(defaultWaitlistPriority)).toEqual(defaultWaitlistPriority);
    expect(defaultWaitlistPriority.criteria.map((c) => c.kind)).toEqual(['urgency', 'need', 'waiting_time']);
  });

  it('rejects a criterion listed twice, an empty list, an unknown flag and a band without bounds', () => {
    const bad = (criteria: unknown[]) =>
      waitlistPrioritySchema.safeParse({ id: 'x', version: '1', criteria }).success;
    expect(bad([waiting, waiting])).toBe(false);
    expect(bad([])).toBe(false);
    expect(bad([{ kind: 'vulnerability', points: { rich: 5 } }])).toBe(false);
    expect(bad([{ kind: 'age', bands: [{ points: 1 }] }])).toBe(false);
    expect(bad([{ kind: 'age', bands: [{ fromYears: 10, belowYears: 10, points: 1 }] }])).toBe(false);
    expect(bad([urgency, vulnerability, age, waiting])).toBe(true);
  });
});

describe('default order', () => {
  it('emergencies first, whatever the need or the wait', () => {
    const order = ids([
      app('old-needy', {
        appliedOn: '2020-01-01',
        birthDate: '1930-01-01',
        flags: { disabilityLevel: 'especially_severe', lonelyElderly: true },
      }),
      app('emergency', { urgency: 'emergency', appliedOn: '2026-03-14' }),
      app('high', { urgency: 'high' }),
    ]);
    expect(order).toEqual(['emergency', 'high', 'old-needy']);
  });

  it('then age and vulnerability points together, then the longer wait', () => {
    const order = ids([
      app('waited-long', { appliedOn: '2024-01-01' }),
      app('eighty', { birthDate: '1945-01-01' }), // age 2
      app('lonely-65', { birthDate: '1960-06-01', flags: { lonelyElderly: true } }), // 1 + 2 = 3
      app('orphan-5', { birthDate: '2021-01-01', flags: { orphanOrAbandoned: true } }), // 2 + 2 = 4
    ]);
    expect(order).toEqual(['orphan-5', 'lonely-65', 'eighty', 'waited-long']);
  });

  it('explains each criterion with what produced its score', () => {
    const [entry] = orderWaitlist(
      [
        app('a', {
          urgency: 'high',
          appliedOn: '2026-03-01',
          birthDate: '1940-03-16',
          flags: { disabilityLevel: 'severe', noMeansOfSupport: true },
        }),
      ],
      defaultWaitlistPriority,
      TODAY,
    );
    expect(entry).toEqual({
      rank: 1,
      applicationId: 'a',
      appliedOn: '2026-03-01',
      waitingDays: 14,
      decidedBy: null,
      scores: [
        { kind: 'urgency', score: 1, urgency: 'high' },
        {
          kind: 'need',
          score: 2 + 1 + 2,
          flags: [
            { flag: 'severe_disability', points: 2 },
            { flag: 'no_means_of_support', points: 1 },
          ],
          // One day short of 86: 85 completed years, the ≥80 band.
          age: { ageYears: 85, band: { fromYears: 80, points: 2 }, points: 2 },
        },
        { kind: 'waiting_time', score: 14, appliedOn: '2026-03-01', waitingDays: 14 },
      ],
    });
  });
});

describe('lexicographic criteria', () => {
  const a = app('a', { birthDate: '1940-01-01', appliedOn: '2026-03-01' }); // age 2, no flags, waited 14
  const b = app('b', { flags: { disabilityLevel: 'especially_severe' }, appliedOn: '2025-01-01' }); // vuln 3, age 0

  it('the first criterion decides; ties go to the next', () => {
    expect(ids([a, b], withCriteria(age, vulnerability))).toEqual(['a', 'b']);
    expect(ids([a, b], withCriteria(vulnerability, age))).toEqual(['b', 'a']);
    // Same age points: vulnerability decides.
    const c = app('c', { birthDate: '1940-01-01', flags: { lonelyElderly: true } });
    expect(ids([a, c], withCriteria(age, vulnerability))).toEqual(['c', 'a']);
  });

  it('changing the order of the configuration changes the result', () => {
    expect(ids([a, b], withCriteria(waiting, age))).toEqual(['b', 'a']);
    expect(ids([a, b], withCriteria(age, waiting))).toEqual(['a', 'b']);
  });

  it('the points are data', () => {
    const lowUrgency = withCriteria({ kind: 'urgency', points: { emergency: 0, high: 5, normal: 0 } });
    expect(ids([app('e', { urgency: 'emergency' }), app('h', { urgency: 'high' })], lowUrgency)).toEqual([
      'h',
      'e',
    ]);
  });

  it('says which criterion put an entry below the one above', () => {
    const entries = orderWaitlist(
      [
        app('e', { urgency: 'emergency' }),
        app('old', { birthDate: '1940-01-01' }),
        app('x1', { appliedOn: '2025-12-01' }),
        app('x2', { appliedOn: '2026-02-01' }),
      ],
      defaultWaitlistPriority,
      TODAY,
    );
    expect(entries.map((e) => [e.rank, e.applicationId, e.decidedBy])).toEqual([
      [1, 'e', null],
      [2, 'old', 'urgency'],
      [3, 'x1', 'need'],
      [4, 'x2', 'waiting_time'],
    ]);
  });
});

describe('age bands', () => {
  it.each<[string, string | null, number]>([
    ['exactly 80', '1946-03-15', 2],
    ['one day short of 80', '1946-03-16', 1],
    ['exactly 60', '1966-03-15', 1],
    ['59', '1966-03-16', 0],
    ['5 years old', '2020-03-16', 2],
    ['exactly 6', '2020-03-15', 0],
    ['unknown birth date', null, 0],
    ['born later than today', '2026-04-01', 0],
  ])('%s → %i points (the best matching band)', (_case, birthDate, points) => {
    const [entry] = orderWaitlist([app('a', { birthDate })], withCriteria(age), TODAY);
    expect(entry?.scores[0]?.score).toBe(points);
  });

  it('an unknown birth date is said, not guessed', () => {
    const [entry] = orderWaitlist([app('a', { birthDate: null })], withCriteria(age), TODAY);
    expect(entry?.scores[0]).toEqual({
      kind: 'age',
      score: 0,
      age: { ageYears: null, band: null, points: 0 },
    });
  });
});

describe('vulnerability points', () => {
  it.each<[string, WaitlistApplication['flags'], number]>([
    ['especially severe disability', { disabilityLevel: 'especially_severe' }, 3],
    ['severe disability', { disabilityLevel: 'severe' }, 2],
    ['mild disability (no points by default)', { disabilityLevel: 'mild' }, 0],
    ['lonely elderly + orphan', { lonelyElderly: true, orphanOrAbandoned: true }, 4],
    ['no means of support', { noMeansOfSupport: true }, 1],
    ['mental illness', { mentalIllness: true }, 2],
    ['nothing', {}, 0],
  ])('%s → %i', (_case, flags, points) => {
    const need = defaultWaitlistPriority.criteria.find((c) => c.kind === 'need');
    if (need?.kind !== 'need') throw new Error('no need criterion');
    const [entry] = orderWaitlist(
      [app('a', { flags, birthDate: null })],
      withCriteria({ kind: 'vulnerability', points: need.points }),
      TODAY,
    );
    expect(entry?.scores[0]?.score).toBe(points);
  });
});

describe('tie-breaks: the order is total and stable', () => {
  it('equal on every criterion: the earlier application, then the smaller id', () => {
    const order = ids(
      [
        app('b', { appliedOn: '2026-01-01' }),
        app('c', { appliedOn: '2025-12-31' }),
        app('a', { appliedOn: '2026-01-01' }),
      ],
      withCriteria(urgency),
    );
    expect(order).toEqual(['c', 'a', 'b']);
  });

  it('does not depend on the input order', () => {
    const apps = Array.from({ length: 200 }, (_, i) =>
      app(`id-${String(i).padStart(3, '0')}`, {
        urgency: (['normal', 'high', 'emergency'] as const)[i % 3],
        appliedOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`,
        birthDate: i % 5 === 0 ? null : `19${40 + (i % 50)}-06-15`,
        flags: { lonelyElderly: i % 7 === 0, orphanOrAbandoned: i % 11 === 0 },
      }),
    );
    const forward = ids(apps);
    expect(ids([...apps].reverse())).toEqual(forward);
    expect(new Set(forward).size).toBe(200);
    const entries = orderWaitlist(apps, defaultWaitlistPriority, TODAY);
    expect(entries.map((e) => e.rank)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('waiting days are 0 for an application dated after today', () => {
    const [entry] = orderWaitlist([app('a', { appliedOn: '2026-04-01' })], withCriteria(waiting), TODAY);
    expect(entry?.waitingDays).toBe(0);
  });
});

describe('waitingMetrics', () => {
  it('median and longest waiting days', () => {
    const metrics = waitingMetrics(
      [
        app('a', { appliedOn: '2026-03-14' }), // 1
        app('b', { appliedOn: '2026-03-05' }), // 10
        app('c', { appliedOn: '2026-02-13' }), // 30
        app('d', { appliedOn: '2025-03-15' }), // 365
      ],
      TODAY,
    );
    expect(metrics).toEqual({ count: 4, medianDays: 20, longestDays: 365, longestApplicationId: 'd' });
  });

  it('odd count: the middle value; a tie for longest: the smaller id', () => {
    const metrics = waitingMetrics(
      [
        app('z', { appliedOn: '2026-03-05' }),
        app('y', { appliedOn: '2026-03-05' }),
        app('x', { appliedOn: '2026-03-14' }),
      ],
      TODAY,
    );
    expect(metrics).toEqual({ count: 3, medianDays: 10, longestDays: 10, longestApplicationId: 'y' });
  });

  it('empty', () => {
    expect(waitingMetrics([], TODAY)).toEqual({
      count: 0,
      medianDays: null,
      longestDays: null,
      longestApplicationId: null,
    });
  });
});

// Response times are measured by packages/domain/bench/capacity.ts, not asserted here.
describe('at scale', () => {
  it('orders 10,000 applications, each once', () => {
    const apps = Array.from({ length: 10_000 }, (_, i) =>
      app(`a${i}`, {
        urgency: i % 50 === 0 ? 'emergency' : i % 7 === 0 ? 'high' : 'normal',
        appliedOn: `202${4 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        birthDate: i % 9 === 0 ? null : `19${30 + (i % 60)}-01-01`,
        flags: { disabilityLevel: i % 4 === 0 ? 'severe' : null, lonelyElderly: i % 3 === 0 },
      }),
    );
    const entries = orderWaitlist(apps, defaultWaitlistPriority, TODAY);
    expect(entries).toHaveLength(10_000);
    expect(new Set(entries.map((e) => e.applicationId)).size).toBe(10_000);
    expect(entries.map((e) => e.rank)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
  });
});
