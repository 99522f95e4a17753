import type { Db, Queryable } from '@ansinh/db/client';
import { communes } from '@ansinh/db/schema/admin-units';
import { bedAssignments, beds, rooms } from '@ansinh/db/schema/capacity';
import { facilities } from '@ansinh/db/schema/facilities';
import { residents, stays } from '@ansinh/db/schema/residents';
import { isEmergencyOverdue } from '@ansinh/domain/entitlements/engine';
import { DomainError } from '@ansinh/domain/errors';
import { idNumberKind } from '@ansinh/domain/id-number';
import { canReachFacility, type FacilityScope } from '@ansinh/domain/roles';
import {
  type admissionInput,
  type DuplicateMatch,
  type dischargeInput,
  type duplicateCheckInput,
  type ResidentDetail,
  type ResidentInput,
  type ResidentUpdateInput,
  type readmitInput,
  type residentCreateInput,
  residentInput,
  type Stay,
  type transferInput,
} from '@ansinh/schemas/resident';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import { assertFacilityInScope } from '../scope.ts';
import { placeInBed } from './beds.ts';
import { latestStayFirst, type ResidentRow, stayOrder, toFacts } from './entitlement-facts.ts';

const stayColumns = {
  id: stays.id,
  residentId: stays.residentId,
  facilityId: stays.facilityId,
  facilityName: facilities.name,
  admittedOn: stays.admittedOn,
  admissionDecisionNumber: stays.admissionDecisionNumber,
  dischargedOn: stays.dischargedOn,
  dischargeReason: stays.dischargeReason,
  dischargeNote: stays.dischargeNote,
};

/** What every resident operation needs: where to write, who acts, the request, and today's date. */
export interface ResidentWork {
  db: Db;
  actor: SessionUser;
  meta: RequestMeta;
  /** Today as an ISO date, from the configured clock (tests move it). */
  onDate: string;
}

async function staysOf(db: Queryable, residentId: string) {
  return db
    .select(stayColumns)
    .from(stays)
    .innerJoin(facilities, eq(facilities.id, stays.facilityId))
    .where(eq(stays.residentId, residentId))
    .orderBy(...stayOrder);
}

async function findResident(db: Queryable, id: string): Promise<ResidentRow> {
  const [row] = await db.select().from(residents).where(eq(residents.id, id));
  if (!row) throw new DomainError('RESIDENT_NOT_FOUND');
  return row;
}

/**
 * Staff see the people who are or were in their own centres; the department sees everyone. Someone
 * outside the caller's centres is refused before anything about them is read.
 */
async function assertResidentInScope(db: Queryable, scope: FacilityScope, residentId: string): Promise<void> {
  if (scope.kind === 'province') return;
  const [hit] = await db
    .select({ id: stays.id })
    .from(stays)
    .where(and(eq(stays.residentId, residentId), inArray(stays.facilityId, [...scope.facilityIds])))
    .limit(1);
  if (!hit) throw new DomainError('FORBIDDEN', { residentId });
}

export async function residentDetail(db: Queryable, id: string, onDate: string): Promise<ResidentDetail> {
  const row = await findResident(db, id);
  const [residentStays, [home], [bed]] = await Promise.all([
    staysOf(db, id),
    row.homeCommuneCode
      ? db
          .select({ name: communes.name, provinceCode: communes.provinceCode })
          .from(communes)
          .where(eq(communes.code, row.homeCommuneCode))
      : [],
    db
      .select({ bedId: beds.id, code: beds.code, roomName: rooms.name, fromOn: bedAssignments.fromOn })
      .from(bedAssignments)
      .innerJoin(beds, eq(beds.id, bedAssignments.bedId))
      .innerJoin(rooms, eq(rooms.id, beds.roomId))
      .where(and(eq(bedAssignments.residentId, id), isNull(bedAssignments.untilOn))),
  ]);
  const currentStay = residentStays.find((s) => s.dischargedOn === null) ?? null;
  const kind = row.idNumber ? idNumberKind(row.idNumber) : null;
  return {
    ...publicFields(row),
    homeCommuneName: home?.name ?? null,
    homeProvinceCode: home?.provinceCode ?? null,
    stays: residentStays.map(toStay),
    currentStay: currentStay && toStay(currentStay),
    currentBed: bed ?? null,
    idNumberKind: kind === 'citizen' || kind === 'legacy' ? kind : null,
    emergencyOverdue:
      row.group === 'k2_emergency' && isEmergencyOverdue(toFacts(row, residentStays, null), onDate),
  };
}

