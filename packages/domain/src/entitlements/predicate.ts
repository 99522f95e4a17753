import { z } from 'zod';
import {
  civilOf,
  completedMonths,
  type IsoDate,
  type MonthInfo,
  monthInfo,
  parseIsoDate,
  toDayNumber,
} from './dates.ts';
import {
  type DisabilityLevel,
  type DischargeReason,
  disabilityLabels,
  disabilityLevels,
  dischargeReasonLabels,
  dischargeReasons,
  type FactFlag,
  factFlags,
  flagLabels,
  groupLabels,
  type IncomeKind,
  incomeKinds,
  incomeLabels,
  type ResidentFacts,
  type ResidentGroup,
  residentGroups,
} from './facts.ts';
import {
  type Bilingual,
  formatAgeRange,
  formatDayNumber,
  formatVnd,
  type Lang,
  lowerFirst,
  upperFirst,
} from './format.ts';
import {
  ageRangeOn,
  type BirthRange,
  birthRange,
  episodeStartOn,
  type Presence,
  presenceIn,
} from './resident.ts';

/**
 * Who qualifies for a rule, as data: a small JSON language validated by zod, never code. A predicate
 * is evaluated on one day (the month's evaluation day, see engine.ts) with three-valued logic:
 * true, false, or 'unknown' when a fact it needs is not recorded.
 *
 * - all(): false if any part is false, else unknown if any is unknown, else true (an empty all() is true);
 * - any(): true if any part is true, else unknown if any is unknown, else false;
 * - not(): swaps true and false, keeps unknown.
 *
 * So a missing fact only blocks a decision when the decision really depends on it: a voluntary (k5)
 * resident with no birth date still gets a definite "no" from a rule for k1–k3 children under 4.
 */
export type Predicate =
  | { op: 'all'; of: Predicate[] }
  | { op: 'any'; of: Predicate[] }
  | { op: 'not'; of: Predicate }
  | { op: 'group_in'; groups: ResidentGroup[] }
  /** Completed years on the evaluation day (default) or on the admission day of the current episode. */
  | { op: 'age'; cmp: 'lt' | 'gte'; years: number; at?: 'evaluation_day' | 'admission' | undefined }
  /** The recorded circumstance (or noMeansOfSupport) is true. */
  | { op: 'flag'; flag: FactFlag }
  /** The monthly income of this kind is above 0. */
  | { op: 'income'; kind: IncomeKind }
  /** Studying on the evaluation day (studying.until ≥ that day). */
  | { op: 'studying' }
  | { op: 'disability_in'; levels: DisabilityLevel[] }
  | { op: 'sex'; is: 'male' | 'female' }
  /** Completed months since the admission of the current episode. */
  | { op: 'months_since_admission'; cmp: 'lt' | 'gte'; months: number }
  /** Discharged during the evaluated month for one of these reasons (e.g. ['deceased'] for burial support). */
  | { op: 'discharged_in_month'; reasons: DischargeReason[] }
  /** Qualifies, this same month, for another rule of the same policy set. */
  | { op: 'rule'; code: string };

export const ruleCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'Rule codes are UPPER_SNAKE_CASE');

const wholeNonNegative = z.int().min(0).max(200);

export const predicateSchema: z.ZodType<Predicate> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('all'), of: z.array(predicateSchema) }),
    z.strictObject({ op: z.literal('any'), of: z.array(predicateSchema).min(1) }),
    z.strictObject({ op: z.literal('not'), of: predicateSchema }),
    z.strictObject({ op: z.literal('group_in'), groups: z.array(z.enum(residentGroups)).min(1) }),
    z.strictObject({
      op: z.literal('age'),
      cmp: z.enum(['lt', 'gte']),
      years: wholeNonNegative,
      at: z.enum(['evaluation_day', 'admission']).optional(),
    }),
    z.strictObject({ op: z.literal('flag'), flag: z.enum(factFlags) }),
    z.strictObject({ op: z.literal('income'), kind: z.enum(incomeKinds) }),
    z.strictObject({ op: z.literal('studying') }),
    z.strictObject({ op: z.literal('disability_in'), levels: z.array(z.enum(disabilityLevels)).min(1) }),
    z.strictObject({ op: z.literal('sex'), is: z.enum(['male', 'female']) }),
    z.strictObject({
      op: z.literal('months_since_admission'),
      cmp: z.enum(['lt', 'gte']),
      months: z.int().min(0).max(1200),
    }),
    z.strictObject({
      op: z.literal('discharged_in_month'),
      reasons: z.array(z.enum(dischargeReasons)).min(1),
    }),
    z.strictObject({ op: z.literal('rule'), code: ruleCodeSchema }),
  ]),
);

