import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type EvaluateOptions,
  emergencyStayEnds,
  evaluateMonth,
  isEmergencyOverdue,
  monthEvaluator,
  type RuleOutcome,
  scenarioCost,
  totalFor,
} from '../../src/entitlements/engine.ts';
import { type ResidentFacts, residentFactsSchema, type Stay } from '../../src/entitlements/facts.ts';
import { type PolicyRule, type PolicySet, parsePolicySet } from '../../src/entitlements/policy.ts';
import { RULE_CODES as C, statutoryPolicySet } from '../../src/entitlements/statutory.ts';
import { syntheticResidents } from '../../src/entitlements/synthetic.ts';

const policy = parsePolicySet(statutoryPolicySet);

const stay = (
  admittedOn: string,
  dischargedOn?: string,
  dischargeReason?: Stay['dischargeReason'],
): Stay => ({
  facilityId: 'tn-01',
  admittedOn,
  dischargedOn: dischargedOn ?? null,
  dischargeReason: dischargeReason ?? null,
});

/** A k1 child in care since 2020 unless overridden. */
const child = (overrides: Partial<ResidentFacts> = {}): ResidentFacts =>
  residentFactsSchema.parse({
    group: 'k1_child_no_support',
    birthDate: '2015-06-15',
    studying: null,
    stays: [stay('2020-01-01')],
    ...overrides,
  });

const elderly = (overrides: Partial<ResidentFacts> = {}): ResidentFacts =>
  child({ group: 'k1_elderly', birthDate: '1950-05-05', ...overrides });

function outcome(
  facts: ResidentFacts,
  month: string,
  code: string = C.nurturing,
  options?: EvaluateOptions,
  set: PolicySet = policy,
): RuleOutcome {
  const found = evaluateMonth(facts, month, set, options).find((o) => o.ruleCode === code);
  if (!found) throw new Error(`No outcome for ${code} in ${month}`);
  return found;
}

type Row = [name: string, facts: ResidentFacts, month: string, amountVnd: number, daysEligible: number];

describe('Art. 25(1) monthly nurturing allowance: coefficients by age on the evaluation day', () => {
  it.each<Row>([
    [
      'Art. 25(1)(a): 3 years 11 months → 5.0 × 500,000',
      child({ birthDate: '2022-03-15' }),
      '2026-03',
      2_500_000,
      31,
    ],
    [
      'Art. 25(1)(b): 4th birthday on 1 March → 4.0 for March',
      child({ birthDate: '2022-03-01' }),
      '2026-03',
      2_000_000,
      31,
    ],
    [
      'Art. 25(1)(a): 4th birthday on 2 March → still 5.0 for March (age counted on 1 March)',
      child({ birthDate: '2022-03-02' }),
      '2026-03',
      2_500_000,
      31,
    ],
    [
      'Art. 25(1)(b): the same child in April → 4.0',
      child({ birthDate: '2022-03-02' }),
      '2026-04',
      2_000_000,
      30,
    ],
    [
      'Art. 25(1)(a): newborn abandoned child → 5.0',
      child({ birthDate: '2026-02-20', stays: [stay('2026-02-21')] }),
      '2026-03',
      2_500_000,
      31,
    ],
    ['Art. 25(1)(b): elderly person → 4.0', elderly(), '2026-03', 2_000_000, 31],
    [
      'Art. 25(1)(b): admitted on her 4th birthday → evaluated on the admission day: 4.0 × 22/31',
      child({ birthDate: '2022-03-10', stays: [stay('2026-03-10')] }),
      '2026-03',
      1_419_355,
      22,
    ],
    [
      'Art. 25(1)(a): admitted the day before the 4th birthday → 5.0 × 22/31',
      child({ birthDate: '2022-03-11', stays: [stay('2026-03-10')] }),
      '2026-03',
      1_774_194,
      22,
    ],
    [
      'Art. 24(1)(c), 25(1): adult with disabilities → 4.0',
      child({ group: 'k1_disability', birthDate: '1990-01-01' }),
      '2026-03',
      2_000_000,
      31,
    ],
    [
      'Art. 24(1)(a), 25(1): child of a poor household with HIV → 5.0',
      child({ group: 'k1_poor_child_hiv', birthDate: '2023-01-01' }),
      '2026-03',
      2_500_000,
      31,
    ],
    [
      'Art. 24(3), 25(1): administrative placement (adult) → 4.0',
      child({ group: 'k3_administrative', birthDate: '1980-01-01' }),
      '2026-03',
      2_000_000,
      31,
    ],
  ])('%s', (_name, facts, month, amountVnd, daysEligible) => {
    const o = outcome(facts, month);
    expect(o.qualifies).toBe(true);
    expect(o.amountVnd).toBe(amountVnd);
    expect(o.daysEligible).toBe(daysEligible);
  });

  it('records the evaluation day: the 1st, or the admission day', () => {
    expect(outcome(child(), '2026-03').evaluatedOn).toBe('2026-03-01');
    expect(outcome(child({ stays: [stay('2026-03-10')] }), '2026-03').evaluatedOn).toBe('2026-03-10');
  });
});

describe('Art. 4(2) base level, raised by Decree 76/2024', () => {
  it.each<[string, ResidentFacts, string, number, number]>([
    ['July 2021 (first month of the decree): 4.0 × 360,000', elderly(), '2021-07', 360_000, 1_440_000],
    ['June 2024: 4.0 × 360,000', elderly(), '2024-06', 360_000, 1_440_000],
    ['July 2024: 4.0 × 500,000', elderly(), '2024-07', 500_000, 2_000_000],
    [
      'June 2024: 5.0 × 360,000 for a child under 4',
      child({ birthDate: '2022-01-01' }),
      '2024-06',
      360_000,
      1_800_000,
    ],
    [
      'July 2024: 5.0 × 500,000 for a child under 4',
      child({ birthDate: '2022-01-01' }),
      '2024-07',
      500_000,
      2_500_000,
    ],
  ])('%s', (_name, facts, month, base, amountVnd) => {
    const o = outcome(facts, month);
    expect(o.baseLevelVnd).toBe(base);
    expect(o.amountVnd).toBe(amountVnd);
  });

  it('evaluates no rule before the decree took effect (June 2021)', () => {
    expect(evaluateMonth(elderly(), '2021-06', policy)).toEqual([]);
  });

  it('uses a higher provincial base level when the policy set has one (Art. 4(3))', () => {
    const provincial = parsePolicySet({
      ...statutoryPolicySet,
      baseLevels: [...statutoryPolicySet.baseLevels, { effectiveFrom: '2025-01-01', vnd: 600_000 }],
    });
    expect(outcome(elderly(), '2024-12', C.nurturing, {}, provincial).amountVnd).toBe(2_000_000);
    expect(outcome(elderly(), '2025-01', C.nurturing, {}, provincial).amountVnd).toBe(2_400_000);
  });
});

