import { z } from 'zod';
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

export { excelFile };

export const equipmentCategories = [
  'medical',
  'rehabilitation',
  'beds_furniture',
  'kitchen',
  'laundry',
  'it',
  'vehicles',
  'other',
] as const;
export const fundingSources = [
  'provincial_budget',
  'central_budget',
  'socialised',
  'donation',
  'other',
] as const;
export const conditions = ['good', 'fair', 'poor', 'broken'] as const;
export const itemStatuses = ['in_use', 'in_storage', 'under_repair', 'disposed'] as const;
export const maintenanceKinds = ['preventive', 'corrective', 'inspection', 'calibration'] as const;
export const customFieldTypes = ['text', 'number', 'date', 'boolean'] as const;
export const requestKinds = ['transfer', 'disposal'] as const;
export const requestStatuses = ['requested', 'approved', 'rejected'] as const;
export const stocktakeOutcomes = [
  'found',
  'missing',
  'wrong_location',
  'condition_changed',
  'unexpected',
] as const;

export type EquipmentCategory = (typeof equipmentCategories)[number];

const vnd = z.int().min(0).max(1_000_000_000_000);
const nullByDefault = <T extends z.ZodType>(schema: T) => schema.default(null as never);

/** Printed on the QR label; upper case so a scan and a typed code always match. */
export const assetCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._/-]{1,39}$/);

// ---- catalogue -------------------------------------------------------------------------------

export const categoryField = z.object({
  id: z.uuid(),
  category: z.enum(equipmentCategories),
  key: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  type: z.enum(customFieldTypes),
  required: z.boolean(),
});
export type CategoryField = z.infer<typeof categoryField>;
export const categoryFieldInput = z.object({
  category: z.enum(equipmentCategories),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  labelVi: text(1, 80),
  labelEn: text(1, 80),
  type: z.enum(customFieldTypes),
  required: z.boolean().default(false),
});

export const itemModel = z.object({
  id: z.uuid(),
  name: z.string(),
  category: z.enum(equipmentCategories),
  usefulLifeYears: z.int(),
  minPerFacility: z.int().nullable(),
  minPerBed: z.number().nullable(),
  version: z.int(),
});
export type ItemModel = z.infer<typeof itemModel>;
export const itemModelInput = z.object({
  name: text(2, 120),
  category: z.enum(equipmentCategories),
  usefulLifeYears: z.int().min(1).max(100),
  minPerFacility: nullByDefault(z.int().min(0).max(10_000).nullable()),
  minPerBed: nullByDefault(z.number().min(0).max(100).nullable()),
});
export const itemModelUpdateInput = itemModelInput
  .partial()
  .extend({ id: z.uuid(), version: z.int().min(1) });

// ---- items -----------------------------------------------------------------------------------

/** Custom values keyed by the category's field keys; checked against the field definitions by the API. */
export const customValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const itemFields = {
  assetCode,
  name: text(2, 160),
  modelId: z.uuid().nullable(),
  category: z.enum(equipmentCategories),
  facilityId: z.uuid(),
  location: nullableText(120),
  serialNumber: nullableText(80),
  tracking: z.enum(['individual', 'stock']),
  quantity: z.int().min(1).max(1_000_000),
  acquiredOn: isoDate,
  costVnd: vnd,
  usefulLifeYears: z.int().min(1).max(100),
  fundingSource: z.enum(fundingSources),
  condition: z.enum(conditions),
  status: z.enum(itemStatuses).exclude(['disposed']),
  warrantyUntil: isoDate.nullable(),
  notes: nullableText(2000),
  custom: customValues,
};

export const itemInput = z
  .object({
    ...itemFields,
    modelId: nullByDefault(itemFields.modelId),
    location: nullByDefault(itemFields.location),
    serialNumber: nullByDefault(itemFields.serialNumber),
    quantity: itemFields.quantity.default(1),
    warrantyUntil: nullByDefault(itemFields.warrantyUntil),
    notes: nullByDefault(itemFields.notes),
    custom: itemFields.custom.default({}),
  })
  .refine((i) => i.tracking === 'stock' || i.quantity === 1, {
    path: ['quantity'],
    message: 'Tài sản theo dõi riêng từng chiếc có số lượng 1',
  });
export type ItemInput = z.infer<typeof itemInput>;

/** Only the fields sent change. Moving to another facility is a request, not an edit. */
export const itemUpdateInput = z
  .object(itemFields)
  .omit({ facilityId: true })
  .partial()
  .extend({ id: z.uuid(), version: z.int().min(1) });