function toStay(s: Awaited<ReturnType<typeof staysOf>>[number]): Stay {
  const { residentId: _residentId, ...stay } = s;
  return stay;
}

function publicFields(row: ResidentRow) {
  const { nameFold: _nameFold, searchText: _searchText, ...fields } = row;
  return fields;
}

/**
 * A centre keeps seeing a person it once cared for, but only its own part of their story: stays in
 * other centres, and where the person is now if that is elsewhere, are left out. Audit snapshots keep
 * the whole record; this applies to what is sent back.
 */
export function visibleTo(detail: ResidentDetail, scope: FacilityScope): ResidentDetail {
  if (scope.kind === 'province') return detail;
  const own = (stay: Stay) => scope.facilityIds.includes(stay.facilityId);
  return {
    ...detail,
    stays: detail.stays.filter(own),
    currentStay: detail.currentStay && own(detail.currentStay) ? detail.currentStay : null,
    currentBed: detail.currentStay && own(detail.currentStay) ? detail.currentBed : null,
  };
}

export async function getResident({ db, actor, onDate }: ResidentWork, id: string): Promise<ResidentDetail> {
  await assertResidentInScope(db, actor.scope, id);
  return visibleTo(await residentDetail(db, id, onDate), actor.scope);
}

/**
 * Only the centre caring for the person now (or, after discharge, the last one) changes the record;
 * a former centre may read its part but not edit someone now cared for elsewhere.
 */
async function assertResidentEditable(
  db: Queryable,
  scope: FacilityScope,
  residentId: string,
): Promise<void> {
  if (scope.kind === 'province') return;
  const [latest] = await db
    .select({ facilityId: stays.facilityId })
    .from(stays)
    .where(eq(stays.residentId, residentId))
    .orderBy(...latestStayFirst)
    .limit(1);
  if (!latest || !scope.facilityIds.includes(latest.facilityId))
    throw new DomainError('FORBIDDEN', { residentId });
}

/** What the caller may be told about where a person is: the facility's name, only if it is theirs. */
async function visibleFacilityName(db: Queryable, scope: FacilityScope, facilityId: string | null) {
  if (!facilityId || !canReachFacility(scope, facilityId)) return null;
  const [f] = await db
    .select({ name: facilities.name })
    .from(facilities)
    .where(eq(facilities.id, facilityId));
  return f?.name ?? null;
}

export async function findDuplicates(
  db: Db,
  scope: FacilityScope,
  input: z.infer<typeof duplicateCheckInput>,
): Promise<DuplicateMatch[]> {
  const candidates = await db
    .select({
      id: residents.id,
      fullName: residents.fullName,
      birthDate: residents.birthDate,
      idNumber: residents.idNumber,
      openFacilityId: stays.facilityId,
    })
    .from(residents)
    .leftJoin(stays, and(eq(stays.residentId, residents.id), isNull(stays.dischargedOn)))
    .where(
      and(
        input.excludeResidentId ? sql`${residents.id} <> ${input.excludeResidentId}` : undefined,
        sql`(${residents.idNumber} = ${input.idNumber} or (${residents.nameFold} = search_fold(${input.fullName}) and ${residents.birthDate} = ${input.birthDate} and ${residents.homeCommuneCode} is not distinct from ${input.homeCommuneCode}))`,
      ),
    )
    .limit(10);
  return Promise.all(
    candidates.map(async (c) => {
      const sameId = !!input.idNumber && c.idNumber === input.idNumber;
      return {
        // The id is given for an ID-number match so the person can be re-admitted instead of duplicated.
        residentId: sameId || scope.kind === 'province' ? c.id : null,
        fullName: c.fullName,
        birthDate: c.birthDate,
        facilityName: await visibleFacilityName(db, scope, c.openFacilityId),
        inCare: c.openFacilityId !== null,
        reason: sameId ? ('id_number' as const) : ('name_birth_commune' as const),
      };
    }),
  );
}