describe('Art. 30(2)(d) and Art. 26(2): support stops at 16, or at the end of studies but never at 22', () => {
  it.each<[string, ResidentFacts, string, true | false | 'unknown', number, number]>([
    [
      'turning 16 on 16 March, not studying → 15/31 days (the birthday is not paid)',
      child({ birthDate: '2010-03-16' }),
      '2026-03',
      true,
      967_742,
      15,
    ],
    ['the month after turning 16 → nothing', child({ birthDate: '2010-03-16' }), '2026-04', false, 0, 0],
    [
      'turning 16 on the 1st → nothing that month',
      child({ birthDate: '2010-03-01' }),
      '2026-03',
      false,
      0,
      0,
    ],
    [
      '15 years old, schooling not recorded: not needed yet',
      child({ birthDate: '2011-01-10', studying: undefined }),
      '2026-03',
      true,
      2_000_000,
      31,
    ],
    [
      'turning 16 this month, schooling not recorded → unknown',
      child({ birthDate: '2010-03-16', studying: undefined }),
      '2026-03',
      'unknown',
      0,
      0,
    ],
    [
      'studying at 16: no cut',
      child({ birthDate: '2010-03-16', studying: { until: '2028-06-30' } }),
      '2026-03',
      true,
      2_000_000,
      31,
    ],
    [
      '20 years old while studying → still eligible',
      child({ birthDate: '2006-01-10', studying: { until: '2027-06-30' } }),
      '2026-03',
      true,
      2_000_000,
      31,
    ],
    [
      'studies end on 20 March → paid through the last day of studies (20/31)',
      child({ birthDate: '2006-01-10', studying: { until: '2026-03-20' } }),
      '2026-03',
      true,
      1_290_323,
      20,
    ],
    [
      'after studying.until → nothing',
      child({ birthDate: '2006-01-10', studying: { until: '2026-03-20' } }),
      '2026-04',
      false,
      0,
      0,
    ],
    [
      'studies ended before the 16th birthday → stops at 16',
      child({ birthDate: '2010-03-16', studying: { until: '2025-06-30' } }),
      '2026-03',
      true,
      967_742,
      15,
    ],
    [
      'turning 22 on 16 March while studying → 15/31 (never at 22)',
      child({ birthDate: '2004-03-16', studying: { until: '2030-06-30' } }),
      '2026-03',
      true,
      967_742,
      15,
    ],
    [
      '22 on the 1st while studying → nothing',
      child({ birthDate: '2004-03-01', studying: { until: '2030-06-30' } }),
      '2026-03',
      false,
      0,
      0,
    ],
    [
      'after 22 while studying → nothing',
      child({ birthDate: '2004-03-16', studying: { until: '2030-06-30' } }),
      '2026-04',
      false,
      0,
      0,
    ],
    ['elderly: no upper age limit', elderly({ birthDate: '1930-01-01' }), '2026-03', true, 2_000_000, 31],
    [
      'Art. 24(1)(c): a child with disabilities who turns 16 stays eligible as a person with disabilities',
      child({ group: 'k1_disability', birthDate: '2010-03-16' }),
      '2026-04',
      true,
      2_000_000,
      30,
    ],
    [
      'Art. 24(2): an emergency resident admitted as a child also stops at 16',
      child({ group: 'k2_emergency', birthDate: '2010-04-16', stays: [stay('2026-03-01')] }),
      '2026-04',
      true,
      1_000_000,
      15,
    ],
    [
      'Art. 24(3): an administrative placement admitted as an adult has no age limit',
      child({ group: 'k3_administrative', birthDate: '2000-04-16', stays: [stay('2026-03-01')] }),
      '2026-04',
      true,
      2_000_000,
      30,
    ],
  ])('%s', (_name, facts, month, qualifies, amountVnd, daysEligible) => {
    const o = outcome(facts, month);
    expect(o.qualifies).toBe(qualifies);
    expect(o.amountVnd).toBe(amountVnd);
    expect(o.daysEligible).toBe(daysEligible);
    if (qualifies === 'unknown') expect(o.missingFacts).toEqual(['studying']);
  });

  it('explains each stop', () => {
    expect(outcome(child({ birthDate: '2010-03-16' }), '2026-03').explanation).toEqual({
      vi: 'Từ đủ 4 tuổi trở lên (15 tuổi 11 tháng) → hệ số 4,0 × 500.000 đ = 2.000.000 đ; 15/31 ngày: đủ 16 tuổi ngày 16/03/2026, không còn đi học → 967.742 đ',
      en: 'Aged 4 or over (15 years 11 months) → coefficient 4.0 × 500,000 VND = 2,000,000 VND; 15/31 days: turned 16 on 2026-03-16, not studying → 967,742 VND',
    });
    expect(outcome(child({ birthDate: '2010-03-16' }), '2026-04').explanation).toEqual({
      vi: 'Đủ 16 tuổi ngày 16/03/2026, không còn đi học → không được hưởng: Trợ cấp nuôi dưỡng hàng tháng',
      en: 'Turned 16 on 2026-03-16, not studying → not entitled: Monthly nurturing allowance',
    });
    expect(
      outcome(child({ birthDate: '2006-01-10', studying: { until: '2027-06-30' } }), '2026-03').explanation,
    ).toEqual({
      vi: 'Từ đủ 4 tuổi trở lên (20 tuổi 1 tháng) → hệ số 4,0 × 500.000 đ = 2.000.000 đ; đang đi học đến 30/06/2027 nên tiếp tục được hưởng sau 16 tuổi, không quá 22 tuổi',
      en: 'Aged 4 or over (20 years 1 month) → coefficient 4.0 × 500,000 VND = 2,000,000 VND; studying until 2027-06-30, so support continues past 16, up to age 22',
    });
    expect(
      outcome(child({ birthDate: '2006-01-10', studying: { until: '2026-03-20' } }), '2026-04').explanation
        .vi,
    ).toBe('Kết thúc học ngày 20/03/2026 → không được hưởng: Trợ cấp nuôi dưỡng hàng tháng');
    expect(
      outcome(child({ birthDate: '2004-03-01', studying: { until: '2030-06-30' } }), '2026-03').explanation
        .en,
    ).toBe('Turned 22 on 2026-03-01 (the limit while studying) → not entitled: Monthly nurturing allowance');
  });
});

