/**
 * The entitlement engine: one pure function from (resident facts, month, policy set) to one outcome per
 * rule. No clock, no I/O, no randomness: the same input always gives a deep-equal output.
 *
 * HOW A MONTH IS COUNTED
 *
 * 1. Days present. A stay covers its admission day up to, but not including, its discharge day: the
 *    person left that day. A discharge by death is the exception: the day of death counts. A transfer
 *    is a discharge and an admission on the same day, so the day belongs to the receiving centre.
 *    Why: the centre is funded for the days it actually cares for the person, and two centres involved
 *    in a transfer must never both be paid for the same day (with `facilityId` each centre's claim
 *    covers only its own stays, and the claims add up to the person's days exactly).
 *
 * 2. Evaluation day. Who qualifies, age-dependent coefficients ("dưới 4 tuổi" → 5.0) and the base level
 *    are decided once per month, on the evaluation day: the first day of the month the person is present
 *    and the rule is in force (the 1st, or the admission day if admitted later). "Age is counted on the
 *    day the month is evaluated" (FACTS.md): a child who turns 4 on 15 March keeps coefficient 5.0 for
 *    March and gets 4.0 from April; born on 1 March 2022, she is 4 on 1 March 2026 and gets 4.0 for March.
 *
 * 3. Day-exact ends. Stop conditions cut the month on the day they happen, like a discharge (that day is
 *    not paid): turning 16 (Art. 30(2)(d)); the end of studies or turning 22 for a resident kept on
 *    while studying (Art. 26(2)); the end of the 3-month emergency stay (Art. 24(4), admission day +
 *    3 months, exclusive, unless extended); and a rule's own effectiveFrom/effectiveTo. This is the one
 *    exception to the evaluation-day rule, and it is coherent with it: a rate (which coefficient) is a
 *    property of the month, but a stop condition ends the right to be nurtured on a day, exactly as a
 *    discharge does, so it is counted the way discharges are.
 *
 * 4. Proration. Monthly amounts are paid for the eligible days:
 *      amount = round(monthly × eligibleDays / daysInMonth), to whole VND, half up.
 *    Computed in integers (coefficients and percentages have at most two decimals), so 1.5 × 360,000
 *    is exactly 540,000 and no float error can move a đồng. One-off amounts (burial support) are paid
 *    in full in the month of the event if the person was entitled on at least one day of it; in-kind
 *    and exclusion outcomes carry no money. "Up to" ceilings (common medicines) are prorated like
 *    allowances, so that two centres sharing a month can never claim two full ceilings between them.
 */
import {
  addMonthsToDayNumber,
  fromDayNumber,
  type IsoDate,
  type MonthInfo,
  monthInfo,
  toDayNumber,
  type YearMonth,
} from './dates.ts';
import { dischargeReasonLabels, missingFactLabel, type ResidentFacts } from './facts.ts';
import {
  type Bilingual,
  formatAgeRange,
  formatCoefficient,
  formatDate,
  formatDayNumber,
  formatDecimal,
  formatMonth,
  formatPercent,
  formatVnd,
  type Lang,
  lowerFirst,
  upperFirst,
} from './format.ts';
import type { AgeTier, AmountKind, Limit, PolicyRule, PolicySet, RuleKind, RuleStatus } from './policy.ts';
import { evaluationOrder, ruleDependencies } from './policy.ts';
import {
  evaluate,
  type PredicateContext,
  type PredicateResult,
  type RuleLookup,
  type RuleReference,
  type Tri,
} from './predicate.ts';
import {
  ageRangeOn,
  type BirthRange,
  birthdayRange,
  birthRange,
  episodeStartOn,
  type Presence,
  type PresenceInterval,
  presenceIn,
} from './resident.ts';

export type { Tri };

/**
 * Which rules to evaluate: 'in_force' (default), 'in_force_and_proposed' (planners' preview), or a
 * list of codes (any status but archived; the rules they refer to are evaluated and reported too).
 * Only rules whose effective range overlaps the month are evaluated.
 */
export type IncludeOption = 'in_force' | 'in_force_and_proposed' | readonly string[];

export interface EvaluateOptions {
  include?: IncludeOption;
  /** Count only the days of stays at this facility (a centre's own claim). */
  facilityId?: string;
}

export interface RuleOutcome {
  ruleCode: string;
  /** effectiveFrom of the rule version evaluated (a code may have dated versions). */
  ruleEffectiveFrom: IsoDate;
  status: RuleStatus;
  kind: RuleKind;
  amountKind: AmountKind;
  qualifies: Tri;
  /** Money for this month in whole VND; 0 unless `qualifies` is true, and for in-kind and exclusion rules. */
  amountVnd: number;
  /** Full-month amount (monthly rules) or the one-off amount, before proration; 0 when not computed. */
  monthlyAmountVnd: number;
  /** The amount is a ceiling on actual costs ('up_to'), not a sum paid as such. */
  isCeiling: boolean;
  /** The rule's amount is a stand-in not yet set by planners. */
  isPlaceholder: boolean;
  /** Days in a stay this month (all stays, or those at `facilityId`). */
  daysPresent: number;
  /** Days paid: present, rule in force, before any stop condition; 0 unless `qualifies` is true. */
  daysEligible: number;
  daysInMonth: number;
  /** The evaluation day; null when the person was not present in the month. */
  evaluatedOn: IsoDate | null;
  /** Base level applied, when the amount depends on it. */
  baseLevelVnd: number | null;
  explanation: Bilingual;
  /** Facts whose absence prevents a decision (only when `qualifies` is 'unknown'). */
  missingFacts: string[];
  legalBasis: string;
}

interface Selected {
  rule: PolicyRule;
  /** Position in the output (policy order). */
  slot: number;
  from: number;
  /** Day after effectiveTo (exclusive), or +Infinity. */
  until: number;
}

