import {
  disabilityLevels,
  dischargeReasons as engineDischargeReasons,
  residentGroups,
} from '@ansinh/domain/entitlements/facts';
import { checkIdNumber, normalizeIdNumber } from '@ansinh/domain/id-number';
import { z } from 'zod';
import { communeCode } from './admin-unit.ts';
import { isoDate, nullableText, pageInput, pageOf, searchText, sortDirection, text } from './common.ts';
import { activeLanguage, ruleMessage } from './messages.ts';

export type { DisabilityLevel, ResidentGroup } from '@ansinh/domain/entitlements/facts';
export { disabilityLevels, residentGroups };

export const sexes = ['male', 'female'] as const;
/** Circular 33/2017 Art. 5(7)(d). */
export const mentalIllnessSeverities = ['especially_severe', 'severe', 'stabilised'] as const;
/** Law 51/2010 Art. 3. */
export const disabilityTypes = [
  'mobility',
  'hearing_speech',
  'vision',
  'neurological_mental',
  'intellectual',
  'other',
] as const;
/** Art. 30(2) reasons as the engine knows them, plus a stay closed by a transfer to another centre. */
export const dischargeReasons = [
  ...engineDischargeReasons.filter((r) => r !== 'other'),
  'transferred',
  'other',
] as const;
export type DischargeReason = (typeof dischargeReasons)[number];
export const circumstanceFields = [
  'orphanOrAbandoned',
  'bothParentsDisabled',
  'parentLeftNotMissing',
  'lonelyElderly',
  'especiallyDifficult',
  'noMeansOfSupport',
] as const;
export const incomeFields = ['pensionVnd', 'labourCapacityLossVnd', 'meritoriousAllowanceVnd'] as const;

/** Yes / no / not recorded: an unrecorded circumstance is reported as missing, never guessed. */
const flag = z.boolean().nullable();
const vnd = z.int().min(0).max(1_000_000_000).nullable();

const idNumber = z
  .string()
  .transform(normalizeIdNumber)
  .pipe(z.string().regex(/^(\d{9}|\d{12})?$/, ruleMessage('idNumberFormat')))
  .transform((v) => (v === '' ? null : v))
  .nullable();

/** Each field exactly as a person may send it (see facility.ts for why defaults are kept apart). */
const fields = {
  fullName: text(2, 120),
  birthDate: isoDate,
  birthDatePrecision: z.enum(['day', 'year']),
  sex: z.enum(sexes),
  idNumber,
  ethnicity: nullableText(50),
  homeCommuneCode: communeCode.nullable(),
  group: z.enum(residentGroups),
  disabilityType: z.enum(disabilityTypes).nullable(),
  disabilityLevel: z.enum(disabilityLevels).nullable(),
  disabilityCertificate: nullableText(100),
  mentalIllnessSeverity: z.enum(mentalIllnessSeverities).nullable(),
  selfCare: flag,
  foundHomeless: flag,
  orphanOrAbandoned: flag,
  bothParentsDisabled: flag,
  parentLeftNotMissing: flag,
  lonelyElderly: flag,
  especiallyDifficult: flag,
  noMeansOfSupport: flag,
  pensionVnd: vnd,
  labourCapacityLossVnd: vnd,
  meritoriousAllowanceVnd: vnd,
  studyingUntil: isoDate.nullable(),
  emergencyExtendedUntil: isoDate.nullable(),
  healthInsuranceNumber: nullableText(20),
  guardianContacts: nullableText(500),
  notes: nullableText(2000),
};

/** For fields whose schema accepts null: a new record leaves them NULL when they are left out. */
const nullByDefault = <T extends z.ZodType>(schema: T) => schema.default(null as never);

const residentShape = z.object({
  fullName: fields.fullName,
  birthDate: fields.birthDate,
  birthDatePrecision: fields.birthDatePrecision.default('day'),
  sex: fields.sex,
  idNumber: nullByDefault(fields.idNumber),
  ethnicity: nullByDefault(fields.ethnicity),
  homeCommuneCode: nullByDefault(fields.homeCommuneCode),
  group: fields.group,
  disabilityType: nullByDefault(fields.disabilityType),
  disabilityLevel: nullByDefault(fields.disabilityLevel),
  disabilityCertificate: nullByDefault(fields.disabilityCertificate),
  mentalIllnessSeverity: nullByDefault(fields.mentalIllnessSeverity),
  selfCare: nullByDefault(flag),
  foundHomeless: nullByDefault(flag),
  orphanOrAbandoned: nullByDefault(flag),
  bothParentsDisabled: nullByDefault(flag),
  parentLeftNotMissing: nullByDefault(flag),
  lonelyElderly: nullByDefault(flag),
  especiallyDifficult: nullByDefault(flag),
  noMeansOfSupport: nullByDefault(flag),
  pensionVnd: nullByDefault(vnd),
  labourCapacityLossVnd: nullByDefault(vnd),
  meritoriousAllowanceVnd: nullByDefault(vnd),
  studyingUntil: nullByDefault(fields.studyingUntil),
  emergencyExtendedUntil: nullByDefault(fields.emergencyExtendedUntil),
  healthInsuranceNumber: nullByDefault(fields.healthInsuranceNumber),
  guardianContacts: nullByDefault(fields.guardianContacts),
  notes: nullByDefault(fields.notes),
});

/**
 * A 12-digit number encodes century, sex and birth year (FACTS: Personal ID number); a mismatch with
 * the record is a data error shown on the field, naming the digit at fault. A 9-digit number is an
 * old ID card: accepted, and flagged as legacy by the API.
 */