describe('Art. 24(4): emergency protection (k2) lasts at most 3 months', () => {
  const k2 = (overrides: Partial<ResidentFacts> = {}) =>
    child({ group: 'k2_emergency', birthDate: '1990-01-01', stays: [stay('2026-01-10')], ...overrides });

  it.each<[string, ResidentFacts, string, boolean, number, number]>([
    ['admitted 10 January: January from the admission day (22/31)', k2(), '2026-01', true, 1_419_355, 22],
    ['February: within 3 months', k2(), '2026-02', true, 2_000_000, 28],
    ['March: within 3 months', k2(), '2026-03', true, 2_000_000, 31],
    [
      'April: paid through 9 April (admission + 3 months, exclusive) → 9/30',
      k2(),
      '2026-04',
      true,
      600_000,
      9,
    ],
    ['May: past the limit → nothing', k2(), '2026-05', false, 0, 0],
    [
      'April with an extension decision until 30 June → full month',
      k2({ emergencyExtendedUntil: '2026-06-30' }),
      '2026-04',
      true,
      2_000_000,
      30,
    ],
    [
      'July with an extension until 30 June → nothing',
      k2({ emergencyExtendedUntil: '2026-06-30' }),
      '2026-07',
      false,
      0,
      0,
    ],
    [
      'admitted 30 November: limit clamps to 28 February → 27/28',
      k2({ stays: [stay('2025-11-30')] }),
      '2026-02',
      true,
      1_928_571,
      27,
    ],
    [
      'a same-day transfer does not restart the 3 months',
      k2({
        stays: [stay('2026-01-10', '2026-02-15', 'other'), { ...stay('2026-02-15'), facilityId: 'tn-02' }],
      }),
      '2026-04',
      true,
      600_000,
      9,
    ],
    [
      'other groups have no 3-month limit',
      elderly({ stays: [stay('2026-01-10')] }),
      '2026-05',
      true,
      2_000_000,
      31,
    ],
  ])('%s', (_name, facts, month, qualifies, amountVnd, daysEligible) => {
    const o = outcome(facts, month);
    expect(o.qualifies).toBe(qualifies);
    expect(o.amountVnd).toBe(amountVnd);
    expect(o.daysEligible).toBe(daysEligible);
  });

  it('explains the end of the emergency stay', () => {
    expect(outcome(k2(), '2026-04').explanation.vi).toBe(
      'Từ đủ 4 tuổi trở lên (36 tuổi 3 tháng) → hệ số 4,0 × 500.000 đ = 2.000.000 đ; 9/30 ngày: hết thời hạn bảo vệ khẩn cấp 3 tháng kể từ ngày vào cơ sở 10/01/2026, hưởng đến hết 09/04/2026 → 600.000 đ',
    );
    expect(outcome(k2(), '2026-05').explanation.en).toBe(
      'End of the 3-month emergency protection from admission on 2026-01-10, paid through 2026-04-09 → not entitled: Monthly nurturing allowance',
    );
  });

  it.each<[string, ResidentFacts, string, boolean]>([
    ['the last day of the 3 months', k2(), '2026-04-09', false],
    ['the day the 3 months are over', k2(), '2026-04-10', true],
    ['covered by an extension', k2({ emergencyExtendedUntil: '2026-06-30' }), '2026-06-30', false],
    ['after the extension', k2({ emergencyExtendedUntil: '2026-06-30' }), '2026-07-01', true],
    [
      'discharged before',
      k2({ stays: [stay('2026-01-10', '2026-03-01', 'returned_to_family')] }),
      '2026-04-10',
      false,
    ],
    ['not an emergency resident', elderly({ stays: [stay('2026-01-10')] }), '2026-04-10', false],
  ])('isEmergencyOverdue: %s', (_name, facts, day, overdue) => {
    expect(isEmergencyOverdue(facts, day)).toBe(overdue);
  });

  it('emergencyStayEnds gives the first day past the 3 months', () => {
    expect(emergencyStayEnds(k2(), '2026-02-01')).toBe('2026-04-10');
    expect(emergencyStayEnds(elderly(), '2026-02-01')).toBeNull();
  });
});