export type Tri = true | false | 'unknown';

export interface PredicateResult {
  result: Tri;
  /** Facts whose absence prevents a decision; empty whenever the result is true or false. */
  missing: readonly string[];
  /** Why, as statements of fact ("Trẻ em dưới 4 tuổi (3 tuổi 2 tháng)"); empty when not explaining. */
  reasons: readonly Bilingual[];
}

/** What a `rule` predicate sees of another rule evaluated for the same resident and month. */
export interface RuleReference {
  result: Tri;
  missing: readonly string[];
  title: Bilingual;
}

export interface PredicateContext {
  facts: ResidentFacts;
  birth: BirthRange | undefined;
  /** Evaluation day (day number). */
  day: number;
  month: MonthInfo;
  /** Presence in the month; undefined when stays are not recorded. */
  presence: Presence | undefined;
  /** Admission day of the episode containing `day`: null if not in a stay, undefined if unknown. */
  admission: number | null | undefined;
  /** Build the bilingual reasons (off for bulk cost estimates). */
  explain: boolean;
  rules?: RuleLookup | undefined;
}

/** Answers `rule` predicates: the outcome so far of another rule for the same resident and month. */
export interface RuleLookup {
  reference(code: string): RuleReference | undefined;
}

const NONE: readonly never[] = Object.freeze([]);
const TRUE: PredicateResult = Object.freeze({ result: true, missing: NONE, reasons: NONE });
const FALSE: PredicateResult = Object.freeze({ result: false, missing: NONE, reasons: NONE });
const unknownCache = new Map<string, PredicateResult>();

/** `reason` is `ctx.explain && (() => …)`: no closure is created when not explaining. */
function decided(value: boolean, ctx: PredicateContext, reason: false | (() => Bilingual)): PredicateResult {
  if (!ctx.explain || reason === false) return value ? TRUE : FALSE;
  return { result: value, missing: NONE, reasons: [reason()] };
}

function unknown(fact: string, ctx: PredicateContext, reason: false | (() => Bilingual)): PredicateResult {
  if (!ctx.explain || reason === false) {
    let cached = unknownCache.get(fact);
    if (!cached) {
      cached = Object.freeze({ result: 'unknown', missing: Object.freeze([fact]), reasons: NONE });
      unknownCache.set(fact, cached);
    }
    return cached;
  }
  return { result: 'unknown', missing: [fact], reasons: [reason()] };
}

function both(make: (lang: Lang) => string): Bilingual {
  return { vi: make('vi'), en: make('en') };
}

const K1: readonly ResidentGroup[] = [
  'k1_child_no_support',
  'k1_poor_child_hiv',
  'k1_elderly',
  'k1_disability',
];

const describedGroups = new WeakMap<readonly ResidentGroup[], Bilingual>();

function describeGroupsCached(groups: readonly ResidentGroup[]): Bilingual {
  let text = describedGroups.get(groups);
  if (text === undefined) {
    text = { vi: describeGroups(groups, 'vi'), en: describeGroups(groups, 'en') };
    describedGroups.set(groups, text);
  }
  return text;
}

/** "k1, k2, k3" when whole categories are listed, otherwise the groups' names. */
export function describeGroups(groups: readonly ResidentGroup[], lang: Lang): string {
  const parts: string[] = [];
  const wholeK1 = K1.every((g) => groups.includes(g));
  for (const group of residentGroups) {
    if (!groups.includes(group)) continue;
    if (wholeK1 && K1.includes(group)) {
      if (group === K1[0]) parts.push('k1');
      continue;
    }
    const code = group.slice(0, 2);
    parts.push(code === 'k1' ? lowerFirst(groupLabels[group][lang]) : code);
  }
  return parts.join(', ');
}

