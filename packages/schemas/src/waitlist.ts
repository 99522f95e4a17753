import {
  type CriterionKind,
  type CriterionScore,
  type DecidedBy,
  disabilityLevelValues,
  urgencyValues,
  type VulnerabilityFlag,
  vulnerabilityFlagValues,
  waitlistPrioritySchema,
} from '@ansinh/domain/capacity/waitlist';
import { residentGroups } from '@ansinh/domain/entitlements/facts';
import { checkIdNumber, normalizeIdNumber } from '@ansinh/domain/id-number';
import { normalizeText } from '@ansinh/domain/text';
import { z } from 'zod';
import { communeCode } from './admin-unit.ts';
import { isoDate, nullableText, pageInput, pageOf, searchText, sortDirection, text } from './common.ts';
import { facilityTypes } from './facility.ts';
import type { Lang } from './labels.ts';
import { activeLanguage, ruleMessage } from './messages.ts';
import { residentUpdateInput, sexes } from './resident.ts';

/**
 * The waitlist: applications for a place from people who are not residents yet, the beds offered to
 * them, and the order places are offered in (domain: capacity/waitlist.ts, configured by the
 * department as a `waitlist_priority` setting version).
 */

export const urgencies = urgencyValues;
export type Urgency = (typeof urgencies)[number];
export const applicationStatuses = ['waiting', 'offered', 'admitted', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const offerStatuses = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type OfferStatus = (typeof offerStatuses)[number];
export { vulnerabilityFlagValues as vulnerabilityFlags };

// ---- messages of the waitlist's own rules ------------------------------------------------------

const messages = {
  vi: {
    requestedSomething: 'Chọn cơ sở hoặc loại hình cơ sở đề nghị tiếp nhận',
    reasonRequired: 'Vui lòng ghi lý do',
    notInFuture: 'Ngày không được ở tương lai',
    notBeforeApplied: 'Ngày không được trước ngày nộp đơn',
    notBeforeOffered: 'Ngày không được trước ngày đề nghị giường',
    birthAfterApplied: 'Ngày sinh không được sau ngày nộp đơn',
  },
  en: {
    requestedSomething: 'Choose the requested facility or facility type',
    reasonRequired: 'Please give the reason',
    notInFuture: 'The date cannot be in the future',
    notBeforeApplied: 'The date cannot be before the application date',
    notBeforeOffered: 'The date cannot be before the bed was offered',
    birthAfterApplied: 'The birth date cannot be after the application date',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type WaitlistMessage = keyof (typeof messages)['vi'];
/** A waitlist rule's message in the active language (services raise the date checks that need today). */
export const waitlistText = (key: WaitlistMessage): string => messages[activeLanguage()][key];
const waitlistMessage = (key: WaitlistMessage) => ({ error: () => waitlistText(key) });

// ---- applications ------------------------------------------------------------------------------

const idNumber = z
  .string()
  .transform(normalizeIdNumber)
  .pipe(z.string().regex(/^(\d{9}|\d{12})?$/, ruleMessage('idNumberFormat')))
  .transform((v) => (v === '' ? null : v))
  .nullable();

/** What the priority order reads, as recorded on the application. Unset means "no" / not recorded. */
export const vulnerabilityInput = z.strictObject({
  disabilityLevel: z.enum(disabilityLevelValues).nullable().optional(),
  lonelyElderly: z.boolean().optional(),
  orphanOrAbandoned: z.boolean().optional(),
  noMeansOfSupport: z.boolean().optional(),
  mentalIllness: z.boolean().optional(),
});
export type Vulnerability = z.infer<typeof vulnerabilityInput>;

/** A reason that must be given: missing, blank or only spaces all read "please give the reason". */
const requiredReason = z
  .string(waitlistMessage('reasonRequired'))
  .transform(normalizeText)
  .pipe(z.string().min(1, waitlistMessage('reasonRequired')).max(500));

const fields = {
  fullName: text(2, 120),
  /** Often unknown when a person is referred; the age points then count 0 and the screen says so. */
  birthDate: isoDate.nullable(),
  sex: z.enum(sexes),
  idNumber,
  homeCommuneCode: communeCode,
  group: z.enum(residentGroups),
  urgency: z.enum(urgencies),
  vulnerability: vulnerabilityInput,
  requestedFacilityId: z.uuid().nullable(),
  requestedFacilityType: z.enum(facilityTypes).nullable(),
  appliedOn: isoDate,
  notes: nullableText(2000),
};

const applicationShape = z.object({
  ...fields,
  birthDate: fields.birthDate.default(null),
  idNumber: fields.idNumber.default(null),
  vulnerability: fields.vulnerability.default({}),
  requestedFacilityId: fields.requestedFacilityId.default(null),
  requestedFacilityType: fields.requestedFacilityType.default(null),
  notes: fields.notes.default(null),
});

type ApplicationValue = z.infer<typeof applicationShape>;

function applicationRules(value: ApplicationValue, ctx: z.RefinementCtx) {
  if (!value.requestedFacilityId && !value.requestedFacilityType) {
    for (const path of ['requestedFacilityId', 'requestedFacilityType'])
      ctx.addIssue({ code: 'custom', path: [path], message: waitlistText('requestedSomething') });
  }
  if (value.birthDate && value.birthDate > value.appliedOn)
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: waitlistText('birthAfterApplied') });
  // The same checks as a resident's number (the format is the field's own); without a birth date only the
  // sex digit can be read.
  if (value.idNumber && /^\d{12}$/.test(value.idNumber)) {
    const check = checkIdNumber(value.idNumber, {
      sex: value.sex,
      ...(value.birthDate ? { birthDate: value.birthDate, birthDatePrecision: 'day' as const } : {}),
    });
    for (const problem of check.problems)
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem.message[activeLanguage()] });
  }
}