describe('part-month: admission day counts, discharge day does not, the day of death does', () => {
  it.each<[string, ResidentFacts, string, number, number, number]>([
    [
      'admitted on the 10th of a 30-day month → 21/30',
      elderly({ stays: [stay('2026-04-10')] }),
      '2026-04',
      21,
      30,
      1_400_000,
    ],
    [
      'discharged (returned to family) on the 10th of a 31-day month → 9/31',
      elderly({ stays: [stay('2020-01-01', '2026-03-10', 'returned_to_family')] }),
      '2026-03',
      9,
      31,
      580_645,
    ],
    [
      'Art. 30(2)(c): adopted on the 1st → no day that month',
      child({ stays: [stay('2020-01-01', '2026-03-01', 'adopted')] }),
      '2026-03',
      0,
      31,
      0,
    ],
    [
      'admitted and discharged in the same month (5th → 20th) → 15/31',
      elderly({ stays: [stay('2026-03-05', '2026-03-20', 'other')] }),
      '2026-03',
      15,
      31,
      967_742,
    ],
    [
      'admitted on 29 February 2028 (leap year) → 1/29 (68,965.52 → 68,966)',
      elderly({ stays: [stay('2028-02-29')] }),
      '2028-02',
      1,
      29,
      68_966,
    ],
    [
      'died on the 20th → allowance for 20 days, the day of death counted',
      elderly({ stays: [stay('2020-01-01', '2026-03-20', 'deceased')] }),
      '2026-03',
      20,
      31,
      1_290_323,
    ],
    [
      'died on the 1st → 1 day',
      elderly({ stays: [stay('2020-01-01', '2026-03-01', 'deceased')] }),
      '2026-03',
      1,
      31,
      64_516,
    ],
  ])('%s', (_name, facts, month, daysEligible, daysInMonth, amountVnd) => {
    const o = outcome(facts, month);
    expect(o.daysEligible).toBe(daysEligible);
    expect(o.daysInMonth).toBe(daysInMonth);
    expect(o.amountVnd).toBe(amountVnd);
    expect(o.monthlyAmountVnd).toBe(daysEligible > 0 ? 2_000_000 : 0);
  });

  it('rounds half up to whole VND (15 VND × 1/30 = 0.5 → 1)', () => {
    const set = parsePolicySet({
      id: 't',
      version: '1',
      baseLevels: statutoryPolicySet.baseLevels,
      rules: [
        {
          code: 'TINY',
          title: { vi: 'Thử', en: 'Test' },
          legalBasis: 'Thử',
          kind: 'monthly',
          predicate: { op: 'all', of: [] },
          amount: { kind: 'fixed', vnd: 15 },
          effectiveFrom: '2024-01-01',
          status: 'in_force',
        },
      ],
    });
    const amount = (admittedOn: string) =>
      outcome(elderly({ stays: [stay(admittedOn)] }), '2026-04', 'TINY', {}, set).amountVnd;
    expect(amount('2026-04-30')).toBe(1); // 0.5 → 1
    expect(amount('2026-04-29')).toBe(1); // 1.0
    expect(amount('2026-04-28')).toBe(2); // 1.5 → 2
  });

  it('a transfer day is paid once: to the receiving centre', () => {
    const facts = elderly({
      stays: [
        { ...stay('2020-01-01', '2026-03-10', 'other'), facilityId: 'centre-a' },
        { ...stay('2026-03-10'), facilityId: 'centre-b' },
      ],
    });
    const a = outcome(facts, '2026-03', C.nurturing, { facilityId: 'centre-a' });
    const b = outcome(facts, '2026-03', C.nurturing, { facilityId: 'centre-b' });
    const whole = outcome(facts, '2026-03');
    expect([a.daysEligible, b.daysEligible, whole.daysEligible]).toEqual([9, 22, 31]);
    expect(a.amountVnd + b.amountVnd).toBe(whole.amountVnd);
    expect(whole.amountVnd).toBe(2_000_000);
  });

  it('explains admissions and discharges', () => {
    expect(outcome(elderly({ stays: [stay('2026-04-10')] }), '2026-04').explanation).toEqual({
      vi: 'Từ đủ 4 tuổi trở lên (75 tuổi 11 tháng) → hệ số 4,0 × 500.000 đ = 2.000.000 đ; 21/30 ngày: vào cơ sở ngày 10/04/2026 → 1.400.000 đ',
      en: 'Aged 4 or over (75 years 11 months) → coefficient 4.0 × 500,000 VND = 2,000,000 VND; 21/30 days: admitted on 2026-04-10 → 1,400,000 VND',
    });
    expect(
      outcome(elderly({ stays: [stay('2020-01-01', '2026-03-10', 'returned_to_family')] }), '2026-03')
        .explanation.en,
    ).toBe(
      'Aged 4 or over (75 years 9 months) → coefficient 4.0 × 500,000 VND = 2,000,000 VND; 9/31 days: discharged on 2026-03-10 (returned to family), that day not counted → 580,645 VND',
    );
  });

  it('says why when the person was not in a facility that month', () => {
    const o = outcome(elderly({ stays: [stay('2026-04-10')] }), '2026-03');
    expect(o.qualifies).toBe(false);
    expect(o.evaluatedOn).toBeNull();
    expect(o.explanation.vi).toBe(
      'Không ở cơ sở trong tháng 3/2026 → không được hưởng: Trợ cấp nuôi dưỡng hàng tháng',
    );
  });
});

describe('Art. 25(3): burial support, one-off in the month of death', () => {
  const died = (date: string) => elderly({ stays: [stay('2020-01-01', date, 'deceased')] });

  it.each<[string, ResidentFacts, string, boolean, number]>([
    ['death on 20 March 2026 → 50 × 500,000', died('2026-03-20'), '2026-03', true, 25_000_000],
    ['death in June 2024 → 50 × 360,000', died('2024-06-15'), '2024-06', true, 18_000_000],
    ['death in July 2024 → 50 × 500,000', died('2024-07-01'), '2024-07', true, 25_000_000],
    ['no death this month → nothing', elderly(), '2026-03', false, 0],
    ['the month after the death → not in a facility', died('2026-03-20'), '2026-04', false, 0],
    [
      'discharged to family, not by death → nothing',
      elderly({ stays: [stay('2020-01-01', '2026-03-20', 'returned_to_family')] }),
      '2026-03',
      false,
      0,
    ],
    [
      'Art. 24(5): a voluntary resident → nothing',
      { ...died('2026-03-20'), group: 'k5_voluntary' },
      '2026-03',
      false,
      0,
    ],
  ])('%s', (_name, facts, month, qualifies, amountVnd) => {
    const o = outcome(facts, month, C.burial);
    expect(o.kind).toBe('one_off');
    expect(o.qualifies).toBe(qualifies);
    expect(o.amountVnd).toBe(amountVnd);
  });

  it('death on the 20th: allowance prorated to 20 days and burial 25,000,000 in the same month', () => {
    const outcomes = evaluateMonth(died('2026-03-20'), '2026-03', policy);
    const nurturing = outcomes.find((o) => o.ruleCode === C.nurturing);
    const burial = outcomes.find((o) => o.ruleCode === C.burial);
    expect(nurturing?.amountVnd).toBe(1_290_323);
    expect(burial?.amountVnd).toBe(25_000_000);
    expect(burial?.explanation).toEqual({
      vi: 'Người cao tuổi (k1); Chết ngày 20/03/2026 → 50 × 500.000 đ = 25.000.000 đ (một lần)',
      en: 'Elderly person (k1); Died on 2026-03-20 → 50 × 500,000 VND = 25,000,000 VND (one-off)',
    });
    // medicines ceiling 100,000 × 20/31 = 64,516
    expect(totalFor(outcomes)).toBe(1_290_323 + 25_000_000 + 64_516);
  });

  it('a death whose discharge reason is not recorded is unknown', () => {
    const o = outcome(elderly({ stays: [stay('2020-01-01', '2026-03-20')] }), '2026-03', C.burial);
    expect(o.qualifies).toBe('unknown');
    expect(o.missingFacts).toEqual(['stays.dischargeReason']);
  });
});

