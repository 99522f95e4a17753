import { z } from 'zod';
import { isIsoDate } from './dates.ts';
import type { Bilingual } from './format.ts';

/**
 * What the engine knows about one resident. Every field is optional because real records are
 * incomplete: `undefined` means "not recorded" and makes any rule that needs it answer 'unknown'
 * (naming the fact in `missingFacts`), while `null` / `false` / `0` are recorded negatives.
 */

/** Decree 20/2021 Art. 24: (1)(a) children, (1)(b) elderly, (1)(c) disability, (2) emergency, (3), (5). */
export const residentGroups = [
  'k1_child_no_support',
  'k1_poor_child_hiv',
  'k1_elderly',
  'k1_disability',
  'k2_emergency',
  'k3_administrative',
  'k5_voluntary',
] as const;
export type ResidentGroup = (typeof residentGroups)[number];

/** Law 51/2010 Art. 3 disability levels. */
export const disabilityLevels = ['especially_severe', 'severe', 'mild'] as const;
export type DisabilityLevel = (typeof disabilityLevels)[number];

export const circumstanceFlags = [
  'orphanOrAbandoned',
  'bothParentsDisabled',
  'parentLeftNotMissing',
  'lonelyElderly',
  'especiallyDifficult',
] as const;
export type CircumstanceFlag = (typeof circumstanceFlags)[number];

/** Flags a predicate may test: the circumstances plus `noMeansOfSupport`. */
export const factFlags = [...circumstanceFlags, 'noMeansOfSupport'] as const;
export type FactFlag = (typeof factFlags)[number];

export const incomeKinds = ['pension', 'labourCapacityLoss', 'meritoriousAllowance'] as const;
export type IncomeKind = (typeof incomeKinds)[number];

/** Decree 20/2021 Art. 30(2) reasons, grouped. `deceased` is the only one whose day still counts. */
export const dischargeReasons = [
  'returned_to_family',
  'adopted',
  'aged_out',
  'lost_contact',
  'deceased',
  'contract_ended',
  'other',
] as const;
export type DischargeReason = (typeof dischargeReasons)[number];

const isoDate = z.string().refine(isIsoDate, 'Expected an ISO date YYYY-MM-DD');
const vnd = z.int().min(0);

export const staySchema = z
  .object({
    facilityId: z.string().min(1),
    admittedOn: isoDate,
    dischargedOn: isoDate.nullable().optional(),
    dischargeReason: z.enum(dischargeReasons).nullable().optional(),
  })
  .refine((s) => s.dischargedOn == null || s.dischargedOn >= s.admittedOn, {
    message: 'dischargedOn is before admittedOn',
    path: ['dischargedOn'],
  })
  .refine((s) => s.dischargedOn != null || s.dischargeReason == null, {
    message: 'dischargeReason without dischargedOn',
    path: ['dischargeReason'],
  });
export type Stay = z.infer<typeof staySchema>;

export const residentFactsSchema = z
  .object({
    birthDate: isoDate.optional(),
    /** 'year': only the year is known (the stored date is any day of it, conventionally 01-01). */
    birthDatePrecision: z.enum(['day', 'year']).optional(),
    sex: z.enum(['male', 'female']).optional(),
    group: z.enum(residentGroups).optional(),
    /** null: no disability. */
    disabilityLevel: z.enum(disabilityLevels).nullable().optional(),
    circumstances: z
      .object({
        orphanOrAbandoned: z.boolean().optional(),
        bothParentsDisabled: z.boolean().optional(),
        parentLeftNotMissing: z.boolean().optional(),
        lonelyElderly: z.boolean().optional(),
        especiallyDifficult: z.boolean().optional(),
      })
      .optional(),
    /** Monthly VND; 0 = has none, undefined = not recorded. */
    incomes: z
      .object({
        pension: vnd.optional(),
        labourCapacityLoss: vnd.optional(),
        meritoriousAllowance: vnd.optional(),
      })
      .optional(),
    /** null: not studying. `until`: last day of the current course (Art. 26(2)). */
    studying: z.object({ until: isoDate }).nullable().optional(),
    noMeansOfSupport: z.boolean().optional(),
    /** The stays relevant to the evaluation (a transfer is two stays, the second admitted the day the first ends). */
    stays: z.array(staySchema).optional(),
    /** Monthly care cost per resident at the facility, for percentage amounts. */
    facilityCareCostVnd: vnd.optional(),
    /** Art. 24(4): the superior agency's decision to keep an emergency (k2) resident past 3 months. */
    emergencyExtendedUntil: isoDate.nullable().optional(),
  })
  .superRefine((facts, ctx) => {
    const stays = facts.stays ?? [];
    if (stays.filter((s) => s.dischargedOn == null).length > 1) {
      ctx.addIssue({ code: 'custom', message: 'At most one stay may be open', path: ['stays'] });
    }
    const sorted = [...stays].sort((a, b) => (a.admittedOn < b.admittedOn ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const next = sorted[i];
      if (prev && next && (prev.dischargedOn == null || prev.dischargedOn > next.admittedOn)) {
        ctx.addIssue({ code: 'custom', message: 'Stays overlap', path: ['stays'] });
      }
      if (prev?.dischargeReason === 'deceased') {
        ctx.addIssue({ code: 'custom', message: 'A stay follows a discharge by death', path: ['stays'] });
      }
    }
    if (facts.birthDatePrecision !== undefined && facts.birthDate === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'birthDatePrecision without birthDate',
        path: ['birthDatePrecision'],
      });
    }
  });

