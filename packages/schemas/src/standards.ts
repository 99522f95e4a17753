import {
  type RequirementDriver,
  type StaffingFact,
  type StaffRole,
  staffRoleValues,
} from '@ansinh/domain/capacity/staffing';
import {
  areaTypeValues,
  type CapacityResult,
  type CareStandards,
  careLevelValues,
  careStandardsSchema,
  facilityTypeValues,
} from '@ansinh/domain/capacity/standards';
import { type WaitlistPriority, waitlistPrioritySchema } from '@ansinh/domain/capacity/waitlist';
import { z } from 'zod';
import { isoDate, nullableText } from './common.ts';
import { facilityStatuses } from './facility.ts';

/**
 * The department's versioned settings (space and staffing standards, waitlist priority), a facility's
 * capacity and staffing against them, the province overview and the recorded staff counts.
 * The documents themselves are validated by the domain's schemas, so a form, the API and the rules
 * read exactly the same shape.
 */

export const settingKinds = ['care_standards', 'waitlist_priority'] as const;
export type SettingKind = (typeof settingKinds)[number];
export const settingKind = z.enum(settingKinds);

export const staffRoles = staffRoleValues;
export type { StaffRole };
export const staffRole = z.enum(staffRoleValues);

// ---- settings ----------------------------------------------------------------------------------

export const standardsCurrentInput = z.object({
  kind: settingKind,
  /** Defaults to today. */
  onDate: isoDate.optional(),
});
export const standardsVersionsInput = z.object({ kind: settingKind });

const saveFields = {
  /** The day the version takes effect; the one in force on a date is the latest on or before it. */
  validFrom: isoDate,
  note: nullableText(1000).default(null),
};

/** A new version. The document is checked against the domain schema of its kind (field errors). */
export const standardsSaveInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('care_standards'), document: careStandardsSchema, ...saveFields }),
  z.object({ kind: z.literal('waitlist_priority'), document: waitlistPrioritySchema, ...saveFields }),
]);
export type StandardsSaveInput = z.infer<typeof standardsSaveInput>;
export type StandardsSaveFormValues = z.input<typeof standardsSaveInput>;

const versionFields = {
  id: z.uuid(),
  validFrom: z.string(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  /** The version in force today. */
  inForce: z.boolean(),
};
export const settingVersion = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('care_standards'),
    document: careStandardsSchema as z.ZodType<CareStandards>,
    ...versionFields,
  }),
  z.object({
    kind: z.literal('waitlist_priority'),
    document: waitlistPrioritySchema as z.ZodType<WaitlistPriority>,
    ...versionFields,
  }),
]);
export type SettingVersion = z.infer<typeof settingVersion>;

// ---- capacity against the space standards (domain: capacityAgainstStandards) --------------------

const careLevel = z.enum(careLevelValues);
const areaType = z.enum(areaTypeValues);

const roomCeiling = z.object({
  roomId: z.string(),
  name: z.string(),
  floorAreaM2: z.number(),
  careLevel,
  m2PerResident: z.number(),
  ceiling: z.int(),
  beds: z.int(),
  over: z.int(),
});
const capacityCheck = z.object({
  ceilingKind: z.enum(['bedroom', 'land']),
  ceiling: z.int(),
  figure: z.enum(['licensed_capacity', 'operational_beds', 'occupied_beds']),
  value: z.int(),
  over: z.int(),
});
export type CapacityCheckView = z.infer<typeof capacityCheck>;

export const capacityResult = z.object({
  facilityType: z.enum(facilityTypeValues),
  areaType,
  areaTypeAssumed: z.boolean(),
  bedroom: z
    .object({
      source: z.enum(['rooms', 'facility']),
      areaM2: z.number(),
      ceiling: z.int(),
      rooms: z.array(roomCeiling),
      m2PerResident: z.number().nullable(),
      careLevelAssumed: z.boolean(),
      legalBasis: z.string().nullable(),
    })
    .nullable(),
  land: z
    .object({
      areaM2: z.number(),
      norm: z.union([z.enum(facilityTypeValues), z.literal('default')]),
      areaType,
      areaTypeAssumed: z.boolean(),
      m2PerResident: z.number(),
      ceiling: z.int(),
      legalBasis: z.string().nullable(),
    })
    .nullable(),
  unknown: z.array(z.enum(['bedroom_area', 'land_area'])),
  checks: z.array(capacityCheck),
  overcrowdedRooms: z.array(roomCeiling),
  overBy: z.int(),
  worstCheck: capacityCheck.nullable(),
}) satisfies z.ZodType<CapacityResult>;

// ---- staffing against the norms (domain: staffingRequirement), with names for the screen ----------

export const residentRef = z.object({ id: z.uuid(), fullName: z.string() });
export type ResidentRef = z.infer<typeof residentRef>;

const driver = z.object({
  ruleId: z.string(),
  count: z.int(),
  residentsPerStaff: z.int().nullable(),
  minimum: z.int(),
  required: z.int(),
  legalBasis: z.string().nullable(),
  /** The residents the rule counted, in the report's resident order. */
  residents: z.array(residentRef),
}) satisfies z.ZodType<Omit<RequirementDriver, 'residentIds'> & { residents: ResidentRef[] }>;

const roleRequirement = z.object({
  role: z.enum(staffRoleValues).exclude(['indirect']),
  required: z.int(),
  recorded: z.int(),
  notRecorded: z.boolean(),
  /** required − recorded: positive = staff missing, negative = surplus. */
  gap: z.int(),
  drivers: z.array(driver),
});