interface Compiled {
  month: MonthInfo;
  order: Selected[];
  count: number;
  baseLevels: { from: number; vnd: number }[];
  excluders: Map<string, Selected[]>;
  titles: Map<string, Bilingual>;
}

function isSelected(rule: PolicyRule, include: IncludeOption): boolean {
  if (rule.status === 'archived') return false;
  if (include === 'in_force') return rule.status === 'in_force';
  if (include === 'in_force_and_proposed') return true;
  return include.includes(rule.code);
}

function compile(policy: PolicySet, month: YearMonth, options: EvaluateOptions): Compiled {
  const info = monthInfo(month);
  const include = options.include ?? 'in_force';
  const inMonth = (rule: PolicyRule) =>
    toDayNumber(rule.effectiveFrom) < info.end &&
    (rule.effectiveTo == null || toDayNumber(rule.effectiveTo) >= info.first);
  const live = policy.rules.filter((rule) => rule.status !== 'archived' && inMonth(rule));
  const chosen = new Set(live.filter((rule) => isSelected(rule, include)));
  if (typeof include !== 'string') {
    // A listed rule may refer to rules that are not listed: evaluate those too.
    const pending = [...chosen];
    while (pending.length > 0) {
      const rule = pending.pop() as PolicyRule;
      for (const code of ruleDependencies(rule)) {
        for (const dep of live) {
          if (dep.code === code && !chosen.has(dep)) {
            chosen.add(dep);
            pending.push(dep);
          }
        }
      }
    }
  }
  const inOrder = policy.rules.filter((rule) => chosen.has(rule));
  const selected: Selected[] = inOrder.map((rule, slot) => ({
    rule,
    slot,
    from: toDayNumber(rule.effectiveFrom),
    until: rule.effectiveTo == null ? Number.POSITIVE_INFINITY : toDayNumber(rule.effectiveTo) + 1,
  }));
  const rank = new Map(evaluationOrder(inOrder).map((code, i) => [code, i]));
  const order = [...selected].sort(
    (a, b) => (rank.get(a.rule.code) ?? 0) - (rank.get(b.rule.code) ?? 0) || a.slot - b.slot,
  );
  const excluders = new Map<string, Selected[]>();
  const titles = new Map<string, Bilingual>();
  for (const sel of selected) {
    if (!titles.has(sel.rule.code)) titles.set(sel.rule.code, sel.rule.title);
    for (const code of sel.rule.excludes ?? []) {
      const list = excluders.get(code) ?? [];
      list.push(sel);
      excluders.set(code, list);
    }
  }
  return {
    month: info,
    order,
    count: selected.length,
    baseLevels: policy.baseLevels.map((level) => ({
      from: toDayNumber(level.effectiveFrom),
      vnd: level.vnd,
    })),
    excluders,
    titles,
  };
}

function baseLevelFor(c: Compiled, day: number): number {
  let vnd: number | undefined;
  for (const level of c.baseLevels) {
    if (level.from <= day) vnd = level.vnd;
    else break;
  }
  if (vnd === undefined) throw new RangeError(`No base level in force on ${fromDayNumber(day)}`);
  return vnd;
}

/** round(numerator / denominator), half up, for non-negative integers. */
function roundDiv(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

function hundredths(value: number): number {
  return Math.round(value * 100);
}

const NO_TEXT: Bilingual = Object.freeze({ vi: '', en: '' });
const NOTHING: readonly never[] = Object.freeze([]);

function both(make: (lang: Lang) => string): Bilingual {
  return { vi: make('vi'), en: make('en') };
}

function joinTexts(parts: readonly Bilingual[], separator = '; '): Bilingual {
  if (parts.length === 1) return parts[0] as Bilingual;
  let vi = '';
  let en = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Bilingual;
    vi += i === 0 ? part.vi : separator + part.vi;
    en += i === 0 ? part.en : separator + part.en;
  }
  return { vi, en };
}

/** The same reason can come from the predicate and a limit (e.g. "group not recorded"): say it once. */
function distinct(parts: readonly Bilingual[]): Bilingual[] {
  const out: Bilingual[] = [];
  for (const part of parts) {
    let seen = false;
    for (const other of out) if (other.vi === part.vi) seen = true;
    if (!seen) out.push(part);
  }
  return out;
}

function pushMissing(into: string[], from: readonly string[]): void {
  for (const fact of from) if (!into.includes(fact)) into.push(fact);
}

// ---------------------------------------------------------------------------------------------------
// Limits (day-exact ends)

interface LimitCut {
  /** First day not paid within the interval (= interval end when the limit does not cut). */
  cut: number;
  unknown: readonly string[] | null;
  why?: Bilingual | undefined;
  note?: Bilingual | undefined;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(Math.max(value, lo), hi);
}

/** First day without support: the birthday, or while studying the end of studies capped by the upper birthday. */
function supportEnd(turnsDay: number, maxDay: number | null, studyEnd: number | null): number {
  return maxDay === null || studyEnd === null ? turnsDay : Math.max(turnsDay, Math.min(maxDay, studyEnd));
}

function appliesResult(limit: Limit, ctx: PredicateContext): PredicateResult | null {
  return limit.appliesTo ? evaluate(limit.appliesTo, ctx) : null;
}

