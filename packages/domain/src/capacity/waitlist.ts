import { z } from 'zod';
import {
  type CivilDate,
  civilOf,
  completedMonths,
  type IsoDate,
  parseIsoDate,
  toDayNumber,
} from '../entitlements/dates.ts';

/**
 * Who is offered a place first. The order is data (`waitlistPrioritySchema`): an ordered list of
 * criteria compared lexicographically — the first criterion decides, a tie goes to the next one.
 * Every criterion gives a score and a higher score comes first. After the last criterion, the earlier
 * application and then the smaller id come first, so the order is total and the same on every run.
 *
 * Criteria:
 * - 'urgency': points per urgency level (emergency > high > normal by default).
 * - 'vulnerability': the sum of the points of each flag the applicant has.
 * - 'age': the points of the best age band the applicant falls in on the day (0 when the birth date
 *   is unknown, which the explanation says, so the officer can record it).
 * - 'need': vulnerability points + age points, as one score. The default uses it rather than 'age'
 *   then 'vulnerability': lexicographically, any 80-year-old would come before a 65-year-old who is
 *   lonely and especially severely disabled, because age would decide before vulnerability is looked
 *   at. Summed, the two weigh together and the points say by how much.
 * - 'waiting_time': days since the application (longer first).
 *
 * The law sets no points: admission priority is the department's policy. The defaults below follow the
 * issue (emergencies first, then age and vulnerability, then waiting time) and are meant to be edited.
 */

const points = z.int().min(-1000).max(1000);

export const urgencyValues = ['emergency', 'high', 'normal'] as const;
export type Urgency = (typeof urgencyValues)[number];

export const disabilityLevelValues = ['especially_severe', 'severe', 'mild'] as const;
export type DisabilityLevel = (typeof disabilityLevelValues)[number];

export const vulnerabilityFlagValues = [
  'especially_severe_disability',
  'severe_disability',
  'mild_disability',
  'lonely_elderly',
  'orphan_or_abandoned',
  'no_means_of_support',
  'mental_illness',
] as const;
export type VulnerabilityFlag = (typeof vulnerabilityFlagValues)[number];

export const vulnerabilityPointsSchema = z.partialRecord(z.enum(vulnerabilityFlagValues), points);
export type VulnerabilityPoints = z.infer<typeof vulnerabilityPointsSchema>;

export const ageBandSchema = z
  .strictObject({
    /** Completed years, inclusive. */
    fromYears: z.int().min(0).max(150).optional(),
    /** Exclusive: 6 means "under 6". */
    belowYears: z.int().min(1).max(150).optional(),
    points,
  })
  .refine((b) => b.fromYears !== undefined || b.belowYears !== undefined, 'A band needs a bound')
  .refine((b) => b.fromYears === undefined || b.belowYears === undefined || b.fromYears < b.belowYears, {
    message: 'fromYears must be below belowYears',
    path: ['belowYears'],
  });
export type AgeBand = z.infer<typeof ageBandSchema>;

export const waitlistCriterionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('urgency'),
    points: z.strictObject({ emergency: points, high: points, normal: points }),
  }),
  z.strictObject({ kind: z.literal('vulnerability'), points: vulnerabilityPointsSchema }),
  /** The points of the matching band with the most points (bands may overlap: ≥60 and ≥80). */
  z.strictObject({ kind: z.literal('age'), bands: z.array(ageBandSchema).min(1) }),
  z.strictObject({
    kind: z.literal('need'),
    points: vulnerabilityPointsSchema,
    bands: z.array(ageBandSchema),
  }),
  z.strictObject({ kind: z.literal('waiting_time') }),
]);
export type WaitlistCriterion = z.infer<typeof waitlistCriterionSchema>;
export type CriterionKind = WaitlistCriterion['kind'];

export const waitlistPrioritySchema = z
  .strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    criteria: z.array(waitlistCriterionSchema).min(1),
  })
  .superRefine((priority, ctx) => {
    const seen = new Set<string>();
    priority.criteria.forEach((criterion, i) => {
      if (seen.has(criterion.kind)) {
        ctx.addIssue({
          code: 'custom',
          message: `Criterion ${criterion.kind} appears twice`,
          path: ['criteria', i],
        });
      }
      seen.add(criterion.kind);
    });
  });
export type WaitlistPriority = z.infer<typeof waitlistPrioritySchema>;

/** Validates a priority document read from storage or edited by a planner. Throws a ZodError. */
export function parseWaitlistPriority(input: unknown): WaitlistPriority {
  return waitlistPrioritySchema.parse(input);
}

const defaultVulnerabilityPoints: VulnerabilityPoints = {
  especially_severe_disability: 3,
  severe_disability: 2,
  lonely_elderly: 2,
  orphan_or_abandoned: 2,
  no_means_of_support: 1,
  mental_illness: 2,
};

