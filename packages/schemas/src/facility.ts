import { z } from 'zod';
import { communeCode, provinceCode } from './admin-unit.ts';
import { excelFile, isoDate, optionalText, pageInput, pageOf, sortDirection, text } from './common.ts';
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

const area = z.number().min(0).max(10_000_000).nullable().default(null);

const facilityShape = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,31}$/, ruleMessage('facilityCode')),
  name: text(3, 200),
  type: z.enum(facilityTypes),
  ownership: z.enum(ownerships),
  communeCode,
  address: optionalText(300),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9][0-9 .-]{7,18})?$/, ruleMessage('phone'))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  licensedCapacity: z.int().min(0).max(5000),
  landAreaM2: area,
  bedroomAreaM2: area,
  status: z.enum(facilityStatuses),
  decisionNumber: optionalText(100),
  decisionDate: isoDate.nullable().default(null),
  operatorOrganisation: optionalText(200),
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

/** Only the fields sent are changed; `version` is the one the editor loaded (optimistic concurrency). */
export const facilityUpdateInput = facilityShape.partial().extend({ id: z.uuid(), version: z.int().min(1) });
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
  search: z.string().trim().max(100).optional(),
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