function ageLimitCut(
  limit: Extract<Limit, { kind: 'age' }>,
  interval: PresenceInterval,
  ctx: PredicateContext,
): LimitCut {
  const { start, end } = interval;
  const applies = appliesResult(limit, ctx);
  if (applies?.result === false) return { cut: end, unknown: null };
  const birth = ctx.birth;
  const explain = ctx.explain;
  if (birth === undefined) {
    const missing = ['birthDate'];
    if (applies?.result === 'unknown') pushMissing(missing, applies.missing);
    return {
      cut: end,
      unknown: missing,
      why: explain
        ? {
            vi: `Chưa rõ ngày sinh để xác định ngày đủ ${limit.years} tuổi`,
            en: `Birth date needed to tell when they turn ${limit.years}`,
          }
        : undefined,
    };
  }
  const years = limit.years;
  const studyYears = limit.whileStudyingUntilYears;
  const turns = birthdayRange(birth, years);
  const turnsMax = studyYears === undefined ? null : birthdayRange(birth, studyYears);
  const studying = ctx.facts.studying;
  // Day after the last day of studies; null = not studying. Unknown schooling: try both extremes.
  const studyEnds: (number | null)[] =
    studying === undefined
      ? turnsMax === null
        ? [null]
        : [null, Number.POSITIVE_INFINITY]
      : [studying === null ? null : toDayNumber(studying.until) + 1];
  const births: [number, number | null][] = [[turns.lo, turnsMax?.lo ?? null]];
  if (!birth.exact) births.push([turns.hi, turnsMax?.hi ?? null]);
  // Where the support ends for every possible birth day × schooling; decided when they all agree.
  let first = Number.NaN;
  let variesByBirth = false;
  let variesByStudy = false;
  for (let si = 0; si < studyEnds.length; si++) {
    for (let bi = 0; bi < births.length; bi++) {
      const [turnsDay, maxDay] = births[bi] as [number, number | null];
      const v = clamp(supportEnd(turnsDay, maxDay, studyEnds[si] ?? null), start, end);
      if (si === 0 && bi === 0) first = v;
      else if (v !== first) {
        if (bi > 0) variesByBirth = true;
        if (si > 0) variesByStudy = true;
      }
    }
  }
  const decided = !variesByBirth && !variesByStudy;
  if (!decided) {
    const missing: string[] = [];
    if (variesByBirth) missing.push('birthDate');
    if (variesByStudy) missing.push('studying');
    if (applies?.result === 'unknown') pushMissing(missing, applies.missing);
    return {
      cut: end,
      unknown: missing,
      why: explain
        ? both((lang) => {
            if (variesByBirth) {
              return lang === 'vi'
                ? `Chỉ biết năm sinh ${birth.earliest.year}: chưa xác định được ngày đủ ${years} tuổi`
                : `Only the birth year (${birth.earliest.year}) is known: cannot tell when they turn ${years}`;
            }
            const date = formatDayNumber(turns.lo, lang);
            return lang === 'vi'
              ? `Đủ ${years} tuổi ngày ${date}: chưa rõ có đang đi học không`
              : `Turns ${years} on ${date}: schooling not recorded`;
          })
        : undefined,
    };
  }
  const cut = first;
  if (cut >= end) {
    // Not cut this month; say so when studies are what keeps the support going past `years`.
    const note =
      explain && studying && turnsMax !== null && Math.min(cut, end) > Math.max(start, turns.hi)
        ? both((lang) => {
            const until = formatDate(studying.until, lang);
            return lang === 'vi'
              ? `đang đi học đến ${until} nên tiếp tục được hưởng sau ${years} tuổi, không quá ${studyYears} tuổi`
              : `studying until ${until}, so support continues past ${years}, up to age ${studyYears}`;
          })
        : undefined;
    return { cut: end, unknown: null, note };
  }
  if (applies?.result === 'unknown') {
    return { cut: end, unknown: applies.missing, why: explain ? joinTexts(applies.reasons) : undefined };
  }
  const why = explain
    ? both((lang) => {
        if (!birth.exact) {
          return lang === 'vi'
            ? `đã đủ ${years} tuổi (sinh năm ${birth.earliest.year})`
            : `already aged ${years} or over (born ${birth.earliest.year})`;
        }
        const raw = supportEnd(turns.lo, turnsMax?.lo ?? null, studyEnds[studyEnds.length - 1] ?? null);
        if (turnsMax !== null && raw > turns.lo && raw === turnsMax.lo) {
          const date = formatDayNumber(raw, lang);
          return lang === 'vi'
            ? `đủ ${studyYears} tuổi ngày ${date} (tối đa khi đang đi học)`
            : `turned ${studyYears} on ${date} (the limit while studying)`;
        }
        if (raw > turns.lo) {
          const date = formatDayNumber(raw - 1, lang);
          return lang === 'vi' ? `kết thúc học ngày ${date}` : `finished studying on ${date}`;
        }
        const date = formatDayNumber(turns.lo, lang);
        const tail = turnsMax === null ? '' : lang === 'vi' ? ', không còn đi học' : ', not studying';
        return lang === 'vi' ? `đủ ${years} tuổi ngày ${date}${tail}` : `turned ${years} on ${date}${tail}`;
      })
    : undefined;
  return { cut, unknown: null, why };
}

