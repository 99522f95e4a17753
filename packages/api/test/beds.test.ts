/**
 * Rooms, beds and placements: who may change them, the rules a placement must meet (the bed is in the
 * resident's centre, in service, not held for an offer, free for the period), moves as one action,
 * beds freed when a stay closes, the database refusing double-booking on its own, and the occupancy
 * figures read from the periods.
 */
import { constraintViolationOf } from '@ansinh/db/errors';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectTRPCError, newFacility, useApiHarness } from './harness.ts';
import { admit, BTXH, facilityIds, HUONGDUONG, person } from './residents-fixtures.ts';

const h = useApiHarness();

let admin: Caller;
let planner: Caller;
let manager: Caller;
let staff: Caller;
let operator: Caller;
let ids: Record<string, string>;

beforeAll(async () => {
  admin = await h.callerFor('admin');
  planner = await h.callerFor('planner');
  manager = await h.callerFor('manager');
  staff = await h.callerFor('staff');
  operator = await h.callerFor('operator');
  ids = await facilityIds(h);
});

const fid = (code: string) => ids[code] as string;
let roomSeq = 0;

/** A room with beds in a facility, through the API; returns the bed ids in code order. */
async function furnish(
  caller: Caller,
  facilityId: string,
  beds = 2,
  careLevel: 'ordinary' | 'intensive_24h' = 'ordinary',
) {
  roomSeq += 1;
  const room = await caller.capacity.createRoom({
    facilityId,
    name: `Phòng ${roomSeq}`,
    floorAreaM2: 24,
    careLevel,
  });
  const created = await caller.capacity.createBeds({
    roomId: room.id,
    codes: Array.from({ length: beds }, (_, i) => `R${roomSeq}-G${i + 1}`),
  });
  return { roomId: room.id, bedIds: created.map((b) => b.id) };
}

const bedOf = (b: string[], i: number) => b[i] as string;

/** The write fails on the named constraint (or trigger rule), not on anything else. */
async function expectConstraint(write: Promise<unknown>, constraint: string) {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(constraintViolationOf(error)?.constraint).toBe(constraint);
}

async function assignmentsOf(residentId: string) {
  return h.rows<{ bed_id: string; from_on: string; until_on: string | null }>(sql`
    select bed_id, from_on::text as from_on, until_on::text as until_on from bed_assignments
    where resident_id = ${residentId} order by from_on, created_at`);
}