describe('Art. 25(2), 25(4), 25(5): in kind, up to a ceiling, exclusion', () => {
  it('Art. 25(2): health-insurance card, in kind, no money', () => {
    const o = outcome(child(), '2026-03', C.healthInsurance);
    expect(o).toMatchObject({
      kind: 'in_kind',
      amountKind: 'in_kind',
      qualifies: true,
      amountVnd: 0,
      monthlyAmountVnd: 0,
    });
    expect(o.explanation.vi).toBe(
      'Trẻ em không có nguồn nuôi dưỡng (k1) → Cấp thẻ bảo hiểm y tế (hiện vật, không chi tiền)',
    );
  });

  it.each<[string, ResidentFacts, number]>([
    ['a full month: up to 100,000', child(), 100_000],
    [
      'admitted on the 10th of a 30-day month: up to 100,000 × 21/30',
      child({ stays: [stay('2026-04-10')] }),
      70_000,
    ],
  ])('Art. 25(4): common medicines at actual cost, %s', (_name, facts, amountVnd) => {
    const o = outcome(facts, '2026-04', C.medicines);
    expect(o).toMatchObject({
      kind: 'monthly',
      amountKind: 'up_to',
      isCeiling: true,
      qualifies: true,
      amountVnd,
    });
  });

  it.each<[string, ResidentFacts, true | false]>([
    ['k1 child', child(), true],
    ['k1 elderly', elderly(), true],
    [
      'k2 emergency',
      child({ group: 'k2_emergency', birthDate: '1990-01-01', stays: [stay('2026-02-01')] }),
      true,
    ],
    ['k3 administrative', child({ group: 'k3_administrative', birthDate: '1990-01-01' }), true],
    [
      'k5 voluntary: no facility allowance, nothing to exclude',
      child({ group: 'k5_voluntary', birthDate: '1950-01-01' }),
      false,
    ],
    ['k1 child aged out: no facility allowance that month', child({ birthDate: '2009-01-01' }), false],
  ])(
    'Art. 25(5): receiving the facility allowance excludes the community allowance (%s)',
    (_name, facts, applies) => {
      const o = outcome(facts, '2026-03', C.noCommunityAllowance);
      expect(o.kind).toBe('exclusion');
      expect(o.qualifies).toBe(applies);
      expect(o.amountVnd).toBe(0);
      if (applies) {
        expect(o.explanation).toEqual({
          vi: 'Đang hưởng trợ cấp nuôi dưỡng hàng tháng → Không được hưởng đồng thời trợ cấp xã hội hàng tháng tại cộng đồng (Điều 6)',
          en: 'Receives the monthly nurturing allowance → No community monthly social allowance (Art. 6) at the same time',
        });
      }
    },
  );
});

describe('Art. 24(5): voluntary residents (k5) get no state allowance', () => {
  const k5 = child({ group: 'k5_voluntary', birthDate: '1945-01-01' });

  it('every statutory entitlement says no, with the reason, and the exclusion says why', () => {
    const outcomes = evaluateMonth(k5, '2026-03', policy);
    expect(totalFor(outcomes)).toBe(0);
    for (const code of [C.nurturing, C.healthInsurance, C.medicines, C.burial]) {
      const o = outcomes.find((x) => x.ruleCode === code);
      expect(o?.qualifies).toBe(false);
      expect(o?.explanation.vi).toContain('Đối tượng tự nguyện (k5) không thuộc diện k1, k2, k3');
    }
    expect(outcomes.find((o) => o.ruleCode === C.nurturing)?.explanation).toEqual({
      vi: 'Đối tượng tự nguyện (k5) không thuộc diện k1, k2, k3 → không được hưởng: Trợ cấp nuôi dưỡng hàng tháng',
      en: 'Voluntary resident (k5) is not in k1, k2, k3 → not entitled: Monthly nurturing allowance',
    });
    expect(outcomes.find((o) => o.ruleCode === C.voluntaryNoAllowance)).toMatchObject({
      kind: 'exclusion',
      qualifies: true,
      amountVnd: 0,
      explanation: {
        vi: 'Đối tượng tự nguyện (k5) → Không hưởng trợ cấp nuôi dưỡng của Nhà nước; chi phí theo hợp đồng dịch vụ',
        en: 'Voluntary resident (k5) → No state nurturing allowance; care is paid under the service contract',
      },
    });
  });
});

describe('missing facts', () => {
  it.each<[string, ResidentFacts, string, string, string[]]>([
    [
      'birth year only, far from any boundary (elderly) → decided',
      elderly({ birthDate: '1945-01-01', birthDatePrecision: 'year' }),
      '2026-03',
      'true',
      [],
    ],
    [
      'birth year only, 4th birthday somewhere in 2026 → unknown',
      child({ birthDate: '2022-01-01', birthDatePrecision: 'year' }),
      '2026-03',
      'unknown',
      ['birthDate'],
    ],
    [
      'birth year only, 16th birthday somewhere in 2026 → unknown',
      child({ birthDate: '2010-01-01', birthDatePrecision: 'year' }),
      '2026-06',
      'unknown',
      ['birthDate'],
    ],
    [
      'birth year only, surely 16 by February 2027 → no',
      child({ birthDate: '2010-01-01', birthDatePrecision: 'year' }),
      '2027-02',
      'false',
      [],
    ],
    [
      'no birth date for a child → unknown',
      child({ birthDate: undefined }),
      '2026-03',
      'unknown',
      ['birthDate'],
    ],
    ['group not recorded → unknown', elderly({ group: undefined }), '2026-03', 'unknown', ['group']],
    ['stays not recorded → unknown', elderly({ stays: undefined }), '2026-03', 'unknown', ['stays']],
    [
      'group not recorded but not in a facility → no',
      elderly({ group: undefined, stays: [] }),
      '2026-03',
      'false',
      [],
    ],
  ])('%s', (_name, facts, month, qualifies, missing) => {
    const o = outcome(facts, month);
    expect(String(o.qualifies)).toBe(qualifies);
    expect(o.missingFacts).toEqual(missing);
    if (qualifies !== 'true') expect(o.amountVnd).toBe(0);
  });

  it('explains what is missing', () => {
    expect(
      outcome(child({ birthDate: '2022-01-01', birthDatePrecision: 'year' }), '2026-03').explanation,
    ).toEqual({
      vi: 'Chỉ biết năm sinh 2022 (3 hoặc 4 tuổi): chưa chọn được hệ số theo tuổi → chưa xác định được: Trợ cấp nuôi dưỡng hàng tháng (thiếu: ngày sinh)',
      en: 'Only the birth year (2022) is known (3 or 4 years): cannot choose the age coefficient → cannot decide: Monthly nurturing allowance (missing: birth date)',
    });
    expect(outcome(elderly({ group: undefined }), '2026-03').explanation.vi).toBe(
      'Chưa rõ nhóm đối tượng → chưa xác định được: Trợ cấp nuôi dưỡng hàng tháng (thiếu: nhóm đối tượng)',
    );
  });

  it('an unknown allowance makes the Art. 25(5) exclusion unknown too', () => {
    const o = outcome(elderly({ group: undefined }), '2026-03', C.noCommunityAllowance);
    expect(o.qualifies).toBe('unknown');
    expect(o.missingFacts).toEqual(['group']);
  });
});

