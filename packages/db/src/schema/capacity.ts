import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { communes } from './admin-units.ts';
import { facilities, facilityTypeValues } from './facilities.ts';
import { residentGroupValues, residents, stays } from './residents.ts';
import { users } from './users.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const careLevelValues = ['ordinary', 'intensive_24h'] as const;
export const bedStatusValues = ['available', 'reserved', 'out_of_service'] as const;

/** A bedroom. Its floor area and care level give the beds it may hold (6 m², or 8 m² for 24-hour care). */
export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    name: text('name').notNull(),
    floorAreaM2: numeric('floor_area_m2', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    careLevel: text('care_level', { enum: careLevelValues }).notNull().default('ordinary'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rooms_facility_name_key').on(t.facilityId, t.name),
    // Lets beds carry their facility and have the database check it matches the room's.
    unique('rooms_id_facility_key').on(t.id, t.facilityId),
    check('rooms_area_positive', sql`${t.floorAreaM2} > 0`),
    check('rooms_care_level_valid', sql`${t.careLevel} in (${inList(careLevelValues)})`),
    check('rooms_name_nfc', sql`${t.name} is nfc normalized and length(trim(${t.name})) > 0`),
    check('rooms_version_positive', sql`${t.version} >= 1`),
  ],
);

/**
 * A bed. Its status says whether it can be used (out of service beds are not operational); whether it
 * is occupied is never stored: it is read from the assignments.
 */
export const beds = pgTable(
  'beds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    facilityId: uuid('facility_id').notNull(),
    roomId: uuid('room_id').notNull(),
    code: text('code').notNull(),
    status: text('status', { enum: bedStatusValues }).notNull().default('available'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'beds_room_in_facility_fk',
      columns: [t.roomId, t.facilityId],
      foreignColumns: [rooms.id, rooms.facilityId],
    }).onUpdate('cascade'),
    uniqueIndex('beds_facility_code_key').on(t.facilityId, t.code),
    unique('beds_id_facility_key').on(t.id, t.facilityId),
    index('beds_room_idx').on(t.roomId),
    check('beds_status_valid', sql`${t.status} in (${inList(bedStatusValues)})`),
    check('beds_code_format', sql`length(trim(${t.code})) between 1 and 40 and ${t.code} is nfc normalized`),
    check('beds_version_positive', sql`${t.version} >= 1`),
  ],
);

/**
 * A resident in a bed over [from_on, until_on). The migration adds the exclusion constraints (one
 * person per bed at a time, one bed per person at a time) and the trigger that closes a resident's
 * bed when their stay is closed.
 */
export const bedAssignments = pgTable(
  'bed_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bedId: uuid('bed_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    stayId: uuid('stay_id').notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    untilOn: date('until_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'bed_assignments_bed_in_facility_fk',
      columns: [t.bedId, t.facilityId],
      foreignColumns: [beds.id, beds.facilityId],
    }),
    foreignKey({
      name: 'bed_assignments_stay_in_facility_fk',
      columns: [t.stayId, t.facilityId],
      foreignColumns: [stays.id, stays.facilityId],
    }),
    uniqueIndex('bed_assignments_one_current_per_resident').on(t.residentId).where(sql`${t.untilOn} is null`),
    uniqueIndex('bed_assignments_one_current_per_bed').on(t.bedId).where(sql`${t.untilOn} is null`),
    index('bed_assignments_facility_idx').on(t.facilityId, t.fromOn),
    index('bed_assignments_stay_idx').on(t.stayId),
    check('bed_assignments_period', sql`${t.untilOn} >= ${t.fromOn}`),
  ],
);

export const staffRoleValues = [
  'carer',
  'social_worker',
  'psychologist',
  'medical',
  'nutrition',
  'rehabilitation',
  'teacher',
  'indirect',
] as const;

/** The staff a facility has, by role (Circular 33/2017 Art. 5). */
export const facilityStaff = pgTable(
  'facility_staff',
  {
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    role: text('role', { enum: staffRoleValues }).notNull(),
    headcount: integer('headcount').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.facilityId, t.role] }),
    check('facility_staff_role_valid', sql`${t.role} in (${inList(staffRoleValues)})`),
    check('facility_staff_headcount_range', sql`${t.headcount} between 0 and 10000`),
  ],
);

/**
 * Versioned documents a planner edits: the space and staffing standards, and the waitlist priority.
 * The one in force on a date is the latest whose `valid_from` is on or before it.
 */
