import { describe, expect, it } from 'vitest';
import type { ResidentFacts } from '../../src/entitlements/facts.ts';
import {
  evaluatePredicate,
  type Predicate,
  predicateSchema,
  type RuleLookup,
  referencedRules,
} from '../../src/entitlements/predicate.ts';

const T: Predicate = { op: 'flag', flag: 'orphanOrAbandoned' };
const F: Predicate = { op: 'flag', flag: 'bothParentsDisabled' };
const U: Predicate = { op: 'flag', flag: 'lonelyElderly' };

const facts: ResidentFacts = {
  birthDate: '2022-12-15',
  sex: 'female',
  group: 'k1_child_no_support',
  disabilityLevel: 'severe',
  circumstances: { orphanOrAbandoned: true, bothParentsDisabled: false },
  incomes: { pension: 3_000_000, labourCapacityLoss: 0 },
  studying: { until: '2026-06-30' },
  noMeansOfSupport: true,
  stays: [
    { facilityId: 'tn-01', admittedOn: '2025-11-10' },
    { facilityId: 'tn-02', admittedOn: '2024-01-01', dischargedOn: '2025-11-10', dischargeReason: 'other' },
  ],
};

const on = '2026-03-01';
const result = (p: Predicate, f: ResidentFacts = facts, day = on) => evaluatePredicate(p, f, day).result;

describe('three-valued logic (unknown facts propagate)', () => {
  it.each<[string, Predicate, true | false | 'unknown']>([
    ['all() of nothing is true', { op: 'all', of: [] }, true],
    ['all(T, T)', { op: 'all', of: [T, T] }, true],
    ['all(T, F) is false', { op: 'all', of: [T, F] }, false],
    ['all(T, U) is unknown', { op: 'all', of: [T, U] }, 'unknown'],
    ['all(F, U) is false: a false part decides', { op: 'all', of: [F, U] }, false],
    ['any(F, F)', { op: 'any', of: [F, F] }, false],
    ['any(F, T) is true', { op: 'any', of: [F, T] }, true],
    ['any(F, U) is unknown', { op: 'any', of: [F, U] }, 'unknown'],
    ['any(T, U) is true: a true part decides', { op: 'any', of: [T, U] }, true],
    ['not(T)', { op: 'not', of: T }, false],
    ['not(F)', { op: 'not', of: F }, true],
    ['not(U) stays unknown', { op: 'not', of: U }, 'unknown'],
  ])('%s', (_name, predicate, expected) => {
    expect(result(predicate)).toBe(expected);
  });

  it('names the missing facts only when they prevent a decision', () => {
    expect(evaluatePredicate({ op: 'all', of: [T, U] }, facts, on).missing).toEqual([
      'circumstances.lonelyElderly',
    ]);
    expect(evaluatePredicate({ op: 'all', of: [F, U] }, facts, on).missing).toEqual([]);
    expect(
      evaluatePredicate({ op: 'any', of: [U, { op: 'income', kind: 'meritoriousAllowance' }] }, facts, on)
        .missing,
    ).toEqual(['circumstances.lonelyElderly', 'incomes.meritoriousAllowance']);
  });

  it('gives the same result with and without explanations', () => {
    for (const p of [
      T,
      F,
      U,
      { op: 'all', of: [T, U] } as Predicate,
      { op: 'any', of: [F, U] } as Predicate,
    ]) {
      const explained = evaluatePredicate(p, facts, on);
      const fast = evaluatePredicate(p, facts, on, { explain: false });
      expect(fast.result).toBe(explained.result);
      expect(fast.missing).toEqual(explained.missing);
      expect(fast.reasons).toEqual([]);
    }
  });
});

