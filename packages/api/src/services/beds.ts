/**
 * Rooms, beds and who sleeps where. Occupancy is never stored: a bed is occupied on a date when an
 * assignment period [from_on, until_on) covers it. The database refuses double-booking (exclusion
 * constraints on bed × period and resident × period), so two clerks placing people in the last free
 * bed at the same moment cannot both succeed, whatever this code checks first.
 */
import type { Db, Queryable } from '@ansinh/db/client';
import { bedAssignments, beds, rooms } from '@ansinh/db/schema/capacity';
import { residents, stays } from '@ansinh/db/schema/residents';
import { DomainError } from '@ansinh/domain/errors';
import type { FacilityScope } from '@ansinh/domain/roles';
import type {
  assignBedInput,
  bedsCreateInput,
  bedUpdateInput,
  FacilityBeds,
  moveBedInput,
  releaseBedInput,
  roomInput,
  roomUpdateInput,
} from '@ansinh/schemas/capacity';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import { groupBy } from '../group-by.ts';
import { assertFacilityInScope } from '../scope.ts';

export interface BedWork {
  db: Db;
  actor: SessionUser;
  meta: RequestMeta;
  onDate: string;
}

export async function facilityBeds(
  db: Queryable,
  scope: FacilityScope,
  facilityId: string,
  onDate: string,
): Promise<FacilityBeds> {
  assertFacilityInScope(scope, facilityId);
  const [roomRows, bedRows, unplaced] = await Promise.all([
    db.select().from(rooms).where(eq(rooms.facilityId, facilityId)).orderBy(asc(rooms.name)),
    db.execute<{
      id: string;
      room_id: string;
      code: string;
      status: 'available' | 'reserved' | 'out_of_service';
      version: number;
      resident_id: string | null;
      full_name: string | null;
      from_on: string | null;
      application_id: string | null;
      applicant_name: string | null;
    }>(sql`
      select b.id, b.room_id, b.code, b.status, b.version, a.resident_id, r.full_name, a.from_on::text as from_on,
        o.application_id, w.full_name as applicant_name
      from beds b
      left join bed_assignments a on a.bed_id = b.id and a.from_on <= ${onDate}
        and (a.until_on is null or a.until_on > ${onDate})
      left join residents r on r.id = a.resident_id
      left join bed_offers o on o.bed_id = b.id and o.status = 'open'
      left join waitlist_applications w on w.id = o.application_id
      where b.facility_id = ${facilityId}
      order by b.code`),
    db.execute<{ resident_id: string; full_name: string; admitted_on: string }>(sql`
      select s.resident_id, r.full_name, s.admitted_on::text as admitted_on
      from stays s join residents r on r.id = s.resident_id
      where s.facility_id = ${facilityId} and s.admitted_on <= ${onDate}
        and (s.discharged_on is null or s.discharged_on > ${onDate})
        and not exists (
          select 1 from bed_assignments a where a.resident_id = s.resident_id and a.from_on <= ${onDate}
            and (a.until_on is null or a.until_on > ${onDate}))
      order by r.sort_name`),
  ]);
  const allBeds = bedRows.rows;
  const bedsByRoom = groupBy(allBeds, (bed) => bed.room_id);
  const operational = allBeds.filter((b) => b.status !== 'out_of_service').length;
  const occupied = allBeds.filter((b) => b.resident_id !== null).length;
  return {
    facilityId,
    onDate,
    rooms: roomRows.map((room) => ({
      id: room.id,
      name: room.name,
      floorAreaM2: room.floorAreaM2,
      careLevel: room.careLevel,
      version: room.version,
      beds: (bedsByRoom.get(room.id) ?? []).map((b) => ({
        id: b.id,
        code: b.code,
        status: b.status,
        version: b.version,
        occupant:
          b.resident_id && b.full_name && b.from_on
            ? { residentId: b.resident_id, fullName: b.full_name, fromOn: b.from_on }
            : null,
        offeredTo:
          b.application_id && b.applicant_name
            ? { applicationId: b.application_id, fullName: b.applicant_name }
            : null,
      })),
    })),
    unplaced: unplaced.rows.map((u) => ({
      residentId: u.resident_id,
      fullName: u.full_name,
      admittedOn: u.admitted_on,
    })),
    totals: {
      beds: allBeds.length,
      operational,
      occupied,
      free: allBeds.filter((b) => b.status === 'available' && b.resident_id === null).length,
    },
  };
}

