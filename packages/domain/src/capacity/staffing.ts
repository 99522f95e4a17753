import { z } from 'zod';
import {
  addMonthsToDayNumber,
  type CivilDate,
  civilOf,
  completedMonths,
  type IsoDate,
  parseIsoDate,
  toDayNumber,
} from '../entitlements/dates.ts';

/**
 * Staffing norms of a social-assistance facility (Circular 33/2017/TT-BLĐTBXH Art. 5) and how many
 * staff a facility's residents require on a day.
 *
 * The norms are data (part of the care-standards document, `careStandardsSchema` in standards.ts):
 * the planner may edit ratios, add or reorder rules. Nothing about who needs how many carers is
 * written in code; the code only counts.
 *
 * HOW CARERS ARE COUNTED
 *
 * 1. Each resident falls under the first direct-care rule that matches them ("first match wins"); the
 *    rules are ordered so that the most demanding situation decides (a severely mentally ill person
 *    found homeless is counted 1:4, not 1:12).
 * 2. Each rule is a group a carer is in charge of: required = ceil(count ÷ residentsPerStaff) per rule,
 *    and the carer requirement is the sum over the rules. Two groups of 3 children under 6 need two
 *    carers, not one: the Circular sets a ratio per kind of resident, not a pooled average.
 * 3. A missing fact never understates the gap. If a rule could match but a fact it tests is unknown
 *    (self-care not assessed, birth date missing or later than the day), the resident is counted under
 *    the strictest rule they might fall under (lowest residentsPerStaff among the rules that could
 *    match, up to the first rule that certainly does), and listed in `missingFacts`.
 * 4. Residents who match no rule — an adult under the elderly age who is neither disabled, mentally ill
 *    nor found homeless, or a 16–17-year-old child without disability, mental illness or HIV
 *    ("từ 6 tuổi đến dưới 16 tuổi" ends at 16) — are reported as `noNormApplies` and require 0 carers:
 *    the Circular sets no ratio for them, and inventing one would make the gap an opinion. The UI lists
 *    them so a manager can see who is not covered by any norm.
 *
 * OTHER ROLES are ratio norms over a selection of residents (all residents unless `who` is given):
 * required = max(minimumIfAny when there is at least one such resident, ceil(count ÷ residentsPerStaff)).
 * Indirect staff are a ceiling, not a requirement: see `indirectCheck`.
 */

export const staffRoleValues = [
  'carer',
  'social_worker',
  'psychologist',
  'medical',
  'nutrition',
  'rehabilitation',
  'teacher',
  'indirect',
] as const;
export type StaffRole = (typeof staffRoleValues)[number];

/** Roles with a requirement computed from residents (every role but carers and indirect staff). */
export const ratioRoleValues = [
  'social_worker',
  'psychologist',
  'medical',
  'nutrition',
  'rehabilitation',
  'teacher',
] as const;
export type RatioRole = (typeof ratioRoleValues)[number];

export const mentalIllnessSeverityValues = ['especially_severe', 'severe', 'stabilised'] as const;
export type MentalIllnessSeverity = (typeof mentalIllnessSeverityValues)[number];

/** Facts a rule can test. Every condition given must hold (AND); an omitted condition is not tested. */
export const residentMatchSchema = z
  .strictObject({
    /** Age in completed months on the day, inclusive lower bound. */
    minAgeMonths: z.int().min(0).max(2400).optional(),
    /** Exclusive upper bound: 72 means "under 6 years" ("dưới 6 tuổi"). */
    maxAgeMonths: z.int().min(1).max(2400).optional(),
    disabled: z.boolean().optional(),
    /** Any mental illness (a severity is recorded). */
    mentallyIll: z.boolean().optional(),
    hivPositive: z.boolean().optional(),
    /** Disabled OR mentally ill OR HIV-positive (Art. 5(7)(a): "khuyết tật hoặc tâm thần hoặc nhiễm HIV/AIDS"). */
    special: z.boolean().optional(),
    /** Aged `elderlyFromAgeYears` or over. */
    elderly: z.boolean().optional(),
    selfCare: z.boolean().optional(),
    mentalIllnessSeverity: z.enum(mentalIllnessSeverityValues).optional(),
    foundHomeless: z.boolean().optional(),
    studying: z.boolean().optional(),
  })
  .refine(
    (m) => m.minAgeMonths === undefined || m.maxAgeMonths === undefined || m.minAgeMonths < m.maxAgeMonths,
    { message: 'minAgeMonths must be below maxAgeMonths', path: ['maxAgeMonths'] },
  );