const defaultAgeBands: AgeBand[] = [
  { fromYears: 80, points: 2 },
  { fromYears: 60, points: 1 },
  { belowYears: 6, points: 2 },
];

export const defaultWaitlistPriority: WaitlistPriority = {
  id: 'default',
  version: '1',
  criteria: [
    { kind: 'urgency', points: { emergency: 2, high: 1, normal: 0 } },
    { kind: 'need', points: defaultVulnerabilityPoints, bands: defaultAgeBands },
    { kind: 'waiting_time' },
  ],
};

export interface WaitlistApplication {
  id: string;
  appliedOn: IsoDate;
  urgency: Urgency;
  birthDate: IsoDate | null;
  flags: {
    disabilityLevel?: DisabilityLevel | null;
    lonelyElderly?: boolean;
    orphanOrAbandoned?: boolean;
    noMeansOfSupport?: boolean;
    mentalIllness?: boolean;
  };
}

export interface FlagPoints {
  flag: VulnerabilityFlag;
  points: number;
}

export interface AgePoints {
  /** Completed years on the day; null when the birth date is unknown (or later than the day). */
  ageYears: number | null;
  /** The band that gave the points; null when none matched. */
  band: AgeBand | null;
  points: number;
}

export type CriterionScore =
  | { kind: 'urgency'; score: number; urgency: Urgency }
  | { kind: 'vulnerability'; score: number; flags: FlagPoints[] }
  | { kind: 'age'; score: number; age: AgePoints }
  | { kind: 'need'; score: number; flags: FlagPoints[]; age: AgePoints }
  | { kind: 'waiting_time'; score: number; appliedOn: IsoDate; waitingDays: number };

/** What put an entry below the one before it. */
export type DecidedBy = CriterionKind | 'applied_on' | 'id';

export interface WaitlistEntry {
  rank: number;
  applicationId: string;
  appliedOn: IsoDate;
  waitingDays: number;
  /** One per criterion, in the priority's order. */
  scores: CriterionScore[];
  /** Null for the first entry; otherwise the first criterion (or tie-break) that differs from the entry above. */
  decidedBy: DecidedBy | null;
}

function flagsOf(app: WaitlistApplication): VulnerabilityFlag[] {
  const f = app.flags;
  const out: VulnerabilityFlag[] = [];
  if (f.disabilityLevel === 'especially_severe') out.push('especially_severe_disability');
  else if (f.disabilityLevel === 'severe') out.push('severe_disability');
  else if (f.disabilityLevel === 'mild') out.push('mild_disability');
  if (f.lonelyElderly) out.push('lonely_elderly');
  if (f.orphanOrAbandoned) out.push('orphan_or_abandoned');
  if (f.noMeansOfSupport) out.push('no_means_of_support');
  if (f.mentalIllness) out.push('mental_illness');
  return out;
}

function flagPoints(
  app: WaitlistApplication,
  table: VulnerabilityPoints,
): { score: number; flags: FlagPoints[] } {
  let score = 0;
  const flags: FlagPoints[] = [];
  for (const flag of flagsOf(app)) {
    const p = table[flag] ?? 0;
    score += p;
    flags.push({ flag, points: p });
  }
  return { score, flags };
}

function ageYearsOn(birthDate: IsoDate | null, today: CivilDate): number | null {
  if (!birthDate) return null;
  const months = completedMonths(civilOf(toDayNumber(birthDate)), today);
  return months < 0 ? null : Math.floor(months / 12);
}

function agePoints(ageYears: number | null, bands: readonly AgeBand[]): AgePoints {
  let best: AgeBand | null = null;
  if (ageYears !== null) {
    for (const band of bands) {
      if (band.fromYears !== undefined && ageYears < band.fromYears) continue;
      if (band.belowYears !== undefined && ageYears >= band.belowYears) continue;
      if (best === null || band.points > best.points) best = band;
    }
  }
  return { ageYears, band: best, points: best?.points ?? 0 };
}

function scoreOf(
  criterion: WaitlistCriterion,
  app: WaitlistApplication,
  ageYears: number | null,
  waitingDays: number,
): CriterionScore {
  switch (criterion.kind) {
    case 'urgency':
      return { kind: 'urgency', score: criterion.points[app.urgency], urgency: app.urgency };
    case 'vulnerability': {
      const { score, flags } = flagPoints(app, criterion.points);
      return { kind: 'vulnerability', score, flags };
    }
    case 'age': {
      const age = agePoints(ageYears, criterion.bands);
      return { kind: 'age', score: age.points, age };
    }
    case 'need': {
      const { score, flags } = flagPoints(app, criterion.points);
      const age = agePoints(ageYears, criterion.bands);
      return { kind: 'need', score: score + age.points, flags, age };
    }
    case 'waiting_time':
      return { kind: 'waiting_time', score: waitingDays, appliedOn: app.appliedOn, waitingDays };
  }
}

