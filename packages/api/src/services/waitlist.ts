/**
 * Waitlist applications: people who are not residents yet, waiting for a place.
 *
 * SCOPE. The department (admin, planner) sees every application. A centre sees those that request
 * one of its facilities or the type of one of them, plus those it has offered a bed to; it files and
 * edits applications only within that scope.
 *
 * ORDER. Who is offered a place first is the domain's `orderWaitlist`, configured by the department as
 * the `waitlist_priority` setting in force today (services/standards.ts saves versions; nothing here
 * writes them). The ordering reads a lean projection of the open applications and sorts them in
 * TypeScript: 10,000 rows order in a few milliseconds, and the rank and its explanation come with it.
 */
import type { Db, Queryable } from '@ansinh/db/client';
import { waitlistApplications } from '@ansinh/db/schema/capacity';
import {
  defaultWaitlistPriority,
  orderWaitlist,
  type WaitlistApplication,
  type WaitlistEntry,
  type WaitlistPriority,
} from '@ansinh/domain/capacity/waitlist';
import { toDayNumber } from '@ansinh/domain/entitlements/dates';
import { DomainError } from '@ansinh/domain/errors';
import type { FacilityScope } from '@ansinh/domain/roles';
import {
  type ApplicationDetail,
  type ApplicationInput,
  type ApplicationListItem,
  type ApplicationUpdateInput,
  applicationInput,
  type applicationWithdrawInput,
  type OfferView,
  type Vulnerability,
  type WaitlistMessage,
  waitlistText,
} from '@ansinh/schemas/waitlist';
import { type SQL, sql } from 'drizzle-orm';
import { type ZodError, ZodRealError, type z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import { sqlIn } from '../sql.ts';
import { settingsInForce } from './standards.ts';

/** What every waitlist operation needs: where to write, who acts, the request, and today's date. */
export interface WaitlistWork {
  db: Db;
  actor: SessionUser;
  meta: RequestMeta;
  /** Today as an ISO date, from the configured clock (tests move it). */
  onDate: string;
}

export const OPEN_STATUSES = ['waiting', 'offered'] as const;

// ---- scope -------------------------------------------------------------------------------------

/** Applications (alias `w`) relevant to these facilities: requesting one, or its type, or offered one of its beds. */
export function forFacilitiesSql(facilityIds: readonly string[]): SQL {
  return sql`(${sqlIn(sql`w.requested_facility_id`, facilityIds)}
    or w.requested_facility_type in (select sf.type from facilities sf where ${sqlIn(sql`sf.id`, facilityIds)})
    or exists (select 1 from bed_offers so where so.application_id = w.id and ${sqlIn(sql`so.facility_id`, facilityIds)}))`;
}

/** The applications (alias `w`) the caller may see; undefined for the department. */
export function applicationScopeSql(scope: FacilityScope): SQL | undefined {
  return scope.kind === 'province' ? undefined : forFacilitiesSql(scope.facilityIds);
}

/** A centre files applications for its own facilities, or for the type of one of them. */
async function assertRequestInScope(
  db: Queryable,
  scope: FacilityScope,
  value: Pick<ApplicationInput, 'requestedFacilityId' | 'requestedFacilityType'>,
): Promise<void> {
  if (scope.kind === 'province') return;
  if (value.requestedFacilityId && scope.facilityIds.includes(value.requestedFacilityId)) return;
  if (value.requestedFacilityType) {
    const types = await db.execute<{ type: string }>(
      sql`select distinct type from facilities f where ${sqlIn(sql`f.id`, scope.facilityIds)}`,
    );
    if (types.rows.some((t) => t.type === value.requestedFacilityType)) return;
  }
  throw new DomainError('FORBIDDEN', { field: 'requestedFacilityId' });
}

/** Refuses an application the caller may not see: NOT_FOUND when it does not exist, else FORBIDDEN. */
async function assertApplicationVisible(db: Queryable, scope: FacilityScope, id: string): Promise<void> {
  const condition = applicationScopeSql(scope);
  const result = await db.execute<{ visible: boolean }>(
    sql`select ${condition ?? sql`true`} as visible from waitlist_applications w where w.id = ${id}`,
  );
  const row = result.rows[0];
  if (!row) throw new DomainError('APPLICATION_NOT_FOUND');
  if (!row.visible) throw new DomainError('FORBIDDEN', { applicationId: id });
}

// ---- validation that needs today or stored dates -----------------------------------------------

/** A field error like the schemas raise, for checks that need the date of today or of stored rows. */
export function fieldError(path: string, message: WaitlistMessage): ZodError {
  // ZodRealError is the Error subclass `parse` throws; the API maps it to BAD_REQUEST with field errors.
  return new ZodRealError([
    { code: 'custom', path: [path], message: waitlistText(message), input: undefined },
  ]);
}

export function assertNotFuture(date: string, onDate: string, path: string): void {
  if (date > onDate) throw fieldError(path, 'notInFuture');
}

// ---- the priority in force ---------------------------------------------------------------------

export interface PriorityInForce {
  versionId: string | null;
  validFrom: string | null;
  document: WaitlistPriority;
}

/**
 * The `waitlist_priority` version in force on `onDate`; the domain's default when none is stored yet
 * (the reference data inserts the default as the first version, so that is only a bare database).
 */
export async function priorityInForce(db: Queryable, onDate: string): Promise<PriorityInForce> {
  try {
    const setting = await settingsInForce(db, 'waitlist_priority', onDate);
    return { versionId: setting.id, validFrom: setting.validFrom, document: setting.document };
  } catch (error) {
    if (
      error instanceof DomainError &&
      error.code === 'SETTINGS_INVALID' &&
      error.params.reason === 'none_in_force'
    )
      return { versionId: null, validFrom: null, document: defaultWaitlistPriority };
    throw error;
  }
}

// ---- reading -----------------------------------------------------------------------------------

/** What ordering and sorting read of an application: small, and read for every row of a list. */
export interface LeanApplication {
  id: string;
  status: ApplicationListItem['status'];
  appliedOn: string;
  urgency: WaitlistApplication['urgency'];
  birthDate: string | null;
  /** The vulnerability facts as bits (see `flagsSql`). */
  flags: number;
  closedOn: string | null;
  /** Only when asked for (sorting by name). */
  fullName: string;
}

const disabilityByBits = [null, 'especially_severe', 'severe', 'mild'] as const;

/** The facts the order reads, packed into one integer: two bits of disability level, then one per flag. */
const flagsSql = sql`(case w.vulnerability->>'disabilityLevel' when 'especially_severe' then 1 when 'severe' then 2
    when 'mild' then 3 else 0 end)
  + (case when w.vulnerability @> '{"lonelyElderly": true}' then 4 else 0 end)
  + (case when w.vulnerability @> '{"orphanOrAbandoned": true}' then 8 else 0 end)
  + (case when w.vulnerability @> '{"noMeansOfSupport": true}' then 16 else 0 end)
  + (case when w.vulnerability @> '{"mentalIllness": true}' then 32 else 0 end)`;

type LeanTuple = [
  string,
  LeanApplication['status'],
  string,
  LeanApplication['urgency'],
  string | null,
  number,
  string | null,
  string?,
];

/**
 * The lean projection of the applications matching `where` (alias `w`, joined to `rf`, the requested
 * facility). The rows come back aggregated into ONE JSON value: the cost of a large result is per
 * row (embedded PGlite especially, the wire too), so 10,000 rows read as one are several times faster.
 */
export async function leanApplications(
  db: Queryable,
  where: SQL | undefined,
  withName = false,
): Promise<LeanApplication[]> {
  const result = await db.execute<{ rows: string | null }>(sql`
    select json_agg(json_build_array(w.id, w.status, w.applied_on, w.urgency, w.birth_date, ${flagsSql},
      w.closed_on ${withName ? sql`, w.full_name` : sql``}))::text as rows
    from waitlist_applications w left join facilities rf on rf.id = w.requested_facility_id
    ${where ? sql`where ${where}` : sql``}`);
  const text = result.rows[0]?.rows;
  if (!text) return [];
  return (JSON.parse(text) as LeanTuple[]).map(
    ([id, status, appliedOn, urgency, birthDate, flags, closedOn, fullName]) => ({
      id,
      status,
      appliedOn,
      urgency,
      birthDate,
      flags,
      closedOn,
      fullName: fullName ?? '',
    }),
  );
}

export function toDomain(row: LeanApplication): WaitlistApplication {
  const f = row.flags;
  return {
    id: row.id,
    appliedOn: row.appliedOn,
    urgency: row.urgency,
    birthDate: row.birthDate,
    flags: {
      disabilityLevel: disabilityByBits[f & 3] ?? null,
      lonelyElderly: (f & 4) !== 0,
      orphanOrAbandoned: (f & 8) !== 0,
      noMeansOfSupport: (f & 16) !== 0,
      mentalIllness: (f & 32) !== 0,
    },
  };
}

export const isOpen = (status: string): boolean => status === 'waiting' || status === 'offered';

/** The queue: the open applications matching `where`, in the configured order. */
export async function rankedQueue(
  db: Queryable,
  where: SQL | undefined,
  priority: WaitlistPriority,
  onDate: string,
): Promise<WaitlistEntry[]> {
  const rows = await leanApplications(
    db,
    sql`w.status in ('waiting', 'offered') ${where ? sql`and ${where}` : sql``}`,
  );
  return orderWaitlist(rows.map(toDomain), priority, onDate);
}

export interface ApplicationRow extends Record<string, unknown> {
  id: string;
  full_name: string;
  birth_date: string | null;
  sex: 'male' | 'female';
  id_number: string | null;
  home_commune_code: string;
  home_commune_name: string;
  group: ApplicationListItem['group'];
  urgency: ApplicationListItem['urgency'];
  vulnerability: Vulnerability | null;
  requested_facility_id: string | null;
  requested_facility_name: string | null;
  requested_facility_type: ApplicationListItem['requestedFacilityType'];
  effective_type: ApplicationListItem['effectiveFacilityType'];
  applied_on: string;
  status: ApplicationListItem['status'];
  closed_on: string | null;
  close_reason: string | null;
  resident_id: string | null;
  notes: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  offer_id: string | null;
  offer_bed_id: string | null;
  offer_bed_code: string | null;
  offer_facility_id: string | null;
  offer_facility_name: string | null;
  offer_offered_on: string | null;
}

/** Everything a list row shows, with the open offer if any. Add `where`/`order by` after it. */
export const detailFrom = sql`
  select w.id, w.full_name, w.birth_date::text as birth_date, w.sex, w.id_number, w.home_commune_code,
    c.name as home_commune_name, w."group", w.urgency, w.vulnerability, w.requested_facility_id,
    rf.name as requested_facility_name, w.requested_facility_type,
    coalesce(w.requested_facility_type, rf.type) as effective_type, w.applied_on::text as applied_on, w.status,
    w.closed_on::text as closed_on, w.close_reason, w.resident_id, w.notes, w.version, w.created_at, w.updated_at,
    o.id as offer_id, o.bed_id as offer_bed_id, b.code as offer_bed_code, o.facility_id as offer_facility_id,
    ofc.name as offer_facility_name, o.offered_on::text as offer_offered_on
  from waitlist_applications w
  join communes c on c.code = w.home_commune_code
  left join facilities rf on rf.id = w.requested_facility_id
  left join bed_offers o on o.application_id = w.id and o.status = 'open'
  left join beds b on b.id = o.bed_id
  left join facilities ofc on ofc.id = o.facility_id`;

export function waitingDaysOf(appliedOn: string, until: string): number {
  return Math.max(0, toDayNumber(until) - toDayNumber(appliedOn));
}

export function toListItem(row: ApplicationRow, entry: WaitlistEntry | undefined, onDate: string) {
  const open = isOpen(row.status);
  return {
    id: row.id,
    fullName: row.full_name,
    birthDate: row.birth_date,
    sex: row.sex,
    idNumber: row.id_number,
    homeCommuneCode: row.home_commune_code,
    homeCommuneName: row.home_commune_name,
    group: row.group,
    urgency: row.urgency,
    vulnerability: row.vulnerability ?? {},
    requestedFacilityId: row.requested_facility_id,
    requestedFacilityName: row.requested_facility_name,
    requestedFacilityType: row.requested_facility_type,
    effectiveFacilityType: row.effective_type,
    appliedOn: row.applied_on,
    status: row.status,
    closedOn: row.closed_on,
    closeReason: row.close_reason,
    residentId: row.resident_id,
    notes: row.notes,
    version: row.version,
    waitingDays: waitingDaysOf(row.applied_on, row.closed_on ?? onDate),
    rank: open && entry ? entry.rank : null,
    explanation: open && entry ? { scores: entry.scores, decidedBy: entry.decidedBy } : null,
    openOffer:
      row.offer_id && row.offer_bed_id && row.offer_facility_id && row.offer_offered_on
        ? {
            id: row.offer_id,
            bedId: row.offer_bed_id,
            bedCode: row.offer_bed_code ?? '',
            facilityId: row.offer_facility_id,
            facilityName: row.offer_facility_name ?? '',
            offeredOn: row.offer_offered_on,
          }
        : null,
  } satisfies ApplicationListItem;
}

async function offersOf(db: Queryable, scope: FacilityScope, applicationId: string): Promise<OfferView[]> {
  const result = await db.execute<{
    id: string;
    application_id: string;
    bed_id: string;
    bed_code: string;
    room_name: string;
    facility_id: string;
    facility_name: string;
    offered_on: string;
    status: OfferView['status'];
    decided_on: string | null;
    reason: string | null;
    offered_by_name: string | null;
    decided_by_name: string | null;
  }>(sql`
    select o.id, o.application_id, o.bed_id, b.code as bed_code, r.name as room_name, o.facility_id,
      f.name as facility_name, o.offered_on::text as offered_on, o.status, o.decided_on::text as decided_on,
      o.reason, ub.full_name as offered_by_name, ud.full_name as decided_by_name
    from bed_offers o
    join beds b on b.id = o.bed_id
    join rooms r on r.id = b.room_id
    join facilities f on f.id = o.facility_id
    left join users ub on ub.id = o.offered_by
    left join users ud on ud.id = o.decided_by
    where o.application_id = ${applicationId}
      ${scope.kind === 'province' ? sql`` : sql`and ${sqlIn(sql`o.facility_id`, scope.facilityIds)}`}
    order by o.offered_on desc, o.created_at desc`);
  return result.rows.map((o) => ({
    id: o.id,
    applicationId: o.application_id,
    bedId: o.bed_id,
    bedCode: o.bed_code,
    roomName: o.room_name,
    facilityId: o.facility_id,
    facilityName: o.facility_name,
    offeredOn: o.offered_on,
    status: o.status,
    decidedOn: o.decided_on,
    reason: o.reason,
    offeredByName: o.offered_by_name,
    decidedByName: o.decided_by_name,
  }));
}

/** One application as the caller may see it: its place in the caller's queue and the offers of its beds. */
export async function applicationDetail(
  db: Queryable,
  scope: FacilityScope,
  id: string,
  onDate: string,
): Promise<ApplicationDetail> {
  const [rows, priority, offers] = await Promise.all([
    db.execute<ApplicationRow>(sql`${detailFrom} where w.id = ${id}`),
    priorityInForce(db, onDate),
    offersOf(db, scope, id),
  ]);
  const row = rows.rows[0];
  if (!row) throw new DomainError('APPLICATION_NOT_FOUND');
  const queue = await rankedQueue(db, applicationScopeSql(scope), priority.document, onDate);
  return {
    ...toListItem(
      row,
      queue.find((e) => e.applicationId === id),
      onDate,
    ),
    queueSize: queue.length,
    offers,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export async function getApplication(work: WaitlistWork, id: string): Promise<ApplicationDetail> {
  await assertApplicationVisible(work.db, work.actor.scope, id);
  return applicationDetail(work.db, work.actor.scope, id, work.onDate);
}

// ---- writing -----------------------------------------------------------------------------------

/** Someone in care already has a place: an application for them is a mistake, not a queue entry. */
async function refuseInCare(db: Queryable, idNumber: string | null): Promise<void> {
  if (!idNumber) return;
  const result = await db.execute<{ id: string }>(sql`
    select r.id from residents r join stays s on s.resident_id = r.id and s.discharged_on is null
    where r.id_number = ${idNumber} limit 1`);
  if (result.rows.length) throw new DomainError('ID_NUMBER_IN_CARE', { field: 'idNumber' });
}

function checkDates(input: Pick<ApplicationInput, 'appliedOn' | 'birthDate'>, onDate: string): void {
  assertNotFuture(input.appliedOn, onDate, 'appliedOn');
  if (input.birthDate) assertNotFuture(input.birthDate, onDate, 'birthDate');
}

/** Locks an application row for a change; refuses closed applications when `open` is asked. */
export async function lockApplication(tx: Queryable, id: string) {
  const [row] = await tx
    .select()
    .from(waitlistApplications)
    .where(sql`${waitlistApplications.id} = ${id}`)
    .for('update');
  if (!row) throw new DomainError('APPLICATION_NOT_FOUND');
  return row;
}

export function assertOpen(row: { status: string }): void {
  if (row.status === 'admitted' || row.status === 'withdrawn') throw new DomainError('APPLICATION_CLOSED');
}

export async function createApplication(
  { db, actor, meta, onDate }: WaitlistWork,
  input: ApplicationInput,
): Promise<ApplicationDetail> {
  checkDates(input, onDate);
  await assertRequestInScope(db, actor.scope, input);
  await refuseInCare(db, input.idNumber);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(waitlistApplications)
      .values({ ...input, createdBy: actor.id })
      .returning({ id: waitlistApplications.id });
    if (!created) throw new Error('insert returned no row');
    const detail = await applicationDetail(tx, actor.scope, created.id, onDate);
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'waitlist.create',
      entityType: 'waitlist_application',
      entityId: created.id,
      after: auditView(detail),
    });
    return detail;
  });
}

