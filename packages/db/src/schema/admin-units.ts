import { sql } from 'drizzle-orm';
import { check, index, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The 2025 two-tier map: provinces and their communes/wards/special zones. Districts no longer exist
 * and are deliberately not modelled (FACTS: "Administrative map").
 */
export const provinces = pgTable(
  'provinces',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['tinh', 'thanh_pho'] }).notNull(),
  },
  (t) => [
    check('provinces_code_format', sql`${t.code} ~ '^[0-9]{2}$'`),
    check('provinces_kind_valid', sql`${t.kind} in ('tinh', 'thanh_pho')`),
  ],
);

export const communes = pgTable(
  'communes',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['xa', 'phuong', 'dac_khu'] }).notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
  },
  (t) => [
    index('communes_province_idx').on(t.provinceCode),
    check('communes_code_format', sql`${t.code} ~ '^[0-9]{5}$'`),
    check('communes_kind_valid', sql`${t.kind} in ('xa', 'phuong', 'dac_khu')`),
  ],
);
