/**
 * Offering a bed to an application, and the answer.
 *
 * An offer holds one bed for one person: the bed becomes 'reserved' and the application 'offered' in
 * the same transaction (the database also allows one open offer per bed and per application). A
 * decline (with its reason) or a withdrawal gives both back. An acceptance is the admission itself, in
 * ONE transaction: the offer is closed, the new resident admitted into the reserved bed
 * (services/residents.ts `admitInTransaction`: resident, stay, bed assignment, audit), the bed's
 * reservation lifted, and the application closed as admitted. Any failure on the way (a duplicate ID number, the bed taken
 * meanwhile) rolls all of it back.
 *
 * Offers are made and answered by the people who manage the bed's facility. Locks are always taken
 * in the same order (bed, application, offer), so two clerks working on the same bed or person wait
 * for each other instead of deadlocking.
 */
import type { Queryable } from '@ansinh/db/client';
import { bedOffers, beds, waitlistApplications } from '@ansinh/db/schema/capacity';
import { DomainError } from '@ansinh/domain/errors';
import { type ResidentInput, residentInput } from '@ansinh/schemas/resident';
import type {
  AcceptOfferInput,
  ApplicationDetail,
  declineOfferInput,
  offerInput,
  Vulnerability,
  withdrawOfferInput,
} from '@ansinh/schemas/waitlist';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { assertFacilityInScope } from '../scope.ts';
import { admitInTransaction, refuseDuplicates } from './residents.ts';
import {
  applicationDetail,
  assertNotFuture,
  assertOpen,
  fieldError,
  lockApplication,
  type WaitlistWork,
} from './waitlist.ts';

async function lockBed(tx: Queryable, id: string) {
  const [bed] = await tx.select().from(beds).where(eq(beds.id, id)).for('update');
  if (!bed) throw new DomainError('BED_NOT_FOUND', { field: 'bedId' });
  return bed;
}

async function findOffer(tx: Queryable, id: string, lock = false) {
  const query = tx.select().from(bedOffers).where(eq(bedOffers.id, id));
  const [offer] = lock ? await query.for('update') : await query;
  if (!offer) throw new DomainError('OFFER_NOT_FOUND');
  return offer;
}

/** A bed someone sleeps in on `on` or later (a current or a future assignment) cannot be promised. */
async function isOccupiedFrom(tx: Queryable, bedId: string, on: string): Promise<boolean> {
  const result = await tx.execute<{ id: string }>(sql`
    select id from bed_assignments where bed_id = ${bedId} and (until_on is null or until_on > ${on}) limit 1`);
  return result.rows.length > 0;
}

const bumpVersion = { version: sql`${waitlistApplications.version} + 1`, updatedAt: sql`now()` };

export async function offerBed(
  { db, actor, meta, onDate }: WaitlistWork,
  input: z.infer<typeof offerInput>,
): Promise<ApplicationDetail> {
  const on = input.offeredOn ?? onDate;
  assertNotFuture(on, onDate, 'offeredOn');
  await db.transaction(async (tx) => {
    const bed = await lockBed(tx, input.bedId);
    assertFacilityInScope(actor.scope, bed.facilityId);
    const application = await lockApplication(tx, input.applicationId);
    assertOpen(application);
    if (application.status === 'offered') throw new DomainError('OFFER_OPEN', { field: 'applicationId' });
    if (on < application.appliedOn) throw fieldError('offeredOn', 'notBeforeApplied');
    if (bed.status === 'out_of_service') throw new DomainError('BED_OUT_OF_SERVICE', { field: 'bedId' });
    if (bed.status === 'reserved') throw new DomainError('BED_RESERVED', { field: 'bedId' });
    if (await isOccupiedFrom(tx, bed.id, on)) throw new DomainError('BED_TAKEN', { field: 'bedId' });
    const [offer] = await tx
      .insert(bedOffers)
      .values({
        applicationId: application.id,
        bedId: bed.id,
        facilityId: bed.facilityId,
        offeredOn: on,
        offeredBy: actor.id,
      })
      .returning();
    if (!offer) throw new Error('insert returned no row');
    await tx
      .update(beds)
      .set({ status: 'reserved', version: sql`${beds.version} + 1` })
      .where(eq(beds.id, bed.id));
    await tx
      .update(waitlistApplications)
      .set({ status: 'offered', ...bumpVersion })
      .where(eq(waitlistApplications.id, application.id));
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'waitlist.offer',
      entityType: 'waitlist_application',
      entityId: application.id,
      before: { status: application.status, bed: { id: bed.id, status: bed.status } },
      after: { status: 'offered', bed: { id: bed.id, status: 'reserved' }, offer },
    });
  });
  return applicationDetail(db, actor.scope, input.applicationId, onDate);
}

/**
 * Closes an open offer without an admission: the bed is free again (unless someone has taken it out
 * of service meanwhile) and the person waits again with their place in the queue.
 */