/**
 * Admits a new person. An ID number already in the registry is the same person: refused while they
 * are in care anywhere (naming the facility if the caller may know it), otherwise the caller is sent
 * to re-admit the existing record. A same name + birth date + home commune only warns.
 */
export async function createResident(
  work: ResidentWork,
  input: z.infer<typeof residentCreateInput>,
): Promise<ResidentDetail> {
  assertFacilityInScope(work.actor.scope, input.admission.facilityId);
  await refuseDuplicates(work.db, work.actor.scope, input);
  return work.db.transaction((tx) => admitInTransaction(tx, work, input));
}

export async function refuseDuplicates(
  db: Queryable,
  scope: FacilityScope,
  input: Pick<z.infer<typeof residentCreateInput>, 'resident' | 'confirmDuplicate'>,
): Promise<void> {
  const matches = await findDuplicates(db, scope, { ...input.resident, excludeResidentId: undefined });
  const sameId = matches.find((m) => m.reason === 'id_number');
  if (sameId?.inCare)
    throw new DomainError('ID_NUMBER_IN_CARE', {
      field: 'idNumber',
      facilityName: sameId.facilityName ?? '',
    });
  if (sameId)
    throw new DomainError('ID_NUMBER_EXISTS', { field: 'idNumber', residentId: sameId.residentId ?? '' });
  if (matches.length > 0 && !input.confirmDuplicate)
    throw new DomainError('POSSIBLE_DUPLICATE', { count: matches.length });
}

/**
 * The admission itself, inside the caller's transaction so an accepted waitlist offer and the
 * admission it becomes commit together. `reservedForThis` lets the offer's own reserved bed be taken.
 */
export async function admitInTransaction(
  tx: Queryable,
  { actor, meta, onDate }: ResidentWork,
  input: Pick<z.infer<typeof residentCreateInput>, 'resident' | 'admission'>,
  options: { reservedForThis?: boolean } = {},
): Promise<ResidentDetail> {
  const [created] = await tx.insert(residents).values(input.resident).returning({ id: residents.id });
  if (!created) throw new Error('insert returned no row');
  await openStay(tx, created.id, input.admission, options);
  const detail = await residentDetail(tx, created.id, onDate);
  await recordAudit(tx, meta, {
    actorId: actor.id,
    action: 'resident.admit',
    entityType: 'resident',
    entityId: created.id,
    after: detail,
  });
  return visibleTo(detail, actor.scope);
}

