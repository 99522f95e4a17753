/**
 * Stays: admission, transfer (one stay closes and the next opens on the same day, atomically),
 * discharge with every reason, re-admission, and the 3-month limit of emergency (k2) stays.
 * The last describe block moves the harness clock; it stays last in the file.
 */
import { dischargeReasons } from '@ansinh/schemas/resident';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, expectTRPCError, useApiHarness } from './harness.ts';
import {
  admit,
  BTXH,
  facilityIds,
  HUONGDUONG,
  moveClockTo,
  openStaysOf,
  TAMTHAN,
  TREEM,
  todayOf,
} from './residents-fixtures.ts';

const h = useApiHarness();

let admin: Caller;
let manager: Caller;
let ids: Record<string, string>;

beforeAll(async () => {
  admin = await h.callerFor('admin');
  manager = await h.callerFor('manager');
  ids = await facilityIds(h);
});

const fid = (code: string) => ids[code] as string;

describe('admission', () => {
  it('opens a stay with the date, decision number and facility', async () => {
    const created = await admit(
      manager,
      fid(BTXH),
      {},
      { admittedOn: '2025-08-05', decisionNumber: '105/QĐ-TTBTXH' },
    );
    expect(created.stays).toHaveLength(1);
    expect(created.currentStay).toMatchObject({
      facilityId: fid(BTXH),
      facilityName: 'Trung tâm Bảo trợ và Công tác xã hội tỉnh Thái Nguyên',
      admittedOn: '2025-08-05',
      admissionDecisionNumber: '105/QĐ-TTBTXH',
      dischargedOn: null,
      dischargeReason: null,
    });
    const rows = await h.rows(
      sql`select facility_id, admitted_on::text as admitted_on, admission_decision_number, discharged_on
          from stays where resident_id = ${created.id}`,
    );
    expect(rows).toEqual([
      {
        facility_id: fid(BTXH),
        admitted_on: '2025-08-05',
        admission_decision_number: '105/QĐ-TTBTXH',
        discharged_on: null,
      },
    ]);
  });

  it('refuses an admission into a facility that does not exist', async () => {
    await expectTRPCError(
      admit(admin, '00000000-0000-4000-8000-000000000001'),
      'NOT_FOUND',
      'FACILITY_NOT_FOUND',
    );
  });
});

describe('transfer', () => {
  it('closes the old stay as transferred and opens the next on the same day', async () => {
    const created = await admit(manager, fid(BTXH), {}, { admittedOn: '2025-06-01' });
    const moved = await manager.residents.transfer({
      residentId: created.id,
      toFacilityId: fid(TREEM),
      transferredOn: '2025-08-12',
      decisionNumber: '88/QĐ-SYT',
    });
    // The sending centre keeps only its own part of the story: where the person went is not its to see.
    expect(moved.stays.map((s) => [s.facilityId, s.admittedOn, s.dischargedOn, s.dischargeReason])).toEqual([
      [fid(BTXH), '2025-06-01', '2025-08-12', 'transferred'],
    ]);
    expect(moved.currentStay).toBeNull();
    const whole = await admin.residents.byId({ id: created.id });
    expect(whole.stays.map((s) => [s.facilityId, s.admittedOn, s.dischargedOn, s.dischargeReason])).toEqual([
      [fid(BTXH), '2025-06-01', '2025-08-12', 'transferred'],
      [fid(TREEM), '2025-08-12', null, null],
    ]);
    expect(whole.currentStay).toMatchObject({ facilityId: fid(TREEM), admissionDecisionNumber: '88/QĐ-SYT' });
    expect(await openStaysOf(h, created.id)).toHaveLength(1);
  });

  it('lists stays in the order they happened when transfers fall on the admission day', async () => {
    const created = await admit(admin, fid(BTXH), {}, { admittedOn: '2025-08-20' });
    await admin.residents.transfer({
      residentId: created.id,
      toFacilityId: fid(TREEM),
      transferredOn: '2025-08-20',
    });
    const moved = await admin.residents.transfer({
      residentId: created.id,
      toFacilityId: fid(TAMTHAN),
      transferredOn: '2025-08-20',
    });
    expect(moved.currentStay?.facilityId).toBe(fid(TAMTHAN));
    // The open stay is the latest one: it must come last, after the two closed the same day.
    expect(moved.stays.map((s) => [s.facilityId, s.dischargeReason])).toEqual([
      [fid(BTXH), 'transferred'],
      [fid(TREEM), 'transferred'],
      [fid(TAMTHAN), null],
    ]);
    const list = await admin.residents.list({ facilityId: fid(TAMTHAN), pageSize: 100 });
    expect(list.items.map((i) => i.id)).toContain(created.id);
  });

  it('refuses a transfer dated before the admission', async () => {
    const created = await admit(manager, fid(BTXH), {}, { admittedOn: '2025-08-01' });
    await expectTRPCError(
      manager.residents.transfer({
        residentId: created.id,
        toFacilityId: fid(TREEM),
        transferredOn: '2025-07-31',
      }),
      'PRECONDITION_FAILED',
      'DATE_BEFORE_ADMISSION',
    );
  });

  it('refuses a transfer into the facility the person is already in, changing nothing', async () => {
    const created = await admit(manager, fid(BTXH));
    await expectTRPCError(
      manager.residents.transfer({
        residentId: created.id,
        toFacilityId: fid(BTXH),
        transferredOn: '2025-08-10',
      }),
      'CONFLICT',
      'ALREADY_IN_CARE',
    );
    const after = await manager.residents.byId({ id: created.id });
    expect(after.stays).toEqual(created.stays);
  });

  it('refuses to transfer someone who is not in care', async () => {
    const created = await admit(manager, fid(BTXH));
    await manager.residents.discharge({
      residentId: created.id,
      dischargedOn: '2025-08-10',
      reason: 'other',
    });
    await expectTRPCError(
      manager.residents.transfer({
        residentId: created.id,
        toFacilityId: fid(TREEM),
        transferredOn: '2025-08-11',
      }),
      'PRECONDITION_FAILED',
      'NOT_IN_CARE',
    );
  });

  it('answers RESIDENT_NOT_FOUND for an unknown person', async () => {
    await expectTRPCError(
      admin.residents.transfer({
        residentId: '00000000-0000-4000-8000-000000000002',
        toFacilityId: fid(TREEM),
        transferredOn: '2025-08-11',
      }),
      'NOT_FOUND',
      'RESIDENT_NOT_FOUND',
    );
  });
});