export const applicationInput = applicationShape.superRefine(applicationRules);
export type ApplicationInput = z.infer<typeof applicationInput>;
export type ApplicationFormValues = z.input<typeof applicationInput>;

/** Changed fields only; the service merges them into the record and checks the whole again. */
export const applicationUpdateInput = z
  .object(fields)
  .partial()
  .extend({ id: z.uuid(), version: z.int().min(1) });
export type ApplicationUpdateInput = z.infer<typeof applicationUpdateInput>;

export const applicationWithdrawInput = z.object({
  id: z.uuid(),
  version: z.int().min(1),
  reason: requiredReason,
  /** Defaults to today. */
  withdrawnOn: isoDate.optional(),
});

// ---- offers ------------------------------------------------------------------------------------

export const offerInput = z.object({
  applicationId: z.uuid(),
  bedId: z.uuid(),
  /** Defaults to today. */
  offeredOn: isoDate.optional(),
});
export const declineOfferInput = z.object({
  offerId: z.uuid(),
  reason: requiredReason,
  decidedOn: isoDate.optional(),
});
export const withdrawOfferInput = z.object({
  offerId: z.uuid(),
  reason: nullableText(500).default(null),
  decidedOn: isoDate.optional(),
});

/** Resident fields the admitting centre adds or corrects (e.g. a birth date the application lacked). */
export const residentOverrides = residentUpdateInput.omit({ id: true, version: true });

export const acceptOfferInput = z.object({
  offerId: z.uuid(),
  /** The admission date; defaults to today. */
  acceptedOn: isoDate.optional(),
  decisionNumber: nullableText(100).default(null),
  resident: residentOverrides.default({}),
  /** Acknowledges a same name + birth date + home commune warning, as on a plain admission. */
  confirmDuplicate: z.boolean().default(false),
});
export type AcceptOfferInput = z.infer<typeof acceptOfferInput>;

// ---- the priority order and its explanation ----------------------------------------------------

const ageBand = z.object({
  fromYears: z.int().optional(),
  belowYears: z.int().optional(),
  points: z.number(),
});
const flagPoints = z.object({ flag: z.enum(vulnerabilityFlagValues), points: z.number() });
const agePoints = z.object({ ageYears: z.int().nullable(), band: ageBand.nullable(), points: z.number() });

export const criterionScore = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('urgency'), score: z.number(), urgency: z.enum(urgencies) }),
  z.object({ kind: z.literal('vulnerability'), score: z.number(), flags: z.array(flagPoints) }),
  z.object({ kind: z.literal('age'), score: z.number(), age: agePoints }),
  z.object({ kind: z.literal('need'), score: z.number(), flags: z.array(flagPoints), age: agePoints }),
  z.object({
    kind: z.literal('waiting_time'),
    score: z.number(),
    appliedOn: z.string(),
    waitingDays: z.int(),
  }),
]) satisfies z.ZodType<CriterionScore>;