function emergencyLimitCut(
  limit: Extract<Limit, { kind: 'emergency_stay' }>,
  interval: PresenceInterval,
  ctx: PredicateContext,
): LimitCut {
  const { start, end, episodeStart } = interval;
  const applies = appliesResult(limit, ctx);
  if (applies?.result === false) return { cut: end, unknown: null };
  const explain = ctx.explain;
  const limitDay = addMonthsToDayNumber(episodeStart, limit.months);
  const extended = ctx.facts.emergencyExtendedUntil;
  const extendedEnd = extended == null ? null : toDayNumber(extended) + 1;
  const raw = extendedEnd === null ? limitDay : Math.max(limitDay, extendedEnd);
  const cut = clamp(raw, start, end);
  if (cut >= end) {
    const note =
      explain && extended != null && limitDay < end && applies?.result !== 'unknown'
        ? both((lang) =>
            lang === 'vi'
              ? `bảo vệ khẩn cấp quá ${limit.months} tháng, đã được gia hạn đến ${formatDate(extended, lang)}`
              : `emergency stay beyond ${limit.months} months, extended until ${formatDate(extended, lang)}`,
          )
        : undefined;
    return { cut: end, unknown: null, note };
  }
  if (applies?.result === 'unknown') {
    return { cut: end, unknown: applies.missing, why: explain ? joinTexts(applies.reasons) : undefined };
  }
  const why = explain
    ? both((lang) => {
        const admitted = formatDayNumber(episodeStart, lang);
        const last = formatDayNumber(raw - 1, lang);
        const ext =
          extended == null
            ? ''
            : lang === 'vi'
              ? `, gia hạn đến ${formatDate(extended, lang)}`
              : `, extended until ${formatDate(extended, lang)}`;
        return lang === 'vi'
          ? `hết thời hạn bảo vệ khẩn cấp ${limit.months} tháng kể từ ngày vào cơ sở ${admitted}${ext}, hưởng đến hết ${last}`
          : `end of the ${limit.months}-month emergency protection from admission on ${admitted}${ext}, paid through ${last}`;
      })
    : undefined;
  return { cut, unknown: null, why };
}

interface LimitsResult {
  eligible: number;
  unknown: string[] | null;
  unknownWhy: Bilingual[];
  cuts: Bilingual[];
  notes: Bilingual[];
}

function applyLimits(
  limits: readonly Limit[],
  intervals: readonly PresenceInterval[],
  first: PredicateContext,
): LimitsResult {
  const explain = first.explain;
  let eligible = 0;
  let unknown: string[] | null = null;
  const unknownWhy: Bilingual[] = [];
  const cuts: Bilingual[] = [];
  const notes: Bilingual[] = [];
  for (let i = 0; i < intervals.length; i++) {
    const interval = intervals[i] as PresenceInterval;
    const ctx: PredicateContext =
      i === 0 ? first : { ...first, day: interval.start, admission: interval.episodeStart };
    let cut = interval.end;
    let cutWhy: Bilingual | undefined;
    for (const limit of limits) {
      const r =
        limit.kind === 'age' ? ageLimitCut(limit, interval, ctx) : emergencyLimitCut(limit, interval, ctx);
      if (r.unknown) {
        unknown ??= [];
        pushMissing(unknown, r.unknown);
        if (explain && r.why) unknownWhy.push(r.why);
        continue;
      }
      if (r.cut < cut) {
        cut = r.cut;
        cutWhy = r.why;
      }
      if (explain && r.note && !notes.some((n) => n.vi === r.note?.vi)) notes.push(r.note);
    }
    eligible += cut - interval.start;
    if (explain && cutWhy && !cuts.some((c) => c.vi === cutWhy?.vi)) cuts.push(cutWhy);
  }
  return { eligible, unknown, unknownWhy, cuts, notes };
}

// ---------------------------------------------------------------------------------------------------
// Amounts

interface AmountResult {
  /** Full-month (or one-off) amount; undefined when it cannot be decided. */
  value: number | undefined;
  base: number | null;
  missing?: readonly string[];
  why?: Bilingual | undefined;
  /** Leading condition replacing the predicate's reasons (the age tier). */
  lead?: Bilingual | undefined;
  /** "hệ số 5,0 × 500.000 đ = 2.500.000 đ" */
  line?: Bilingual | undefined;
}

function tierLabel(tiers: readonly AgeTier[], index: number, lang: Lang): string {
  const tier = tiers[index] as AgeTier;
  if (tier.label) return tier.label[lang];
  if (tier.belowAgeYears !== undefined) {
    return lang === 'vi' ? `Dưới ${tier.belowAgeYears} tuổi` : `Under ${tier.belowAgeYears}`;
  }
  const from = tiers[index - 1]?.belowAgeYears;
  if (from === undefined) return lang === 'vi' ? 'Mọi lứa tuổi' : 'Any age';
  return lang === 'vi' ? `Từ đủ ${from} tuổi trở lên` : `Aged ${from} or over`;
}

function tierIndex(tiers: readonly AgeTier[], ageMonths: number): number {
  for (let i = 0; i < tiers.length; i++) {
    const below = (tiers[i] as AgeTier).belowAgeYears;
    if (below === undefined || ageMonths < below * 12) return i;
  }
  return tiers.length - 1;
}

function coefficientLine(coefficient: number, base: number, value: number): Bilingual {
  return both((lang) =>
    lang === 'vi'
      ? `hệ số ${formatCoefficient(coefficient, lang)} × ${formatVnd(base, lang)} = ${formatVnd(value, lang)}`
      : `coefficient ${formatCoefficient(coefficient, lang)} × ${formatVnd(base, lang)} = ${formatVnd(value, lang)}`,
  );
}

function formatMultiple(value: number, lang: Lang): string {
  return Number.isInteger(value) ? String(value) : formatDecimal(value, lang);
}

