/**
 * "One bed holds one resident at a time, even under concurrent requests." Many parallel admissions,
 * assignments and moves into a few free beds must succeed exactly as often as there are beds, and the
 * database must never hold two overlapping assignments of one bed, nor one resident in two beds.
 * Offers race too: one open offer per bed and per application, one answer per offer.
 *
 * On PGlite (one connection) the calls are interleaved promises; with TEST_DATABASE_URL they truly
 * race on PostgreSQL (a pool of 5 connections). The counts are exact on both.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, useApiHarness } from './harness.ts';
import { admit, BTXH, DB_KIND, facilityIds, outcomeOf, uniqueName } from './residents-fixtures.ts';
import { application, bedsIn, overlappingBedPairs, residentsInTwoBeds } from './waitlist-fixtures.ts';

const h = useApiHarness();

const PARALLEL = 12;
const FREE_BEDS = 3;

let admin: Caller;
let manager: Caller;
let staff: Caller;
let planner: Caller;
let btxh: string;

beforeAll(async () => {
  [admin, manager, staff, planner] = [
    await h.callerFor('admin'),
    await h.callerFor('manager'),
    await h.callerFor('staff'),
    await h.callerFor('planner'),
  ];
  btxh = (await facilityIds(h))[BTXH] as string;
});

/** The callers allowed to place people in TN-BTXH, taken in turn so requests come from different sessions. */
const clerk = (i: number) => [manager, staff, admin][i % 3] as Caller;

function tally(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = outcomeOf(r);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Exactly `wins` calls succeeded and every other one failed with one of the expected refusals. */
function expectOutcomes(results: PromiseSettledResult<unknown>[], wins: number, refusals: readonly string[]) {
  const counts = tally(results);
  expect(counts.ok ?? 0, JSON.stringify(counts)).toBe(wins);
  for (const [outcome, n] of Object.entries(counts))
    if (outcome !== 'ok') expect(refusals, `${n} × ${outcome}`).toContain(outcome);
}

/** Current occupants per bed: exactly one for each bed given. */
async function occupantsOf(bedIds: readonly string[]): Promise<Record<string, number>> {
  const rows = await h.rows<{ bed_id: string; n: number }>(sql`
    select bed_id, count(*)::int as n from bed_assignments
    where until_on is null and bed_id in (${sql.join(
      bedIds.map((id) => sql`${id}`),
      sql`, `,
    )}) group by bed_id`);
  return Object.fromEntries(bedIds.map((id) => [id, rows.find((r) => r.bed_id === id)?.n ?? 0]));
}

async function expectNoDoubleBooking(bedIds: readonly string[]) {
  expect(await overlappingBedPairs(h)).toBe(0);
  expect(await residentsInTwoBeds(h)).toBe(0);
  expect(Object.values(await occupantsOf(bedIds))).toEqual(bedIds.map(() => 1));
}

/** People in care in TN-BTXH without a bed. */
async function unplaced(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await admit(manager, btxh, {}, { admittedOn: '2025-07-01' })).id);
  return ids;
}

const TAKEN = ['CONFLICT/BED_TAKEN', 'CONFLICT/BED_RESERVED'];