/** A new stay, and the bed it starts in when one is chosen. */
async function openStay(
  tx: Queryable,
  residentId: string,
  admission: z.infer<typeof admissionInput>,
  options: { reservedForThis?: boolean } = {},
) {
  const [stay] = await tx
    .insert(stays)
    .values({
      residentId,
      facilityId: admission.facilityId,
      admittedOn: admission.admittedOn,
      admissionDecisionNumber: admission.decisionNumber,
    })
    .returning({ id: stays.id });
  if (!stay) throw new Error('insert returned no row');
  if (admission.bedId)
    await placeInBed(tx, {
      residentId,
      stayId: stay.id,
      facilityId: admission.facilityId,
      bedId: admission.bedId,
      fromOn: admission.admittedOn,
      ...options,
    });
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function inputOf(row: ResidentRow): ResidentInput {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = publicFields(row);
  return fields;
}

export async function updateResident(
  { db, actor, meta, onDate }: ResidentWork,
  input: ResidentUpdateInput,
): Promise<ResidentDetail> {
  await assertResidentEditable(db, actor.scope, input.id);
  const { id, version, ...changes } = input;
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(eq(residents.id, id))
      .for('update');
    if (!locked) throw new DomainError('RESIDENT_NOT_FOUND');
    const before = await residentDetail(tx, id, onDate);
    if (before.version !== version)
      throw new DomainError('STALE_VERSION', { currentVersion: before.version });
    // The whole record is re-validated, so an ID number is checked against the birth date it now sits with.
    const merged = residentInput.parse({ ...inputOf(await findResident(tx, id)), ...definedOnly(changes) });
    await tx
      .update(residents)
      .set({ ...merged, version: sql`${residents.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(residents.id, id), eq(residents.version, version)));
    const after = await residentDetail(tx, id, onDate);
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'resident.update',
      entityType: 'resident',
      entityId: id,
      before,
      after,
    });
    return visibleTo(after, actor.scope);
  });
}

async function currentStayOf(tx: Queryable, residentId: string) {
  const [stay] = await tx
    .select()
    .from(stays)
    .where(and(eq(stays.residentId, residentId), isNull(stays.dischargedOn)))
    .for('update');
  return stay;
}

/** Runs one stay change for a resident under a row lock, and audits it with the stays before and after. */
async function changeStays(
  { db, actor, meta, onDate }: ResidentWork,
  residentId: string,
  action: string,
  change: (tx: Queryable) => Promise<void>,
): Promise<ResidentDetail> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(eq(residents.id, residentId))
      .for('update');
    if (!locked) throw new DomainError('RESIDENT_NOT_FOUND');
    const before = await residentDetail(tx, residentId, onDate);
    await change(tx);
    const after = await residentDetail(tx, residentId, onDate);
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action,
      entityType: 'resident',
      entityId: residentId,
      before: { stays: before.stays },
      after: { stays: after.stays },
    });
    return visibleTo(after, actor.scope);
  });
}

/** A person discharged earlier comes back (to the same or another centre): a new stay, same record. */
export function readmitResident(work: ResidentWork, input: z.infer<typeof readmitInput>) {
  assertFacilityInScope(work.actor.scope, input.facilityId);
  return changeStays(work, input.residentId, 'resident.readmit', async (tx) => {
    if (await currentStayOf(tx, input.residentId)) throw new DomainError('ALREADY_IN_CARE');
    await openStay(tx, input.residentId, input);
  });
}

async function closeOpenStay(
  tx: Queryable,
  actor: SessionUser,
  residentId: string,
  on: string,
  reason: NonNullable<Stay['dischargeReason']>,
  note: string | null,
) {
  const stay = await currentStayOf(tx, residentId);
  if (!stay) throw new DomainError('NOT_IN_CARE');
  assertFacilityInScope(actor.scope, stay.facilityId);
  if (on < stay.admittedOn) throw new DomainError('DATE_BEFORE_ADMISSION', { admittedOn: stay.admittedOn });
  await tx
    .update(stays)
    .set({ dischargedOn: on, dischargeReason: reason, dischargeNote: note })
    .where(eq(stays.id, stay.id));
  return stay;
}

/** Closing one stay and opening the next happen in one transaction: the person is never in two places. */
export function transferResident(work: ResidentWork, input: z.infer<typeof transferInput>) {
  return changeStays(work, input.residentId, 'resident.transfer', async (tx) => {
    const from = await closeOpenStay(
      tx,
      work.actor,
      input.residentId,
      input.transferredOn,
      'transferred',
      null,
    );
    if (from.facilityId === input.toFacilityId) throw new DomainError('ALREADY_IN_CARE');
    await openStay(tx, input.residentId, {
      facilityId: input.toFacilityId,
      admittedOn: input.transferredOn,
      decisionNumber: input.decisionNumber,
      bedId: input.bedId,
    });
  });
}

export function dischargeResident(work: ResidentWork, input: z.infer<typeof dischargeInput>) {
  return changeStays(work, input.residentId, 'resident.discharge', async (tx) => {
    await closeOpenStay(tx, work.actor, input.residentId, input.dischargedOn, input.reason, input.note);
  });
}