function computeAmount(rule: PolicyRule, c: Compiled, day: number, ctx: PredicateContext): AmountResult {
  const amount = rule.amount;
  const explain = ctx.explain;
  switch (amount.kind) {
    case 'base_coefficient': {
      const base = baseLevelFor(c, day);
      const value = roundDiv(hundredths(amount.coefficient) * base, 100);
      return { value, base, line: explain ? coefficientLine(amount.coefficient, base, value) : undefined };
    }
    case 'base_coefficient_by_age': {
      const base = baseLevelFor(c, day);
      const birth = ctx.birth;
      if (birth === undefined) {
        return {
          value: undefined,
          base,
          missing: ['birthDate'],
          why: explain
            ? {
                vi: 'Chưa rõ ngày sinh để chọn hệ số theo tuổi',
                en: 'Birth date needed to choose the age coefficient',
              }
            : undefined,
        };
      }
      const age = ageRangeOn(birth, day);
      const index = tierIndex(amount.tiers, age.min);
      if (tierIndex(amount.tiers, age.max) !== index) {
        return {
          value: undefined,
          base,
          missing: ['birthDate'],
          why: explain
            ? both((lang) =>
                lang === 'vi'
                  ? `Chỉ biết năm sinh ${birth.earliest.year} (${formatAgeRange(age.min, age.max, lang)}): chưa chọn được hệ số theo tuổi`
                  : `Only the birth year (${birth.earliest.year}) is known (${formatAgeRange(age.min, age.max, lang)}): cannot choose the age coefficient`,
              )
            : undefined,
        };
      }
      const tier = amount.tiers[index] as AgeTier;
      const value = roundDiv(hundredths(tier.coefficient) * base, 100);
      return {
        value,
        base,
        lead: explain
          ? both(
              (lang) => `${tierLabel(amount.tiers, index, lang)} (${formatAgeRange(age.min, age.max, lang)})`,
            )
          : undefined,
        line: explain ? coefficientLine(tier.coefficient, base, value) : undefined,
      };
    }
    case 'fixed':
      return {
        value: amount.vnd,
        base: null,
        line: explain
          ? both((lang) => {
              const perMonth = rule.kind === 'monthly' ? (lang === 'vi' ? '/tháng' : '/month') : '';
              return `${formatVnd(amount.vnd, lang)}${perMonth}`;
            })
          : undefined,
      };
    case 'percent_of_care_cost': {
      const cost = ctx.facts.facilityCareCostVnd;
      if (cost === undefined) {
        return {
          value: undefined,
          base: null,
          missing: ['facilityCareCostVnd'],
          why: explain
            ? {
                vi: 'Chưa có chi phí chăm sóc hàng tháng của cơ sở',
                en: 'Facility monthly care cost not recorded',
              }
            : undefined,
        };
      }
      const value = roundDiv(cost * hundredths(amount.percent), 10000);
      return {
        value,
        base: null,
        line: explain
          ? both((lang) =>
              lang === 'vi'
                ? `${formatPercent(amount.percent, lang)} × chi phí chăm sóc ${formatVnd(cost, lang)} = ${formatVnd(value, lang)}`
                : `${formatPercent(amount.percent, lang)} × care cost ${formatVnd(cost, lang)} = ${formatVnd(value, lang)}`,
            )
          : undefined,
      };
    }
    case 'up_to':
      return {
        value: amount.capVnd,
        base: null,
        line: explain
          ? both((lang) =>
              lang === 'vi'
                ? `theo chi phí thực tế, tối đa ${formatVnd(amount.capVnd, lang)}/tháng`
                : `at actual cost, up to ${formatVnd(amount.capVnd, lang)}/month`,
            )
          : undefined,
      };
    case 'base_multiple': {
      const base = baseLevelFor(c, day);
      const value = roundDiv(hundredths(amount.multiple) * base, 100);
      return {
        value,
        base,
        line: explain
          ? both(
              (lang) =>
                `${formatMultiple(amount.multiple, lang)} × ${formatVnd(base, lang)} = ${formatVnd(value, lang)}`,
            )
          : undefined,
      };
    }
    case 'in_kind':
    case 'none':
      return { value: 0, base: null };
  }
}

// ---------------------------------------------------------------------------------------------------
// Explanations

const placeholderNote: Bilingual = {
  vi: ' (mức tạm, chưa quyết định)',
  en: ' (placeholder amount, not yet decided)',
};

function verdict(
  rule: PolicyRule,
  why: readonly Bilingual[],
  qualifies: false | 'unknown',
  missing: readonly string[],
) {
  const cause = joinTexts(distinct(why));
  const title = rule.title;
  if (qualifies === 'unknown') {
    const labels = missing.map(missingFactLabel);
    const list = joinTexts(labels, ', ');
    const head = cause.vi === '' ? '' : `${cause.vi} → `;
    const headEn = cause.en === '' ? '' : `${cause.en} → `;
    return {
      vi: `${head}chưa xác định được: ${title.vi} (thiếu: ${list.vi})`,
      en: `${headEn}cannot decide: ${title.en} (missing: ${list.en})`,
    };
  }
  const applies = rule.kind === 'exclusion';
  return {
    vi: `${upperFirst(cause.vi)} → ${applies ? 'không áp dụng' : 'không được hưởng'}: ${title.vi}`,
    en: `${upperFirst(cause.en)} → ${applies ? 'does not apply' : 'not entitled'}: ${title.en}`,
  };
}

function presenceNotes(presence: Presence, sel: Selected, month: MonthInfo): Bilingual[] {
  const notes: Bilingual[] = [];
  for (const event of presence.admissions) {
    notes.push(
      both(
        (lang) => `${lang === 'vi' ? 'vào cơ sở ngày' : 'admitted on'} ${formatDayNumber(event.day, lang)}`,
      ),
    );
  }
  for (const event of presence.discharges) {
    notes.push(
      both((lang) => {
        const date = formatDayNumber(event.day, lang);
        if (event.reason === 'deceased') {
          return lang === 'vi' ? `chết ngày ${date}, tính cả ngày chết` : `died on ${date}, that day counted`;
        }
        const why = event.reason ? ` (${dischargeLabel(event.reason, lang)})` : '';
        return lang === 'vi'
          ? `ra khỏi cơ sở ngày ${date}${why}, không tính ngày ra`
          : `discharged on ${date}${why}, that day not counted`;
      }),
    );
  }
  if (sel.from > month.first) {
    notes.push(
      both(
        (lang) =>
          `${lang === 'vi' ? 'quy định có hiệu lực từ' : 'rule in force from'} ${formatDayNumber(sel.from, lang)}`,
      ),
    );
  }
  if (sel.until < month.end) {
    notes.push(
      both(
        (lang) =>
          `${lang === 'vi' ? 'quy định hết hiệu lực sau ngày' : 'rule in force until'} ${formatDayNumber(sel.until - 1, lang)}`,
      ),
    );
  }
  return notes;
}