describe('leaves', () => {
  it.each<[string, Predicate, ResidentFacts, string, true | false | 'unknown', string[]]>([
    ['group in list', { op: 'group_in', groups: ['k1_child_no_support'] }, facts, on, true, []],
    ['group not in list', { op: 'group_in', groups: ['k5_voluntary'] }, facts, on, false, []],
    ['group unknown', { op: 'group_in', groups: ['k5_voluntary'] }, {}, on, 'unknown', ['group']],
    ['Art. 25(1)(a) under 4 at 3y2m', { op: 'age', cmp: 'lt', years: 4 }, facts, on, true, []],
    ['age ≥ 4 at 3y2m', { op: 'age', cmp: 'gte', years: 4 }, facts, on, false, []],
    ['age on the 4th birthday', { op: 'age', cmp: 'gte', years: 4 }, facts, '2026-12-15', true, []],
    ['age the day before', { op: 'age', cmp: 'gte', years: 4 }, facts, '2026-12-14', false, []],
    ['age without birth date', { op: 'age', cmp: 'lt', years: 4 }, {}, on, 'unknown', ['birthDate']],
    [
      'age at admission (episode started at the first stay: the transfer kept it going)',
      { op: 'age', cmp: 'lt', years: 2, at: 'admission' },
      facts,
      on,
      true,
      [],
    ],
    [
      'age at admission, stays not recorded',
      { op: 'age', cmp: 'lt', years: 16, at: 'admission' },
      { birthDate: '2015-01-01' },
      on,
      'unknown',
      ['stays'],
    ],
    [
      'age at admission, not in a stay that day',
      { op: 'age', cmp: 'lt', years: 16, at: 'admission' },
      facts,
      '2023-06-01',
      false,
      [],
    ],
    ['flag true', T, facts, on, true, []],
    ['flag false', F, facts, on, false, []],
    ['flag unknown', U, facts, on, 'unknown', ['circumstances.lonelyElderly']],
    ['noMeansOfSupport', { op: 'flag', flag: 'noMeansOfSupport' }, facts, on, true, []],
    [
      'noMeansOfSupport unknown',
      { op: 'flag', flag: 'noMeansOfSupport' },
      {},
      on,
      'unknown',
      ['noMeansOfSupport'],
    ],
    ['income > 0', { op: 'income', kind: 'pension' }, facts, on, true, []],
    ['income 0', { op: 'income', kind: 'labourCapacityLoss' }, facts, on, false, []],
    [
      'income unknown',
      { op: 'income', kind: 'meritoriousAllowance' },
      facts,
      on,
      'unknown',
      ['incomes.meritoriousAllowance'],
    ],
    ['studying on the day', { op: 'studying' }, facts, '2026-06-30', true, []],
    ['studies over', { op: 'studying' }, facts, '2026-07-01', false, []],
    ['not studying', { op: 'studying' }, { studying: null }, on, false, []],
    ['studying unknown', { op: 'studying' }, {}, on, 'unknown', ['studying']],
    [
      'disability in levels',
      { op: 'disability_in', levels: ['severe', 'especially_severe'] },
      facts,
      on,
      true,
      [],
    ],
    [
      'disability level not listed',
      { op: 'disability_in', levels: ['especially_severe'] },
      facts,
      on,
      false,
      [],
    ],
    ['no disability', { op: 'disability_in', levels: ['mild'] }, { disabilityLevel: null }, on, false, []],
    ['disability unknown', { op: 'disability_in', levels: ['mild'] }, {}, on, 'unknown', ['disabilityLevel']],
    ['sex', { op: 'sex', is: 'female' }, facts, on, true, []],
    ['sex unknown', { op: 'sex', is: 'female' }, {}, on, 'unknown', ['sex']],
    [
      'months since admission ≥ 3 (episode from 2024)',
      { op: 'months_since_admission', cmp: 'gte', months: 3 },
      facts,
      on,
      true,
      [],
    ],
    [
      'months since admission < 3',
      { op: 'months_since_admission', cmp: 'lt', months: 3 },
      { stays: [{ facilityId: 'a', admittedOn: '2026-01-10' }] },
      '2026-04-09',
      true,
      [],
    ],
    [
      'months since admission: 3 months completed on the day',
      { op: 'months_since_admission', cmp: 'lt', months: 3 },
      { stays: [{ facilityId: 'a', admittedOn: '2026-01-10' }] },
      '2026-04-10',
      false,
      [],
    ],
    [
      'discharged by death this month',
      { op: 'discharged_in_month', reasons: ['deceased'] },
      {
        stays: [
          {
            facilityId: 'a',
            admittedOn: '2020-01-01',
            dischargedOn: '2026-03-20',
            dischargeReason: 'deceased',
          },
        ],
      },
      on,
      true,
      [],
    ],
    ['no discharge this month', { op: 'discharged_in_month', reasons: ['deceased'] }, facts, on, false, []],
    [
      'discharge reason not recorded',
      { op: 'discharged_in_month', reasons: ['deceased'] },
      { stays: [{ facilityId: 'a', admittedOn: '2020-01-01', dischargedOn: '2026-03-20' }] },
      on,
      'unknown',
      ['stays.dischargeReason'],
    ],
  ])('%s', (_name, predicate, f, day, expected, missing) => {
    const r = evaluatePredicate(predicate, f, day);
    expect(r.result).toBe(expected);
    expect(r.missing).toEqual(missing);
  });
});

