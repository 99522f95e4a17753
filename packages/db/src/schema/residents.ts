import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { communes } from './admin-units.ts';
import { facilities } from './facilities.ts';

/** Decree 20/2021 Art. 24: (1)(a) children, (1)(b) elderly, (1)(c) disability, (2) emergency, (3), (5). */
export const residentGroupValues = [
  'k1_child_no_support',
  'k1_poor_child_hiv',
  'k1_elderly',
  'k1_disability',
  'k2_emergency',
  'k3_administrative',
  'k5_voluntary',
] as const;
/** Law 51/2010 Art. 3. */
export const disabilityTypeValues = [
  'mobility',
  'hearing_speech',
  'vision',
  'neurological_mental',
  'intellectual',
  'other',
] as const;
export const disabilityLevelValues = ['especially_severe', 'severe', 'mild'] as const;
/** Circular 33/2017 Art. 5(7)(d): the care a person with mental illness needs. */
export const mentalIllnessSeverityValues = ['especially_severe', 'severe', 'stabilised'] as const;
/** Decree 20/2021 Art. 30(2), plus `transferred` for a stay closed by a move to another centre. */
export const dischargeReasonValues = [
  'returned_to_family',
  'adopted',
  'aged_out',
  'lost_contact',
  'deceased',
  'contract_ended',
  'transferred',
  'other',
] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A person cared for in the network. Circumstance flags and incomes are nullable on purpose: NULL is
 * "not recorded", which the entitlement engine reports as a missing fact instead of guessing "no".
 */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    birthDatePrecision: text('birth_date_precision', { enum: ['day', 'year'] })
      .notNull()
      .default('day'),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    idNumber: text('id_number'),
    ethnicity: text('ethnicity'),
    homeCommuneCode: text('home_commune_code').references(() => communes.code),
    group: text('group', { enum: residentGroupValues }).notNull(),
    disabilityType: text('disability_type', { enum: disabilityTypeValues }),
    disabilityLevel: text('disability_level', { enum: disabilityLevelValues }),
    disabilityCertificate: text('disability_certificate'),
    mentalIllnessSeverity: text('mental_illness_severity', { enum: mentalIllnessSeverityValues }),
    /** Can look after themselves (tự phục vụ được); drives the 1:10 or 1:4 care ratio. */
    selfCare: boolean('self_care'),
    /** Found homeless and waiting to be taken home (Decree 20/2021 Art. 24(2)(b)): 1:12 care ratio. */
    foundHomeless: boolean('found_homeless'),
    orphanOrAbandoned: boolean('orphan_or_abandoned'),
    bothParentsDisabled: boolean('both_parents_disabled'),
    parentLeftNotMissing: boolean('parent_left_not_missing'),
    lonelyElderly: boolean('lonely_elderly'),
    especiallyDifficult: boolean('especially_difficult'),
    noMeansOfSupport: boolean('no_means_of_support'),
    pensionVnd: integer('pension_vnd'),
    labourCapacityLossVnd: integer('labour_capacity_loss_vnd'),
    meritoriousAllowanceVnd: integer('meritorious_allowance_vnd'),
    studyingUntil: date('studying_until', { mode: 'string' }),
    emergencyExtendedUntil: date('emergency_extended_until', { mode: 'string' }),
    healthInsuranceNumber: text('health_insurance_number'),
    guardianContacts: text('guardian_contacts'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Folded name for the "same person?" warning: NFC, no diacritics, no case. */
    nameFold: text('name_fold').generatedAlwaysAs(sql`search_fold(full_name)`),
    /** Vietnamese lists sort by given name (the last word) first: "mai nguyen thi mai" for "Nguyễn Thị Mai". */
    sortName: text('sort_name').generatedAlwaysAs(
      sql`reverse(split_part(reverse(search_fold(full_name)), ' ', 1)) || ' ' || search_fold(full_name)`,
    ),
    searchText: text('search_text').generatedAlwaysAs(
      sql`search_fold(full_name || ' ' || coalesce(id_number, ''))`,
    ),
  },
  (t) => [
    // One person, one record: an ID number already in the registry is the same person.
    uniqueIndex('residents_id_number_key').on(t.idNumber).where(sql`${t.idNumber} is not null`),
    index('residents_duplicate_idx').on(t.nameFold, t.birthDate),
    index('residents_sort_name_idx').on(t.sortName, t.id),
    index('residents_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('residents_id_number_format', sql`${t.idNumber} ~ '^([0-9]{9}|[0-9]{12})$'`),
    check('residents_group_valid', sql`${t.group} in (${inList(residentGroupValues)})`),
    check('residents_sex_valid', sql`${t.sex} in ('male', 'female')`),
    check('residents_birth_precision_valid', sql`${t.birthDatePrecision} in ('day', 'year')`),
    check('residents_disability_type_valid', sql`${t.disabilityType} in (${inList(disabilityTypeValues)})`),
    check(
      'residents_disability_level_valid',
      sql`${t.disabilityLevel} in (${inList(disabilityLevelValues)})`,
    ),
    check(
      'residents_incomes_non_negative',
      sql`coalesce(${t.pensionVnd}, 0) >= 0 and coalesce(${t.labourCapacityLossVnd}, 0) >= 0 and coalesce(${t.meritoriousAllowanceVnd}, 0) >= 0`,
    ),
    check(
      'residents_mental_illness_severity_valid',
      sql`${t.mentalIllnessSeverity} in (${inList(mentalIllnessSeverityValues)})`,
    ),
    check('residents_version_positive', sql`${t.version} >= 1`),
    check(
      'residents_text_nfc',
      sql`${t.fullName} is nfc normalized and coalesce(${t.ethnicity}, '') is nfc normalized and coalesce(${t.guardianContacts}, '') is nfc normalized and coalesce(${t.notes}, '') is nfc normalized`,
    ),
  ],
);

/**
 * A period of care in one facility. A transfer closes one stay and opens the next on the same day.
 * The database guarantees one open stay per person across the whole network and no overlapping
 * periods (an exclusion constraint added in the migration, as drizzle cannot express it).
 */
export const stays = pgTable(
  'stays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    admittedOn: date('admitted_on', { mode: 'string' }).notNull(),
    admissionDecisionNumber: text('admission_decision_number'),
    dischargedOn: date('discharged_on', { mode: 'string' }),
    dischargeReason: text('discharge_reason', { enum: dischargeReasonValues }),
    dischargeNote: text('discharge_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stays_one_open_per_resident').on(t.residentId).where(sql`${t.dischargedOn} is null`),
    // Lets a bed assignment name its facility and have the database check it is the stay's.
    unique('stays_id_facility_key').on(t.id, t.facilityId),
    index('stays_facility_idx').on(t.facilityId, t.dischargedOn),
    index('stays_resident_idx').on(t.residentId, t.admittedOn),
    check('stays_discharge_after_admission', sql`${t.dischargedOn} >= ${t.admittedOn}`),
    check(
      'stays_discharge_reason_with_date',
      sql`(${t.dischargedOn} is null) = (${t.dischargeReason} is null)`,
    ),
    check('stays_discharge_reason_valid', sql`${t.dischargeReason} in (${inList(dischargeReasonValues)})`),
  ],
);