export const criterionKinds = [
  'urgency',
  'vulnerability',
  'age',
  'need',
  'waiting_time',
] as const satisfies readonly CriterionKind[];
export const decidedByValues = [
  ...criterionKinds,
  'applied_on',
  'id',
] as const satisfies readonly DecidedBy[];

/** Why an open application stands where it does: every criterion's score, and what put it below the one above. */
export const priorityExplanation = z.object({
  scores: z.array(criterionScore),
  /** Null for the first in the queue. */
  decidedBy: z.enum(decidedByValues).nullable(),
});
export type PriorityExplanation = z.infer<typeof priorityExplanation>;

/** Translation keys for the explanation, shared by the web app's i18n resources. */
export const explanationKeys = {
  criterion: Object.fromEntries(criterionKinds.map((k) => [k, `waitlist.criterion.${k}`])) as Record<
    CriterionKind,
    string
  >,
  tieBreak: { applied_on: 'waitlist.tieBreak.appliedOn', id: 'waitlist.tieBreak.id' },
  flag: Object.fromEntries(vulnerabilityFlagValues.map((f) => [f, `waitlist.flag.${f}`])) as Record<
    VulnerabilityFlag,
    string
  >,
  ageUnknown: 'waitlist.explain.ageUnknown',
  decidedBy: 'waitlist.explain.decidedBy',
} as const;

export const waitlistPriorityView = z.object({
  /** The setting version in force today; null when none is stored and the built-in default applies. */
  versionId: z.uuid().nullable(),
  validFrom: z.string().nullable(),
  document: waitlistPrioritySchema,
  /** The criteria in order, each with its translation key and its Vietnamese description. */
  criteria: z.array(z.object({ kind: z.enum(criterionKinds), key: z.string(), text: z.string() })),
  /** After the last criterion: the earlier application, then the record id, so the order is total. */
  tieBreaks: z.array(z.object({ kind: z.enum(['applied_on', 'id']), key: z.string(), text: z.string() })),
});
export type WaitlistPriorityView = z.infer<typeof waitlistPriorityView>;

// ---- labels (screens and exports) --------------------------------------------------------------