export type ResidentMatch = z.infer<typeof residentMatchSchema>;

const ruleIdSchema = z.string().regex(/^[a-z0-9_]{1,64}$/, 'Lower-case letters, digits and _ only');

export const directCareRuleSchema = z.strictObject({
  id: ruleIdSchema,
  match: residentMatchSchema,
  /** One carer is in charge of at most this many such residents. */
  residentsPerStaff: z.int().min(1).max(1000),
  legalBasis: z.string().min(1).optional(),
});
export type DirectCareRule = z.infer<typeof directCareRuleSchema>;

export const ratioNormSchema = z.strictObject({
  role: z.enum(ratioRoleValues),
  /** One staff member per at most this many residents; null when only a minimum applies. */
  residentsPerStaff: z.int().min(1).max(100_000).nullable(),
  /** At least this many as soon as one resident counts (psychologist: 1). */
  minimumIfAny: z.int().min(0).max(1000).default(0),
  /** Which residents count (any of the matches); omitted: every resident. */
  who: z.array(residentMatchSchema).min(1).optional(),
  legalBasis: z.string().min(1).optional(),
});
export type RatioNorm = z.infer<typeof ratioNormSchema>;

export const staffingNormsSchema = z
  .strictObject({
    /** Who counts as elderly ("người cao tuổi": from 60, Law on the Elderly 2009 Art. 2). */
    elderlyFromAgeYears: z.int().min(1).max(150),
    /** Ordered: the first rule that matches a resident decides their ratio. */
    directCare: z.array(directCareRuleSchema).min(1),
    directCareLegalBasis: z.string().min(1).optional(),
    ratios: z.array(ratioNormSchema),
    /** Indirect staff may be at most this share of all staff, indirect included (Art. 5(12): 20). */
    indirectMaxPercent: z.int().min(0).max(99),
    indirectLegalBasis: z.string().min(1).optional(),
  })
  .superRefine((norms, ctx) => {
    const ids = new Set<string>();
    norms.directCare.forEach((rule, i) => {
      if (ids.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate rule id ${rule.id}`,
          path: ['directCare', i, 'id'],
        });
      }
      ids.add(rule.id);
    });
    const roles = new Set<string>();
    norms.ratios.forEach((norm, i) => {
      if (roles.has(norm.role)) {
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate norm for ${norm.role}`,
          path: ['ratios', i, 'role'],
        });
      }
      roles.add(norm.role);
      if (norm.residentsPerStaff === null && norm.minimumIfAny === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'A norm needs a ratio or a minimum',
          path: ['ratios', i, 'residentsPerStaff'],
        });
      }
    });
  });
export type StaffingNorms = z.infer<typeof staffingNormsSchema>;
/** The norms as written before defaults are applied (what a planner edits). */
export type StaffingNormsInput = z.input<typeof staffingNormsSchema>;

const CIRCULAR = 'Thông tư 33/2017/TT-BLĐTBXH, Điều 5';
const CHILD = `${CIRCULAR} khoản 7 điểm a`;
const SPECIAL = { special: true };