/** Days from the application to `today`; 0 for an application dated later. */
function waitingDaysOf(appliedOn: IsoDate, todayDay: number): number {
  return Math.max(0, todayDay - toDayNumber(appliedOn));
}

/**
 * The applications in the order places should be offered, with rank (1-based) and the score of every
 * criterion. Dates are trusted to be valid ISO dates (read digit by digit, like `toDayNumber`; the
 * API's schemas check them); a missing birth date, or one later than today, only costs the age points.
 */
export function orderWaitlist(
  applications: readonly WaitlistApplication[],
  priority: WaitlistPriority,
  today: IsoDate,
): WaitlistEntry[] {
  const on = parseIsoDate(today);
  const todayDay = toDayNumber(today);
  const criteria = priority.criteria;
  const k = criteria.length;
  const n = applications.length;
  const needsAge = criteria.some((c) => c.kind === 'age' || c.kind === 'need');
  const keys = new Float64Array(n * k);
  const scores: CriterionScore[][] = new Array(n);
  const waiting = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const app = applications[i] as WaitlistApplication;
    const ageYears = needsAge ? ageYearsOn(app.birthDate, on) : null;
    const days = waitingDaysOf(app.appliedOn, todayDay);
    waiting[i] = days;
    const row: CriterionScore[] = new Array(k);
    for (let c = 0; c < k; c++) {
      const s = scoreOf(criteria[c] as WaitlistCriterion, app, ageYears, days);
      row[c] = s;
      keys[i * k + c] = s.score;
    }
    scores[i] = row;
  }

  /** 0…k−1: the criterion that separates a and b; k: applied on; k+1: id; −1: identical. */
  const firstDifference = (a: number, b: number): number => {
    for (let c = 0; c < k; c++) if (keys[a * k + c] !== keys[b * k + c]) return c;
    const appA = applications[a] as WaitlistApplication;
    const appB = applications[b] as WaitlistApplication;
    if (appA.appliedOn !== appB.appliedOn) return k;
    if (appA.id !== appB.id) return k + 1;
    return -1;
  };
  const compare = (a: number, b: number): number => {
    const d = firstDifference(a, b);
    if (d < 0) return a - b;
    if (d < k) return (keys[b * k + d] as number) - (keys[a * k + d] as number);
    const appA = applications[a] as WaitlistApplication;
    const appB = applications[b] as WaitlistApplication;
    const x = d === k ? appA.appliedOn : appA.id;
    const y = d === k ? appB.appliedOn : appB.id;
    return x < y ? -1 : 1;
  };
  const order = Array.from({ length: n }, (_, i) => i).sort(compare);

  const entries: WaitlistEntry[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const i = order[r] as number;
    const app = applications[i] as WaitlistApplication;
    let decidedBy: DecidedBy | null = null;
    if (r > 0) {
      const d = firstDifference(order[r - 1] as number, i);
      decidedBy =
        d < 0 || d === k + 1 ? 'id' : d === k ? 'applied_on' : (criteria[d] as WaitlistCriterion).kind;
    }
    entries[r] = {
      rank: r + 1,
      applicationId: app.id,
      appliedOn: app.appliedOn,
      waitingDays: waiting[i] as number,
      scores: scores[i] as CriterionScore[],
      decidedBy,
    };
  }
  return entries;
}

export interface WaitingMetrics {
  count: number;
  /** Median waiting days (the mean of the two middle values for an even count); null when empty. */
  medianDays: number | null;
  longestDays: number | null;
  /** The application waiting longest (the smaller id on a tie); null when empty. */
  longestApplicationId: string | null;
}

/** How long the applications have waited on `today` (days since application, 0 if dated later). */
export function waitingMetrics(
  applications: readonly Pick<WaitlistApplication, 'id' | 'appliedOn'>[],
  today: IsoDate,
): WaitingMetrics {
  const n = applications.length;
  if (n === 0) return { count: 0, medianDays: null, longestDays: null, longestApplicationId: null };
  const todayDay = toDayNumber(today);
  const days = new Float64Array(n);
  let longest = -1;
  let longestId: string | null = null;
  for (let i = 0; i < n; i++) {
    const app = applications[i] as Pick<WaitlistApplication, 'id' | 'appliedOn'>;
    const d = waitingDaysOf(app.appliedOn, todayDay);
    days[i] = d;
    if (d > longest || (d === longest && longestId !== null && app.id < longestId)) {
      longest = d;
      longestId = app.id;
    }
  }
  days.sort();
  const mid = n >> 1;
  const median =
    n % 2 === 1 ? (days[mid] as number) : ((days[mid - 1] as number) + (days[mid] as number)) / 2;
  return { count: n, medianDays: median, longestDays: longest, longestApplicationId: longestId };
}