export const urgencyLabels: Record<Lang, Record<Urgency, string>> = {
  vi: { emergency: 'Khẩn cấp', high: 'Ưu tiên cao', normal: 'Bình thường' },
  en: { emergency: 'Emergency', high: 'High', normal: 'Normal' },
};
export const applicationStatusLabels: Record<Lang, Record<ApplicationStatus, string>> = {
  vi: {
    waiting: 'Đang chờ',
    offered: 'Đã được đề nghị giường',
    admitted: 'Đã tiếp nhận',
    withdrawn: 'Đã rút hồ sơ',
  },
  en: { waiting: 'Waiting', offered: 'Bed offered', admitted: 'Admitted', withdrawn: 'Withdrawn' },
};
export const offerStatusLabels: Record<Lang, Record<OfferStatus, string>> = {
  vi: { open: 'Chờ trả lời', accepted: 'Đã nhận', declined: 'Từ chối', withdrawn: 'Đã thu hồi' },
  en: { open: 'Awaiting answer', accepted: 'Accepted', declined: 'Declined', withdrawn: 'Withdrawn' },
};
export const vulnerabilityFlagLabels: Record<Lang, Record<VulnerabilityFlag, string>> = {
  vi: {
    especially_severe_disability: 'Khuyết tật đặc biệt nặng',
    severe_disability: 'Khuyết tật nặng',
    mild_disability: 'Khuyết tật nhẹ',
    lonely_elderly: 'Người cao tuổi cô đơn',
    orphan_or_abandoned: 'Mồ côi hoặc bị bỏ rơi',
    no_means_of_support: 'Không có nguồn nuôi dưỡng',
    mental_illness: 'Người tâm thần',
  },
  en: {
    especially_severe_disability: 'Especially severe disability',
    severe_disability: 'Severe disability',
    mild_disability: 'Mild disability',
    lonely_elderly: 'Lonely elderly person',
    orphan_or_abandoned: 'Orphaned or abandoned',
    no_means_of_support: 'No means of support',
    mental_illness: 'Mental illness',
  },
};
export const criterionLabels: Record<Lang, Record<CriterionKind | 'applied_on' | 'id', string>> = {
  vi: {
    urgency: 'Mức độ khẩn cấp',
    vulnerability: 'Hoàn cảnh',
    age: 'Tuổi',
    need: 'Mức độ cần hỗ trợ (tuổi và hoàn cảnh)',
    waiting_time: 'Thời gian chờ',
    applied_on: 'Ngày nộp đơn sớm hơn',
    id: 'Thứ tự hồ sơ',
  },
  en: {
    urgency: 'Urgency',
    vulnerability: 'Circumstances',
    age: 'Age',
    need: 'Need of support (age and circumstances)',
    waiting_time: 'Waiting time',
    applied_on: 'Earlier application',
    id: 'Record order',
  },
};
export const criterionDescriptions: Record<Lang, Record<CriterionKind | 'applied_on' | 'id', string>> = {
  vi: {
    urgency: 'Điểm theo mức độ khẩn cấp của hồ sơ; điểm cao hơn xếp trước',
    vulnerability: 'Tổng điểm các hoàn cảnh của người nộp đơn',
    age: 'Điểm theo nhóm tuổi phù hợp nhất (không có ngày sinh thì 0 điểm)',
    need: 'Điểm hoàn cảnh cộng điểm nhóm tuổi, tính chung một mức',
    waiting_time: 'Số ngày đã chờ kể từ ngày nộp đơn; chờ lâu hơn xếp trước',
    applied_on: 'Khi bằng điểm mọi tiêu chí: hồ sơ nộp sớm hơn xếp trước',
    id: 'Khi trùng cả ngày nộp: theo mã hồ sơ, để thứ tự luôn cố định',
  },
  en: {
    urgency: 'Points by the urgency of the application; more points come first',
    vulnerability: 'The sum of the points of the applicant’s circumstances',
    age: 'The points of the best-matching age band (0 without a birth date)',
    need: 'Circumstance points plus age-band points, as one score',
    waiting_time: 'Days waited since the application; longer comes first',
    applied_on: 'When every criterion ties: the earlier application comes first',
    id: 'When the dates tie too: by record id, so the order never changes by chance',
  },
};