/** Circular 33/2017 Art. 5: the national norms. */
export const statutoryStaffingNorms: StaffingNorms = {
  elderlyFromAgeYears: 60,
  directCareLegalBasis: `${CIRCULAR} khoản 7`,
  directCare: [
    // Children (a): "dưới 18 tháng tuổi", "từ 18 tháng tuổi đến dưới 6 tuổi", "từ 6 tuổi đến dưới 16 tuổi".
    { id: 'child_under_18_months', match: { maxAgeMonths: 18 }, residentsPerStaff: 1, legalBasis: CHILD },
    {
      id: 'child_18_months_to_6_special',
      match: { minAgeMonths: 18, maxAgeMonths: 72, ...SPECIAL },
      residentsPerStaff: 4,
      legalBasis: CHILD,
    },
    {
      id: 'child_18_months_to_6',
      match: { minAgeMonths: 18, maxAgeMonths: 72 },
      residentsPerStaff: 6,
      legalBasis: CHILD,
    },
    {
      id: 'child_6_to_16_special',
      match: { minAgeMonths: 72, maxAgeMonths: 192, ...SPECIAL },
      residentsPerStaff: 5,
      legalBasis: CHILD,
    },
    {
      id: 'child_6_to_16',
      match: { minAgeMonths: 72, maxAgeMonths: 192 },
      residentsPerStaff: 10,
      legalBasis: CHILD,
    },
    // From 16: the most demanding situation first, so it decides for a person in several groups.
    {
      id: 'mental_illness_especially_severe',
      match: { mentalIllnessSeverity: 'especially_severe' },
      residentsPerStaff: 2,
      legalBasis: `${CIRCULAR} khoản 7 điểm d`,
    },
    {
      id: 'mental_illness_severe',
      match: { mentalIllnessSeverity: 'severe' },
      residentsPerStaff: 4,
      legalBasis: `${CIRCULAR} khoản 7 điểm d`,
    },
    {
      id: 'disabled_no_self_care',
      match: { disabled: true, selfCare: false },
      residentsPerStaff: 4,
      legalBasis: `${CIRCULAR} khoản 7 điểm b`,
    },
    {
      id: 'elderly_no_self_care',
      match: { elderly: true, selfCare: false },
      residentsPerStaff: 4,
      legalBasis: `${CIRCULAR} khoản 7 điểm c`,
    },
    {
      id: 'mental_illness_stabilised',
      match: { mentalIllnessSeverity: 'stabilised' },
      residentsPerStaff: 10,
      legalBasis: `${CIRCULAR} khoản 7 điểm d`,
    },
    {
      id: 'disabled_self_care',
      match: { disabled: true, selfCare: true },
      residentsPerStaff: 10,
      legalBasis: `${CIRCULAR} khoản 7 điểm b`,
    },
    {
      id: 'elderly_self_care',
      match: { elderly: true, selfCare: true },
      residentsPerStaff: 10,
      legalBasis: `${CIRCULAR} khoản 7 điểm c`,
    },
    {
      id: 'found_homeless',
      match: { foundHomeless: true },
      residentsPerStaff: 12,
      legalBasis: `${CIRCULAR} khoản 7 điểm đ`,
    },
  ],
  ratios: [
    { role: 'social_worker', residentsPerStaff: 100, minimumIfAny: 0, legalBasis: `${CIRCULAR} khoản 5` },
    { role: 'psychologist', residentsPerStaff: null, minimumIfAny: 1, legalBasis: `${CIRCULAR} khoản 6` },
    { role: 'medical', residentsPerStaff: 50, minimumIfAny: 0, legalBasis: `${CIRCULAR} khoản 8` },
    { role: 'nutrition', residentsPerStaff: 20, minimumIfAny: 0, legalBasis: `${CIRCULAR} khoản 9` },
    {
      role: 'rehabilitation',
      residentsPerStaff: 5,
      minimumIfAny: 0,
      // The Circular does not say who needs rehabilitation; by default residents with a disability or
      // a mental illness. A planner may narrow or widen this.
      who: [{ disabled: true }, { mentallyIll: true }],
      legalBasis: `${CIRCULAR} khoản 10`,
    },
    {
      role: 'teacher',
      residentsPerStaff: 9,
      minimumIfAny: 0,
      // Teaching ("dạy văn hóa, dạy nghề"): school-age children 6–16 and anyone recorded as studying.
      who: [{ minAgeMonths: 72, maxAgeMonths: 192 }, { studying: true }],
      legalBasis: `${CIRCULAR} khoản 11`,
    },
  ],
  indirectMaxPercent: 20,
  indirectLegalBasis: `${CIRCULAR} khoản 12`,
};

