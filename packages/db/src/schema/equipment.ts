import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { facilities } from './facilities.ts';
import { users } from './users.ts';

export const equipmentCategoryValues = [
  'medical',
  'rehabilitation',
  'beds_furniture',
  'kitchen',
  'laundry',
  'it',
  'vehicles',
  'other',
] as const;
export const fundingSourceValues = [
  'provincial_budget',
  'central_budget',
  'socialised',
  'donation',
  'other',
] as const;
export const conditionValues = ['good', 'fair', 'poor', 'broken'] as const;
export const itemStatusValues = ['in_use', 'in_storage', 'under_repair', 'disposed'] as const;
export const requestStatusValues = ['requested', 'approved', 'rejected'] as const;
export const customFieldTypeValues = ['text', 'number', 'date', 'boolean'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Fields an administrator adds to one category (e.g. "Số khung" for vehicles), stored per item in `custom`. */
export const categoryFields = pgTable(
  'equipment_category_fields',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    category: text('category', { enum: equipmentCategoryValues }).notNull(),
    key: text('key').notNull(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    type: text('type', { enum: customFieldTypeValues }).notNull(),
    required: boolean('required').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('equipment_category_fields_key').on(t.category, t.key),
    check('equipment_category_fields_key_format', sql`${t.key} ~ '^[a-z][a-z0-9_]{0,39}$'`),
    check(
      'equipment_category_fields_category_valid',
      sql`${t.category} in (${inList(equipmentCategoryValues)})`,
    ),
    check('equipment_category_fields_type_valid', sql`${t.type} in (${inList(customFieldTypeValues)})`),
  ],
);

/** A kind of equipment: how long it lasts and how many a centre should have. */
export const itemModels = pgTable(
  'equipment_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    category: text('category', { enum: equipmentCategoryValues }).notNull(),
    usefulLifeYears: integer('useful_life_years').notNull(),
    minPerFacility: integer('min_per_facility'),
    minPerBed: numeric('min_per_bed', { precision: 6, scale: 3, mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('equipment_models_name_key').on(t.category, t.name),
    check('equipment_models_category_valid', sql`${t.category} in (${inList(equipmentCategoryValues)})`),
    check('equipment_models_life_positive', sql`${t.usefulLifeYears} between 1 and 100`),
    check(
      'equipment_models_minimums_non_negative',
      sql`coalesce(${t.minPerFacility}, 0) >= 0 and coalesce(${t.minPerBed}, 0) >= 0`,
    ),
    check('equipment_models_name_nfc', sql`${t.name} is nfc normalized`),
  ],
);

/**
 * One asset (tracked individually) or one stock of identical items (tracked by count). A disposed item
 * stays in the table with its history; only active counts and values leave it out.
 */
export const equipmentItems = pgTable(
  'equipment_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetCode: text('asset_code').notNull(),
    name: text('name').notNull(),
    modelId: uuid('model_id').references(() => itemModels.id),
    category: text('category', { enum: equipmentCategoryValues }).notNull(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    location: text('location'),
    serialNumber: text('serial_number'),
    tracking: text('tracking', { enum: ['individual', 'stock'] }).notNull(),
    quantity: integer('quantity').notNull().default(1),
    acquiredOn: date('acquired_on', { mode: 'string' }).notNull(),
    costVnd: bigint('cost_vnd', { mode: 'number' }).notNull(),
    usefulLifeYears: integer('useful_life_years').notNull(),
    fundingSource: text('funding_source', { enum: fundingSourceValues }).notNull(),
    condition: text('condition', { enum: conditionValues }).notNull(),
    status: text('status', { enum: itemStatusValues }).notNull(),
    warrantyUntil: date('warranty_until', { mode: 'string' }),
    disposedOn: date('disposed_on', { mode: 'string' }),
    notes: text('notes'),
    custom: jsonb('custom').notNull().default({}),
    /**
     * The earliest of the item's dues (active schedules, and its latest record's next date). Kept by
     * triggers on the maintenance tables so dashboards count dues from one indexed column.
     */
    nextMaintenanceOn: date('next_maintenance_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchText: text('search_text').generatedAlwaysAs(
      sql`search_fold(asset_code || ' ' || name || ' ' || coalesce(serial_number, '') || ' ' || coalesce(location, ''))`,
    ),
  },
  (t) => [
    uniqueIndex('equipment_items_asset_code_key').on(t.assetCode),
    index('equipment_items_facility_idx').on(t.facilityId, t.status, t.category),
    index('equipment_items_model_idx').on(t.modelId),
    // Exactly what the dashboard's value roll-up reads from an active item, in its grouping order: on
    // PostgreSQL an index-only scan feeds a streaming group-by instead of reading the wide rows and
    // hashing. Only pages the visibility map marks all-visible skip the heap (autovacuum keeps it on
    // PostgreSQL; the embedded database has no autovacuum, so the planner keeps the sequential scan
    // there until something vacuums the table).
    index('equipment_items_rollup_idx')
      .on(t.facilityId, t.category, t.modelId, t.quantity, t.costVnd, t.acquiredOn, t.usefulLifeYears)
      .where(sql`${t.status} <> 'disposed'`),
    index('equipment_items_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('equipment_items_next_maintenance_idx')
      .on(t.nextMaintenanceOn, t.facilityId)
      .where(sql`${t.status} <> 'disposed' and ${t.nextMaintenanceOn} is not null`),
    check('equipment_items_asset_code_format', sql`${t.assetCode} ~ '^[A-Z0-9][A-Z0-9._/-]{1,39}$'`),
    check('equipment_items_category_valid', sql`${t.category} in (${inList(equipmentCategoryValues)})`),
    check('equipment_items_funding_valid', sql`${t.fundingSource} in (${inList(fundingSourceValues)})`),
    check('equipment_items_condition_valid', sql`${t.condition} in (${inList(conditionValues)})`),
    check('equipment_items_status_valid', sql`${t.status} in (${inList(itemStatusValues)})`),
    check('equipment_items_tracking_valid', sql`${t.tracking} in ('individual', 'stock')`),
    // An individual asset is one thing; a stock counts at least one.
    check(
      'equipment_items_quantity_matches_tracking',
      sql`${t.quantity} >= 1 and (${t.tracking} = 'stock' or ${t.quantity} = 1)`,
    ),
    check('equipment_items_cost_non_negative', sql`${t.costVnd} >= 0`),
    check('equipment_items_life_positive', sql`${t.usefulLifeYears} between 1 and 100`),
    check('equipment_items_disposed_date', sql`(${t.status} = 'disposed') = (${t.disposedOn} is not null)`),
    check(
      'equipment_items_text_nfc',
      sql`${t.name} is nfc normalized and coalesce(${t.location}, '') is nfc normalized`,
    ),
  ],
);

export const maintenanceRecords = pgTable(
  'equipment_maintenance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => equipmentItems.id),
    performedOn: date('performed_on', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['preventive', 'corrective', 'inspection', 'calibration'] }).notNull(),
    costVnd: bigint('cost_vnd', { mode: 'number' }).notNull().default(0),
    supplier: text('supplier'),
    notes: text('notes'),
    nextDueOn: date('next_due_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('equipment_maintenance_item_idx').on(t.itemId, t.performedOn),
    check('equipment_maintenance_cost_non_negative', sql`${t.costVnd} >= 0`),
    check(
      'equipment_maintenance_kind_valid',
      sql`${t.kind} in ('preventive', 'corrective', 'inspection', 'calibration')`,
    ),
    check('equipment_maintenance_next_after', sql`${t.nextDueOn} > ${t.performedOn}`),
  ],
);

/** A recurring plan for an item (several per item: e.g. monthly cleaning, yearly calibration). */
export const maintenanceSchedules = pgTable(
  'equipment_maintenance_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => equipmentItems.id),
    name: text('name').notNull(),
    intervalMonths: integer('interval_months').notNull(),
    nextDueOn: date('next_due_on', { mode: 'string' }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('equipment_schedules_due_idx').on(t.nextDueOn).where(sql`${t.active}`),
    index('equipment_schedules_item_idx').on(t.itemId),
    // Makes an item's earliest active due one index probe whatever the statistics say (PGlite never
    // analyzes by itself): the maintained next-maintenance date is recomputed on every schedule write.
    index('equipment_schedules_item_due_idx').on(t.itemId, t.nextDueOn).where(sql`${t.active}`),
    check('equipment_schedules_interval_positive', sql`${t.intervalMonths} between 1 and 120`),
  ],
);

/**
 * Moves between facilities and disposals need the department's approval; a request records who asked,
 * who decided and why. A move between rooms of one centre is an ordinary, audited item update.
 */
export const equipmentRequests = pgTable(
  'equipment_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => equipmentItems.id),
    kind: text('kind', { enum: ['transfer', 'disposal'] }).notNull(),
    status: text('status', { enum: requestStatusValues }).notNull().default('requested'),
    /** Where the item was when asked; an approved transfer has since moved it. */
    fromFacilityId: uuid('from_facility_id')
      .notNull()
      .references(() => facilities.id),
    toFacilityId: uuid('to_facility_id').references(() => facilities.id),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One pending request per item at a time: two approvals could otherwise move it twice.
    uniqueIndex('equipment_requests_one_pending').on(t.itemId).where(sql`${t.status} = 'requested'`),
    index('equipment_requests_status_idx').on(t.status, t.createdAt),
    index('equipment_requests_from_idx').on(t.fromFacilityId, t.status),
    check('equipment_requests_kind_valid', sql`${t.kind} in ('transfer', 'disposal')`),
    check('equipment_requests_status_valid', sql`${t.status} in (${inList(requestStatusValues)})`),
    check(
      'equipment_requests_transfer_target',
      sql`(${t.kind} = 'transfer') = (${t.toFacilityId} is not null)`,
    ),
    check('equipment_requests_decision', sql`(${t.status} = 'requested') = (${t.decidedBy} is null)`),
  ],
);

export const stocktakes = pgTable(
  'equipment_stocktakes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    status: text('status', { enum: ['open', 'applied'] })
      .notNull()
      .default('open'),
    startedBy: uuid('started_by')
      .notNull()
      .references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [
    // One stock-take at a time per facility, so two counts never fight over the same items.
    uniqueIndex('equipment_stocktakes_one_open').on(t.facilityId).where(sql`${t.status} = 'open'`),
    check('equipment_stocktakes_status_valid', sql`${t.status} in ('open', 'applied')`),
  ],
);

export const stocktakeOutcomeValues = [
  'found',
  'missing',
  'wrong_location',
  'condition_changed',
  'unexpected',
] as const;

/** What the counter saw for one item (or an unexpected item that is not in the register). */
export const stocktakeLines = pgTable(
  'equipment_stocktake_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stocktakeId: uuid('stocktake_id')
      .notNull()
      .references(() => stocktakes.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => equipmentItems.id),
    outcome: text('outcome', { enum: stocktakeOutcomeValues }).notNull(),
    /** What the register said when the stock-take was applied; NULL while it is open (read live). */
    expectedLocation: text('expected_location'),
    expectedCondition: text('expected_condition', { enum: conditionValues }),
    observedLocation: text('observed_location'),
    observedCondition: text('observed_condition', { enum: conditionValues }),
    description: text('description'),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('equipment_stocktake_lines_stocktake_idx').on(t.stocktakeId),
    uniqueIndex('equipment_stocktake_lines_item')
      .on(t.stocktakeId, t.itemId)
      .where(sql`${t.itemId} is not null`),
    check(
      'equipment_stocktake_lines_outcome_valid',
      sql`${t.outcome} in (${inList(stocktakeOutcomeValues)})`,
    ),
    check(
      'equipment_stocktake_lines_expected_condition_valid',
      sql`${t.expectedCondition} in (${inList(conditionValues)})`,
    ),
    check('equipment_stocktake_lines_unexpected', sql`(${t.outcome} = 'unexpected') = (${t.itemId} is null)`),
  ],
);
