import { describe, expect, it } from 'vitest';
import {
  baseLevelOn,
  evaluationOrder,
  type PolicyRule,
  type PolicySet,
  parsePolicySet,
  policySetSchema,
} from '../../src/entitlements/policy.ts';
import { nationalBaseLevels, RULE_CODES, statutoryPolicySet } from '../../src/entitlements/statutory.ts';

const rule = (overrides: Partial<PolicyRule> = {}): PolicyRule => ({
  code: 'TEST_RULE',
  title: { vi: 'Quy định thử', en: 'Test rule' },
  legalBasis: 'Thử nghiệm',
  kind: 'monthly',
  predicate: { op: 'all', of: [] },
  amount: { kind: 'fixed', vnd: 1_000 },
  effectiveFrom: '2024-01-01',
  status: 'in_force',
  ...overrides,
});

const set = (rules: PolicyRule[], baseLevels = nationalBaseLevels): PolicySet => ({
  id: 'test',
  version: '1',
  baseLevels,
  rules,
});

describe('the shipped policy set', () => {
  it('is valid data and survives a JSON round trip (it is stored as JSON)', () => {
    const parsed = parsePolicySet(JSON.parse(JSON.stringify(statutoryPolicySet)));
    expect(parsed).toEqual(statutoryPolicySet);
  });

  it('ships the statutory rules in force and the four directive 3715 groups as proposals', () => {
    const status = Object.fromEntries(statutoryPolicySet.rules.map((r) => [r.code, r.status]));
    expect(status).toEqual({
      [RULE_CODES.nurturing]: 'in_force',
      [RULE_CODES.healthInsurance]: 'in_force',
      [RULE_CODES.medicines]: 'in_force',
      [RULE_CODES.burial]: 'in_force',
      [RULE_CODES.noCommunityAllowance]: 'in_force',
      [RULE_CODES.voluntaryNoAllowance]: 'in_force',
      [RULE_CODES.careCostWithIncome]: 'proposed',
      [RULE_CODES.childOfDisabledParents]: 'proposed',
      [RULE_CODES.childParentLeft]: 'proposed',
      [RULE_CODES.lonelyElderly]: 'proposed',
    });
    for (const r of statutoryPolicySet.rules.filter((x) => x.status === 'proposed')) {
      expect(r.amountIsPlaceholder).toBe(true);
      expect(r.legalBasis).toContain('3715/UBND-KGVX');
    }
  });

  it('evaluates the nurturing allowance before the exclusion that refers to it', () => {
    const order = evaluationOrder(statutoryPolicySet.rules);
    expect(order.indexOf(RULE_CODES.nurturing)).toBeLessThan(order.indexOf(RULE_CODES.noCommunityAllowance));
  });
});

describe('base level schedule (Art. 4(2); Decree 76/2024)', () => {
  it.each([
    ['2021-06-30', undefined],
    ['2021-07-01', 360_000],
    ['2024-06-30', 360_000],
    ['2024-07-01', 500_000],
    ['2030-01-01', 500_000],
  ])('on %s: %s', (day, vnd) => {
    expect(baseLevelOn(nationalBaseLevels, day)?.vnd).toBe(vnd);
  });
});

describe('policy validation', () => {
  it.each<[string, PolicySet]>([
    ['a monthly rule with an in-kind amount', set([rule({ amount: { kind: 'in_kind' } })])],
    [
      'a one-off rule with an age-tiered amount',
      set([rule({ kind: 'one_off', amount: { kind: 'base_coefficient', coefficient: 1 } })]),
    ],
    ['an exclusion with money', set([rule({ kind: 'exclusion', amount: { kind: 'fixed', vnd: 1 } })])],
    ['an end before the start', set([rule({ effectiveTo: '2023-12-31' })])],
    ['a lower-case code', set([rule({ code: 'test' })])],
    [
      'a coefficient with three decimals',
      set([rule({ amount: { kind: 'base_coefficient', coefficient: 1.255 } })]),
    ],
    ['a negative amount', set([rule({ amount: { kind: 'fixed', vnd: -1 } })])],
    ['a fractional VND amount', set([rule({ amount: { kind: 'fixed', vnd: 1.5 } })])],
    [
      'age tiers without a final open tier',
      set([
        rule({ amount: { kind: 'base_coefficient_by_age', tiers: [{ belowAgeYears: 4, coefficient: 5 }] } }),
      ]),
    ],
    [
      'age tiers out of order',
      set([
        rule({
          amount: {
            kind: 'base_coefficient_by_age',
            tiers: [
              { belowAgeYears: 6, coefficient: 5 },
              { belowAgeYears: 4, coefficient: 4 },
              { coefficient: 3 },
            ],
          },
        }),
      ]),
    ],
    [
      'a studying limit below the age limit',
      set([rule({ limits: [{ kind: 'age', years: 16, whileStudyingUntilYears: 15 }] })]),
    ],
    ['two versions of a code on the same days', set([rule(), rule({ effectiveFrom: '2025-01-01' })])],
    ['a reference to an unknown rule', set([rule({ predicate: { op: 'rule', code: 'NOPE' } })])],
    [
      'an in-force rule depending on a proposal',
      set([rule({ predicate: { op: 'rule', code: 'DRAFT' } }), rule({ code: 'DRAFT', status: 'proposed' })]),
    ],
    [
      'a dependency cycle',
      set([
        rule({ code: 'A', predicate: { op: 'rule', code: 'B' } }),
        rule({ code: 'B', predicate: { op: 'rule', code: 'A' } }),
      ]),
    ],
    [
      'a cycle through excludes',
      // A needs B's outcome, but B can only be decided after A (A excludes B).
      set([rule({ code: 'A', predicate: { op: 'rule', code: 'B' }, excludes: ['B'] }), rule({ code: 'B' })]),
    ],
    [
      'a base-level amount before the first base level',
      set([rule({ effectiveFrom: '2021-01-01', amount: { kind: 'base_coefficient', coefficient: 1 } })]),
    ],
    ['base levels out of order', set([], [...nationalBaseLevels].reverse())],
    ['no base level', set([], [])],
    [
      'an unknown field (typo in stored JSON)',
      { ...set([rule()]), rules: [{ ...rule(), coeficient: 5 } as PolicyRule] },
    ],
  ])('rejects %s', (_name, input) => {
    expect(policySetSchema.safeParse(input).success).toBe(false);
  });

  it.each<[string, PolicySet]>([
    [
      'versions of a code that follow each other',
      set([rule({ effectiveTo: '2024-12-31' }), rule({ effectiveFrom: '2025-01-01' })]),
    ],
    ['an archived version overlapping a live one', set([rule(), rule({ status: 'archived' })])],
    [
      'a proposal depending on an in-force rule',
      set([
        rule({ code: 'BASE' }),
        rule({ code: 'DRAFT', status: 'proposed', predicate: { op: 'rule', code: 'BASE' } }),
      ]),
    ],
    [
      'excluding a benefit outside the set',
      set([rule({ excludes: ['COMMUNITY_MONTHLY_SOCIAL_ALLOWANCE'] })]),
    ],
    [
      'a higher provincial base level',
      set([], [...nationalBaseLevels, { effectiveFrom: '2025-01-01', vnd: 600_000 }]),
    ],
  ])('accepts %s', (_name, input) => {
    expect(policySetSchema.safeParse(input).success).toBe(true);
  });
});