const indirectCheck = z.object({
  maxPercent: z.int(),
  otherStaff: z.int(),
  max: z.int(),
  recorded: z.int(),
  over: z.int(),
  legalBasis: z.string().nullable(),
});

export const staffingReport = z.object({
  onDate: z.string(),
  residentCount: z.int(),
  roles: z.array(roleRequirement),
  indirect: indirectCheck,
  noNormApplies: z.object({ count: z.int(), residents: z.array(residentRef) }),
  missingFacts: z.array(
    z.object({ resident: residentRef, fact: z.enum(['birthDate', 'selfCare'] satisfies StaffingFact[]) }),
  ),
});
export type StaffingReport = z.infer<typeof staffingReport>;

export const staffCounts = z.object({
  /** Recorded headcount per role; a role not recorded is absent. */
  counts: z.partialRecord(z.enum(staffRoleValues), z.int()),
  updatedAt: z.date().nullable(),
});
export type StaffCounts = z.infer<typeof staffCounts>;

export const standardsRef = z.object({
  /** The setting version used. */
  id: z.uuid(),
  validFrom: z.string(),
  /** The document's own version label. */
  version: z.string(),
});

export const facilityReportInput = z.object({ facilityId: z.uuid() });

export const facilityReport = z.object({
  facility: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: z.enum(facilityTypeValues),
    status: z.enum(facilityStatuses),
    licensedCapacity: z.int(),
    landAreaM2: z.number().nullable(),
    bedroomAreaM2: z.number().nullable(),
  }),
  onDate: z.string(),
  standards: standardsRef,
  /** Recorded on the facility, or read from its commune (a ward is urban, a commune rural). */
  areaType,
  areaTypeAssumed: z.boolean(),
  beds: z.object({
    total: z.int(),
    /** Beds not out of service. */
    operational: z.int(),
    /** Beds with a resident on the day (read from the assignments). */
    occupied: z.int(),
  }),
  capacity: capacityResult,
  staffing: staffingReport,
  staff: staffCounts,
});
export type FacilityReport = z.infer<typeof facilityReport>;

// ---- province overview ---------------------------------------------------------------------------

export const overviewRoleGap = z.object({
  role: z.enum(staffRoleValues).exclude(['indirect']),
  required: z.int(),
  recorded: z.int(),
  notRecorded: z.boolean(),
  gap: z.int(),
});

export const overviewRow = z.object({
  facilityId: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(facilityTypeValues),
  status: z.enum(facilityStatuses),
  areaType,
  areaTypeAssumed: z.boolean(),
  licensedCapacity: z.int(),
  operationalBeds: z.int(),
  occupiedBeds: z.int(),
  residents: z.int(),
  bedroomCeiling: z.int().nullable(),
  landCeiling: z.int().nullable(),
  unknown: z.array(z.enum(['bedroom_area', 'land_area'])),
  /** The largest excess over a ceiling, and the check it comes from. */
  overBy: z.int(),
  worstCheck: capacityCheck.nullable(),
  overcrowdedRooms: z.int(),
  staffing: z.object({
    roles: z.array(overviewRoleGap),
    /** Sum of the positive gaps (staff missing over every role). */
    missingStaff: z.int(),
    indirectOver: z.int(),
    missingFacts: z.int(),
    noNormApplies: z.int(),
  }),
});
export type OverviewRow = z.infer<typeof overviewRow>;

export const provinceOverview = z.object({
  onDate: z.string(),
  standards: standardsRef,
  rows: z.array(overviewRow),
});
export type ProvinceOverview = z.infer<typeof provinceOverview>;

// ---- staff counts --------------------------------------------------------------------------------

/** Headcounts to record; a role sent as null is cleared (not recorded), a role left out is unchanged. */
export const setStaffInput = z.object({
  facilityId: z.uuid(),
  counts: z.partialRecord(z.enum(staffRoleValues), z.int().min(0).max(10_000).nullable()),
});
export type SetStaffInput = z.infer<typeof setStaffInput>;

// ---- labels (exports, suggestions and screens) ---------------------------------------------------

type Lang = 'vi' | 'en';

export const staffRoleLabels: Record<Lang, Record<StaffRole, string>> = {
  vi: {
    carer: 'Nhân viên chăm sóc trực tiếp',
    social_worker: 'Nhân viên công tác xã hội',
    psychologist: 'Nhân viên tâm lý',
    medical: 'Nhân viên y tế',
    nutrition: 'Nhân viên dinh dưỡng',
    rehabilitation: 'Nhân viên phục hồi chức năng',
    teacher: 'Giáo viên',
    indirect: 'Nhân viên gián tiếp',
  },
  en: {
    carer: 'Direct-care staff',
    social_worker: 'Social workers',
    psychologist: 'Psychologists',
    medical: 'Medical staff',
    nutrition: 'Nutrition staff',
    rehabilitation: 'Rehabilitation staff',
    teacher: 'Teachers',
    indirect: 'Indirect staff',
  },
};

export const ceilingKindLabels: Record<Lang, Record<'bedroom' | 'land', string>> = {
  vi: { bedroom: 'diện tích phòng ở', land: 'diện tích đất' },
  en: { bedroom: 'bedroom area', land: 'land area' },
};

export const comparedFigureLabels: Record<
  Lang,
  Record<'licensed_capacity' | 'operational_beds' | 'occupied_beds', string>
> = {
  vi: {
    licensed_capacity: 'Công suất được cấp phép',
    operational_beds: 'Số giường đang sử dụng được',
    occupied_beds: 'Số giường có người ở',
  },
  en: {
    licensed_capacity: 'Licensed capacity',
    operational_beds: 'Operational beds',
    occupied_beds: 'Occupied beds',
  },
};