function dischargeLabel(reason: keyof typeof dischargeReasonLabels, lang: Lang): string {
  return dischargeReasonLabels[reason][lang];
}

function qualifiedExplanation(
  sel: Selected,
  predicateReasons: readonly Bilingual[],
  amount: AmountResult,
  amountVnd: number,
  eligible: number,
  month: MonthInfo,
  presence: Presence,
  limits: LimitsResult | null,
): Bilingual {
  const rule = sel.rule;
  const lead = amount.lead ?? (predicateReasons.length > 0 ? joinTexts(predicateReasons) : null);
  let vi: string;
  let en: string;
  if (rule.kind === 'in_kind' || rule.kind === 'exclusion') {
    const what =
      rule.kind === 'in_kind'
        ? { vi: `${rule.title.vi} (hiện vật, không chi tiền)`, en: `${rule.title.en} (in kind, no cash)` }
        : rule.title;
    vi = lead ? `${lead.vi} → ${what.vi}` : what.vi;
    en = lead ? `${lead.en} → ${what.en}` : what.en;
  } else {
    const line = amount.line ?? NO_TEXT;
    vi = lead ? `${lead.vi} → ${line.vi}` : upperFirst(line.vi);
    en = lead ? `${lead.en} → ${line.en}` : upperFirst(line.en);
    if (rule.kind === 'one_off') {
      vi += ' (một lần)';
      en += ' (one-off)';
    } else if (eligible < month.days) {
      const why = joinTexts([...presenceNotes(presence, sel, month), ...(limits?.cuts ?? NOTHING)], ', ');
      const ceiling = rule.amount.kind === 'up_to';
      vi += `; ${eligible}/${month.days} ngày${why.vi ? `: ${why.vi}` : ''} → ${ceiling ? 'tối đa ' : ''}${formatVnd(amountVnd, 'vi')}`;
      en += `; ${eligible}/${month.days} days${why.en ? `: ${why.en}` : ''} → ${ceiling ? 'up to ' : ''}${formatVnd(amountVnd, 'en')}`;
    }
    if (rule.amountIsPlaceholder) {
      vi += placeholderNote.vi;
      en += placeholderNote.en;
    }
  }
  for (const note of limits?.notes ?? NOTHING) {
    vi += `; ${note.vi}`;
    en += `; ${note.en}`;
  }
  return { vi, en };
}

// ---------------------------------------------------------------------------------------------------
// Evaluation (hot path: no closures are created per resident unless explaining)

function combined(list: readonly RuleOutcome[]): { result: Tri; missing: readonly string[] } {
  let unknown: string[] | null = null;
  for (const o of list) {
    if (o.qualifies === true) return { result: true, missing: NOTHING };
    if (o.qualifies === 'unknown') {
      unknown ??= [];
      pushMissing(unknown, o.missingFacts);
    }
  }
  return unknown ? { result: 'unknown', missing: unknown } : { result: false, missing: NOTHING };
}

function clipIntervals(
  intervals: readonly PresenceInterval[],
  from: number,
  until: number,
): readonly PresenceInterval[] {
  let inside = true;
  for (const i of intervals) if (i.start < from || i.end > until) inside = false;
  if (inside) return intervals;
  const out: PresenceInterval[] = [];
  for (const i of intervals) {
    const start = Math.max(i.start, from);
    const end = Math.min(i.end, until);
    if (end > start) out.push({ start, end, episodeStart: i.episodeStart });
  }
  return out;
}

/** Evaluation days are always inside the evaluated month, so this cache stays small. */
const isoCache = new Map<number, IsoDate>();

function isoOf(day: number): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    if (isoCache.size > 4096) isoCache.clear();
    iso = fromDayNumber(day);
    isoCache.set(day, iso);
  }
  return iso;
}

/** One resident's evaluation in progress; also answers `rule` predicates from the outcomes so far. */
class ResidentState implements RuleLookup {
  readonly outcomes = new Map<string, RuleOutcome[]>();
  readonly compiled: Compiled;
  readonly facts: ResidentFacts;
  readonly birth: BirthRange | undefined;
  readonly presence: Presence | undefined;
  readonly explain: boolean;

  constructor(compiled: Compiled, facts: ResidentFacts, explain: boolean, facilityId: string | undefined) {
    this.compiled = compiled;
    this.facts = facts;
    this.explain = explain;
    this.birth = birthRange(facts);
    this.presence = presenceIn(facts, compiled.month, facilityId);
  }

  reference(code: string): RuleReference | undefined {
    const list = this.outcomes.get(code);
    if (!list) return undefined;
    const r = combined(list);
    return {
      result: r.result,
      missing: r.missing,
      title: this.compiled.titles.get(code) ?? { vi: code, en: code },
    };
  }
}

function makeOutcome(
  sel: Selected,
  s: ResidentState,
  qualifies: Tri,
  amountVnd: number,
  monthlyAmountVnd: number,
  daysEligible: number,
  baseLevelVnd: number | null,
  evaluatedOn: number | null,
  explanation: Bilingual,
  missing: string[],
): RuleOutcome {
  const rule = sel.rule;
  return {
    ruleCode: rule.code,
    ruleEffectiveFrom: rule.effectiveFrom,
    status: rule.status,
    kind: rule.kind,
    amountKind: rule.amount.kind,
    qualifies,
    amountVnd,
    monthlyAmountVnd,
    isCeiling: rule.amount.kind === 'up_to',
    isPlaceholder: rule.amountIsPlaceholder === true,
    daysPresent: s.presence?.days ?? 0,
    daysEligible,
    daysInMonth: s.compiled.month.days,
    evaluatedOn: evaluatedOn === null ? null : isoOf(evaluatedOn),
    baseLevelVnd,
    explanation,
    missingFacts: qualifies === 'unknown' ? missing : [],
    legalBasis: rule.legalBasis,
  };
}

