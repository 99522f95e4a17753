import { z } from 'zod';
import { type IsoDate, isIsoDate, toDayNumber } from './dates.ts';
import { type Predicate, predicateSchema, referencedRules, ruleCodeSchema } from './predicate.ts';

/**
 * Policies are versioned data. A policy set carries its own base-level schedule (a province may set a
 * higher level than the national one) and a list of dated rules. The engine only reads these values;
 * nothing about who gets what is written in code.
 */

const isoDate = z.string().refine(isIsoDate, 'Expected an ISO date YYYY-MM-DD');

/** At most two decimals, as coefficients and percentages are written in law ("hệ số 2,5"). */
const twoDecimals = z
  .number()
  .min(0)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'At most two decimals');

export const bilingualSchema = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });

export const ruleKinds = ['monthly', 'one_off', 'in_kind', 'exclusion'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export const ruleStatuses = ['in_force', 'proposed', 'archived'] as const;
export type RuleStatus = (typeof ruleStatuses)[number];

export const ageTierSchema = z.strictObject({
  /** The tier applies below this age (completed years); omitted on the last tier. */
  belowAgeYears: z.int().min(1).max(200).optional(),
  coefficient: twoDecimals,
  /** How the explanation names the tier, e.g. "Trẻ em dưới 4 tuổi" (default: "Dưới 4 tuổi"). */
  label: bilingualSchema.optional(),
});
export type AgeTier = z.infer<typeof ageTierSchema>;

export const amountSchema = z.discriminatedUnion('kind', [
  /** Base level × coefficient per month. */
  z.strictObject({ kind: z.literal('base_coefficient'), coefficient: twoDecimals }),
  /** Base level × the coefficient of the first tier whose age limit the resident is under. */
  z
    .strictObject({ kind: z.literal('base_coefficient_by_age'), tiers: z.array(ageTierSchema).min(1) })
    .refine(
      (a) =>
        a.tiers.every((t, i) =>
          i === a.tiers.length - 1
            ? t.belowAgeYears === undefined
            : t.belowAgeYears !== undefined &&
              (i === 0 || t.belowAgeYears > (a.tiers[i - 1]?.belowAgeYears ?? 0)),
        ),
      'Tiers need ascending belowAgeYears, and the last tier none',
    ),
  /** A fixed VND sum (per month for monthly rules, once for one-off rules). */
  z.strictObject({ kind: z.literal('fixed'), vnd: z.int().min(0) }),
  /** A percentage of the facility's monthly care cost per resident. */
  z.strictObject({ kind: z.literal('percent_of_care_cost'), percent: twoDecimals.max(1000) }),
  /** Actual cost up to a monthly ceiling (e.g. common medicines); the amount reported is the ceiling. */
  z.strictObject({ kind: z.literal('up_to'), capVnd: z.int().min(0) }),
  /** Base level × multiple, once (e.g. burial support: 50 × base). */
  z.strictObject({ kind: z.literal('base_multiple'), multiple: twoDecimals }),
  /** Provided in kind (e.g. a health-insurance card): no money. */
  z.strictObject({ kind: z.literal('in_kind') }),
  /** No amount: the rule states an exclusion. */
  z.strictObject({ kind: z.literal('none') }),
]);
export type Amount = z.infer<typeof amountSchema>;
export type AmountKind = Amount['kind'];

/** Which amount kinds each rule kind accepts. */
export const amountKindsByRuleKind: Record<RuleKind, readonly AmountKind[]> = {
  monthly: ['base_coefficient', 'base_coefficient_by_age', 'fixed', 'percent_of_care_cost', 'up_to'],
  one_off: ['base_multiple', 'fixed'],
  in_kind: ['in_kind'],
  exclusion: ['none'],
};

/**
 * Day-exact ends of entitlement inside a month (unlike the predicate, which is decided on the
 * evaluation day): the days from the end onwards are not paid.
 */
export const limitSchema = z.discriminatedUnion('kind', [
  /**
   * Art. 30(2)(d), Art. 26(2): support stops on the day the resident turns `years`; while studying it
   * continues up to `studying.until`, but never on or after the `whileStudyingUntilYears` birthday.
   */
  z
    .strictObject({
      kind: z.literal('age'),
      years: z.int().min(1).max(200),
      whileStudyingUntilYears: z.int().min(1).max(200).optional(),
      /** Whom the limit applies to (default: everyone the rule applies to). */
      appliesTo: predicateSchema.optional(),
    })
    .refine((l) => l.whileStudyingUntilYears === undefined || l.whileStudyingUntilYears > l.years, {
      message: 'whileStudyingUntilYears must be above years',
    }),
  /**
   * Art. 24(4): emergency protection lasts at most `months` from the admission of the episode (the
   * admission day + months, exclusive), unless facts.emergencyExtendedUntil records a later decision.
   */
  z.strictObject({
    kind: z.literal('emergency_stay'),
    months: z.int().min(1).max(120),
    appliesTo: predicateSchema.optional(),
  }),
]);
export type Limit = z.infer<typeof limitSchema>;

export const policyRuleSchema = z
  .strictObject({
    code: ruleCodeSchema,
    title: bilingualSchema,
    /** e.g. 'Nghị định 20/2021/NĐ-CP, Điều 25 khoản 1'. */
    legalBasis: z.string().min(1),
    kind: z.enum(ruleKinds),
    predicate: predicateSchema,
    amount: amountSchema,
    limits: z.array(limitSchema).optional(),
    effectiveFrom: isoDate,
    /** Last day in force (inclusive); null/absent: open-ended. */
    effectiveTo: isoDate.nullable().optional(),
    status: z.enum(ruleStatuses),
    /**
     * Codes this rule displaces: when it qualifies, a listed rule of the same evaluation is reported as
     * not qualifying (unknown if this one is unknown). Codes outside the set (e.g. the community
     * allowance paid by the commune) are informational.
     */
    excludes: z.array(ruleCodeSchema).optional(),
    /** The amount is a stand-in until planners set it (directive 3715 proposals). */
    amountIsPlaceholder: z.boolean().optional(),
    note: bilingualSchema.optional(),
  })
  .superRefine((rule, ctx) => {
    if (!amountKindsByRuleKind[rule.kind].includes(rule.amount.kind)) {
      ctx.addIssue({
        code: 'custom',
        message: `A ${rule.kind} rule cannot have a ${rule.amount.kind} amount`,
        path: ['amount'],
      });
    }
    if (rule.effectiveTo != null && rule.effectiveTo < rule.effectiveFrom) {
      ctx.addIssue({ code: 'custom', message: 'effectiveTo is before effectiveFrom', path: ['effectiveTo'] });
    }
  });
export type PolicyRule = z.infer<typeof policyRuleSchema>;

export const baseLevelSchema = z.strictObject({
  effectiveFrom: isoDate,
  vnd: z.int().positive(),
  legalBasis: z.string().min(1).optional(),
});
export type BaseLevel = z.infer<typeof baseLevelSchema>;

/** Amount kinds that multiply the base level. */
export function usesBaseLevel(amount: Amount): boolean {
  return (
    amount.kind === 'base_coefficient' ||
    amount.kind === 'base_coefficient_by_age' ||
    amount.kind === 'base_multiple'
  );
}

/** Every rule code a rule refers to, in its predicate and its limits. */
export function ruleDependencies(rule: PolicyRule): string[] {
  const codes = referencedRules(rule.predicate);
  for (const limit of rule.limits ?? []) if (limit.appliesTo) referencedRules(limit.appliesTo, codes);
  return codes;
}

/**
 * Rule codes in evaluation order: a rule comes after the rules it refers to and after the rules that
 * exclude it. Ties keep the order of the set. Throws on a cycle.
 */
export function evaluationOrder(
  rules: readonly Pick<PolicyRule, 'code' | 'predicate' | 'limits' | 'excludes'>[],
) {
  const codes: string[] = [];
  for (const rule of rules) if (!codes.includes(rule.code)) codes.push(rule.code);
  const before = new Map<string, string[]>(codes.map((code) => [code, []]));
  for (const rule of rules) {
    for (const dep of ruleDependencies(rule as PolicyRule)) {
      if (before.has(dep)) before.get(rule.code)?.push(dep);
    }
    for (const excluded of rule.excludes ?? []) {
      if (before.has(excluded)) before.get(excluded)?.push(rule.code);
    }
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string, path: string[]) => {
    const seen = state.get(code);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`Rule dependency cycle: ${[...path, code].join(' → ')}`);
    state.set(code, 'visiting');
    for (const dep of before.get(code) ?? []) visit(dep, [...path, code]);
    state.set(code, 'done');
    order.push(code);
  };
  for (const code of codes) visit(code, []);
  return order;
}