describe('the explanation of the decree example', () => {
  it('"Trẻ em dưới 4 tuổi (3 tuổi 2 tháng) → hệ số 5,0 × 500.000 đ = 2.500.000 đ"', () => {
    const o = outcome(child({ birthDate: '2022-12-15', stays: [stay('2023-01-01')] }), '2026-03');
    expect(o.explanation).toEqual({
      vi: 'Trẻ em dưới 4 tuổi (3 tuổi 2 tháng) → hệ số 5,0 × 500.000 đ = 2.500.000 đ',
      en: 'Child under 4 (3 years 2 months) → coefficient 5.0 × 500,000 VND = 2,500,000 VND',
    });
    expect(o).toMatchObject({
      ruleCode: C.nurturing,
      kind: 'monthly',
      amountKind: 'base_coefficient_by_age',
      qualifies: true,
      amountVnd: 2_500_000,
      monthlyAmountVnd: 2_500_000,
      daysPresent: 31,
      daysEligible: 31,
      daysInMonth: 31,
      baseLevelVnd: 500_000,
      missingFacts: [],
      legalBasis: 'Nghị định 20/2021/NĐ-CP, Điều 25 khoản 1; Điều 26 khoản 2; Điều 30 khoản 2 điểm d',
    });
  });
});

describe('directive 3715/UBND-KGVX proposals', () => {
  const withIncome = child({
    group: 'k5_voluntary',
    birthDate: '1950-01-01',
    incomes: { pension: 3_000_000, labourCapacityLoss: 0, meritoriousAllowance: 0 },
    circumstances: { especiallyDifficult: true, lonelyElderly: true },
    facilityCareCostVnd: 4_000_000,
  });
  const proposals = [C.careCostWithIncome, C.childOfDisabledParents, C.childParentLeft, C.lonelyElderly];

  it('are not evaluated by default', () => {
    const codes = evaluateMonth(withIncome, '2026-03', policy).map((o) => o.ruleCode);
    for (const code of proposals) expect(codes).not.toContain(code);
  });

  it('are evaluated on request, flagged as placeholders', () => {
    const outcomes = evaluateMonth(withIncome, '2026-03', policy, { include: 'in_force_and_proposed' });
    for (const code of proposals) expect(outcomes.map((o) => o.ruleCode)).toContain(code);
    const care = outcomes.find((o) => o.ruleCode === C.careCostWithIncome);
    expect(care).toMatchObject({ status: 'proposed', qualifies: true, amountVnd: 0, isPlaceholder: true });
    expect(care?.explanation.vi).toContain('(mức tạm, chưa quyết định)');
  });

  it('can be evaluated one by one by code', () => {
    const outcomes = evaluateMonth(withIncome, '2026-03', policy, { include: [C.lonelyElderly] });
    expect(outcomes.map((o) => o.ruleCode)).toEqual([C.lonelyElderly]);
  });

  const edited = (code: string, amount: PolicyRule['amount']): PolicySet =>
    parsePolicySet({
      ...statutoryPolicySet,
      rules: statutoryPolicySet.rules.map((r) =>
        r.code === code ? { ...r, amount, amountIsPlaceholder: false } : r,
      ),
    });
  const preview = { include: 'in_force_and_proposed' } as const;

  it.each<[string, string, PolicyRule['amount'], ResidentFacts, true | false | 'unknown', number]>([
    [
      'group 1: 50% of the care cost',
      C.careCostWithIncome,
      { kind: 'percent_of_care_cost', percent: 50 },
      withIncome,
      true,
      2_000_000,
    ],
    [
      'group 1: care cost not recorded',
      C.careCostWithIncome,
      { kind: 'percent_of_care_cost', percent: 50 },
      { ...withIncome, facilityCareCostVnd: undefined },
      'unknown',
      0,
    ],
    [
      'group 1: no pension or allowance → no',
      C.careCostWithIncome,
      { kind: 'percent_of_care_cost', percent: 50 },
      { ...withIncome, incomes: { pension: 0, labourCapacityLoss: 0, meritoriousAllowance: 0 } },
      false,
      0,
    ],
    [
      'group 1: a k1 resident is already covered by Art. 25 → no',
      C.careCostWithIncome,
      { kind: 'percent_of_care_cost', percent: 50 },
      { ...withIncome, group: 'k1_elderly' },
      false,
      0,
    ],
    [
      'group 2: child of two parents with disabilities, coefficient 1.5',
      C.childOfDisabledParents,
      { kind: 'base_coefficient', coefficient: 1.5 },
      child({ group: 'k5_voluntary', birthDate: '2015-01-01', circumstances: { bothParentsDisabled: true } }),
      true,
      750_000,
    ],
    [
      'group 3: parent left, not declared missing, no means of support, under 16',
      C.childParentLeft,
      { kind: 'base_coefficient', coefficient: 1.5 },
      child({
        group: 'k5_voluntary',
        birthDate: '2012-01-01',
        noMeansOfSupport: true,
        circumstances: { parentLeftNotMissing: true },
      }),
      true,
      750_000,
    ],
    [
      'group 3: turns 16 on 16 March → 15/31',
      C.childParentLeft,
      { kind: 'base_coefficient', coefficient: 1.5 },
      child({
        group: 'k5_voluntary',
        birthDate: '2010-03-16',
        noMeansOfSupport: true,
        circumstances: { parentLeftNotMissing: true },
      }),
      true,
      362_903,
    ],
    [
      'group 3: support not recorded → unknown',
      C.childParentLeft,
      { kind: 'base_coefficient', coefficient: 1.5 },
      child({
        group: 'k5_voluntary',
        birthDate: '2012-01-01',
        circumstances: { parentLeftNotMissing: true },
      }),
      'unknown',
      0,
    ],
    [
      'group 4: lonely elderly, fixed 1,000,000',
      C.lonelyElderly,
      { kind: 'fixed', vnd: 1_000_000 },
      withIncome,
      true,
      1_000_000,
    ],
  ])('%s', (_name, code, amount, facts, qualifies, amountVnd) => {
    const o = outcome(facts, '2026-03', code, preview, edited(code, amount));
    expect(o.qualifies).toBe(qualifies);
    expect(o.amountVnd).toBe(amountVnd);
    expect(o.isPlaceholder).toBe(false);
  });

  it('a planner previews the cost of an edited proposal for a population', () => {
    const residents = [
      withIncome,
      { ...withIncome, circumstances: { lonelyElderly: false, especiallyDifficult: true } },
      elderly(),
    ];
    const set = edited(C.lonelyElderly, { kind: 'fixed', vnd: 1_000_000 });
    const before = scenarioCost(residents, '2026-03', set);
    const after = scenarioCost(residents, '2026-03', set, preview);
    const row = after.byRule.find((r) => r.ruleCode === C.lonelyElderly);
    expect(row).toMatchObject({ status: 'proposed', qualifying: 1, unknown: 0, amountVnd: 1_000_000 });
    expect(after.totalVnd - before.totalVnd).toBe(1_000_000);
  });
});