export async function bedHistory(db: Queryable, scope: FacilityScope, bedId: string) {
  const bed = await findBed(db, bedId);
  assertFacilityInScope(scope, bed.facilityId);
  return db
    .select({
      residentId: bedAssignments.residentId,
      fullName: residents.fullName,
      fromOn: bedAssignments.fromOn,
      untilOn: bedAssignments.untilOn,
    })
    .from(bedAssignments)
    .innerJoin(residents, eq(residents.id, bedAssignments.residentId))
    .where(eq(bedAssignments.bedId, bedId))
    .orderBy(sql`${bedAssignments.fromOn} desc`);
}

async function findRoom(db: Queryable, id: string) {
  const [room] = await db.select().from(rooms).where(eq(rooms.id, id));
  if (!room) throw new DomainError('ROOM_NOT_FOUND');
  return room;
}

async function findBed(db: Queryable, id: string, lock = false) {
  const query = db.select().from(beds).where(eq(beds.id, id));
  const [bed] = lock ? await query.for('update') : await query;
  if (!bed) throw new DomainError('BED_NOT_FOUND');
  return bed;
}

export async function createRoom({ db, actor, meta }: BedWork, input: z.infer<typeof roomInput>) {
  assertFacilityInScope(actor.scope, input.facilityId);
  return db.transaction(async (tx) => {
    const [room] = await tx.insert(rooms).values(input).returning();
    if (!room) throw new Error('insert returned no row');
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'room.create',
      entityType: 'room',
      entityId: room.id,
      after: room,
    });
    return room;
  });
}