/** The record without what is computed for the viewer (rank, offers), for audit snapshots. */
export function auditView(detail: ApplicationDetail) {
  const { rank: _r, explanation: _e, queueSize: _q, waitingDays: _w, offers: _o, ...record } = detail;
  return record;
}

function inputOf(row: typeof waitlistApplications.$inferSelect): z.input<typeof applicationInput> {
  return {
    fullName: row.fullName,
    birthDate: row.birthDate,
    sex: row.sex,
    idNumber: row.idNumber,
    homeCommuneCode: row.homeCommuneCode,
    group: row.group,
    urgency: row.urgency,
    vulnerability: (row.vulnerability ?? {}) as Vulnerability,
    requestedFacilityId: row.requestedFacilityId,
    requestedFacilityType: row.requestedFacilityType,
    appliedOn: row.appliedOn,
    notes: row.notes,
  };
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export async function updateApplication(
  { db, actor, meta, onDate }: WaitlistWork,
  input: ApplicationUpdateInput,
): Promise<ApplicationDetail> {
  await assertApplicationVisible(db, actor.scope, input.id);
  const { id, version, ...changes } = input;
  return db.transaction(async (tx) => {
    const row = await lockApplication(tx, id);
    if (row.version !== version) throw new DomainError('STALE_VERSION', { currentVersion: row.version });
    assertOpen(row);
    // The whole record is checked again, so an ID number is read against the birth date it now sits with.
    const merged = applicationInput.parse({ ...inputOf(row), ...definedOnly(changes) });
    checkDates(merged, onDate);
    await assertRequestInScope(tx, actor.scope, merged);
    if (merged.idNumber !== row.idNumber) await refuseInCare(tx, merged.idNumber);
    const before = await applicationDetail(tx, actor.scope, id, onDate);
    await tx
      .update(waitlistApplications)
      .set({ ...merged, version: sql`${waitlistApplications.version} + 1`, updatedAt: sql`now()` })
      .where(sql`${waitlistApplications.id} = ${id}`);
    const after = await applicationDetail(tx, actor.scope, id, onDate);
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'waitlist.update',
      entityType: 'waitlist_application',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** The person no longer waits (found another place, moved, died…). An open offer is answered first. */
export async function withdrawApplication(
  { db, actor, meta, onDate }: WaitlistWork,
  input: z.infer<typeof applicationWithdrawInput>,
): Promise<ApplicationDetail> {
  await assertApplicationVisible(db, actor.scope, input.id);
  const on = input.withdrawnOn ?? onDate;
  assertNotFuture(on, onDate, 'withdrawnOn');
  return db.transaction(async (tx) => {
    const row = await lockApplication(tx, input.id);
    if (row.version !== input.version)
      throw new DomainError('STALE_VERSION', { currentVersion: row.version });
    assertOpen(row);
    if (row.status === 'offered') throw new DomainError('OFFER_OPEN', { field: 'id' });
    if (on < row.appliedOn) throw fieldError('withdrawnOn', 'notBeforeApplied');
    const before = await applicationDetail(tx, actor.scope, input.id, onDate);
    await tx
      .update(waitlistApplications)
      .set({
        status: 'withdrawn',
        closedOn: on,
        closeReason: input.reason,
        version: sql`${waitlistApplications.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(sql`${waitlistApplications.id} = ${input.id}`);
    const after = await applicationDetail(tx, actor.scope, input.id, onDate);
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'waitlist.withdraw',
      entityType: 'waitlist_application',
      entityId: input.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}