describe(`parallel placements into ${FREE_BEDS} free beds (${DB_KIND})`, () => {
  it(`${PARALLEL} parallel admissions with a bed: exactly ${FREE_BEDS} people admitted, the others not at all`, async () => {
    const beds = await bedsIn(manager, btxh, FREE_BEDS);
    const family = 'Song';
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, i) =>
        clerk(i).residents.create({
          resident: {
            fullName: uniqueName(family),
            birthDate: '1942-02-02',
            sex: 'male',
            group: 'k1_elderly',
          },
          admission: { facilityId: btxh, admittedOn: '2025-08-01', bedId: beds[i % FREE_BEDS] as string },
        }),
      ),
    );
    expectOutcomes(results, FREE_BEDS, TAKEN);
    await expectNoDoubleBooking(beds);
    // A refused admission is rolled back whole: no person, no stay without the bed.
    const admitted = await h.rows(sql`select id from residents where full_name like ${`${family} %`}`);
    expect(admitted).toHaveLength(FREE_BEDS);
    const audits = await h.rows(sql`select a.id from audit_log a join residents r on r.id::text = a.entity_id
      where a.action = 'resident.admit' and r.full_name like ${`${family} %`}`);
    expect(audits).toHaveLength(FREE_BEDS);
  });

  it(`${PARALLEL} parallel assignments of people without a bed: exactly ${FREE_BEDS} placed`, async () => {
    const people = await unplaced(PARALLEL);
    const beds = await bedsIn(manager, btxh, FREE_BEDS);
    const results = await Promise.allSettled(
      people.map((residentId, i) =>
        clerk(i).capacity.assignBed({
          residentId,
          bedId: beds[i % FREE_BEDS] as string,
          fromOn: '2025-08-10',
        }),
      ),
    );
    expectOutcomes(results, FREE_BEDS, TAKEN);
    await expectNoDoubleBooking(beds);
    const placed = await h.rows(sql`select resident_id from bed_assignments where until_on is null
      and resident_id in (${sql.join(
        people.map((id) => sql`${id}`),
        sql`, `,
      )})`);
    expect(placed).toHaveLength(FREE_BEDS);
  });

  it(`${PARALLEL} parallel moves into ${FREE_BEDS} free beds: exactly ${FREE_BEDS} move, the others keep their bed`, async () => {
    const people = await unplaced(PARALLEL);
    const homes = await bedsIn(manager, btxh, PARALLEL);
    for (const [i, residentId] of people.entries())
      await manager.capacity.assignBed({ residentId, bedId: homes[i] as string, fromOn: '2025-07-01' });
    const targets = await bedsIn(manager, btxh, FREE_BEDS);
    const results = await Promise.allSettled(
      people.map((residentId, i) =>
        clerk(i).capacity.moveBed({
          residentId,
          toBedId: targets[i % FREE_BEDS] as string,
          movedOn: '2025-08-20',
        }),
      ),
    );
    expectOutcomes(results, FREE_BEDS, TAKEN);
    await expectNoDoubleBooking(targets);
    // Everyone still sleeps somewhere: the winners in a new bed, the others in their old one.
    const current = await h.rows<{ resident_id: string }>(sql`select resident_id from bed_assignments
      where until_on is null and resident_id in (${sql.join(
        people.map((id) => sql`${id}`),
        sql`, `,
      )})`);
    expect(current).toHaveLength(PARALLEL);
    const freed = Object.values(await occupantsOf(homes)).filter((n) => n === 0);
    expect(freed).toHaveLength(FREE_BEDS);
  });

  it('one person assigned to several beds at once gets exactly one', async () => {
    const [residentId] = await unplaced(1);
    const beds = await bedsIn(manager, btxh, FREE_BEDS + 2);
    const results = await Promise.allSettled(
      beds.map((bedId, i) =>
        clerk(i).capacity.assignBed({ residentId: residentId as string, bedId, fromOn: '2025-08-10' }),
      ),
    );
    expectOutcomes(results, 1, ['CONFLICT/ALREADY_IN_BED']);
    expect(await residentsInTwoBeds(h)).toBe(0);
  });

  it('admissions, assignments and moves racing for the same beds: one winner per bed, nothing double-booked', async () => {
    const beds = await bedsIn(manager, btxh, FREE_BEDS);
    const waiting = await unplaced(4);
    const movers = await unplaced(4);
    const homes = await bedsIn(manager, btxh, movers.length);
    for (const [i, residentId] of movers.entries())
      await manager.capacity.assignBed({ residentId, bedId: homes[i] as string, fromOn: '2025-07-01' });
    const bed = (i: number) => beds[i % FREE_BEDS] as string;
    const calls = [
      ...Array.from({ length: 4 }, (_, i) =>
        clerk(i).residents.create({
          resident: {
            fullName: uniqueName('Hứa'),
            birthDate: '1939-09-09',
            sex: 'female',
            group: 'k1_elderly',
          },
          admission: { facilityId: btxh, admittedOn: '2025-08-25', bedId: bed(i) },
        }),
      ),
      ...waiting.map((residentId, i) =>
        clerk(i + 1).capacity.assignBed({ residentId, bedId: bed(i + 1), fromOn: '2025-08-25' }),
      ),
      ...movers.map((residentId, i) =>
        clerk(i + 2).capacity.moveBed({ residentId, toBedId: bed(i + 2), movedOn: '2025-08-25' }),
      ),
    ];
    const results = await Promise.allSettled(calls);
    expectOutcomes(results, FREE_BEDS, TAKEN);
    await expectNoDoubleBooking(beds);
  });
});