function idNumberMatchesPerson(
  value: {
    idNumber: string | null;
    birthDate: string;
    birthDatePrecision: 'day' | 'year';
    sex: 'male' | 'female';
  },
  ctx: z.RefinementCtx,
) {
  if (!value.idNumber) return;
  const check = checkIdNumber(value.idNumber, value);
  for (const problem of check.problems) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem.message[activeLanguage()] });
  }
}

export const residentInput = residentShape.superRefine(idNumberMatchesPerson);
export type ResidentInput = z.infer<typeof residentInput>;
export type ResidentFormValues = z.input<typeof residentInput>;

export const residentUpdateInput = z
  .object(fields)
  .partial()
  .extend({ id: z.uuid(), version: z.int().min(1) });
export type ResidentUpdateInput = z.infer<typeof residentUpdateInput>;

export const admissionInput = z.object({
  facilityId: z.uuid(),
  admittedOn: isoDate,
  decisionNumber: nullByDefault(nullableText(100)),
  /** A bed of that facility, taken from the admission date; the person can also be placed later. */
  bedId: z.uuid().nullable().default(null),
});

/** A new person and their first stay. `confirmDuplicate` acknowledges a same-name/birth/commune warning. */
export const residentCreateInput = z.object({
  resident: residentInput,
  admission: admissionInput,
  confirmDuplicate: z.boolean().default(false),
});

export const readmitInput = admissionInput.extend({ residentId: z.uuid() });
export const transferInput = z.object({
  residentId: z.uuid(),
  toFacilityId: z.uuid(),
  transferredOn: isoDate,
  decisionNumber: nullByDefault(nullableText(100)),
  bedId: z.uuid().nullable().default(null),
});
export const dischargeInput = z.object({
  residentId: z.uuid(),
  dischargedOn: isoDate,
  reason: z.enum(dischargeReasons).exclude(['transferred']),
  note: nullByDefault(nullableText(500)),
});

export const stay = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  admittedOn: z.string(),
  admissionDecisionNumber: z.string().nullable(),
  dischargedOn: z.string().nullable(),
  dischargeReason: z.enum(dischargeReasons).nullable(),
  dischargeNote: z.string().nullable(),
});
export type Stay = z.infer<typeof stay>;

export const resident = residentShape.extend({
  id: z.uuid(),
  version: z.int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Resident = z.infer<typeof resident>;

export const residentDetail = resident.extend({
  homeCommuneName: z.string().nullable(),
  /** So a form can offer the communes of the right province (the home may be anywhere in the country). */
  homeProvinceCode: z.string().nullable(),
  stays: z.array(stay),
  /** Where the person is now, as far as the viewer may see; null when discharged or out of view. */
  currentStay: stay.nullable(),
  /** The bed the person sleeps in now, within the current stay. */
  currentBed: z
    .object({ bedId: z.uuid(), code: z.string(), roomName: z.string(), fromOn: z.string() })
    .nullable(),
  idNumberKind: z.enum(['citizen', 'legacy']).nullable(),
  emergencyOverdue: z.boolean(),
});
export type ResidentDetail = z.infer<typeof residentDetail>;

export const ageBands = ['under_4', '4_to_15', '16_to_21', '22_to_59', '60_plus'] as const;
export const entitlementStatuses = ['entitled', 'not_entitled', 'incomplete'] as const;
export const residentSortFields = ['fullName', 'birthDate', 'admittedOn', 'group', 'facilityName'] as const;

export const residentFilter = z.object({
  facilityId: z.uuid().optional(),
  search: searchText,
  group: z.enum(residentGroups).optional(),
  ageBand: z.enum(ageBands).optional(),
  disabilityLevel: z.enum(disabilityLevels).optional(),
  entitlementStatus: z.enum(entitlementStatuses).optional(),
  /** in_care: with an open stay (the default); discharged: last stay closed. */
  careStatus: z.enum(['in_care', 'discharged']).default('in_care'),
  sort: z
    .object({ field: z.enum(residentSortFields), direction: sortDirection })
    .default({ field: 'fullName', direction: 'asc' }),
});
export type ResidentFilter = z.infer<typeof residentFilter>;
export const residentListInput = residentFilter.extend(pageInput);

export const residentListItem = z.object({
  id: z.uuid(),
  fullName: z.string(),
  birthDate: z.string(),
  birthDatePrecision: z.enum(['day', 'year']),
  sex: z.enum(sexes),
  group: z.enum(residentGroups),
  disabilityLevel: z.enum(disabilityLevels).nullable(),
  facilityId: z.uuid().nullable(),
  facilityName: z.string().nullable(),
  admittedOn: z.string().nullable(),
  dischargedOn: z.string().nullable(),
  entitlementStatus: z.enum(entitlementStatuses),
  monthlyAllowanceVnd: z.int(),
  emergencyOverdue: z.boolean(),
});
export type ResidentListItem = z.infer<typeof residentListItem>;
export const residentPage = pageOf(residentListItem);

export const duplicateCheckInput = z.object({
  fullName: text(2, 120),
  birthDate: isoDate,
  homeCommuneCode: communeCode.nullable().default(null),
  idNumber: idNumber.default(null),
  excludeResidentId: z.uuid().optional(),
});
export const duplicateMatch = z.object({
  residentId: z.uuid().nullable(),
  fullName: z.string(),
  birthDate: z.string(),
  /** The facility caring for the match now, if the viewer may know it. */
  facilityName: z.string().nullable(),
  inCare: z.boolean(),
  reason: z.enum(['id_number', 'name_birth_commune']),
});
export type DuplicateMatch = z.infer<typeof duplicateMatch>;

export const timelineEntry = z.object({
  at: z.date(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  stay: stay.partial().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;