function evalAge(p: Extract<Predicate, { op: 'age' }>, ctx: PredicateContext): PredicateResult {
  let day = ctx.day;
  if (p.at === 'admission') {
    if (ctx.admission === undefined) {
      return unknown(
        'stays',
        ctx,
        ctx.explain &&
          (() => ({
            vi: 'Chưa rõ ngày vào cơ sở',
            en: 'Admission date not recorded',
          })),
      );
    }
    if (ctx.admission === null) {
      return decided(false, ctx, ctx.explain && (() => ({ vi: 'Không ở cơ sở', en: 'Not in a facility' })));
    }
    day = ctx.admission;
  }
  const birth = ctx.birth;
  if (birth === undefined) {
    return unknown(
      'birthDate',
      ctx,
      ctx.explain && (() => ({ vi: 'Chưa rõ ngày sinh', en: 'Birth date not recorded' })),
    );
  }
  const age = ageRangeOn(birth, day);
  const threshold = p.years * 12;
  const under = age.max < threshold;
  const over = age.min >= threshold;
  if (!ctx.explain)
    return under || over ? ((p.cmp === 'lt') === under ? TRUE : FALSE) : unknown('birthDate', ctx, false);
  const prefix = (text: string, lang: Lang) => {
    if (p.at !== 'admission') return text;
    const date = formatDayNumber(day, lang);
    return lang === 'vi'
      ? `Khi vào cơ sở (${date}): ${lowerFirst(text)}`
      : `At admission (${date}): ${lowerFirst(text)}`;
  };
  const text = (lang: Lang) => {
    const shown = formatAgeRange(age.min, age.max, lang);
    if (under)
      return prefix(lang === 'vi' ? `Dưới ${p.years} tuổi (${shown})` : `Under ${p.years} (${shown})`, lang);
    if (over) {
      return prefix(
        lang === 'vi' ? `Từ đủ ${p.years} tuổi (${shown})` : `Aged ${p.years} or over (${shown})`,
        lang,
      );
    }
    const year = birth.earliest.year;
    return prefix(
      lang === 'vi'
        ? `Chỉ biết năm sinh ${year}: chưa xác định được đã đủ ${p.years} tuổi hay chưa`
        : `Only the birth year (${year}) is known: cannot tell whether aged ${p.years} yet`,
      lang,
    );
  };
  if (!under && !over) return unknown('birthDate', ctx, ctx.explain && (() => both(text)));
  return decided(p.cmp === 'lt' ? under : over, ctx, ctx.explain && (() => both(text)));
}

function evalGroup(p: Extract<Predicate, { op: 'group_in' }>, ctx: PredicateContext): PredicateResult {
  const group = ctx.facts.group;
  if (group === undefined) {
    return unknown(
      'group',
      ctx,
      ctx.explain && (() => ({ vi: 'Chưa rõ nhóm đối tượng', en: 'Resident group not recorded' })),
    );
  }
  const label = groupLabels[group];
  if (p.groups.includes(group)) return decided(true, ctx, ctx.explain && (() => label));
  return decided(
    false,
    ctx,
    ctx.explain &&
      (() => ({
        vi: `${label.vi} không thuộc diện ${describeGroupsCached(p.groups).vi}`,
        en: `${label.en} is not in ${describeGroupsCached(p.groups).en}`,
      })),
  );
}

function evalFlag(p: Extract<Predicate, { op: 'flag' }>, ctx: PredicateContext): PredicateResult {
  const value =
    p.flag === 'noMeansOfSupport' ? ctx.facts.noMeansOfSupport : ctx.facts.circumstances?.[p.flag];
  const label = flagLabels[p.flag];
  if (value === undefined) {
    const fact = p.flag === 'noMeansOfSupport' ? 'noMeansOfSupport' : `circumstances.${p.flag}`;
    return unknown(
      fact,
      ctx,
      ctx.explain && (() => ({ vi: `Chưa rõ: ${label.vi}`, en: `Not recorded: ${label.en}` })),
    );
  }
  if (value)
    return decided(
      true,
      ctx,
      ctx.explain && (() => ({ vi: upperFirst(label.vi), en: upperFirst(label.en) })),
    );
  return decided(
    false,
    ctx,
    ctx.explain &&
      (() => ({
        vi: `Không thuộc trường hợp ${label.vi}`,
        en: `Not the case: ${label.en}`,
      })),
  );
}