describe('rooms and beds', () => {
  it('lets centre staff furnish their own centre and lists the beds with totals', async () => {
    const { roomId, bedIds } = await furnish(staff, fid(BTXH), 3);
    const view = await staff.capacity.beds({ facilityId: fid(BTXH) });
    const room = view.rooms.find((r) => r.id === roomId);
    expect(room?.beds.map((b) => b.id)).toEqual(bedIds);
    expect(room?.beds.every((b) => b.status === 'available' && b.occupant === null)).toBe(true);
    expect(view.totals.beds).toBeGreaterThanOrEqual(3);
  });

  it('refuses the department (it oversees, it does not furnish) and other centres', async () => {
    await expectTRPCError(
      planner.capacity.createRoom({ facilityId: fid(BTXH), name: 'X', floorAreaM2: 20 }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      manager.capacity.createRoom({ facilityId: fid(HUONGDUONG), name: 'X', floorAreaM2: 20 }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    await expectTRPCError(manager.capacity.beds({ facilityId: fid(HUONGDUONG) }), 'FORBIDDEN', 'FORBIDDEN');
    const { bedIds } = await furnish(operator, fid(HUONGDUONG), 1);
    await expectTRPCError(
      manager.capacity.updateBed({ id: bedOf(bedIds, 0), version: 1, status: 'out_of_service' }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
  });

  it('refuses a duplicate room name, a duplicate bed code and a room without area', async () => {
    await manager.capacity.createRoom({ facilityId: fid(BTXH), name: 'Phòng trùng', floorAreaM2: 20 });
    await expectTRPCError(
      manager.capacity.createRoom({ facilityId: fid(BTXH), name: 'Phòng trùng', floorAreaM2: 20 }),
      'CONFLICT',
      'ROOM_NAME_TAKEN',
    );
    const { roomId } = await furnish(manager, fid(BTXH), 1);
    await expectTRPCError(
      manager.capacity.createBeds({ roomId, codes: [`R${roomSeq}-G1`] }),
      'CONFLICT',
      'BED_CODE_TAKEN',
    );
    await expectTRPCError(
      manager.capacity.createRoom({ facilityId: fid(BTXH), name: 'Phòng 0', floorAreaM2: 0 }),
      'BAD_REQUEST',
    );
  });

  it('keeps a room with beds, and audits every change', async () => {
    const { roomId } = await furnish(manager, fid(BTXH), 1);
    await expectTRPCError(
      manager.capacity.deleteRoom({ id: roomId }),
      'PRECONDITION_FAILED',
      'ROOM_HAS_BEDS',
    );
    const audit = await h.rows<{ action: string }>(
      sql`select action from audit_log where entity_id = ${roomId} order by at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['room.create']);
  });

  it('refuses a stale bed edit', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 1);
    await manager.capacity.updateBed({ id: bedOf(bedIds, 0), version: 1, code: `X${roomSeq}` });
    await expectTRPCError(
      manager.capacity.updateBed({ id: bedOf(bedIds, 0), version: 1, code: `Y${roomSeq}` }),
      'CONFLICT',
      'STALE_VERSION',
    );
  });
});

describe('placement', () => {
  it('admits straight into a bed and shows the occupant', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 1);
    const created = await manager.residents.create({
      resident: person(),
      admission: {
        facilityId: fid(BTXH),
        admittedOn: '2025-08-01',
        decisionNumber: null,
        bedId: bedOf(bedIds, 0),
      },
    });
    expect(created.currentBed).toMatchObject({ bedId: bedOf(bedIds, 0), fromOn: '2025-08-01' });
    const view = await manager.capacity.beds({ facilityId: fid(BTXH) });
    const bed = view.rooms.flatMap((r) => r.beds).find((b) => b.id === bedOf(bedIds, 0));
    expect(bed?.occupant).toMatchObject({ residentId: created.id, fromOn: '2025-08-01' });
  });

  it('refuses a taken bed, and the refused admission leaves no resident behind', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 1);
    await admit(manager, fid(BTXH), {}, {}).then((r) =>
      manager.capacity.assignBed({ residentId: r.id, bedId: bedOf(bedIds, 0), fromOn: '2025-08-01' }),
    );
    const second = person();
    await expectTRPCError(
      manager.residents.create({
        resident: second,
        admission: {
          facilityId: fid(BTXH),
          admittedOn: '2025-08-10',
          decisionNumber: null,
          bedId: bedOf(bedIds, 0),
        },
      }),
      'CONFLICT',
      'BED_TAKEN',
    );
    const left = await h.rows(sql`select id from residents where full_name = ${second.fullName}`);
    expect(left).toEqual([]);
  });

  it('refuses a bed of another centre, out of service, or held for an offer', async () => {
    const other = await furnish(operator, fid(HUONGDUONG), 1);
    const own = await furnish(manager, fid(BTXH), 2);
    const admission = (bedId: string) => ({
      resident: person(),
      admission: { facilityId: fid(BTXH), admittedOn: '2025-08-01', decisionNumber: null, bedId },
    });
    await expectTRPCError(
      manager.residents.create(admission(bedOf(other.bedIds, 0))),
      'PRECONDITION_FAILED',
      'BED_NOT_IN_FACILITY',
    );
    await manager.capacity.updateBed({ id: bedOf(own.bedIds, 0), version: 1, status: 'out_of_service' });
    await expectTRPCError(
      manager.residents.create(admission(bedOf(own.bedIds, 0))),
      'PRECONDITION_FAILED',
      'BED_OUT_OF_SERVICE',
    );
    await manager.capacity.updateBed({ id: bedOf(own.bedIds, 1), version: 1, status: 'reserved' });
    await expectTRPCError(
      manager.residents.create(admission(bedOf(own.bedIds, 1))),
      'CONFLICT',
      'BED_RESERVED',
    );
  });

  it('will not take an occupied bed out of service', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 1);
    const r = await admit(manager, fid(BTXH));
    await manager.capacity.assignBed({ residentId: r.id, bedId: bedOf(bedIds, 0), fromOn: '2025-08-01' });
    await expectTRPCError(
      manager.capacity.updateBed({ id: bedOf(bedIds, 0), version: 1, status: 'out_of_service' }),
      'PRECONDITION_FAILED',
      'BED_OCCUPIED',
    );
  });

  it('gives one person one bed at a time', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 2);
    const r = await admit(manager, fid(BTXH));
    await manager.capacity.assignBed({ residentId: r.id, bedId: bedOf(bedIds, 0), fromOn: '2025-08-01' });
    await expectTRPCError(
      manager.capacity.assignBed({ residentId: r.id, bedId: bedOf(bedIds, 1), fromOn: '2025-08-02' }),
      'CONFLICT',
      'ALREADY_IN_BED',
    );
  });

  it('refuses a bed date before the admission', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 1);
    const r = await admit(manager, fid(BTXH), {}, { admittedOn: '2025-08-01' });
    await expectTRPCError(
      manager.capacity.assignBed({ residentId: r.id, bedId: bedOf(bedIds, 0), fromOn: '2025-07-01' }),
      'PRECONDITION_FAILED',
      'ASSIGNMENT_OUTSIDE_STAY',
    );
  });
});

describe('moves', () => {
  it('moves a resident in one action: the old bed ends the day the new one starts', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 2);
    const r = await admit(manager, fid(BTXH));
    await manager.capacity.assignBed({ residentId: r.id, bedId: bedOf(bedIds, 0), fromOn: '2025-08-01' });
    await manager.capacity.moveBed({ residentId: r.id, toBedId: bedOf(bedIds, 1), movedOn: '2025-08-20' });
    expect(await assignmentsOf(r.id)).toEqual([
      { bed_id: bedOf(bedIds, 0), from_on: '2025-08-01', until_on: '2025-08-20' },
      { bed_id: bedOf(bedIds, 1), from_on: '2025-08-20', until_on: null },
    ]);
    const audit = await h.rows<{ action: string }>(
      sql`select action from audit_log where entity_id = ${r.id} and action like 'bed.%' order by at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['bed.assign', 'bed.move']);
  });

  it('leaves everything as it was when the new bed is taken', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 2);
    const [a, b] = await Promise.all([admit(manager, fid(BTXH)), admit(manager, fid(BTXH))]);
    if (!a || !b) throw new Error('admission failed');
    await manager.capacity.assignBed({ residentId: a.id, bedId: bedOf(bedIds, 0), fromOn: '2025-08-01' });
    await manager.capacity.assignBed({ residentId: b.id, bedId: bedOf(bedIds, 1), fromOn: '2025-08-01' });
    await expectTRPCError(
      manager.capacity.moveBed({ residentId: a.id, toBedId: bedOf(bedIds, 1), movedOn: '2025-08-20' }),
      'CONFLICT',
      'BED_TAKEN',
    );
    expect(await assignmentsOf(a.id)).toEqual([
      { bed_id: bedOf(bedIds, 0), from_on: '2025-08-01', until_on: null },
    ]);
  });

  it('treats a same-day move as a correction, and a release frees the bed', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 2);
    const r = await admit(manager, fid(BTXH));
    await manager.capacity.assignBed({ residentId: r.id, bedId: bedOf(bedIds, 0), fromOn: '2025-08-01' });
    await manager.capacity.moveBed({ residentId: r.id, toBedId: bedOf(bedIds, 1), movedOn: '2025-08-01' });
    expect(await assignmentsOf(r.id)).toEqual([
      { bed_id: bedOf(bedIds, 1), from_on: '2025-08-01', until_on: null },
    ]);
    await manager.capacity.releaseBed({ residentId: r.id, releasedOn: '2025-08-15' });
    await expectTRPCError(
      manager.capacity.releaseBed({ residentId: r.id, releasedOn: '2025-08-16' }),
      'PRECONDITION_FAILED',
      'NO_CURRENT_BED',
    );
    const view = await manager.capacity.beds({ facilityId: fid(BTXH) });
    expect(view.unplaced.map((u) => u.residentId)).toContain(r.id);
  });

  it('frees the bed when the stay closes, whichever way it closes', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 1);
    const target = await furnish(operator, fid(HUONGDUONG), 1);
    const r = await admit(manager, fid(BTXH));
    await manager.capacity.assignBed({ residentId: r.id, bedId: bedOf(bedIds, 0), fromOn: '2025-08-01' });
    await manager.residents.transfer({
      residentId: r.id,
      toFacilityId: fid(HUONGDUONG),
      transferredOn: '2025-08-10',
      bedId: bedOf(target.bedIds, 0),
    });
    expect(await assignmentsOf(r.id)).toEqual([
      { bed_id: bedOf(bedIds, 0), from_on: '2025-08-01', until_on: '2025-08-10' },
      { bed_id: bedOf(target.bedIds, 0), from_on: '2025-08-10', until_on: null },
    ]);
    await operator.residents.discharge({
      residentId: r.id,
      dischargedOn: '2025-08-25',
      reason: 'returned_to_family',
    });
    expect((await assignmentsOf(r.id)).at(-1)).toMatchObject({ until_on: '2025-08-25' });
  });
});