export interface StaffingResident {
  id: string;
  /** null: not recorded (counted as unknown, see the note at the top). */
  birthDate: IsoDate | null;
  disabled: boolean;
  /** null: no mental illness recorded. */
  mentalIllnessSeverity: MentalIllnessSeverity | null;
  hivPositive: boolean;
  /** null: not assessed. */
  selfCare: boolean | null;
  foundHomeless: boolean;
  studying: boolean;
}

/** A fact a rule needed that is not known for a resident. */
export type StaffingFact = 'birthDate' | 'selfCare';

export interface MissingStaffingFact {
  residentId: string;
  fact: StaffingFact;
}

/** Residents under one rule and what they require: "7 children under 6 ÷ 6 → 2 carers". */
export interface RequirementDriver {
  /** A direct-care rule id, or the role for the other roles. */
  ruleId: string;
  count: number;
  /** null when only a minimum applies (psychologist). */
  residentsPerStaff: number | null;
  /** The minimum that applied (0 when none). */
  minimum: number;
  required: number;
  /** Norms that count every resident share one array: read it, do not change it. */
  residentIds: string[];
  legalBasis: string | null;
}

export interface RoleRequirement {
  role: Exclude<StaffRole, 'indirect'>;
  required: number;
  /** Recorded headcount; 0 when not recorded (see `notRecorded`). */
  recorded: number;
  notRecorded: boolean;
  /** required − recorded: positive = missing staff, negative = surplus. */
  gap: number;
  drivers: RequirementDriver[];
}

export interface IndirectCheck {
  maxPercent: number;
  /** Recorded staff in every other role. */
  otherStaff: number;
  /** The largest indirect headcount that keeps their share of all staff at or below maxPercent. */
  max: number;
  recorded: number;
  /** recorded − max when positive, else 0. */
  over: number;
  legalBasis: string | null;
}

export interface StaffingResult {
  onDate: IsoDate;
  residentCount: number;
  /** Carers first, then one per ratio norm in the document, in `staffRoleValues` order. */
  roles: RoleRequirement[];
  indirect: IndirectCheck;
  /** Residents no direct-care rule covers: they require no carer under the norms. */
  noNormApplies: { count: number; residentIds: string[] };
  missingFacts: MissingStaffingFact[];
}

// ---------------------------------------------------------------------------------------------------
// Matching (hot path: no allocation per resident)

/** Bits of the facts that may be unknown. */
const AGE = 1;
const SELF_CARE = 2;
const NO_MATCH = -1;
const UNKNOWN = -1;
const ANY = -1;

/** A resident's facts as small integers (0/1, UNKNOWN), so that matching reads one object shape. */
class Facts {
  /** Day number of the birth date; UNKNOWN_BIRTH when missing or later than the day. */
  birth = 0;
  disabled = 0;
  mentallyIll = 0;
  severity: MentalIllnessSeverity | null = null;
  hiv = 0;
  selfCare = 0;
  homeless = 0;
  studying = 0;
}

const UNKNOWN_BIRTH = Number.NaN;

const flag = (value: boolean | undefined): number => (value === undefined ? ANY : value ? 1 : 0);

/**
 * Age conditions as birth-day bounds for one day. Completed months only fall as the birth date moves
 * later, so "at least n completed months on the day" ⇔ "born on or before lastBirthDay(n)". Each
 * resident is then matched on their birth day number, without building a date.
 */