describe('discharge', () => {
  const reasons = dischargeReasons.filter((r) => r !== 'transferred');

  it('knows the seven discharge reasons of Art. 30(2) and "other"', () => {
    expect([...reasons].sort()).toEqual(
      [
        'adopted',
        'aged_out',
        'contract_ended',
        'deceased',
        'lost_contact',
        'other',
        'returned_to_family',
      ].sort(),
    );
  });

  it.each(reasons)('discharges with reason %s', async (reason) => {
    const created = await admit(manager, fid(BTXH), {}, { admittedOn: '2025-07-01' });
    const out = await manager.residents.discharge({
      residentId: created.id,
      dischargedOn: '2025-08-15',
      reason,
      note: `Lý do: ${reason}`,
    });
    expect(out.currentStay).toBeNull();
    expect(out.stays).toEqual([
      expect.objectContaining({
        dischargedOn: '2025-08-15',
        dischargeReason: reason,
        dischargeNote: `Lý do: ${reason}`,
      }),
    ]);
    expect(await openStaysOf(h, created.id)).toEqual([]);
    const discharged = await manager.residents.list({ careStatus: 'discharged', pageSize: 100 });
    expect(discharged.items.find((i) => i.id === created.id)?.dischargedOn).toBe('2025-08-15');
  });

  it('does not accept "transferred" as a discharge reason', async () => {
    const created = await admit(manager, fid(BTXH));
    await expectTRPCError(
      manager.residents.discharge({
        residentId: created.id,
        dischargedOn: '2025-08-15',
        reason: 'transferred' as never,
      }),
      'BAD_REQUEST',
    );
  });

  it('refuses a discharge dated before the admission, and allows one on the admission day', async () => {
    const created = await admit(manager, fid(BTXH), {}, { admittedOn: '2025-08-01' });
    const error = await expectTRPCError(
      manager.residents.discharge({ residentId: created.id, dischargedOn: '2025-07-31', reason: 'other' }),
      'PRECONDITION_FAILED',
      'DATE_BEFORE_ADMISSION',
    );
    expect(error.cause).toMatchObject({ params: { admittedOn: '2025-08-01' } });
    const out = await manager.residents.discharge({
      residentId: created.id,
      dischargedOn: '2025-08-01',
      reason: 'returned_to_family',
    });
    expect(out.currentStay).toBeNull();
  });

  it('refuses to discharge someone who is not in care', async () => {
    const created = await admit(manager, fid(BTXH));
    await manager.residents.discharge({
      residentId: created.id,
      dischargedOn: '2025-08-10',
      reason: 'adopted',
    });
    await expectTRPCError(
      manager.residents.discharge({ residentId: created.id, dischargedOn: '2025-08-11', reason: 'adopted' }),
      'PRECONDITION_FAILED',
      'NOT_IN_CARE',
    );
  });
});