function notQualified(sel: Selected, s: ResidentState, evaluatedOn: number | null, why: Bilingual[] | null) {
  const explanation = why === null ? NO_TEXT : verdict(sel.rule, why, false, NOTHING);
  return makeOutcome(sel, s, false, 0, 0, 0, null, evaluatedOn, explanation, []);
}

function notPresentWhy(month: MonthInfo): Bilingual[] {
  return [
    {
      vi: `Không ở cơ sở trong ${formatMonth(month, 'vi')}`,
      en: `Not in a facility in ${formatMonth(month, 'en')}`,
    },
  ];
}

function notInForceWhy(rule: PolicyRule): Bilingual[] {
  const to = rule.effectiveTo;
  return [
    {
      vi: `Quy định chỉ có hiệu lực từ ${formatDate(rule.effectiveFrom, 'vi')}${to == null ? '' : ` đến ${formatDate(to, 'vi')}`}, không trùng ngày có mặt`,
      en: `Rule in force from ${formatDate(rule.effectiveFrom, 'en')}${to == null ? '' : ` to ${formatDate(to, 'en')}`}, not on the days present`,
    },
  ];
}

function evaluateRule(sel: Selected, s: ResidentState): RuleOutcome {
  const c = s.compiled;
  const rule = sel.rule;
  const month = c.month;
  const explain = s.explain;
  const presence = s.presence;
  const missing: string[] = [];
  const unknownWhy: Bilingual[] = [];

  // 1. Presence and the rule's effective days.
  let intervals: readonly PresenceInterval[] = NOTHING;
  let day: number;
  if (presence === undefined) {
    missing.push('stays');
    if (explain) unknownWhy.push({ vi: 'Chưa rõ thời gian ở cơ sở', en: 'Stays not recorded' });
    day = Math.max(month.first, sel.from);
  } else {
    if (presence.days === 0) return notQualified(sel, s, null, explain ? notPresentWhy(month) : null);
    intervals = clipIntervals(presence.intervals, sel.from, sel.until);
    const first = intervals[0];
    if (first === undefined) return notQualified(sel, s, null, explain ? notInForceWhy(rule) : null);
    day = first.start;
  }

  // 2. Who qualifies, on the evaluation day.
  const ctx: PredicateContext = {
    facts: s.facts,
    birth: s.birth,
    day,
    month,
    presence,
    admission: intervals[0]?.episodeStart,
    explain,
    rules: s,
  };
  const predicate = evaluate(rule.predicate, ctx);
  if (predicate.result === false) return notQualified(sel, s, day, explain ? [...predicate.reasons] : null);
  if (predicate.result === 'unknown') {
    pushMissing(missing, predicate.missing);
    if (explain) unknownWhy.push(...predicate.reasons);
  }

  // 3. Day-exact ends.
  let eligible = 0;
  for (const i of intervals) eligible += i.end - i.start;
  let limits: LimitsResult | null = null;
  if (presence !== undefined && rule.limits && rule.limits.length > 0) {
    limits = applyLimits(rule.limits, intervals, ctx);
    if (limits.unknown) {
      pushMissing(missing, limits.unknown);
      if (explain) unknownWhy.push(...limits.unknownWhy);
    } else {
      eligible = limits.eligible;
      if (eligible === 0) {
        const why = explain
          ? limits.cuts.map((cut) => ({ vi: upperFirst(cut.vi), en: upperFirst(cut.en) }))
          : null;
        return notQualified(sel, s, day, why);
      }
    }
  }

  // 4. Displaced by another rule (`excludes`).
  for (const excluder of c.excluders.get(rule.code) ?? NOTHING) {
    const list = s.outcomes.get(excluder.rule.code);
    if (!list) continue;
    const r = combined(list);
    const title = excluder.rule.title;
    if (r.result === true) {
      const why = explain
        ? [{ vi: `Đã hưởng ${lowerFirst(title.vi)}`, en: `Receives the ${lowerFirst(title.en)} instead` }]
        : null;
      return notQualified(sel, s, day, why);
    }
    if (r.result === 'unknown') {
      pushMissing(missing, r.missing);
      if (explain) {
        unknownWhy.push({
          vi: `Có thể không được hưởng nếu hưởng ${lowerFirst(title.vi)}`,
          en: `Not payable if the ${lowerFirst(title.en)} applies`,
        });
      }
    }
  }

  // 5. How much.
  const amount = computeAmount(rule, c, day, ctx);
  if (amount.value === undefined) {
    pushMissing(missing, amount.missing ?? NOTHING);
    if (explain && amount.why) unknownWhy.push(amount.why);
  }

  if (missing.length > 0) {
    const explanation = explain ? verdict(rule, unknownWhy, 'unknown', missing) : NO_TEXT;
    return makeOutcome(sel, s, 'unknown', 0, amount.value ?? 0, 0, amount.base, day, explanation, missing);
  }

  const monthly = amount.value ?? 0;
  const amountVnd =
    rule.kind === 'monthly'
      ? roundDiv(monthly * eligible, month.days)
      : rule.kind === 'one_off'
        ? monthly
        : 0;
  const explanation = explain
    ? qualifiedExplanation(
        sel,
        predicate.reasons,
        amount,
        amountVnd,
        eligible,
        month,
        presence as Presence,
        limits,
      )
    : NO_TEXT;
  return makeOutcome(sel, s, true, amountVnd, monthly, eligible, amount.base, day, explanation, missing);
}