describe('amount kinds and rule mechanics (custom policy sets)', () => {
  const base: Omit<PolicyRule, 'code' | 'amount' | 'kind'> = {
    title: { vi: 'Thử', en: 'Test' },
    legalBasis: 'Thử',
    predicate: { op: 'all', of: [] },
    effectiveFrom: '2024-01-01',
    status: 'in_force',
  };
  const setOf = (...rules: PolicyRule[]) =>
    parsePolicySet({ id: 't', version: '1', baseLevels: statutoryPolicySet.baseLevels, rules });
  const facts = elderly({ facilityCareCostVnd: 3_000_000 });

  it.each<[string, PolicyRule, number, number]>([
    [
      'base_coefficient 1.5 × 500,000',
      { ...base, code: 'R', kind: 'monthly', amount: { kind: 'base_coefficient', coefficient: 1.5 } },
      750_000,
      750_000,
    ],
    [
      'base_coefficient_by_age without labels',
      {
        ...base,
        code: 'R',
        kind: 'monthly',
        amount: {
          kind: 'base_coefficient_by_age',
          tiers: [{ belowAgeYears: 60, coefficient: 1 }, { coefficient: 2 }],
        },
      },
      1_000_000,
      1_000_000,
    ],
    [
      'fixed',
      { ...base, code: 'R', kind: 'monthly', amount: { kind: 'fixed', vnd: 123_456 } },
      123_456,
      123_456,
    ],
    [
      'percent_of_care_cost 12.5%',
      { ...base, code: 'R', kind: 'monthly', amount: { kind: 'percent_of_care_cost', percent: 12.5 } },
      375_000,
      375_000,
    ],
    [
      'up_to',
      { ...base, code: 'R', kind: 'monthly', amount: { kind: 'up_to', capVnd: 100_000 } },
      100_000,
      100_000,
    ],
    [
      'base_multiple (one-off)',
      { ...base, code: 'R', kind: 'one_off', amount: { kind: 'base_multiple', multiple: 2.5 } },
      1_250_000,
      1_250_000,
    ],
    [
      'fixed (one-off)',
      { ...base, code: 'R', kind: 'one_off', amount: { kind: 'fixed', vnd: 700_000 } },
      700_000,
      700_000,
    ],
    ['in_kind', { ...base, code: 'R', kind: 'in_kind', amount: { kind: 'in_kind' } }, 0, 0],
    ['none (exclusion)', { ...base, code: 'R', kind: 'exclusion', amount: { kind: 'none' } }, 0, 0],
  ])('%s', (_name, rule, amountVnd, monthlyAmountVnd) => {
    const o = outcome(facts, '2026-03', 'R', {}, setOf(rule));
    expect(o.qualifies).toBe(true);
    expect(o.amountVnd).toBe(amountVnd);
    expect(o.monthlyAmountVnd).toBe(monthlyAmountVnd);
    expect(o.explanation.vi.length).toBeGreaterThan(0);
  });

  it('explains each amount kind', () => {
    const line = (rule: PolicyRule) => outcome(facts, '2026-03', 'R', {}, setOf(rule)).explanation;
    expect(
      line({ ...base, code: 'R', kind: 'monthly', amount: { kind: 'percent_of_care_cost', percent: 12.5 } }),
    ).toEqual({
      vi: '12,5% × chi phí chăm sóc 3.000.000 đ = 375.000 đ',
      en: '12.5% × care cost 3,000,000 VND = 375,000 VND',
    });
    expect(line({ ...base, code: 'R', kind: 'monthly', amount: { kind: 'up_to', capVnd: 100_000 } })).toEqual(
      {
        vi: 'Theo chi phí thực tế, tối đa 100.000 đ/tháng',
        en: 'At actual cost, up to 100,000 VND/month',
      },
    );
    expect(
      line({
        ...base,
        code: 'R',
        kind: 'monthly',
        amount: {
          kind: 'base_coefficient_by_age',
          tiers: [{ belowAgeYears: 60, coefficient: 1 }, { coefficient: 2 }],
        },
      }),
    ).toEqual({
      vi: 'Từ đủ 60 tuổi trở lên (75 tuổi 9 tháng) → hệ số 2,0 × 500.000 đ = 1.000.000 đ',
      en: 'Aged 60 or over (75 years 9 months) → coefficient 2.0 × 500,000 VND = 1,000,000 VND',
    });
  });

  it('two versions of a rule in one month are each paid for their own days', () => {
    const v1: PolicyRule = {
      ...base,
      code: 'R',
      kind: 'monthly',
      amount: { kind: 'base_coefficient', coefficient: 4 },
      effectiveTo: '2026-03-15',
    };
    const v2: PolicyRule = {
      ...base,
      code: 'R',
      kind: 'monthly',
      amount: { kind: 'base_coefficient', coefficient: 6 },
      effectiveFrom: '2026-03-16',
    };
    const outcomes = evaluateMonth(facts, '2026-03', setOf(v1, v2));
    expect(outcomes.map((o) => [o.ruleEffectiveFrom, o.daysEligible, o.amountVnd])).toEqual([
      ['2024-01-01', 15, 967_742],
      ['2026-03-16', 16, 1_548_387],
    ]);
    expect(outcomes[1]?.evaluatedOn).toBe('2026-03-16');
    expect(outcomes[1]?.explanation.vi).toContain('quy định có hiệu lực từ 16/03/2026');
  });

  it('an archived rule is never evaluated, and a rule not yet in force is left out', () => {
    const archived: PolicyRule = {
      ...base,
      code: 'OLD',
      kind: 'monthly',
      amount: { kind: 'fixed', vnd: 1 },
      status: 'archived',
    };
    const future: PolicyRule = {
      ...base,
      code: 'NEW',
      kind: 'monthly',
      amount: { kind: 'fixed', vnd: 1 },
      effectiveFrom: '2027-01-01',
    };
    expect(evaluateMonth(facts, '2026-03', setOf(archived, future))).toEqual([]);
    expect(evaluateMonth(facts, '2026-03', setOf(archived), { include: ['OLD'] })).toEqual([]);
  });

  it('excludes: a qualifying rule displaces another; an unknown one makes it unknown', () => {
    const higher: PolicyRule = {
      ...base,
      code: 'PROVINCIAL_TOP_UP',
      kind: 'monthly',
      predicate: { op: 'flag', flag: 'especiallyDifficult' },
      amount: { kind: 'fixed', vnd: 3_000_000 },
      excludes: ['PLAIN'],
    };
    const plain: PolicyRule = {
      ...base,
      code: 'PLAIN',
      kind: 'monthly',
      amount: { kind: 'fixed', vnd: 1_000_000 },
    };
    const set = setOf(plain, higher);
    const run = (especiallyDifficult: boolean | undefined) =>
      evaluateMonth(elderly({ circumstances: { especiallyDifficult } }), '2026-03', set).map((o) => [
        o.ruleCode,
        o.qualifies,
        o.amountVnd,
      ]);
    expect(run(true)).toEqual([
      ['PLAIN', false, 0],
      ['PROVINCIAL_TOP_UP', true, 3_000_000],
    ]);
    expect(run(false)).toEqual([
      ['PLAIN', true, 1_000_000],
      ['PROVINCIAL_TOP_UP', false, 0],
    ]);
    expect(run(undefined)).toEqual([
      ['PLAIN', 'unknown', 0],
      ['PROVINCIAL_TOP_UP', 'unknown', 0],
    ]);
    const displaced = evaluateMonth(
      elderly({ circumstances: { especiallyDifficult: true } }),
      '2026-03',
      set,
    )[0];
    expect(displaced?.explanation.en).toBe('Receives the test instead → not entitled: Test');
  });

  it('a listed rule brings the rules it refers to', () => {
    const outcomes = evaluateMonth(child(), '2026-03', policy, { include: [C.noCommunityAllowance] });
    expect(outcomes.map((o) => o.ruleCode)).toEqual([C.nurturing, C.noCommunityAllowance]);
    expect(outcomes[1]?.qualifies).toBe(true);
  });
});