function overlaps(a: PolicyRule, b: PolicyRule): boolean {
  const aEnd = a.effectiveTo ?? '9999-12-31';
  const bEnd = b.effectiveTo ?? '9999-12-31';
  return a.effectiveFrom <= bEnd && b.effectiveFrom <= aEnd;
}

export const policySetSchema = z
  .strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    title: bilingualSchema.optional(),
    /** Ascending by effectiveFrom; each level applies until the next one. */
    baseLevels: z.array(baseLevelSchema).min(1),
    rules: z.array(policyRuleSchema),
  })
  .superRefine((set, ctx) => {
    set.baseLevels.forEach((level, i) => {
      const prev = set.baseLevels[i - 1];
      if (prev && prev.effectiveFrom >= level.effectiveFrom) {
        ctx.addIssue({
          code: 'custom',
          message: 'Base levels must be in ascending date order',
          path: ['baseLevels', i],
        });
      }
    });
    const firstBase = set.baseLevels[0]?.effectiveFrom ?? '';
    const live = set.rules.filter((r) => r.status !== 'archived');
    set.rules.forEach((rule, i) => {
      if (usesBaseLevel(rule.amount) && rule.effectiveFrom < firstBase) {
        ctx.addIssue({
          code: 'custom',
          message: `Rule ${rule.code} starts before the first base level (${firstBase})`,
          path: ['rules', i, 'effectiveFrom'],
        });
      }
      if (rule.status === 'archived') return;
      const clash = live.find((other) => other !== rule && other.code === rule.code && overlaps(rule, other));
      if (clash) {
        ctx.addIssue({
          code: 'custom',
          message: `Two versions of ${rule.code} are in effect on the same days`,
          path: ['rules', i, 'effectiveFrom'],
        });
      }
      for (const dep of ruleDependencies(rule)) {
        const targets = live.filter((r) => r.code === dep);
        if (targets.length === 0) {
          ctx.addIssue({
            code: 'custom',
            message: `Rule ${rule.code} refers to unknown rule ${dep}`,
            path: ['rules', i],
          });
        } else if (rule.status === 'in_force' && !targets.some((r) => r.status === 'in_force')) {
          ctx.addIssue({
            code: 'custom',
            message: `In-force rule ${rule.code} depends on ${dep}, which is not in force`,
            path: ['rules', i],
          });
        }
      }
    });
    try {
      evaluationOrder(live);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message, path: ['rules'] });
    }
  });
export type PolicySet = z.infer<typeof policySetSchema>;

/** Validates a policy set read from storage or edited by a planner. Throws a ZodError. */
export function parsePolicySet(input: unknown): PolicySet {
  return policySetSchema.parse(input);
}

/** The base level in force on a day, or undefined before the first one. */
export function baseLevelOn(levels: readonly BaseLevel[], day: IsoDate | number): BaseLevel | undefined {
  const dayNumber = typeof day === 'number' ? day : toDayNumber(day);
  let found: BaseLevel | undefined;
  for (const level of levels) {
    if (toDayNumber(level.effectiveFrom) <= dayNumber) found = level;
    else break;
  }
  return found;
}

export type { Predicate };