describe(`parallel offers and answers (${DB_KIND})`, () => {
  const general = () => planner.waitlist.create(application({ requestedFacilityType: 'general' }));

  it(`one bed offered to ${PARALLEL} applications at once: one offer, one reservation`, async () => {
    const [bedId] = await bedsIn(manager, btxh, 1);
    const apps = [];
    for (let i = 0; i < PARALLEL; i++) apps.push(await general());
    const results = await Promise.allSettled(
      apps.map((app, i) => clerk(i).waitlist.offer({ applicationId: app.id, bedId: bedId as string })),
    );
    expectOutcomes(results, 1, ['CONFLICT/BED_RESERVED', 'CONFLICT/OFFER_OPEN']);
    const offers = await h.rows(sql`select id from bed_offers where bed_id = ${bedId} and status = 'open'`);
    expect(offers).toHaveLength(1);
    const offered = await h.rows(sql`select id from waitlist_applications where status = 'offered'
      and id in (${sql.join(
        apps.map((a) => sql`${a.id}`),
        sql`, `,
      )})`);
    expect(offered).toHaveLength(1);
  });

  it('an offer and admissions racing for one bed: either the offer or one admission wins, never both', async () => {
    for (let round = 0; round < 3; round++) {
      const [bedId] = await bedsIn(manager, btxh, 1);
      const app = await general();
      const results = await Promise.allSettled([
        ...Array.from({ length: 3 }, (_, i) =>
          clerk(i).residents.create({
            resident: {
              fullName: uniqueName('Đàm'),
              birthDate: '1940-10-10',
              sex: 'male',
              group: 'k1_elderly',
            },
            admission: { facilityId: btxh, admittedOn: '2025-08-30', bedId: bedId as string },
          }),
        ),
        manager.waitlist.offer({ applicationId: app.id, bedId: bedId as string }),
        ...Array.from({ length: 3 }, (_, i) =>
          clerk(i + 1).residents.create({
            resident: {
              fullName: uniqueName('Đàm'),
              birthDate: '1940-10-10',
              sex: 'male',
              group: 'k1_elderly',
            },
            admission: { facilityId: btxh, admittedOn: '2025-08-30', bedId: bedId as string },
          }),
        ),
      ]);
      expectOutcomes(results, 1, TAKEN);
      const [state] = await h.rows<{ occupants: number; offers: number; status: string }>(sql`
        select (select count(*)::int from bed_assignments where bed_id = b.id and until_on is null) as occupants,
          (select count(*)::int from bed_offers where bed_id = b.id and status = 'open') as offers, b.status
        from beds b where b.id = ${bedId}`);
      expect([
        { occupants: 1, offers: 0, status: 'available' },
        { occupants: 0, offers: 1, status: 'reserved' },
      ]).toContainEqual(state);
    }
  });

  it('one application offered several beds at once: one offer, the other beds stay free', async () => {
    const app = await general();
    const beds = await bedsIn(manager, btxh, FREE_BEDS + 2);
    const results = await Promise.allSettled(
      beds.map((bedId, i) => clerk(i).waitlist.offer({ applicationId: app.id, bedId })),
    );
    expectOutcomes(results, 1, ['CONFLICT/OFFER_OPEN']);
    const statuses = await h.rows<{ status: string }>(
      sql`select status from beds where id in (${sql.join(
        beds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    expect(statuses.filter((s) => s.status === 'reserved')).toHaveLength(1);
  });

  it('acceptances racing with admissions into other beds: every one succeeds, none deadlocks', async () => {
    const offered = await bedsIn(manager, btxh, FREE_BEDS);
    const offers: string[] = [];
    for (const bedId of offered) {
      const app = await general();
      offers.push((await manager.waitlist.offer({ applicationId: app.id, bedId })).openOffer?.id as string);
    }
    const others = await bedsIn(manager, btxh, PARALLEL - FREE_BEDS);
    const results = await Promise.allSettled([
      ...offers.map((offerId, i) => clerk(i).waitlist.acceptOffer({ offerId })),
      ...others.map((bedId, i) =>
        clerk(i + 1).residents.create({
          resident: {
            fullName: uniqueName('Lục'),
            birthDate: '1941-04-04',
            sex: 'male',
            group: 'k1_elderly',
          },
          admission: { facilityId: btxh, admittedOn: '2025-08-30', bedId },
        }),
      ),
    ]);
    expectOutcomes(results, PARALLEL, []);
    await expectNoDoubleBooking([...offered, ...others]);
  });

  it('one offer accepted, declined and withdrawn at once: exactly one answer counts', async () => {
    const app = await general();
    const [bedId] = await bedsIn(manager, btxh, 1);
    const offered = await manager.waitlist.offer({ applicationId: app.id, bedId: bedId as string });
    const offerId = offered.openOffer?.id as string;
    const results = await Promise.allSettled([
      ...Array.from({ length: 4 }, (_, i) => clerk(i).waitlist.acceptOffer({ offerId })),
      ...Array.from({ length: 3 }, (_, i) => clerk(i).waitlist.declineOffer({ offerId, reason: 'Đổi ý' })),
      ...Array.from({ length: 3 }, (_, i) => clerk(i).waitlist.withdrawOffer({ offerId })),
    ]);
    expectOutcomes(results, 1, ['PRECONDITION_FAILED/OFFER_DECIDED']);
    const residents = await h.rows(sql`select id from residents where full_name = ${app.fullName}`);
    const [offer] = await h.rows<{ status: string }>(
      sql`select status from bed_offers where id = ${offerId}`,
    );
    // An acceptance admits exactly one person; a decline or withdrawal admits nobody.
    expect(residents).toHaveLength(offer?.status === 'accepted' ? 1 : 0);
    expect(await residentsInTwoBeds(h)).toBe(0);
    expect(await overlappingBedPairs(h)).toBe(0);
  });
});