describe('the database on its own', () => {
  it('refuses two people in one bed, or one person in two beds, for overlapping periods', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 2);
    const [a, b] = [await admit(manager, fid(BTXH)), await admit(manager, fid(BTXH))];
    const stayOf = async (residentId: string) =>
      (await h.rows<{ id: string }>(sql`select id from stays where resident_id = ${residentId}`))[0]?.id;
    const insert = async (bed: number, residentId: string, from: string, until: string | null) =>
      h.db.execute(sql`insert into bed_assignments (bed_id, facility_id, resident_id, stay_id, from_on, until_on)
        values (${bedOf(bedIds, bed)}, ${fid(BTXH)}, ${residentId}, ${await stayOf(residentId)}, ${from}, ${until})`);
    await insert(0, a.id, '2025-08-01', '2025-08-15');
    await expectConstraint(insert(0, b.id, '2025-08-14', '2025-08-20'), 'bed_assignments_bed_no_overlap');
    await insert(0, b.id, '2025-08-15', null);
    await expectConstraint(
      insert(1, a.id, '2025-08-10', '2025-08-12'),
      'bed_assignments_resident_no_overlap',
    );
    await expectConstraint(insert(1, b.id, '2025-08-16', null), 'bed_assignments_one_current_per_resident');
  });

  it('refuses a bed period outside the stay, or in another facility than the stay', async () => {
    const { bedIds } = await furnish(manager, fid(BTXH), 1);
    const other = await furnish(operator, fid(HUONGDUONG), 1);
    const r = await admit(manager, fid(BTXH), {}, { admittedOn: '2025-08-01' });
    const [stay] = await h.rows<{ id: string }>(sql`select id from stays where resident_id = ${r.id}`);
    await expectConstraint(
      h.db.execute(sql`insert into bed_assignments (bed_id, facility_id, resident_id, stay_id, from_on)
        values (${bedOf(bedIds, 0)}, ${fid(BTXH)}, ${r.id}, ${stay?.id}, '2025-07-01')`),
      'bed_assignments_within_stay',
    );
    await expectConstraint(
      h.db.execute(sql`insert into bed_assignments (bed_id, facility_id, resident_id, stay_id, from_on)
        values (${bedOf(other.bedIds, 0)}, ${fid(HUONGDUONG)}, ${r.id}, ${stay?.id}, '2025-08-01')`),
      'bed_assignments_stay_in_facility_fk',
    );
  });
});