export const settingKindValues = ['care_standards', 'waitlist_priority'] as const;
export const settingVersions = pgTable(
  'setting_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: settingKindValues }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    document: jsonb('document').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('setting_versions_kind_from_key').on(t.kind, t.validFrom),
    check('setting_versions_kind_valid', sql`${t.kind} in (${inList(settingKindValues)})`),
    check('setting_versions_document_object', sql`jsonb_typeof(${t.document}) = 'object'`),
  ],
);

export const urgencyValues = ['emergency', 'high', 'normal'] as const;
export const applicationStatusValues = ['waiting', 'offered', 'admitted', 'withdrawn'] as const;

/** An application for a place: a person who is not (yet) a resident, waiting for a bed. */
export const waitlistApplications = pgTable(
  'waitlist_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    idNumber: text('id_number'),
    homeCommuneCode: text('home_commune_code')
      .notNull()
      .references(() => communes.code),
    group: text('group', { enum: residentGroupValues }).notNull(),
    urgency: text('urgency', { enum: urgencyValues }).notNull(),
    /** Facts the priority order reads (disability level, lonely elderly, …), as recorded at application. */
    vulnerability: jsonb('vulnerability').notNull().default({}),
    requestedFacilityId: uuid('requested_facility_id').references(() => facilities.id),
    requestedFacilityType: text('requested_facility_type', { enum: facilityTypeValues }),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: applicationStatusValues }).notNull().default('waiting'),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: text('close_reason'),
    residentId: uuid('resident_id').references(() => residents.id),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchText: text('search_text').generatedAlwaysAs(
      sql`search_fold(full_name || ' ' || coalesce(id_number, ''))`,
    ),
  },
  (t) => [
    index('waitlist_open_idx').on(t.status, t.appliedOn),
    index('waitlist_facility_idx').on(t.requestedFacilityId),
    // One open application per person with an ID number: a second would jump the queue twice.
    uniqueIndex('waitlist_one_open_per_id_number')
      .on(t.idNumber)
      .where(sql`${t.idNumber} is not null and ${t.status} in ('waiting', 'offered')`),
    check('waitlist_id_number_format', sql`${t.idNumber} ~ '^([0-9]{9}|[0-9]{12})$'`),
    check('waitlist_sex_valid', sql`${t.sex} in ('male', 'female')`),
    check('waitlist_group_valid', sql`${t.group} in (${inList(residentGroupValues)})`),
    check('waitlist_urgency_valid', sql`${t.urgency} in (${inList(urgencyValues)})`),
    check('waitlist_status_valid', sql`${t.status} in (${inList(applicationStatusValues)})`),
    check(
      'waitlist_requested_type_valid',
      sql`${t.requestedFacilityType} in (${inList(facilityTypeValues)})`,
    ),
    check(
      'waitlist_requested_something',
      sql`${t.requestedFacilityId} is not null or ${t.requestedFacilityType} is not null`,
    ),
    check(
      'waitlist_closed_when_done',
      sql`(${t.status} in ('admitted', 'withdrawn')) = (${t.closedOn} is not null)`,
    ),
    check('waitlist_admitted_resident', sql`(${t.status} = 'admitted') = (${t.residentId} is not null)`),
    check('waitlist_closed_after_applied', sql`${t.closedOn} >= ${t.appliedOn}`),
    check('waitlist_vulnerability_object', sql`jsonb_typeof(${t.vulnerability}) = 'object'`),
    check('waitlist_version_positive', sql`${t.version} >= 1`),
    check(
      'waitlist_text_nfc',
      sql`${t.fullName} is nfc normalized and length(trim(${t.fullName})) > 0 and coalesce(${t.notes}, '') is nfc normalized`,
    ),
  ],
);

export const offerStatusValues = ['open', 'accepted', 'declined', 'withdrawn'] as const;

/** A specific bed offered to an application. Accepting it admits the person into that bed. */
export const bedOffers = pgTable(
  'bed_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => waitlistApplications.id),
    bedId: uuid('bed_id').notNull(),
    facilityId: uuid('facility_id').notNull(),
    offeredOn: date('offered_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: offerStatusValues }).notNull().default('open'),
    decidedOn: date('decided_on', { mode: 'string' }),
    reason: text('reason'),
    offeredBy: uuid('offered_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'bed_offers_bed_in_facility_fk',
      columns: [t.bedId, t.facilityId],
      foreignColumns: [beds.id, beds.facilityId],
    }),
    // A bed is offered to one person at a time, and a person holds one offer at a time.
    uniqueIndex('bed_offers_one_open_per_bed').on(t.bedId).where(sql`${t.status} = 'open'`),
    uniqueIndex('bed_offers_one_open_per_application').on(t.applicationId).where(sql`${t.status} = 'open'`),
    index('bed_offers_application_idx').on(t.applicationId, t.offeredOn),
    check('bed_offers_status_valid', sql`${t.status} in (${inList(offerStatusValues)})`),
    check('bed_offers_decided', sql`(${t.status} = 'open') = (${t.decidedOn} is null)`),
    check('bed_offers_declined_reason', sql`${t.status} <> 'declined' or length(trim(${t.reason})) > 0`),
    check('bed_offers_decided_after_offered', sql`${t.decidedOn} >= ${t.offeredOn}`),
  ],
);