export type ResidentFacts = z.infer<typeof residentFactsSchema>;

/** Validates untrusted facts (e.g. JSON from a form or an import). Throws a ZodError. */
export function parseResidentFacts(input: unknown): ResidentFacts {
  return residentFactsSchema.parse(input);
}

export const groupLabels: Record<ResidentGroup, Bilingual> = {
  k1_child_no_support: {
    vi: 'Trẻ em không có nguồn nuôi dưỡng (k1)',
    en: 'Child with no means of support (k1)',
  },
  k1_poor_child_hiv: {
    vi: 'Trẻ em nhiễm HIV thuộc hộ nghèo (k1)',
    en: 'Child of a poor household with HIV (k1)',
  },
  k1_elderly: { vi: 'Người cao tuổi (k1)', en: 'Elderly person (k1)' },
  k1_disability: { vi: 'Người khuyết tật (k1)', en: 'Person with disabilities (k1)' },
  k2_emergency: {
    vi: 'Đối tượng cần bảo vệ khẩn cấp (k2)',
    en: 'Person in need of emergency protection (k2)',
  },
  k3_administrative: {
    vi: 'Đối tượng theo quyết định xử lý vi phạm hành chính (k3)',
    en: 'Person placed by an administrative decision (k3)',
  },
  k5_voluntary: { vi: 'Đối tượng tự nguyện (k5)', en: 'Voluntary resident (k5)' },
};

export const flagLabels: Record<FactFlag, Bilingual> = {
  orphanOrAbandoned: { vi: 'mồ côi hoặc bị bỏ rơi', en: 'orphaned or abandoned' },
  bothParentsDisabled: { vi: 'cha và mẹ đều là người khuyết tật', en: 'both parents have disabilities' },
  parentLeftNotMissing: {
    vi: 'cha hoặc mẹ bỏ đi nhưng chưa bị tuyên bố mất tích',
    en: 'a parent left but has not been declared missing',
  },
  lonelyElderly: { vi: 'người cao tuổi neo đơn', en: 'lonely elderly person' },
  especiallyDifficult: { vi: 'hoàn cảnh đặc biệt khó khăn', en: 'especially difficult circumstances' },
  noMeansOfSupport: { vi: 'không có nguồn nuôi dưỡng', en: 'no means of support' },
};

export const incomeLabels: Record<IncomeKind, Bilingual> = {
  pension: { vi: 'lương hưu', en: 'pension' },
  labourCapacityLoss: { vi: 'trợ cấp mất sức lao động', en: 'labour-capacity-loss allowance' },
  meritoriousAllowance: {
    vi: 'trợ cấp ưu đãi người có công',
    en: 'allowance for people with meritorious services',
  },
};

export const disabilityLabels: Record<DisabilityLevel, Bilingual> = {
  especially_severe: { vi: 'đặc biệt nặng', en: 'especially severe' },
  severe: { vi: 'nặng', en: 'severe' },
  mild: { vi: 'nhẹ', en: 'mild' },
};

export const dischargeReasonLabels: Record<DischargeReason, Bilingual> = {
  returned_to_family: { vi: 'về gia đình', en: 'returned to family' },
  adopted: { vi: 'được nhận làm con nuôi', en: 'adopted' },
  aged_out: { vi: 'hết tuổi được nuôi dưỡng', en: 'aged out' },
  lost_contact: { vi: 'không liên hệ', en: 'lost contact' },
  deceased: { vi: 'chết', en: 'deceased' },
  contract_ended: { vi: 'kết thúc hợp đồng', en: 'contract ended' },
  other: { vi: 'lý do khác', en: 'other reason' },
};

/** Names used in `missingFacts`, with how explanations call them. */
export const missingFactLabels: Record<string, Bilingual> = {
  birthDate: { vi: 'ngày sinh', en: 'birth date' },
  sex: { vi: 'giới tính', en: 'sex' },
  group: { vi: 'nhóm đối tượng', en: 'resident group' },
  disabilityLevel: { vi: 'mức độ khuyết tật', en: 'disability level' },
  studying: { vi: 'thông tin đi học', en: 'schooling' },
  stays: { vi: 'thời gian ở cơ sở', en: 'stays in the facility' },
  'stays.dischargeReason': { vi: 'lý do ra khỏi cơ sở', en: 'discharge reason' },
  facilityCareCostVnd: { vi: 'chi phí chăm sóc hàng tháng của cơ sở', en: 'facility monthly care cost' },
  noMeansOfSupport: { vi: 'nguồn nuôi dưỡng', en: 'means of support' },
  ...Object.fromEntries(circumstanceFlags.map((flag) => [`circumstances.${flag}`, flagLabels[flag]])),
  ...Object.fromEntries(incomeKinds.map((kind) => [`incomes.${kind}`, incomeLabels[kind]])),
};

export function missingFactLabel(fact: string): Bilingual {
  return missingFactLabels[fact] ?? { vi: fact, en: fact };
}
