import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { communes } from './admin-units.ts';

export const facilityTypeValues = [
  'elderly',
  'children',
  'disability',
  'mental_health',
  'general',
  'social_work',
  'other',
] as const;
export const ownershipValues = ['public', 'non_public'] as const;
/** Decree 103/2017 Art. 24: the land standard depends on where the facility is. */
export const areaTypeValues = ['urban', 'rural', 'mountainous'] as const;
export const facilityStatusValues = ['planned', 'operating', 'suspended', 'closed'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const facilities = pgTable(
  'facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: facilityTypeValues }).notNull(),
    ownership: text('ownership', { enum: ownershipValues }).notNull(),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    address: text('address'),
    phone: text('phone'),
    licensedCapacity: integer('licensed_capacity').notNull(),
    landAreaM2: numeric('land_area_m2', { precision: 12, scale: 2, mode: 'number' }),
    bedroomAreaM2: numeric('bedroom_area_m2', { precision: 12, scale: 2, mode: 'number' }),
    /** NULL: not recorded, read from the commune (a ward is urban, a commune rural) and shown as assumed. */
    areaType: text('area_type', { enum: areaTypeValues }),
    status: text('status', { enum: facilityStatusValues }).notNull(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    operatorOrganisation: text('operator_organisation'),
    /** Monthly care cost per resident, the base of percentage-of-care-cost policies. */
    careCostVnd: integer('care_cost_vnd'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Diacritic- and case-free copy for search; derived by the database so no write path can forget it. */
    searchText: text('search_text').generatedAlwaysAs(
      sql`search_fold(code || ' ' || name || ' ' || coalesce(address, '') || ' ' || coalesce(operator_organisation, ''))`,
    ),
  },
  (t) => [
    uniqueIndex('facilities_code_key').on(t.code),
    index('facilities_commune_idx').on(t.communeCode),
    index('facilities_name_idx').on(t.name),
    index('facilities_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('facilities_type_valid', sql`${t.type} in (${inList(facilityTypeValues)})`),
    check('facilities_ownership_valid', sql`${t.ownership} in (${inList(ownershipValues)})`),
    check('facilities_status_valid', sql`${t.status} in (${inList(facilityStatusValues)})`),
    check('facilities_area_type_valid', sql`${t.areaType} in (${inList(areaTypeValues)})`),
    check('facilities_capacity_non_negative', sql`${t.licensedCapacity} >= 0`),
    check('facilities_land_area_non_negative', sql`${t.landAreaM2} >= 0`),
    check('facilities_bedroom_area_non_negative', sql`${t.bedroomAreaM2} >= 0`),
    check('facilities_version_positive', sql`${t.version} >= 1`),
    check('facilities_care_cost_non_negative', sql`${t.careCostVnd} >= 0`),
    check(
      'facilities_operator_only_non_public',
      sql`(${t.ownership} = 'non_public') = (${t.operatorOrganisation} is not null)`,
    ),
    check(
      'facilities_text_nfc',
      sql`${t.name} is nfc normalized and coalesce(${t.address}, '') is nfc normalized and coalesce(${t.operatorOrganisation}, '') is nfc normalized and coalesce(${t.decisionNumber}, '') is nfc normalized`,
    ),
  ],
);
