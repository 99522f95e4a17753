import { z } from 'zod';
import { communeCode, provinceCode } from './admin-unit.ts';
import {
  excelFile,
  isoDate,
  nullableText,
  pageInput,
  pageOf,
  searchText,
  sortDirection,
  text,
} from './common.ts';
import { ruleMessage, ruleText } from './messages.ts';

/** Decree 103/2017 Art. 5 — the seven kinds of social-assistance facility. */
export const facilityTypes = [
  'elderly',
  'children',
  'disability',
  'mental_health',
  'general',
  'social_work',
  'other',
] as const;
export const ownerships = ['public', 'non_public'] as const;
export const facilityStatuses = ['planned', 'operating', 'suspended', 'closed'] as const;

export type FacilityType = (typeof facilityTypes)[number];
export type Ownership = (typeof ownerships)[number];
export type FacilityStatus = (typeof facilityStatuses)[number];

const area = z.number().min(0).max(10_000_000).nullable();

/** Each field exactly as a person may send it; nothing here invents a value for a field left out. */
const fields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,31}$/, ruleMessage('facilityCode')),
  name: text(3, 200),
  type: z.enum(facilityTypes),
  ownership: z.enum(ownerships),
  communeCode,
  address: nullableText(300),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9][0-9 .-]{7,18})?$/, ruleMessage('phone'))
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  licensedCapacity: z.int().min(0).max(5000),
  landAreaM2: area,
  bedroomAreaM2: area,
  status: z.enum(facilityStatuses),
  decisionNumber: nullableText(100),
  decisionDate: isoDate.nullable(),
  operatorOrganisation: nullableText(200),
  /** Monthly care cost per resident (VND), the base of "percentage of care cost" policies. */
  careCostVnd: z.int().min(0).max(100_000_000).nullable(),
};

/** A new record: the optional facts may be left out and are then stored as NULL. */
const facilityShape = z.object({
  ...fields,
  address: fields.address.default(null),
  phone: fields.phone.default(null),
  landAreaM2: fields.landAreaM2.default(null),
  bedroomAreaM2: fields.bedroomAreaM2.default(null),
  decisionNumber: fields.decisionNumber.default(null),
  decisionDate: fields.decisionDate.default(null),
  operatorOrganisation: fields.operatorOrganisation.default(null),
  careCostVnd: fields.careCostVnd.default(null),
});

/**
 * A non-public facility is founded by an organisation or person (Decree 103 Art. 14); a public one
 * belongs to the State and names no private operator. The database holds the same rule as a CHECK.
 */
function requireOperatorForNonPublic(
  value: { ownership: Ownership; operatorOrganisation: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.ownership === 'non_public' && !value.operatorOrganisation) {
    ctx.addIssue({ code: 'custom', path: ['operatorOrganisation'], message: ruleText('operatorRequired') });
  }
  if (value.ownership === 'public' && value.operatorOrganisation) {
    ctx.addIssue({
      code: 'custom',
      path: ['operatorOrganisation'],
      message: ruleText('operatorOnlyNonPublic'),
    });
  }
}

export const facilityInput = facilityShape.superRefine(requireOperatorForNonPublic);
export type FacilityInput = z.infer<typeof facilityInput>;
export type FacilityFormValues = z.input<typeof facilityInput>;

/**
 * Only the fields sent are changed (built from the default-free fields, so a field left out stays out);
 * `version` is the one the editor loaded (optimistic concurrency).
 */
export const facilityUpdateInput = z
  .object(fields)
  .partial()
  .extend({ id: z.uuid(), version: z.int().min(1) });
export type FacilityUpdateInput = z.infer<typeof facilityUpdateInput>;

export const facility = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(facilityTypes),
  ownership: z.enum(ownerships),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  licensedCapacity: z.int(),
  landAreaM2: z.number().nullable(),
  bedroomAreaM2: z.number().nullable(),
  status: z.enum(facilityStatuses),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  operatorOrganisation: z.string().nullable(),
  careCostVnd: z.int().nullable(),
  version: z.int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Facility = z.infer<typeof facility>;

export const facilitySortFields = [
  'code',
  'name',
  'type',
  'status',
  'licensedCapacity',
  'communeName',
  'updatedAt',
] as const;

export const facilityFilter = z.object({
  search: searchText,
  type: z.enum(facilityTypes).optional(),
  ownership: z.enum(ownerships).optional(),
  status: z.enum(facilityStatuses).optional(),
  communeCode: communeCode.optional(),
  provinceCode: provinceCode.optional(),
  sort: z
    .object({ field: z.enum(facilitySortFields), direction: sortDirection })
    .default({ field: 'name', direction: 'asc' }),
});
export type FacilityFilter = z.infer<typeof facilityFilter>;

export const facilityListInput = facilityFilter.extend(pageInput);
export type FacilityListInput = z.input<typeof facilityListInput>;
export const facilityPage = pageOf(facility);

export const facilityExport = excelFile;

/**
 * The network's public directory: name, code and place of every operating facility, whoever asks.
 * A centre needs it to pick where a resident is transferred; nothing else about other centres is shown.
 */
export const facilityDirectoryInput = z.object({
  search: searchText,
  ids: z.array(z.uuid()).max(20).default([]),
});
export const facilityDirectoryEntry = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  communeName: z.string(),
  provinceName: z.string(),
});