function evalIncome(p: Extract<Predicate, { op: 'income' }>, ctx: PredicateContext): PredicateResult {
  const value = ctx.facts.incomes?.[p.kind];
  const label = incomeLabels[p.kind];
  if (value === undefined) {
    return unknown(
      `incomes.${p.kind}`,
      ctx,
      ctx.explain &&
        (() => ({
          vi: `Chưa rõ ${label.vi}`,
          en: `${upperFirst(label.en)} not recorded`,
        })),
    );
  }
  if (value > 0) {
    return decided(
      true,
      ctx,
      ctx.explain &&
        (() => ({
          vi: `Có ${label.vi}: ${formatVnd(value, 'vi')}/tháng`,
          en: `Receives a ${label.en}: ${formatVnd(value, 'en')}/month`,
        })),
    );
  }
  return decided(false, ctx, ctx.explain && (() => ({ vi: `Không có ${label.vi}`, en: `No ${label.en}` })));
}

function evalStudying(ctx: PredicateContext): PredicateResult {
  const studying = ctx.facts.studying;
  if (studying === undefined) {
    return unknown(
      'studying',
      ctx,
      ctx.explain && (() => ({ vi: 'Chưa rõ việc đi học', en: 'Schooling not recorded' })),
    );
  }
  if (studying === null)
    return decided(false, ctx, ctx.explain && (() => ({ vi: 'Không đi học', en: 'Not studying' })));
  const until = toDayNumber(studying.until);
  if (until >= ctx.day) {
    return decided(
      true,
      ctx,
      ctx.explain &&
        (() =>
          both((lang) =>
            lang === 'vi'
              ? `Đang đi học (đến ${formatDayNumber(until, lang)})`
              : `Studying (until ${formatDayNumber(until, lang)})`,
          )),
    );
  }
  return decided(
    false,
    ctx,
    ctx.explain &&
      (() =>
        both((lang) =>
          lang === 'vi'
            ? `Đã kết thúc học (${formatDayNumber(until, lang)})`
            : `Finished studying (${formatDayNumber(until, lang)})`,
        )),
  );
}

function evalDisability(
  p: Extract<Predicate, { op: 'disability_in' }>,
  ctx: PredicateContext,
): PredicateResult {
  const level = ctx.facts.disabilityLevel;
  if (level === undefined) {
    return unknown(
      'disabilityLevel',
      ctx,
      ctx.explain &&
        (() => ({
          vi: 'Chưa rõ mức độ khuyết tật',
          en: 'Disability level not recorded',
        })),
    );
  }
  if (level === null)
    return decided(false, ctx, ctx.explain && (() => ({ vi: 'Không khuyết tật', en: 'No disability' })));
  const label = disabilityLabels[level];
  if (p.levels.includes(level)) {
    return decided(
      true,
      ctx,
      ctx.explain &&
        (() => ({
          vi: `Khuyết tật ${label.vi}`,
          en: `${upperFirst(label.en)} disability`,
        })),
    );
  }
  return decided(
    false,
    ctx,
    ctx.explain &&
      (() => ({
        vi: `Khuyết tật ${label.vi} (không thuộc mức ${p.levels.map((l) => disabilityLabels[l].vi).join(' hoặc ')})`,
        en: `${upperFirst(label.en)} disability (not ${p.levels.map((l) => disabilityLabels[l].en).join(' or ')})`,
      })),
  );
}

const sexLabels = { male: { vi: 'Nam', en: 'Male' }, female: { vi: 'Nữ', en: 'Female' } } as const;

function evalSex(p: Extract<Predicate, { op: 'sex' }>, ctx: PredicateContext): PredicateResult {
  const sex = ctx.facts.sex;
  if (sex === undefined)
    return unknown('sex', ctx, ctx.explain && (() => ({ vi: 'Chưa rõ giới tính', en: 'Sex not recorded' })));
  return decided(sex === p.is, ctx, ctx.explain && (() => sexLabels[sex]));
}