function ageText(age: { ageYears: number | null; points: number }, lang: Lang): string {
  if (age.ageYears === null) return lang === 'vi' ? 'chưa rõ tuổi (0 điểm)' : 'age unknown (0 points)';
  return lang === 'vi'
    ? `${age.ageYears} tuổi ${signed(age.points)}`
    : `${age.ageYears} years ${signed(age.points)}`;
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

/** One line a person can read: each criterion's score, then what decided the place below the one above. */
export function explanationText(explanation: PriorityExplanation, lang: Lang = 'vi'): string {
  const flags = (list: { flag: VulnerabilityFlag; points: number }[]) =>
    list.map((f) => `${vulnerabilityFlagLabels[lang][f.flag]} ${signed(f.points)}`);
  const parts = explanation.scores.map((s): string => {
    const name = criterionLabels[lang][s.kind];
    switch (s.kind) {
      case 'urgency':
        return `${name}: ${urgencyLabels[lang][s.urgency]} (${s.score})`;
      case 'vulnerability':
        return `${name}: ${s.score}${s.flags.length ? ` (${flags(s.flags).join(', ')})` : ''}`;
      case 'age':
        return `${name}: ${s.score} (${ageText(s.age, lang)})`;
      case 'need':
        return `${name}: ${s.score} (${[...flags(s.flags), ageText(s.age, lang)].join(', ')})`;
      default:
        return lang === 'vi' ? `Đã chờ ${s.waitingDays} ngày` : `Waited ${s.waitingDays} days`;
    }
  });
  const decided = explanation.decidedBy
    ? lang === 'vi'
      ? `Xếp sau hồ sơ liền trên do: ${criterionLabels[lang][explanation.decidedBy]}`
      : `Placed after the one above by: ${criterionLabels[lang][explanation.decidedBy]}`
    : null;
  return [...parts, ...(decided ? [decided] : [])].join('; ');
}

// ---- lists -------------------------------------------------------------------------------------

export const applicationSortFields = ['priority', 'appliedOn', 'fullName', 'birthDate'] as const;
/** 'open' (the default) is waiting or offered: the people still waiting for a place. */
export const applicationStatusFilters = ['open', ...applicationStatuses, 'all'] as const;

export const applicationFilter = z.object({
  status: z.enum(applicationStatusFilters).default('open'),
  /**
   * Applications for this facility: those requesting it, or its type, or offered one of its beds
   * (the same rule that decides what a centre sees).
   */
  facilityId: z.uuid().optional(),
  /** The requested type, or the type of the requested facility. */
  facilityType: z.enum(facilityTypes).optional(),
  homeCommuneCode: communeCode.optional(),
  group: z.enum(residentGroups).optional(),
  urgency: z.enum(urgencies).optional(),
  search: searchText,
  /** 'priority': the configured order (open applications first, ranked; closed ones after, latest first). */
  sort: z
    .object({ field: z.enum(applicationSortFields), direction: sortDirection })
    .default({ field: 'priority', direction: 'asc' }),
});
export type ApplicationFilter = z.infer<typeof applicationFilter>;
export const applicationListInput = applicationFilter.extend(pageInput);
export type ApplicationListInput = z.infer<typeof applicationListInput>;

const openOffer = z.object({
  id: z.uuid(),
  bedId: z.uuid(),
  bedCode: z.string(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  offeredOn: z.string(),
});

export const applicationListItem = z.object({
  id: z.uuid(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  sex: z.enum(sexes),
  idNumber: z.string().nullable(),
  homeCommuneCode: z.string(),
  homeCommuneName: z.string(),
  group: z.enum(residentGroups),
  urgency: z.enum(urgencies),
  vulnerability: vulnerabilityInput,
  requestedFacilityId: z.uuid().nullable(),
  requestedFacilityName: z.string().nullable(),
  requestedFacilityType: z.enum(facilityTypes).nullable(),
  /** The requested type, or the requested facility's type. */
  effectiveFacilityType: z.enum(facilityTypes).nullable(),
  appliedOn: z.string(),
  status: z.enum(applicationStatuses),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  residentId: z.uuid().nullable(),
  notes: z.string().nullable(),
  version: z.int(),
  /** Days since the application (to the closing day once closed). */
  waitingDays: z.int(),
  /** Place in the configured order among the open applications listed (1 = next); null once closed. */
  rank: z.int().nullable(),
  explanation: priorityExplanation.nullable(),
  openOffer: openOffer.nullable(),
});
export type ApplicationListItem = z.infer<typeof applicationListItem>;
export const applicationPage = pageOf(applicationListItem);

export const offerView = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  bedId: z.uuid(),
  bedCode: z.string(),
  roomName: z.string(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  offeredOn: z.string(),
  status: z.enum(offerStatuses),
  decidedOn: z.string().nullable(),
  reason: z.string().nullable(),
  offeredByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
});
export type OfferView = z.infer<typeof offerView>;

export const applicationDetail = applicationListItem.extend({
  /** How many open applications the caller's queue holds (the rank is out of this). */
  queueSize: z.int(),
  /** The offers the caller may see (a centre sees those of its own beds), latest first. */
  offers: z.array(offerView),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const acceptOfferResult = z.object({ application: applicationDetail, residentId: z.uuid() });

// ---- metrics -----------------------------------------------------------------------------------

export const waitlistMetrics = z.object({
  onDate: z.string(),
  /** Open applications (waiting or offered): people still waiting for a place. */
  waiting: z.int(),
  /** Of those, how many hold an open offer. */
  offered: z.int(),
  medianWaitingDays: z.number().nullable(),
  longestWaitingDays: z.int().nullable(),
  longestApplicationId: z.uuid().nullable(),
  /** By the requested type (or the requested facility's type), most first. */
  byFacilityType: z.array(z.object({ facilityType: z.enum(facilityTypes), count: z.int() })),
  /** By home commune, most first. */
  byCommune: z.array(
    z.object({ communeCode: z.string(), communeName: z.string(), provinceCode: z.string(), count: z.int() }),
  ),
});
export type WaitlistMetrics = z.infer<typeof waitlistMetrics>;