class AgeBounds {
  readonly onDay: number;
  readonly on: CivilDate;
  private readonly cache = new Map<number, number>();

  constructor(onDate: IsoDate) {
    this.on = parseIsoDate(onDate);
    this.onDay = toDayNumber(onDate);
  }

  /** The last birth day with at least `months` completed months on the day (Civil Code clamp included). */
  lastBirthDay(months: number): number {
    let day = this.cache.get(months);
    if (day !== undefined) return day;
    const reached = (d: number) => completedMonths(civilOf(d), this.on) >= months;
    day = addMonthsToDayNumber(this.onDay, -months);
    while (!reached(day)) day--;
    while (reached(day + 1)) day++;
    this.cache.set(months, day);
    return day;
  }
}

/** A match with every condition present (ANY = not tested), read on the hot path. */
class CompiledMatch {
  readonly testsAge: boolean;
  /** Born on or before this day (age ≥ minAgeMonths, and elderly), or +∞. */
  readonly bornBy: number;
  /** Born after this day (age < maxAgeMonths, or not elderly), or −∞. */
  readonly bornAfter: number;
  readonly disabled: number;
  readonly mentallyIll: number;
  readonly hiv: number;
  readonly special: number;
  readonly severity: MentalIllnessSeverity | null;
  readonly homeless: number;
  readonly studying: number;
  readonly selfCare: number;

  constructor(m: ResidentMatch, ages: AgeBounds, elderlyMonths: number) {
    this.testsAge = m.minAgeMonths !== undefined || m.maxAgeMonths !== undefined || m.elderly !== undefined;
    let bornBy = Number.POSITIVE_INFINITY;
    let bornAfter = Number.NEGATIVE_INFINITY;
    if (m.minAgeMonths !== undefined) bornBy = Math.min(bornBy, ages.lastBirthDay(m.minAgeMonths));
    if (m.maxAgeMonths !== undefined) bornAfter = Math.max(bornAfter, ages.lastBirthDay(m.maxAgeMonths));
    if (m.elderly === true) bornBy = Math.min(bornBy, ages.lastBirthDay(elderlyMonths));
    if (m.elderly === false) bornAfter = Math.max(bornAfter, ages.lastBirthDay(elderlyMonths));
    this.bornBy = bornBy;
    this.bornAfter = bornAfter;
    this.disabled = flag(m.disabled);
    this.mentallyIll = flag(m.mentallyIll);
    this.hiv = flag(m.hivPositive);
    this.special = flag(m.special);
    this.severity = m.mentalIllnessSeverity ?? null;
    this.homeless = flag(m.foundHomeless);
    this.studying = flag(m.studying);
    this.selfCare = flag(m.selfCare);
  }
}

/**
 * NO_MATCH when a condition certainly fails; otherwise the bits of the unknown facts the match
 * depends on (0 = certain match).
 */
function matchBits(m: CompiledMatch, f: Facts): number {
  if (m.disabled !== ANY && m.disabled !== f.disabled) return NO_MATCH;
  if (m.mentallyIll !== ANY && m.mentallyIll !== f.mentallyIll) return NO_MATCH;
  if (m.hiv !== ANY && m.hiv !== f.hiv) return NO_MATCH;
  if (m.special !== ANY && m.special !== (f.disabled | f.mentallyIll | f.hiv)) return NO_MATCH;
  if (m.severity !== null && m.severity !== f.severity) return NO_MATCH;
  if (m.homeless !== ANY && m.homeless !== f.homeless) return NO_MATCH;
  if (m.studying !== ANY && m.studying !== f.studying) return NO_MATCH;
  let unknown = 0;
  if (m.selfCare !== ANY) {
    if (f.selfCare === UNKNOWN) unknown |= SELF_CARE;
    else if (m.selfCare !== f.selfCare) return NO_MATCH;
  }
  if (m.testsAge) {
    if (Number.isNaN(f.birth)) unknown |= AGE;
    else if (f.birth > m.bornBy || f.birth <= m.bornAfter) return NO_MATCH;
  }
  return unknown;
}