function evalMonthsSinceAdmission(
  p: Extract<Predicate, { op: 'months_since_admission' }>,
  ctx: PredicateContext,
): PredicateResult {
  const admission = ctx.admission;
  if (admission === undefined) {
    return unknown(
      'stays',
      ctx,
      ctx.explain && (() => ({ vi: 'Chưa rõ ngày vào cơ sở', en: 'Admission date not recorded' })),
    );
  }
  if (admission === null)
    return decided(false, ctx, ctx.explain && (() => ({ vi: 'Không ở cơ sở', en: 'Not in a facility' })));
  const months = completedMonths(civilOf(admission), civilOf(ctx.day));
  const value = p.cmp === 'lt' ? months < p.months : months >= p.months;
  return decided(
    value,
    ctx,
    ctx.explain &&
      (() =>
        both((lang) =>
          lang === 'vi'
            ? `Đã ở cơ sở ${months} tháng (từ ${formatDayNumber(admission, lang)})`
            : `${months} ${months === 1 ? 'month' : 'months'} in the facility (since ${formatDayNumber(admission, lang)})`,
        )),
  );
}

function evalDischarged(
  p: Extract<Predicate, { op: 'discharged_in_month' }>,
  ctx: PredicateContext,
): PredicateResult {
  const presence = ctx.presence;
  if (presence === undefined) {
    return unknown(
      'stays',
      ctx,
      ctx.explain && (() => ({ vi: 'Chưa rõ thời gian ở cơ sở', en: 'Stays not recorded' })),
    );
  }
  let unclear = false;
  for (const event of presence.discharges) {
    if (event.reason == null) {
      unclear = true;
      continue;
    }
    const reason = event.reason;
    if (!p.reasons.includes(reason)) continue;
    return decided(
      true,
      ctx,
      ctx.explain &&
        (() =>
          both((lang) => {
            const date = formatDayNumber(event.day, lang);
            if (reason === 'deceased') return lang === 'vi' ? `Chết ngày ${date}` : `Died on ${date}`;
            const why = dischargeReasonLabels[reason][lang];
            return lang === 'vi' ? `Ra khỏi cơ sở ngày ${date} (${why})` : `Discharged on ${date} (${why})`;
          })),
    );
  }
  if (unclear) {
    return unknown(
      'stays.dischargeReason',
      ctx,
      ctx.explain &&
        (() => ({
          vi: 'Ra khỏi cơ sở trong tháng nhưng chưa rõ lý do',
          en: 'Discharged this month, reason not recorded',
        })),
    );
  }
  return decided(
    false,
    ctx,
    ctx.explain &&
      (() =>
        p.reasons.length === 1 && p.reasons[0] === 'deceased'
          ? { vi: 'Không có tử vong trong tháng', en: 'No death this month' }
          : {
              vi: `Không ra khỏi cơ sở trong tháng với lý do: ${p.reasons.map((r) => dischargeReasonLabels[r].vi).join(', ')}`,
              en: `No discharge this month for: ${p.reasons.map((r) => dischargeReasonLabels[r].en).join(', ')}`,
            }),
  );
}

function evalRule(p: Extract<Predicate, { op: 'rule' }>, ctx: PredicateContext): PredicateResult {
  const ref = ctx.rules?.reference(p.code);
  if (ref === undefined) {
    return decided(
      false,
      ctx,
      ctx.explain &&
        (() => ({
          vi: `Không áp dụng quy định ${p.code}`,
          en: `Rule ${p.code} is not applied`,
        })),
    );
  }
  const title = ref.title;
  if (ref.result === 'unknown') {
    if (!ctx.explain) return { result: 'unknown', missing: ref.missing, reasons: NONE };
    return {
      result: 'unknown',
      missing: ref.missing,
      reasons: [
        {
          vi: `Chưa xác định được việc hưởng ${lowerFirst(title.vi)}`,
          en: `Cannot yet tell whether the ${lowerFirst(title.en)} applies`,
        },
      ],
    };
  }
  return decided(
    ref.result,
    ctx,
    ctx.explain &&
      (() =>
        ref.result
          ? { vi: `Đang hưởng ${lowerFirst(title.vi)}`, en: `Receives the ${lowerFirst(title.en)}` }
          : {
              vi: `Không hưởng ${lowerFirst(title.vi)}`,
              en: `Does not receive the ${lowerFirst(title.en)}`,
            }),
  );
}

