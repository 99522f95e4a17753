import { sql } from 'drizzle-orm';
import {
  check,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { facilities } from './facilities.ts';
import { users } from './users.ts';

/** Mức chuẩn trợ giúp xã hội: dated, and a province may set a higher level than the national one. */
export const baseLevels = pgTable(
  'base_levels',
  {
    effectiveFrom: date('effective_from', { mode: 'string' }).primaryKey(),
    vnd: integer('vnd').notNull(),
    legalBasis: text('legal_basis'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('base_levels_positive', sql`${t.vnd} > 0`)],
);

/**
 * One versioned entitlement rule. `definition` is the whole rule as the engine reads it (validated on
 * every write); code, status and dates are generated from it so they can be indexed and constrained
 * without ever disagreeing with it.
 */
export const policyRules = pgTable(
  'policy_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    definition: jsonb('definition').notNull(),
    code: text('code').generatedAlwaysAs(sql`definition ->> 'code'`),
    status: text('status').generatedAlwaysAs(sql`definition ->> 'status'`),
    effectiveFrom: text('effective_from').generatedAlwaysAs(sql`definition ->> 'effectiveFrom'`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    adoptedBy: uuid('adopted_by').references(() => users.id),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('policy_rules_code_from_key').on(t.code, t.effectiveFrom),
    check('policy_rules_status_valid', sql`${t.status} in ('in_force', 'proposed', 'archived')`),
    check('policy_rules_has_code', sql`${t.code} ~ '^[A-Z][A-Z0-9_]*$'`),
    check('policy_rules_version_positive', sql`${t.version} >= 1`),
  ],
);

/** Spreadsheet imports are staged row by row so validation can report progress and commit atomically. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['residents'] }).notNull(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['staged', 'committed'] })
      .notNull()
      .default('staged'),
    totalRows: integer('total_rows').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('import_batches_status_valid', sql`${t.status} in ('staged', 'committed')`)],
);

export const importRows = pgTable(
  'import_rows',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    data: jsonb('data').notNull(),
    /** NULL until validated; then the list of problems (empty when the row is good). */
    errors: jsonb('errors'),
  },
  (t) => [uniqueIndex('import_rows_pk').on(t.batchId, t.rowNumber)],
);