/** The birth day number, or UNKNOWN_BIRTH (no birth date, or born after the day). */
function birthDayOf(birthDate: string | null, onDay: number): number {
  if (!birthDate) return UNKNOWN_BIRTH;
  const day = toDayNumber(birthDate);
  return day > onDay ? UNKNOWN_BIRTH : day;
}

function pushMissing(into: MissingStaffingFact[], residentId: string, bits: number): void {
  if (bits & AGE) into.push({ residentId, fact: 'birthDate' });
  if (bits & SELF_CARE) into.push({ residentId, fact: 'selfCare' });
}

function ratioRequired(count: number, perStaff: number | null, minimum: number): number {
  if (count === 0) return 0;
  return Math.max(minimum, perStaff === null ? 0 : Math.ceil(count / perStaff));
}

/**
 * The largest indirect headcount whose share of all staff (indirect included) stays ≤ maxPercent:
 * i ≤ p% × (others + i)  ⇔  i ≤ others × p ÷ (100 − p). With 8 other staff and 20%, 2 (2 of 10).
 */
export function indirectCheck(
  recorded: Partial<Record<StaffRole, number>>,
  maxPercent: number,
  legalBasis: string | null = null,
): IndirectCheck {
  let otherStaff = 0;
  for (const role of staffRoleValues) if (role !== 'indirect') otherStaff += recorded[role] ?? 0;
  const max = Math.floor((otherStaff * maxPercent) / (100 - maxPercent));
  const indirect = recorded.indirect ?? 0;
  return { maxPercent, otherStaff, max, recorded: indirect, over: Math.max(0, indirect - max), legalBasis };
}

/**
 * Staff the residents in care on `onDate` require under `norms`, against the recorded headcounts.
 * `norms` is trusted to be valid (`staffingNormsSchema`) and birth dates to be ISO dates (read digit by
 * digit, like `toDayNumber`); a missing birth date, or one later than the day, is unknown (see the
 * note at the top).
 */