export const item = z.object({
  id: z.uuid(),
  assetCode: z.string(),
  name: z.string(),
  modelId: z.uuid().nullable(),
  modelName: z.string().nullable(),
  category: z.enum(equipmentCategories),
  facilityId: z.uuid(),
  facilityName: z.string(),
  location: z.string().nullable(),
  serialNumber: z.string().nullable(),
  tracking: z.enum(['individual', 'stock']),
  quantity: z.int(),
  acquiredOn: z.string(),
  costVnd: z.int(),
  usefulLifeYears: z.int(),
  fundingSource: z.enum(fundingSources),
  condition: z.enum(conditions),
  status: z.enum(itemStatuses),
  warrantyUntil: z.string().nullable(),
  disposedOn: z.string().nullable(),
  notes: z.string().nullable(),
  custom: customValues,
  /** Book value today (straight line, whole months). */
  bookValueVnd: z.int(),
  pastUsefulLife: z.boolean(),
  nextMaintenanceOn: z.string().nullable(),
  version: z.int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Item = z.infer<typeof item>;

export const itemSortFields = [
  'assetCode',
  'name',
  'category',
  'acquiredOn',
  'costVnd',
  'condition',
  'status',
] as const;
export const itemFilter = z.object({
  facilityId: z.uuid().optional(),
  search: searchText,
  category: z.enum(equipmentCategories).optional(),
  condition: z.enum(conditions).optional(),
  status: z.enum(itemStatuses).optional(),
  /** Disposed items leave lists unless asked for. */
  includeDisposed: z.boolean().default(false),
  pastUsefulLife: z.boolean().optional(),
  maintenance: z.enum(['due', 'overdue']).optional(),
  sort: z
    .object({ field: z.enum(itemSortFields), direction: sortDirection })
    .default({ field: 'assetCode', direction: 'asc' }),
});
export type ItemFilter = z.infer<typeof itemFilter>;
export const itemListInput = itemFilter.extend(pageInput);
export const itemPage = pageOf(item);

export const itemHistoryEntry = z.object({
  at: z.date(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

// ---- maintenance -----------------------------------------------------------------------------

export const maintenanceInput = z.object({
  itemId: z.uuid(),
  performedOn: isoDate,
  kind: z.enum(maintenanceKinds),
  costVnd: vnd.default(0),
  supplier: nullByDefault(nullableText(160)),
  notes: nullByDefault(nullableText(1000)),
  nextDueOn: nullByDefault(isoDate.nullable()),
});
export const maintenanceRecord = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  performedOn: z.string(),
  kind: z.enum(maintenanceKinds),
  costVnd: z.int(),
  supplier: z.string().nullable(),
  notes: z.string().nullable(),
  nextDueOn: z.string().nullable(),
});
export const scheduleInput = z.object({
  itemId: z.uuid(),
  name: text(2, 120),
  intervalMonths: z.int().min(1).max(120),
  nextDueOn: isoDate,
});
export const schedule = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  name: z.string(),
  intervalMonths: z.int(),
  nextDueOn: z.string(),
  active: z.boolean(),
});
export const dueFilter = z.object({
  facilityId: z.uuid().optional(),
  withinDays: z.int().min(0).max(365).default(30),
});
export const dueInput = dueFilter.extend(pageInput);
/**
 * One due: a schedule's next date (`scheduleName` set) or the next date written on the item's latest
 * maintenance record (`kind` and `performedOn` set). `what` is the same in Vietnamese, for exports and
 * older clients; screens compose it from the structured fields in the reader's language.
 */
export const dueItem = z.object({
  itemId: z.uuid(),
  assetCode: z.string(),
  name: z.string(),
  facilityName: z.string(),
  scheduleName: z.string().nullable(),
  kind: z.enum(maintenanceKinds).nullable(),
  performedOn: z.string().nullable(),
  what: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
});
export const duePage = pageOf(dueItem);

// ---- transfers and disposals ------------------------------------------------------------------

export const moveInRoomsInput = z.object({
  id: z.uuid(),
  version: z.int().min(1),
  location: nullableText(120),
});
export const transferRequestInput = z.object({
  itemId: z.uuid(),
  toFacilityId: z.uuid(),
  reason: text(3, 500),
});
export const disposalRequestInput = z.object({ itemId: z.uuid(), reason: text(3, 500) });
export const decisionInput = z.object({
  requestId: z.uuid(),
  approve: z.boolean(),
  note: nullByDefault(nullableText(500)),
});
export const equipmentRequest = z.object({
  id: z.uuid(),
  kind: z.enum(requestKinds),
  status: z.enum(requestStatuses),
  itemId: z.uuid(),
  assetCode: z.string(),
  itemName: z.string(),
  fromFacilityName: z.string(),
  toFacilityName: z.string().nullable(),
  reason: z.string(),
  requestedByUsername: z.string(),
  decidedByUsername: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});
export const requestFilter = z.object({
  status: z.enum(requestStatuses).optional(),
  kind: z.enum(requestKinds).optional(),
});
export const requestListInput = requestFilter.extend(pageInput);
export const requestPage = pageOf(equipmentRequest);

// ---- stock-take ------------------------------------------------------------------------------

export const stocktakeStartInput = z.object({ facilityId: z.uuid() });
export const stocktakeMarkInput = z.object({
  stocktakeId: z.uuid(),
  /** Scanned from the QR label or typed. */
  assetCode,
  outcome: z.enum(stocktakeOutcomes).exclude(['unexpected', 'missing']),
  observedLocation: nullByDefault(nullableText(120)),
  observedCondition: nullByDefault(z.enum(conditions).nullable()),
  note: nullByDefault(nullableText(500)),
});
export const stocktakeUnexpectedInput = z.object({
  stocktakeId: z.uuid(),
  description: text(2, 300),
  observedLocation: nullByDefault(nullableText(120)),
  observedCondition: nullByDefault(z.enum(conditions).nullable()),
  note: nullByDefault(nullableText(500)),
});
export const stocktakeLine = z.object({
  id: z.uuid(),
  itemId: z.uuid().nullable(),
  assetCode: z.string().nullable(),
  name: z.string(),
  outcome: z.enum(stocktakeOutcomes),
  expectedLocation: z.string().nullable(),
  observedLocation: z.string().nullable(),
  expectedCondition: z.enum(conditions).nullable(),
  observedCondition: z.enum(conditions).nullable(),
  note: z.string().nullable(),
});
/** Expected = every active item of the facility; an item not marked by the end counts as missing. */
export const stocktakeReport = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  status: z.enum(['open', 'applied']),
  startedAt: z.date(),
  appliedAt: z.date().nullable(),
  expected: z.int(),
  found: z.int(),
  missing: z.int(),
  wrongLocation: z.int(),
  conditionChanged: z.int(),
  unexpected: z.int(),
  lines: z.array(stocktakeLine),
});
export type StocktakeReport = z.infer<typeof stocktakeReport>;
/** A facility's stock-takes, newest first: the report's counts without its lines. */
export const stocktakeListInput = z.object({ facilityId: z.uuid(), ...pageInput });
export const stocktakeSummary = stocktakeReport
  .omit({ lines: true })
  .extend({ startedByUsername: z.string().nullable() });