describe('re-admission', () => {
  it('re-admits a discharged person into a new stay of the same record', async () => {
    const created = await admit(manager, fid(BTXH), {}, { admittedOn: '2025-03-01' });
    await manager.residents.discharge({
      residentId: created.id,
      dischargedOn: '2025-05-01',
      reason: 'returned_to_family',
    });
    const back = await admin.residents.readmit({
      residentId: created.id,
      facilityId: fid(HUONGDUONG),
      admittedOn: '2025-08-01',
      decisionNumber: '9/QĐ',
    });
    expect(back.id).toBe(created.id);
    expect(back.stays.map((s) => [s.facilityId, s.admittedOn, s.dischargedOn])).toEqual([
      [fid(BTXH), '2025-03-01', '2025-05-01'],
      [fid(HUONGDUONG), '2025-08-01', null],
    ]);
    expect(back.currentStay?.admissionDecisionNumber).toBe('9/QĐ');
    const count = await h.rows(sql`select id from residents where id = ${created.id}`);
    expect(count).toHaveLength(1);
  });

  it('re-admits on the day of the discharge (stays are half-open periods)', async () => {
    const created = await admit(manager, fid(BTXH), {}, { admittedOn: '2025-03-01' });
    await manager.residents.discharge({
      residentId: created.id,
      dischargedOn: '2025-05-01',
      reason: 'other',
    });
    const back = await manager.residents.readmit({
      residentId: created.id,
      facilityId: fid(BTXH),
      admittedOn: '2025-05-01',
    });
    expect(back.currentStay?.admittedOn).toBe('2025-05-01');
  });

  it('refuses a re-admission while the person is in care', async () => {
    const created = await admit(manager, fid(BTXH));
    await expectTRPCError(
      admin.residents.readmit({ residentId: created.id, facilityId: fid(TREEM), admittedOn: '2025-08-20' }),
      'CONFLICT',
      'ALREADY_IN_CARE',
    );
    expect(await openStaysOf(h, created.id)).toHaveLength(1);
  });

  it('refuses a re-admission dated inside an earlier stay (STAY_OVERLAP from the database)', async () => {
    const created = await admit(manager, fid(BTXH), {}, { admittedOn: '2025-03-01' });
    await manager.residents.discharge({
      residentId: created.id,
      dischargedOn: '2025-05-01',
      reason: 'other',
    });
    await expectTRPCError(
      manager.residents.readmit({ residentId: created.id, facilityId: fid(BTXH), admittedOn: '2025-04-01' }),
      'CONFLICT',
      'STAY_OVERLAP',
    );
    expect(await openStaysOf(h, created.id)).toEqual([]);
  });
});

// Keep last: moves the harness clock forward for the rest of the file.
describe('emergency (k2) stays past 3 months', () => {
  it('flags a k2 stay once it passes 3 months, on byId and in the list', async () => {
    expect(todayOf(h)).toBe('2025-09-01');
    const k2 = await admit(
      manager,
      fid(BTXH),
      { group: 'k2_emergency', birthDate: '1990-04-04' },
      {
        admittedOn: '2025-06-02',
      },
    );
    const k2Recent = await admit(
      manager,
      fid(BTXH),
      { group: 'k2_emergency', birthDate: '1991-04-04' },
      {
        admittedOn: '2025-08-15',
      },
    );
    const k1 = await admit(
      manager,
      fid(BTXH),
      { group: 'k1_elderly', birthDate: '1940-01-01' },
      {
        admittedOn: '2025-01-02',
      },
    );
    const flags = async () => {
      const list = await manager.residents.list({ pageSize: 100 });
      const inList = (id: string) => list.items.find((i) => i.id === id)?.emergencyOverdue;
      const detail = async (id: string) => (await manager.residents.byId({ id })).emergencyOverdue;
      return {
        k2: [await detail(k2.id), inList(k2.id)],
        k2Recent: [await detail(k2Recent.id), inList(k2Recent.id)],
        k1: [await detail(k1.id), inList(k1.id)],
      };
    };

    // 2025-09-01: the last day of the 3 months from 2025-06-02.
    expect(await flags()).toEqual({ k2: [false, false], k2Recent: [false, false], k1: [false, false] });

    moveClockTo(h, '2025-09-02');
    expect(await flags()).toEqual({ k2: [true, true], k2Recent: [false, false], k1: [false, false] });

    moveClockTo(h, '2025-11-15');
    expect(await flags()).toEqual({ k2: [true, true], k2Recent: [true, true], k1: [false, false] });
  });

  it('an extension decision covering today lifts the flag; a discharged k2 person is not flagged', async () => {
    const today = todayOf(h);
    const k2 = await admit(
      manager,
      fid(BTXH),
      { group: 'k2_emergency', birthDate: '1985-01-01' },
      {
        admittedOn: '2025-06-01',
      },
    );
    expect(k2.emergencyOverdue).toBe(true);
    const extended = await manager.residents.update({
      id: k2.id,
      version: k2.version,
      emergencyExtendedUntil: '2025-12-31',
    });
    expect(extended.emergencyOverdue).toBe(false);
    const listed = await manager.residents.list({ group: 'k2_emergency', pageSize: 100 });
    expect(listed.items.find((i) => i.id === k2.id)?.emergencyOverdue).toBe(false);

    const gone = await admit(
      manager,
      fid(BTXH),
      { group: 'k2_emergency', birthDate: '1986-01-01' },
      {
        admittedOn: '2025-06-01',
      },
    );
    const out = await manager.residents.discharge({
      residentId: gone.id,
      dischargedOn: today,
      reason: 'other',
    });
    expect(out.emergencyOverdue).toBe(false);
  });
});