export const assessedSystemValues = [
  'roof',
  'water',
  'electricity',
  'fire_safety',
  'accessibility',
  'kitchen',
] as const;

/** A survey of a facility's buildings and systems on a date. */
export const facilityAssessments = pgTable(
  'facility_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessedBy: uuid('assessed_by').references(() => users.id),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('facility_assessments_facility_idx').on(t.facilityId, t.assessedOn)],
);

export const assessmentRatings = pgTable(
  'assessment_ratings',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => facilityAssessments.id, { onDelete: 'cascade' }),
    system: text('system', { enum: assessedSystemValues }).notNull(),
    /** 1 = unusable … 5 = good as new. */
    score: smallint('score').notNull(),
    notes: text('notes'),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.system] }),
    check('assessment_ratings_system_valid', sql`${t.system} in (${inList(assessedSystemValues)})`),
    check('assessment_ratings_score_range', sql`${t.score} between 1 and 5`),
  ],
);

export const proposalCategoryValues = ['construction', 'repair', 'equipment', 'it'] as const;
export const proposalFundingValues = ['provincial_budget', 'central', 'socialised', 'other'] as const;
export const proposalStatusValues = [
  'draft',
  'submitted',
  'under_review',
  'approved',
  'rejected',
  'funded',
  'completed',
] as const;
export const proposalPriorityValues = ['high', 'medium', 'low'] as const;

/**
 * A request for investment. Its status moves only along the workflow; the migration adds a trigger
 * that refuses any other move, whatever code path writes it.
 */
export const investmentProposals = pgTable(
  'investment_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    item: text('item').notNull(),
    category: text('category', { enum: proposalCategoryValues }).notNull(),
    estimatedCostVnd: bigint('estimated_cost_vnd', { mode: 'number' }).notNull(),
    priority: text('priority', { enum: proposalPriorityValues }).notNull(),
    requestedYear: integer('requested_year').notNull(),
    fundingSource: text('funding_source', { enum: proposalFundingValues }).notNull(),
    status: text('status', { enum: proposalStatusValues }).notNull().default('draft'),
    /** Where a suggested need came from (a standards gap, an equipment flag), for the trail. */
    origin: jsonb('origin'),
    justification: text('justification'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('investment_proposals_facility_idx').on(t.facilityId, t.status),
    index('investment_proposals_status_idx').on(t.status, t.requestedYear),
    check('investment_proposals_category_valid', sql`${t.category} in (${inList(proposalCategoryValues)})`),
    check(
      'investment_proposals_funding_valid',
      sql`${t.fundingSource} in (${inList(proposalFundingValues)})`,
    ),
    check('investment_proposals_status_valid', sql`${t.status} in (${inList(proposalStatusValues)})`),
    check('investment_proposals_priority_valid', sql`${t.priority} in (${inList(proposalPriorityValues)})`),
    check('investment_proposals_cost_positive', sql`${t.estimatedCostVnd} > 0`),
    check('investment_proposals_year_range', sql`${t.requestedYear} between 2000 and 2100`),
    check(
      'investment_proposals_text_nfc',
      sql`${t.item} is nfc normalized and length(trim(${t.item})) > 0 and coalesce(${t.justification}, '') is nfc normalized`,
    ),
    check('investment_proposals_version_positive', sql`${t.version} >= 1`),
  ],
);

/** The proposal's conversation and steps: a status move, a comment, or both. */
export const proposalEvents = pgTable(
  'proposal_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => investmentProposals.id),
    fromStatus: text('from_status', { enum: proposalStatusValues }),
    toStatus: text('to_status', { enum: proposalStatusValues }),
    comment: text('comment'),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposal_events_proposal_idx').on(t.proposalId, t.at),
    check(
      'proposal_events_something',
      sql`${t.toStatus} is not null or length(trim(coalesce(${t.comment}, ''))) > 0`,
    ),
  ],
);