function evaluateCompiled(
  c: Compiled,
  facts: ResidentFacts,
  explain: boolean,
  facilityId: string | undefined,
): RuleOutcome[] {
  const state = new ResidentState(c, facts, explain, facilityId);
  const result = new Array<RuleOutcome>(c.count);
  for (const sel of c.order) {
    const o = evaluateRule(sel, state);
    result[sel.slot] = o;
    const list = state.outcomes.get(sel.rule.code);
    if (list) list.push(o);
    else state.outcomes.set(sel.rule.code, [o]);
  }
  return result;
}

/**
 * Evaluates every selected rule for one resident and one month ('YYYY-MM'). Outcomes are in the order
 * of `policy.rules` (one per rule version in effect during the month). The policy set is trusted to
 * be valid (`parsePolicySet`); facts are trusted to match `residentFactsSchema`.
 */
export function evaluateMonth(
  facts: ResidentFacts,
  month: YearMonth,
  policy: PolicySet,
  options: EvaluateOptions = {},
): RuleOutcome[] {
  return evaluateCompiled(compile(policy, month, options), facts, true, options.facilityId);
}

/**
 * Prepares a policy set for one month and returns an evaluator to call per resident (a centre's
 * monthly list, a department report): same results as `evaluateMonth`, compiled once.
 */
export function monthEvaluator(
  month: YearMonth,
  policy: PolicySet,
  options: EvaluateOptions & { explain?: boolean } = {},
): (facts: ResidentFacts) => RuleOutcome[] {
  const compiled = compile(policy, month, options);
  const explain = options.explain ?? true;
  return (facts) => evaluateCompiled(compiled, facts, explain, options.facilityId);
}

/** Money due for the month: the sum of amountVnd over qualifying outcomes ("up to" ceilings count in full). */
export function totalFor(outcomes: readonly RuleOutcome[]): number {
  let total = 0;
  for (const o of outcomes) if (o.qualifies === true) total += o.amountVnd;
  return total;
}

export interface ScenarioRuleCost {
  ruleCode: string;
  ruleEffectiveFrom: IsoDate;
  status: RuleStatus;
  kind: RuleKind;
  isCeiling: boolean;
  isPlaceholder: boolean;
  /** Residents who qualify. */
  qualifying: number;
  /** Residents for whom a missing fact prevents a decision. */
  unknown: number;
  amountVnd: number;
}

export interface ScenarioCost {
  month: YearMonth;
  residentCount: number;
  /** Sum over qualifying outcomes (ceilings in full); unknown outcomes are not counted. */
  totalVnd: number;
  /** Residents with at least one unknown outcome. */
  residentsWithUnknown: number;
  byRule: ScenarioRuleCost[];
}

/**
 * What a policy set costs for a population in one month: the same evaluation as `evaluateMonth`
 * without building explanation text, fast enough for a planner's live preview of a province.
 */
export function scenarioCost(
  residents: Iterable<ResidentFacts>,
  month: YearMonth,
  policy: PolicySet,
  options: EvaluateOptions = {},
): ScenarioCost {
  const compiled = compile(policy, month, options);
  const byRule: ScenarioRuleCost[] = new Array(compiled.count);
  for (const sel of compiled.order) {
    const rule = sel.rule;
    byRule[sel.slot] = {
      ruleCode: rule.code,
      ruleEffectiveFrom: rule.effectiveFrom,
      status: rule.status,
      kind: rule.kind,
      isCeiling: rule.amount.kind === 'up_to',
      isPlaceholder: rule.amountIsPlaceholder === true,
      qualifying: 0,
      unknown: 0,
      amountVnd: 0,
    };
  }
  let residentCount = 0;
  let totalVnd = 0;
  let residentsWithUnknown = 0;
  for (const facts of residents) {
    residentCount++;
    const outcomes = evaluateCompiled(compiled, facts, false, options.facilityId);
    let anyUnknown = false;
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i] as RuleOutcome;
      const row = byRule[i] as ScenarioRuleCost;
      if (o.qualifies === true) {
        row.qualifying++;
        row.amountVnd += o.amountVnd;
        totalVnd += o.amountVnd;
      } else if (o.qualifies === 'unknown') {
        row.unknown++;
        anyUnknown = true;
      }
    }
    if (anyUnknown) residentsWithUnknown++;
  }
  return { month, residentCount, totalVnd, residentsWithUnknown, byRule };
}

/**
 * Art. 24(4): an emergency (k2) resident still in care on `onDate` more than `months` after the
 * admission of the episode, with no extension decision covering that day. For flagging to the superior
 * agency; the engine itself stops paying from that day.
 */
export function isEmergencyOverdue(facts: ResidentFacts, onDate: IsoDate, months = 3): boolean {
  const end = emergencyStayEnds(facts, onDate, months);
  if (end === null) return false;
  const day = toDayNumber(onDate);
  if (day < toDayNumber(end)) return false;
  const extended = facts.emergencyExtendedUntil;
  return extended == null || day > toDayNumber(extended);
}

/**
 * First day after the `months` of emergency protection of the episode in progress on `onDate`
 * (admission + months), or null when the resident is not an emergency resident in a stay that day.
 */
export function emergencyStayEnds(facts: ResidentFacts, onDate: IsoDate, months = 3): IsoDate | null {
  if (facts.group !== 'k2_emergency') return null;
  const start = episodeStartOn(facts, toDayNumber(onDate));
  if (start == null) return null;
  return fromDayNumber(addMonthsToDayNumber(start, months));
}