describe('determinism and the fast path', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const facts = child({ birthDate: '2010-03-16', stays: [stay('2026-03-05')] });

  it('the same input gives a deep-equal output, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    const first = evaluateMonth(facts, '2026-03', policy, { include: 'in_force_and_proposed' });
    vi.setSystemTime(new Date('2031-12-31T23:59:59Z'));
    const second = evaluateMonth(structuredClone(facts), '2026-03', structuredClone(policy), {
      include: 'in_force_and_proposed',
    });
    expect(second).toEqual(first);
  });

  it('does not modify its input', () => {
    const frozen = structuredClone(facts);
    const deepFreeze = (value: unknown): void => {
      if (value && typeof value === 'object') {
        Object.freeze(value);
        for (const v of Object.values(value)) deepFreeze(v);
      }
    };
    const set = structuredClone(policy);
    deepFreeze(frozen);
    deepFreeze(set);
    expect(() => evaluateMonth(frozen, '2026-03', set, { include: 'in_force_and_proposed' })).not.toThrow();
    expect(frozen).toEqual(facts);
  });

  it('rejects a malformed month', () => {
    expect(() => evaluateMonth(facts, '2026-3', policy)).toThrow(RangeError);
  });

  it('synthetic residents are valid facts', () => {
    for (const r of syntheticResidents(500, '2026-03')) residentFactsSchema.parse(r);
  });

  it('scenarioCost and monthEvaluator(explain: false) agree with evaluateMonth, resident by resident', () => {
    const residents = syntheticResidents(2_000, '2026-03', 7);
    const options = { include: 'in_force_and_proposed' } as const;
    const cost = scenarioCost(residents, '2026-03', policy, options);
    const fast = monthEvaluator('2026-03', policy, { ...options, explain: false });
    let total = 0;
    let withUnknown = 0;
    const byRule = new Map<string, { qualifying: number; unknown: number; amountVnd: number }>();
    for (const r of residents) {
      const outcomes = evaluateMonth(r, '2026-03', policy, options);
      const strip = (o: RuleOutcome) => ({ ...o, explanation: null });
      expect(fast(r).map(strip)).toEqual(outcomes.map(strip));
      total += totalFor(outcomes);
      if (outcomes.some((o) => o.qualifies === 'unknown')) withUnknown++;
      for (const o of outcomes) {
        const row = byRule.get(o.ruleCode) ?? { qualifying: 0, unknown: 0, amountVnd: 0 };
        if (o.qualifies === true) {
          row.qualifying++;
          row.amountVnd += o.amountVnd;
        } else if (o.qualifies === 'unknown') row.unknown++;
        byRule.set(o.ruleCode, row);
      }
    }
    expect(cost.residentCount).toBe(2_000);
    expect(cost.totalVnd).toBe(total);
    expect(cost.residentsWithUnknown).toBe(withUnknown);
    for (const row of cost.byRule) {
      expect({ qualifying: row.qualifying, unknown: row.unknown, amountVnd: row.amountVnd }).toEqual(
        byRule.get(row.ruleCode),
      );
    }
    expect(total).toBeGreaterThan(0);
    expect(withUnknown).toBeGreaterThan(0);
  });
});