async function closeOffer(
  { db, actor, meta, onDate }: WaitlistWork,
  offerId: string,
  status: 'declined' | 'withdrawn',
  reason: string | null,
  decidedOn: string | undefined,
): Promise<ApplicationDetail> {
  const on = decidedOn ?? onDate;
  assertNotFuture(on, onDate, 'decidedOn');
  const known = await findOffer(db, offerId);
  assertFacilityInScope(actor.scope, known.facilityId);
  await db.transaction(async (tx) => {
    const bed = await lockBed(tx, known.bedId);
    const application = await lockApplication(tx, known.applicationId);
    const offer = await findOffer(tx, offerId, true);
    if (offer.status !== 'open') throw new DomainError('OFFER_DECIDED', { status: offer.status });
    if (on < offer.offeredOn) throw fieldError('decidedOn', 'notBeforeOffered');
    const [closed] = await tx
      .update(bedOffers)
      .set({ status, decidedOn: on, reason, decidedBy: actor.id })
      .where(eq(bedOffers.id, offerId))
      .returning();
    if (bed.status === 'reserved')
      await tx
        .update(beds)
        .set({ status: 'available', version: sql`${beds.version} + 1` })
        .where(eq(beds.id, bed.id));
    await tx
      .update(waitlistApplications)
      .set({ status: 'waiting', ...bumpVersion })
      .where(eq(waitlistApplications.id, application.id));
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: status === 'declined' ? 'waitlist.offer_decline' : 'waitlist.offer_withdraw',
      entityType: 'waitlist_application',
      entityId: application.id,
      before: { status: application.status, bed: { id: bed.id, status: bed.status }, offer },
      after: {
        status: 'waiting',
        bed: { id: bed.id, status: bed.status === 'reserved' ? 'available' : bed.status },
        offer: closed,
      },
    });
  });
  return applicationDetail(db, actor.scope, known.applicationId, onDate);
}

export function declineOffer(work: WaitlistWork, input: z.infer<typeof declineOfferInput>) {
  return closeOffer(work, input.offerId, 'declined', input.reason, input.decidedOn);
}

export function withdrawOffer(work: WaitlistWork, input: z.infer<typeof withdrawOfferInput>) {
  return closeOffer(work, input.offerId, 'withdrawn', input.reason, input.decidedOn);
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The resident record an application becomes: what it recorded, then what the centre adds or corrects. */
function residentFrom(
  application: typeof waitlistApplications.$inferSelect,
  overrides: AcceptOfferInput['resident'],
): ResidentInput {
  const v = (application.vulnerability ?? {}) as Vulnerability;
  const prefilled = {
    fullName: application.fullName,
    birthDate: application.birthDate ?? undefined,
    birthDatePrecision: 'day',
    sex: application.sex,
    idNumber: application.idNumber,
    homeCommuneCode: application.homeCommuneCode,
    group: application.group,
    disabilityLevel: v.disabilityLevel ?? null,
    // An unrecorded circumstance stays "not recorded" on the resident, never a guessed "no".
    lonelyElderly: v.lonelyElderly ?? null,
    orphanOrAbandoned: v.orphanOrAbandoned ?? null,
    noMeansOfSupport: v.noMeansOfSupport ?? null,
  };
  // Errors name the form's fields ("resident.birthDate"), as on a plain admission.
  return z
    .object({ resident: residentInput })
    .parse({ resident: { ...prefilled, ...definedOnly(overrides) } }).resident;
}

export async function acceptOffer(
  work: WaitlistWork,
  input: AcceptOfferInput,
): Promise<{ application: ApplicationDetail; residentId: string }> {
  const { db, actor, meta, onDate } = work;
  const on = input.acceptedOn ?? onDate;
  assertNotFuture(on, onDate, 'acceptedOn');
  const known = await findOffer(db, input.offerId);
  assertFacilityInScope(actor.scope, known.facilityId);
  const residentId = await db.transaction(async (tx) => {
    const bed = await lockBed(tx, known.bedId);
    const application = await lockApplication(tx, known.applicationId);
    const offer = await findOffer(tx, input.offerId, true);
    if (offer.status !== 'open') throw new DomainError('OFFER_DECIDED', { status: offer.status });
    assertOpen(application);
    if (on < offer.offeredOn) throw fieldError('acceptedOn', 'notBeforeOffered');
    if (bed.status === 'out_of_service') throw new DomainError('BED_OUT_OF_SERVICE', { field: 'bedId' });
    const resident = residentFrom(application, input.resident);

    const [accepted] = await tx
      .update(bedOffers)
      .set({ status: 'accepted', decidedOn: on, decidedBy: actor.id })
      .where(eq(bedOffers.id, offer.id))
      .returning();
    await refuseDuplicates(tx, actor.scope, { resident, confirmDuplicate: input.confirmDuplicate });
    const admitted = await admitInTransaction(
      tx,
      work,
      {
        resident,
        admission: {
          facilityId: offer.facilityId,
          admittedOn: on,
          decisionNumber: input.decisionNumber,
          bedId: offer.bedId,
        },
      },
      { reservedForThis: true },
    );
    // The reservation ends: occupancy is the assignment just written. Written after the admission, so
    // this transaction takes the database's revision counters in the order every admission takes them
    // (residents and stays, then beds): the other order deadlocks against admissions on PostgreSQL.
    await tx
      .update(beds)
      .set({ status: 'available', version: sql`${beds.version} + 1` })
      .where(eq(beds.id, bed.id));
    await tx
      .update(waitlistApplications)
      .set({ status: 'admitted', residentId: admitted.id, closedOn: on, ...bumpVersion })
      .where(eq(waitlistApplications.id, application.id));
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'waitlist.accept',
      entityType: 'waitlist_application',
      entityId: application.id,
      before: { status: application.status, bed: { id: bed.id, status: bed.status }, offer },
      after: { status: 'admitted', residentId: admitted.id, closedOn: on, offer: accepted },
    });
    return admitted.id;
  });
  return { application: await applicationDetail(db, actor.scope, known.applicationId, onDate), residentId };
}