describe('birth year only (elderly whose day and month are unknown)', () => {
  const yearOnly: ResidentFacts = { birthDate: '1946-01-01', birthDatePrecision: 'year' };

  it.each<[string, Predicate, string, true | false | 'unknown']>([
    ['far from the boundary: surely 60 or over', { op: 'age', cmp: 'gte', years: 60 }, '2026-03-01', true],
    ['far from the boundary: surely under 90', { op: 'age', cmp: 'lt', years: 90 }, '2026-03-01', true],
    [
      'the 80th birthday falls somewhere in 2026',
      { op: 'age', cmp: 'gte', years: 80 },
      '2026-03-01',
      'unknown',
    ],
    ['on 1 January 2027 surely 80', { op: 'age', cmp: 'gte', years: 80 }, '2027-01-01', true],
    ['on 31 December 2025 surely not 80', { op: 'age', cmp: 'gte', years: 80 }, '2025-12-31', false],
  ])('%s', (_name, predicate, day, expected) => {
    const r = evaluatePredicate(predicate, yearOnly, day);
    expect(r.result).toBe(expected);
    expect(r.missing).toEqual(expected === 'unknown' ? ['birthDate'] : []);
  });
});

describe('reasons explain in both languages', () => {
  it.each<[Predicate, ResidentFacts, string, string]>([
    [{ op: 'age', cmp: 'lt', years: 4 }, facts, 'Dưới 4 tuổi (3 tuổi 2 tháng)', 'Under 4 (3 years 2 months)'],
    [
      {
        op: 'group_in',
        groups: [
          'k1_child_no_support',
          'k1_poor_child_hiv',
          'k1_elderly',
          'k1_disability',
          'k2_emergency',
          'k3_administrative',
        ],
      },
      { group: 'k5_voluntary' },
      'Đối tượng tự nguyện (k5) không thuộc diện k1, k2, k3',
      'Voluntary resident (k5) is not in k1, k2, k3',
    ],
    [
      { op: 'age', cmp: 'gte', years: 80 },
      { birthDate: '1946-01-01', birthDatePrecision: 'year' },
      'Chỉ biết năm sinh 1946: chưa xác định được đã đủ 80 tuổi hay chưa',
      'Only the birth year (1946) is known: cannot tell whether aged 80 yet',
    ],
    [
      { op: 'income', kind: 'pension' },
      facts,
      'Có lương hưu: 3.000.000 đ/tháng',
      'Receives a pension: 3,000,000 VND/month',
    ],
  ])('%j', (predicate, f, vi, en) => {
    expect(evaluatePredicate(predicate, f, on).reasons).toEqual([{ vi, en }]);
  });
});

describe('rule references', () => {
  const lookup = (result: true | false | 'unknown'): RuleLookup => ({
    reference: (code) =>
      code === 'NURTURING_ALLOWANCE'
        ? {
            result,
            missing: result === 'unknown' ? ['birthDate'] : [],
            title: { vi: 'Trợ cấp nuôi dưỡng hàng tháng', en: 'Monthly nurturing allowance' },
          }
        : undefined,
  });

  it.each([true, false, 'unknown'] as const)('follows the referenced outcome (%s)', (value) => {
    const r = evaluatePredicate({ op: 'rule', code: 'NURTURING_ALLOWANCE' }, facts, on, {
      rules: lookup(value),
    });
    expect(r.result).toBe(value);
    expect(r.missing).toEqual(value === 'unknown' ? ['birthDate'] : []);
  });

  it('is false for a rule not evaluated', () => {
    expect(result({ op: 'rule', code: 'NOT_THERE' })).toBe(false);
  });

  it('lists referenced rules', () => {
    const p: Predicate = {
      op: 'all',
      of: [
        { op: 'rule', code: 'A' },
        { op: 'not', of: { op: 'any', of: [{ op: 'rule', code: 'B' }, T] } },
      ],
    };
    expect(referencedRules(p)).toEqual(['A', 'B']);
  });
});

describe('predicateSchema', () => {
  it('accepts nested JSON predicates', () => {
    const json = JSON.parse(
      '{"op":"all","of":[{"op":"group_in","groups":["k1_elderly"]},{"op":"not","of":{"op":"flag","flag":"lonelyElderly"}}]}',
    );
    expect(predicateSchema.parse(json)).toEqual(json);
  });

  it.each([
    ['an unknown operator', { op: 'eval', code: 'process.exit()' }],
    ['an unknown group', { op: 'group_in', groups: ['k9'] }],
    ['a misspelt key', { op: 'age', cmp: 'lt', yeras: 4 }],
    ['an extra key', { op: 'studying', until: '2026-01-01' }],
    ['a fractional age', { op: 'age', cmp: 'lt', years: 3.5 }],
    ['an empty any()', { op: 'any', of: [] }],
    ['a lower-case rule code', { op: 'rule', code: 'nurturing' }],
  ])('rejects %s', (_name, input) => {
    expect(predicateSchema.safeParse(input).success).toBe(false);
  });
});