describe('occupancy figures', () => {
  it('reads today’s beds and the monthly history from the periods, and follows new writes', async () => {
    const created = await admin.facilities.create(newFacility('OCC-1', { licensedCapacity: 4 }));
    const { bedIds } = await furnish(admin, created.id, 3);
    await admin.residents.create({
      resident: person(),
      admission: {
        facilityId: created.id,
        admittedOn: '2025-07-01',
        decisionNumber: null,
        bedId: bedOf(bedIds, 0),
      },
    });
    const b = await admin.residents.create({
      resident: person(),
      admission: {
        facilityId: created.id,
        admittedOn: '2025-07-16',
        decisionNumber: null,
        bedId: bedOf(bedIds, 1),
      },
    });
    await admin.residents.discharge({
      residentId: b.id,
      dischargedOn: '2025-08-01',
      reason: 'returned_to_family',
    });

    const dashboard = await planner.capacity.dashboard({ facilityId: created.id });
    expect(dashboard.totals).toEqual({
      facilities: 1,
      licensedCapacity: 4,
      beds: 3,
      operationalBeds: 3,
      occupied: 1,
      vacancies: 2,
      occupancyRate: 1 / 3,
    });
    const history = await planner.capacity.occupancyHistory({ facilityId: created.id, months: 3 });
    expect(history.months.map((m) => [m.month, m.averageOccupied, m.occupiedAtEnd])).toEqual([
      ['2025-07', 47 / 31, 2],
      ['2025-08', 1, 1],
      ['2025-09', 1, 1],
    ]);
    expect(history.months[0]?.rate).toBeCloseTo(47 / 31 / 3);
    const past = await planner.capacity.occupancyHistory({
      facilityId: created.id,
      months: 2,
      toMonth: '2025-07',
    });
    expect(past.months.map((m) => [m.month, m.averageOccupied])).toEqual([
      ['2025-06', 0],
      ['2025-07', 47 / 31],
    ]);
    const future = await planner.capacity.occupancyHistory({
      facilityId: created.id,
      months: 1,
      toMonth: '2030-01',
    });
    expect(future.months.map((m) => m.month)).toEqual(['2025-09']);

    await admin.residents.create({
      resident: person(),
      admission: {
        facilityId: created.id,
        admittedOn: '2025-09-01',
        decisionNumber: null,
        bedId: bedOf(bedIds, 2),
      },
    });
    const after = await planner.capacity.dashboard({ facilityId: created.id });
    expect(after.totals.occupied).toBe(2);
    const later = await planner.capacity.occupancyHistory({ facilityId: created.id, months: 3 });
    expect(later.months.at(-1)?.occupiedAtEnd).toBe(2);
  });

  it('shows a centre its own figures only', async () => {
    const own = await manager.capacity.dashboard({});
    expect(own.byFacility.map((f) => f.facilityId)).toEqual([fid(BTXH)]);
    await expectTRPCError(
      manager.capacity.dashboard({ facilityId: fid(HUONGDUONG) }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    const province = await planner.capacity.dashboard({});
    expect(province.byFacility.length).toBeGreaterThan(1);
    expect(province.totals.beds).toBe(province.byFacility.reduce((n, f) => n + f.beds, 0));
  });

  it('exports each dashboard table', async () => {
    const file = await planner.capacity.dashboardExport({ table: 'byType' });
    expect(file.filename).toMatch(/\.xlsx$/);
    expect(file.base64.length).toBeGreaterThan(100);
  });
});