export type StocktakeSummary = z.infer<typeof stocktakeSummary>;
export const stocktakePage = pageOf(stocktakeSummary);

// ---- import ----------------------------------------------------------------------------------

export const equipmentImportInput = z.object({
  facilityId: z.uuid(),
  fileBase64: z.string().min(1).max(20_000_000),
  /** Rows whose asset code exists update that item; otherwise such rows are errors. */
  updateExisting: z.boolean().default(false),
});
export const equipmentImportPreview = z.object({
  totalRows: z.int(),
  creates: z.int(),
  updates: z.array(
    z.object({
      row: z.int(),
      assetCode: z.string(),
      changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
  problems: z.array(z.object({ row: z.int(), column: z.string(), message: z.string() })),
});
export const equipmentImportResult = z.object({ created: z.int(), updated: z.int() });

// ---- dashboard -------------------------------------------------------------------------------

export const dashboardInput = z.object({ facilityId: z.uuid().optional() });
export const equipmentDashboard = z.object({
  valueByFacility: z.array(
    z.object({
      facilityId: z.uuid(),
      facilityName: z.string(),
      items: z.int(),
      costVnd: z.int(),
      bookValueVnd: z.int(),
    }),
  ),
  valueByCategory: z.array(
    z.object({
      category: z.enum(equipmentCategories),
      items: z.int(),
      costVnd: z.int(),
      bookValueVnd: z.int(),
    }),
  ),
  maintenanceDue: z.int(),
  maintenanceOverdue: z.int(),
  pastUsefulLife: z.object({ items: z.int(), replacementCostVnd: z.int() }),
  shortfalls: z.array(
    z.object({
      facilityId: z.uuid(),
      facilityName: z.string(),
      modelId: z.uuid(),
      modelName: z.string(),
      required: z.int(),
      active: z.int(),
      lacking: z.int(),
    }),
  ),
});
export type EquipmentDashboard = z.infer<typeof equipmentDashboard>;

export const labelSheetInput = z.object({ itemIds: z.array(z.uuid()).min(1).max(500) });