export async function updateRoom({ db, actor, meta }: BedWork, input: z.infer<typeof roomUpdateInput>) {
  const { id, version, ...changes } = input;
  return db.transaction(async (tx) => {
    const before = await findRoom(tx, id);
    assertFacilityInScope(actor.scope, before.facilityId);
    const [after] = await tx
      .update(rooms)
      .set({ ...changes, version: sql`${rooms.version} + 1` })
      .where(and(eq(rooms.id, id), eq(rooms.version, version)))
      .returning();
    if (!after) throw new DomainError('STALE_VERSION', { currentVersion: before.version });
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'room.update',
      entityType: 'room',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteRoom({ db, actor, meta }: BedWork, id: string) {
  return db.transaction(async (tx) => {
    const room = await findRoom(tx, id);
    assertFacilityInScope(actor.scope, room.facilityId);
    const [bed] = await tx.select({ id: beds.id }).from(beds).where(eq(beds.roomId, id)).limit(1);
    if (bed) throw new DomainError('ROOM_HAS_BEDS');
    await tx.delete(rooms).where(eq(rooms.id, id));
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'room.delete',
      entityType: 'room',
      entityId: id,
      before: room,
    });
  });
}

export async function createBeds({ db, actor, meta }: BedWork, input: z.infer<typeof bedsCreateInput>) {
  return db.transaction(async (tx) => {
    const room = await findRoom(tx, input.roomId);
    assertFacilityInScope(actor.scope, room.facilityId);
    const created = await tx
      .insert(beds)
      .values(input.codes.map((code) => ({ code, roomId: room.id, facilityId: room.facilityId })))
      .returning();
    for (const bed of created)
      await recordAudit(tx, meta, {
        actorId: actor.id,
        action: 'bed.create',
        entityType: 'bed',
        entityId: bed.id,
        after: bed,
      });
    return created;
  });
}

export async function updateBed({ db, actor, meta }: BedWork, input: z.infer<typeof bedUpdateInput>) {
  const { id, version, ...changes } = input;
  return db.transaction(async (tx) => {
    const before = await findBed(tx, id, true);
    assertFacilityInScope(actor.scope, before.facilityId);
    if (before.version !== version)
      throw new DomainError('STALE_VERSION', { currentVersion: before.version });
    // The composite key makes a room of another facility unreachable; say so plainly first.
    if (changes.roomId && (await findRoom(tx, changes.roomId)).facilityId !== before.facilityId)
      throw new DomainError('ROOM_NOT_FOUND');
    const [after] = await tx
      .update(beds)
      .set({ ...changes, version: sql`${beds.version} + 1` })
      .where(eq(beds.id, id))
      .returning();
    if (!after) throw new DomainError('BED_NOT_FOUND');
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'bed.update',
      entityType: 'bed',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export interface Placement {
  residentId: string;
  stayId: string;
  facilityId: string;
  bedId: string;
  fromOn: string;
  /** An accepted offer admits into the bed it reserved; anyone else finds a reserved bed taken. */
  reservedForThis?: boolean;
}

/**
 * Puts a resident in a bed inside the caller's transaction. The friendly checks come first; the
 * constraints decide races (a concurrent placement fails with BED_TAKEN and rolls the caller back).
 */
export async function placeInBed(tx: Queryable, p: Placement): Promise<void> {
  // Locked, so an offer reserving this bed and an admission into it are decided one after the other.
  const bed = await findBed(tx, p.bedId, true);
  if (bed.facilityId !== p.facilityId) throw new DomainError('BED_NOT_IN_FACILITY', { field: 'bedId' });
  if (bed.status === 'out_of_service') throw new DomainError('BED_OUT_OF_SERVICE', { field: 'bedId' });
  if (bed.status === 'reserved' && !p.reservedForThis)
    throw new DomainError('BED_RESERVED', { field: 'bedId' });
  await tx.insert(bedAssignments).values({
    bedId: p.bedId,
    facilityId: p.facilityId,
    residentId: p.residentId,
    stayId: p.stayId,
    fromOn: p.fromOn,
  });
}

async function openStayOf(tx: Queryable, residentId: string) {
  const [stay] = await tx
    .select()
    .from(stays)
    .where(and(eq(stays.residentId, residentId), isNull(stays.dischargedOn)))
    .for('update');
  if (!stay) throw new DomainError('NOT_IN_CARE');
  return stay;
}

async function currentAssignment(tx: Queryable, residentId: string) {
  const [assignment] = await tx
    .select()
    .from(bedAssignments)
    .where(and(eq(bedAssignments.residentId, residentId), isNull(bedAssignments.untilOn)))
    .for('update');
  return assignment;
}

/** Runs one bed change for a resident in care, under a lock on their open stay, and audits it. */
async function changeBed(
  { db, actor, meta }: BedWork,
  residentId: string,
  action: string,
  change: (tx: Queryable, stay: typeof stays.$inferSelect) => Promise<void>,
) {
  return db.transaction(async (tx) => {
    const stay = await openStayOf(tx, residentId);
    assertFacilityInScope(actor.scope, stay.facilityId);
    const before = await currentAssignment(tx, residentId);
    await change(tx, stay);
    const [after] = await tx
      .select()
      .from(bedAssignments)
      .where(and(eq(bedAssignments.residentId, residentId), isNull(bedAssignments.untilOn)));
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action,
      entityType: 'resident',
      entityId: residentId,
      before: { bed: before ?? null },
      after: { bed: after ?? null },
    });
  });
}

export function assignBed(work: BedWork, input: z.infer<typeof assignBedInput>) {
  return changeBed(work, input.residentId, 'bed.assign', async (tx, stay) => {
    if (await currentAssignment(tx, input.residentId)) throw new DomainError('ALREADY_IN_BED');
    await placeInBed(tx, { ...input, stayId: stay.id, facilityId: stay.facilityId });
  });
}

/** Closes the current bed on `on` (a same-day change corrects the bed instead of leaving an empty period). */
async function leaveCurrentBed(tx: Queryable, residentId: string, on: string) {
  const current = await currentAssignment(tx, residentId);
  if (!current) throw new DomainError('NO_CURRENT_BED');
  if (on < current.fromOn) throw new DomainError('ASSIGNMENT_OUTSIDE_STAY', { field: 'movedOn' });
  if (on === current.fromOn) await tx.delete(bedAssignments).where(eq(bedAssignments.id, current.id));
  else await tx.update(bedAssignments).set({ untilOn: on }).where(eq(bedAssignments.id, current.id));
}

export function moveBed(work: BedWork, input: z.infer<typeof moveBedInput>) {
  return changeBed(work, input.residentId, 'bed.move', async (tx, stay) => {
    // The target bed first, as every admission locks its bed before any write: no lock-order deadlock.
    await findBed(tx, input.toBedId, true);
    await leaveCurrentBed(tx, input.residentId, input.movedOn);
    await placeInBed(tx, {
      residentId: input.residentId,
      stayId: stay.id,
      facilityId: stay.facilityId,
      bedId: input.toBedId,
      fromOn: input.movedOn,
    });
  });
}

export function releaseBed(work: BedWork, input: z.infer<typeof releaseBedInput>) {
  return changeBed(work, input.residentId, 'bed.release', (tx) =>
    leaveCurrentBed(tx, input.residentId, input.releasedOn),
  );
}