export function staffingRequirement(
  residents: readonly StaffingResident[],
  recorded: Partial<Record<StaffRole, number>>,
  norms: StaffingNorms,
  onDate: IsoDate,
): StaffingResult {
  const ages = new AgeBounds(onDate);
  const elderlyMonths = norms.elderlyFromAgeYears * 12;
  const rules = norms.directCare;
  const ruleCount = rules.length;
  const ruleIds: string[][] = rules.map(() => []);
  const ratioNorms = ratioRoleValues
    .map((role) => norms.ratios.find((n) => n.role === role))
    .filter((n): n is RatioNorm => n !== undefined);
  const ratioIds: string[][] = ratioNorms.map(() => []);
  const allIds: string[] = new Array(residents.length);
  const noNorm: string[] = [];
  const missingFacts: MissingStaffingFact[] = [];
  const facts = new Facts();
  const compile = (m: ResidentMatch) => new CompiledMatch(m, ages, elderlyMonths);
  const ruleMatches = rules.map((rule) => compile(rule.match));
  const ruleRatios = rules.map((rule) => rule.residentsPerStaff);
  const whoMatches = ratioNorms.map((norm) => norm.who?.map(compile) ?? null);

  for (let r = 0; r < residents.length; r++) {
    const resident = residents[r] as StaffingResident;
    allIds[r] = resident.id;
    facts.birth = birthDayOf(resident.birthDate, ages.onDay);
    facts.disabled = resident.disabled ? 1 : 0;
    facts.severity = resident.mentalIllnessSeverity;
    facts.mentallyIll = resident.mentalIllnessSeverity !== null ? 1 : 0;
    facts.hiv = resident.hivPositive ? 1 : 0;
    facts.selfCare = resident.selfCare === null ? UNKNOWN : resident.selfCare ? 1 : 0;
    facts.homeless = resident.foundHomeless ? 1 : 0;
    facts.studying = resident.studying ? 1 : 0;

    // Direct care: the first certain match, or a stricter rule that might match before it.
    let chosen = -1;
    let unknownBits = 0;
    for (let i = 0; i < ruleCount; i++) {
      const bits = matchBits(ruleMatches[i] as CompiledMatch, facts);
      if (bits === NO_MATCH) continue;
      if (chosen === -1 || (ruleRatios[i] as number) < (ruleRatios[chosen] as number)) chosen = i;
      unknownBits |= bits;
      if (bits === 0) break;
    }
    if (chosen === -1) noNorm.push(resident.id);
    else (ruleIds[chosen] as string[]).push(resident.id);

    // Other roles: counted when any of `who` matches; a possible match counts (never understated).
    for (let n = 0; n < ratioNorms.length; n++) {
      const who = whoMatches[n];
      if (who == null) continue;
      let bits = NO_MATCH;
      for (const m of who) {
        const b = matchBits(m, facts);
        if (b === NO_MATCH) continue;
        if (b === 0) {
          bits = 0;
          break;
        }
        bits = bits === NO_MATCH ? b : bits | b;
      }
      if (bits !== NO_MATCH) {
        (ratioIds[n] as string[]).push(resident.id);
        unknownBits |= bits;
      }
    }
    if (unknownBits !== 0) pushMissing(missingFacts, resident.id, unknownBits);
  }

  const roleOf = (role: RoleRequirement['role'], required: number, drivers: RequirementDriver[]) => {
    const value = recorded[role];
    const have = value ?? 0;
    return {
      role,
      required,
      recorded: have,
      notRecorded: value === undefined,
      gap: required - have,
      drivers,
    };
  };

  const carerDrivers: RequirementDriver[] = [];
  let carers = 0;
  for (let i = 0; i < ruleCount; i++) {
    const ids = ruleIds[i] as string[];
    if (ids.length === 0) continue;
    const rule = rules[i] as DirectCareRule;
    const required = Math.ceil(ids.length / rule.residentsPerStaff);
    carers += required;
    carerDrivers.push({
      ruleId: rule.id,
      count: ids.length,
      residentsPerStaff: rule.residentsPerStaff,
      minimum: 0,
      required,
      residentIds: ids,
      legalBasis: rule.legalBasis ?? norms.directCareLegalBasis ?? null,
    });
  }
  const roles: RoleRequirement[] = [roleOf('carer', carers, carerDrivers)];
  for (let n = 0; n < ratioNorms.length; n++) {
    const norm = ratioNorms[n] as RatioNorm;
    const ids = norm.who === undefined ? allIds : (ratioIds[n] as string[]);
    const required = ratioRequired(ids.length, norm.residentsPerStaff, norm.minimumIfAny);
    const drivers: RequirementDriver[] =
      ids.length === 0
        ? []
        : [
            {
              ruleId: norm.role,
              count: ids.length,
              residentsPerStaff: norm.residentsPerStaff,
              minimum: norm.minimumIfAny,
              required,
              residentIds: ids,
              legalBasis: norm.legalBasis ?? null,
            },
          ];
    roles.push(roleOf(norm.role, required, drivers));
  }

  return {
    onDate,
    residentCount: residents.length,
    roles,
    indirect: indirectCheck(recorded, norms.indirectMaxPercent, norms.indirectLegalBasis ?? null),
    noNormApplies: { count: noNorm.length, residentIds: noNorm },
    missingFacts,
  };
}

/** The requirement for one role, or undefined when the norms have none for it. */
export function roleRequirement(
  result: StaffingResult,
  role: RoleRequirement['role'],
): RoleRequirement | undefined {
  return result.roles.find((r) => r.role === role);
}