function pushMissing(into: string[], from: readonly string[]): void {
  for (const fact of from) if (!into.includes(fact)) into.push(fact);
}

/**
 * all() and any() are duals: a part whose result equals `decisive` (false for all, true for any) settles
 * the whole; otherwise any unknown part makes the whole unknown (three-valued logic).
 */
function evalJunction(
  parts: readonly Predicate[],
  ctx: PredicateContext,
  decisive: boolean,
): PredicateResult {
  let settled = false;
  let anyUnknown = false;
  const missing: string[] = [];
  const settling: Bilingual[] = [];
  const others: Bilingual[] = [];
  const unknowns: Bilingual[] = [];
  for (const part of parts) {
    const r = evaluate(part, ctx);
    if (r.result === decisive) {
      if (!ctx.explain) return decisive ? TRUE : FALSE;
      settled = true;
      settling.push(...r.reasons);
    } else if (r.result === 'unknown') {
      anyUnknown = true;
      pushMissing(missing, r.missing);
      if (ctx.explain) unknowns.push(...r.reasons);
    } else if (ctx.explain) {
      others.push(...r.reasons);
    }
  }
  if (settled) return { result: decisive, missing: NONE, reasons: settling };
  if (anyUnknown) return { result: 'unknown', missing, reasons: ctx.explain ? unknowns : NONE };
  if (!ctx.explain) return decisive ? FALSE : TRUE;
  return { result: !decisive, missing: NONE, reasons: others };
}

/** Evaluates a predicate in a prepared context (the engine builds one per resident and rule). */
export function evaluate(p: Predicate, ctx: PredicateContext): PredicateResult {
  switch (p.op) {
    case 'all':
      return evalJunction(p.of, ctx, false);
    case 'any':
      return evalJunction(p.of, ctx, true);
    case 'not': {
      const r = evaluate(p.of, ctx);
      if (r.result === 'unknown') return r;
      if (!ctx.explain) return r.result ? FALSE : TRUE;
      return { result: !r.result, missing: NONE, reasons: r.reasons };
    }
    case 'group_in':
      return evalGroup(p, ctx);
    case 'age':
      return evalAge(p, ctx);
    case 'flag':
      return evalFlag(p, ctx);
    case 'income':
      return evalIncome(p, ctx);
    case 'studying':
      return evalStudying(ctx);
    case 'disability_in':
      return evalDisability(p, ctx);
    case 'sex':
      return evalSex(p, ctx);
    case 'months_since_admission':
      return evalMonthsSinceAdmission(p, ctx);
    case 'discharged_in_month':
      return evalDischarged(p, ctx);
    case 'rule':
      return evalRule(p, ctx);
  }
}

export interface EvaluatePredicateOptions {
  /** Build bilingual reasons (default true). */
  explain?: boolean;
  /** Outcomes of other rules, for `rule` predicates. */
  rules?: RuleLookup;
}

/**
 * Evaluates a predicate for one resident on one day, outside a full monthly evaluation (e.g. to list
 * who a draft policy would reach). `discharged_in_month` looks at the month of `on`.
 */
export function evaluatePredicate(
  predicate: Predicate,
  facts: ResidentFacts,
  on: IsoDate,
  options: EvaluatePredicateOptions = {},
): PredicateResult {
  parseIsoDate(on);
  const month = monthInfo(on.slice(0, 7));
  const day = toDayNumber(on);
  return evaluate(predicate, {
    facts,
    birth: birthRange(facts),
    day,
    month,
    presence: presenceIn(facts, month),
    admission: episodeStartOn(facts, day),
    explain: options.explain ?? true,
    rules: options.rules,
  });
}

/** Every rule code a predicate refers to (for dependency ordering and validation). */
export function referencedRules(p: Predicate, into: string[] = []): string[] {
  switch (p.op) {
    case 'all':
    case 'any':
      for (const part of p.of) referencedRules(part, into);
      break;
    case 'not':
      referencedRules(p.of, into);
      break;
    case 'rule':
      if (!into.includes(p.code)) into.push(p.code);
      break;
    default:
      break;
  }
  return into;
}
