/**
 * Who may do what with resident records (roles × operations, table-driven), and the facility scope:
 * planners read everything and write nothing; centre staff see the people whose current (latest)
 * stay is in their centre and never anyone who has not stayed there.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, type DemoUser, demoUsers, expectTRPCError, useApiHarness } from './harness.ts';
import {
  admit,
  BTXH,
  facilityIds,
  HUONGDUONG,
  importRow,
  importWorkbook,
  outcomeOf,
  PLAIN_HEADERS,
  sheetRows,
  TREEM,
  uniqueName,
} from './residents-fixtures.ts';

const h = useApiHarness();

const callers = {} as Record<DemoUser, Caller>;
let ids: Record<string, string>;

beforeAll(async () => {
  for (const user of demoUsers) callers[user] = await h.callerFor(user);
  ids = await facilityIds(h);
});

const fid = (code: string) => ids[code] as string;

/** Each user's own facility, and one outside their scope (department roles get two arbitrary ones). */
const ownCode: Record<DemoUser, string> = {
  admin: TREEM,
  planner: TREEM,
  manager: BTXH,
  staff: BTXH,
  operator: HUONGDUONG,
};
const otherCode: Record<DemoUser, string> = {
  admin: HUONGDUONG,
  planner: HUONGDUONG,
  manager: HUONGDUONG,
  staff: HUONGDUONG,
  operator: BTXH,
};

interface Case {
  user: DemoUser;
  caller: Caller;
  own: string;
  other: string;
  /** A fresh person in care, admitted by the admin, in the given facility. */
  residentIn: (facilityId: string) => Promise<string>;
}

type Operation = (c: Case) => Promise<unknown>;
type Expect = 'ok' | 'FORBIDDEN';

const writers: readonly DemoUser[] = ['admin', 'manager', 'staff', 'operator'];
const department: readonly DemoUser[] = ['admin', 'planner'];
const everyone = (): Expect => 'ok';
const canWrite = (u: DemoUser): Expect => (writers.includes(u) ? 'ok' : 'FORBIDDEN');
const canReadOther = (u: DemoUser): Expect => (department.includes(u) ? 'ok' : 'FORBIDDEN');
const adminOnly = (u: DemoUser): Expect => (u === 'admin' ? 'ok' : 'FORBIDDEN');

async function smallImport(c: Case, facilityId: string) {
  const file = await importWorkbook(PLAIN_HEADERS, [importRow()]);
  return c.caller.residentImport.upload({ facilityId, fileBase64: file });
}

/** A batch to validate or commit: the user's own when they may upload, else the admin's. */
async function batchFor(c: Case): Promise<string> {
  const uploader = canWrite(c.user) === 'ok' ? c : { ...c, caller: callers.admin };
  return (await smallImport(uploader, c.own)).batchId;
}

const operations: Record<string, { run: Operation; expect: (u: DemoUser) => Expect }> = {
  list: { run: (c) => c.caller.residents.list({}), expect: everyone },
  export: { run: (c) => c.caller.residents.export({}), expect: everyone },
  checkDuplicates: {
    run: (c) => c.caller.residents.checkDuplicates({ fullName: 'Nguyễn Văn A', birthDate: '2000-01-01' }),
    expect: everyone,
  },
  'byId own': {
    run: async (c) => c.caller.residents.byId({ id: await c.residentIn(c.own) }),
    expect: everyone,
  },
  'byId other facility': {
    run: async (c) => c.caller.residents.byId({ id: await c.residentIn(c.other) }),
    expect: canReadOther,
  },
  'timeline own': {
    run: async (c) => c.caller.residents.timeline({ id: await c.residentIn(c.own) }),
    expect: everyone,
  },
  'timeline other facility': {
    run: async (c) => c.caller.residents.timeline({ id: await c.residentIn(c.other) }),
    expect: canReadOther,
  },
  'create in own facility': { run: (c) => admit(c.caller, c.own), expect: canWrite },
  'create in another facility': { run: (c) => admit(c.caller, c.other), expect: adminOnly },
  'update own': {
    run: async (c) => {
      const id = await c.residentIn(c.own);
      return c.caller.residents.update({ id, version: 1, notes: 'Cập nhật' });
    },
    expect: canWrite,
  },
  'update other facility': {
    run: async (c) => {
      const id = await c.residentIn(c.other);
      return c.caller.residents.update({ id, version: 1, notes: 'Cập nhật' });
    },
    expect: adminOnly,
  },
  'transfer out of own facility': {
    run: async (c) =>
      c.caller.residents.transfer({
        residentId: await c.residentIn(c.own),
        toFacilityId: c.other,
        transferredOn: '2025-08-15',
      }),
    expect: canWrite,
  },
  'transfer out of another facility': {
    run: async (c) =>
      c.caller.residents.transfer({
        residentId: await c.residentIn(c.other),
        toFacilityId: c.own,
        transferredOn: '2025-08-15',
      }),
    expect: adminOnly,
  },
  'discharge own': {
    run: async (c) =>
      c.caller.residents.discharge({
        residentId: await c.residentIn(c.own),
        dischargedOn: '2025-08-15',
        reason: 'returned_to_family',
      }),
    expect: canWrite,
  },
  'discharge other facility': {
    run: async (c) =>
      c.caller.residents.discharge({
        residentId: await c.residentIn(c.other),
        dischargedOn: '2025-08-15',
        reason: 'returned_to_family',
      }),
    expect: adminOnly,
  },
  'readmit into own facility': {
    run: async (c) => {
      const id = await c.residentIn(c.own);
      await callers.admin.residents.discharge({
        residentId: id,
        dischargedOn: '2025-08-10',
        reason: 'other',
      });
      return c.caller.residents.readmit({ residentId: id, facilityId: c.own, admittedOn: '2025-08-20' });
    },
    expect: canWrite,
  },
  'readmit into another facility': {
    run: async (c) => {
      const id = await c.residentIn(c.own);
      await callers.admin.residents.discharge({
        residentId: id,
        dischargedOn: '2025-08-10',
        reason: 'other',
      });
      return c.caller.residents.readmit({ residentId: id, facilityId: c.other, admittedOn: '2025-08-20' });
    },
    expect: adminOnly,
  },
  'import template': { run: (c) => c.caller.residentImport.template(), expect: canWrite },
  'import upload own facility': { run: (c) => smallImport(c, c.own), expect: canWrite },
  'import upload another facility': { run: (c) => smallImport(c, c.other), expect: adminOnly },
  'import validate': {
    run: async (c) => c.caller.residentImport.validate({ batchId: await batchFor(c), fromRow: 0, count: 10 }),
    expect: canWrite,
  },
  'import commit': {
    run: async (c) => {
      const batchId = await batchFor(c);
      if (canWrite(c.user) === 'ok')
        await c.caller.residentImport.validate({ batchId, fromRow: 0, count: 10 });
      return c.caller.residentImport.commit({ batchId });
    },
    expect: canWrite,
  },
};

const matrix = demoUsers.flatMap((user) =>
  Object.entries(operations).map(([name, op]) => [user, name, op.expect(user)] as const),
);

describe('roles × operations', () => {
  it.each(matrix)('%s: %s → %s', async (user, name, expected) => {
    const c: Case = {
      user,
      caller: callers[user],
      own: fid(ownCode[user]),
      other: fid(otherCode[user]),
      residentIn: async (facilityId) => (await admit(callers.admin, facilityId)).id,
    };
    const run = operations[name]?.run;
    if (!run) throw new Error(name);
    const outcome = outcomeOf((await Promise.allSettled([run(c)]))[0] as PromiseSettledResult<unknown>);
    expect(outcome).toBe(expected === 'ok' ? 'ok' : 'FORBIDDEN/FORBIDDEN');
  });

  it('a refused create writes nothing', async () => {
    const name = uniqueName();
    await expectTRPCError(admit(callers.planner, fid(TREEM), { fullName: name }), 'FORBIDDEN', 'FORBIDDEN');
    await expectTRPCError(
      admit(callers.staff, fid(HUONGDUONG), { fullName: name }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    expect(await h.rows(sql`select id from residents where full_name = ${name}`)).toEqual([]);
  });

  it('planners are refused on every write, whatever the target', async () => {
    const person = await admit(callers.admin, fid(TREEM));
    const attempts = [
      callers.planner.residents.update({ id: person.id, version: person.version, notes: 'x' }),
      callers.planner.residents.transfer({
        residentId: person.id,
        toFacilityId: fid(BTXH),
        transferredOn: '2025-08-15',
      }),
      callers.planner.residents.discharge({
        residentId: person.id,
        dischargedOn: '2025-08-15',
        reason: 'other',
      }),
      callers.planner.residents.readmit({
        residentId: person.id,
        facilityId: fid(BTXH),
        admittedOn: '2025-08-15',
      }),
    ];
    for (const attempt of attempts) await expectTRPCError(attempt, 'FORBIDDEN', 'FORBIDDEN');
    const after = await callers.planner.residents.byId({ id: person.id });
    expect(after.version).toBe(person.version);
    expect(after.stays).toEqual(person.stays);
  });
});

describe('facility scope', () => {
  let inBtxh: string;
  let inHuongDuong: string;
  let inTreem: string;

  beforeAll(async () => {
    inBtxh = (await admit(callers.admin, fid(BTXH), { fullName: 'Lăng Thị Phượng' })).id;
    inHuongDuong = (await admit(callers.admin, fid(HUONGDUONG), { fullName: 'Hứa Văn Quảng' })).id;
    inTreem = (await admit(callers.admin, fid(TREEM), { fullName: 'Chu Thị Sen' })).id;
  });

  it.each([
    ['admin', [true, true, true]],
    ['planner', [true, true, true]],
    ['manager', [true, false, false]],
    ['staff', [true, false, false]],
    ['operator', [false, true, false]],
  ] as const)('%s lists and exports only their scope', async (user, [btxh, huong, treem]) => {
    const page = await callers[user].residents.list({ pageSize: 100 });
    const listed = page.items.map((i) => i.id);
    expect([listed.includes(inBtxh), listed.includes(inHuongDuong), listed.includes(inTreem)]).toEqual([
      btxh,
      huong,
      treem,
    ]);
    if (user === 'manager' || user === 'staff') {
      expect(new Set(page.items.map((i) => i.facilityId))).toEqual(new Set([fid(BTXH)]));
    }
    const names = (await sheetRows((await callers[user].residents.export({})).base64))
      .slice(1)
      .map((r) => r[0]);
    expect([
      names.includes('Lăng Thị Phượng'),
      names.includes('Hứa Văn Quảng'),
      names.includes('Chu Thị Sen'),
    ]).toEqual([btxh, huong, treem]);
  });

  it('filters and search cannot widen a centre’s scope', async () => {
    const other = await callers.staff.residents.list({ facilityId: fid(HUONGDUONG) });
    expect(other).toEqual({ items: [], total: 0 });
    expect((await callers.staff.residents.list({ search: 'Hứa Văn Quảng' })).total).toBe(0);
    expect((await callers.staff.residents.list({ search: 'Lăng Thị Phượng' })).total).toBe(1);
    const discharged = await callers.operator.residents.list({
      careStatus: 'discharged',
      facilityId: fid(BTXH),
    });
    expect(discharged.total).toBe(0);
  });

  it('byId and timeline of a person who never stayed in the centre are FORBIDDEN', async () => {
    await expectTRPCError(callers.staff.residents.byId({ id: inHuongDuong }), 'FORBIDDEN', 'FORBIDDEN');
    await expectTRPCError(callers.manager.residents.timeline({ id: inTreem }), 'FORBIDDEN', 'FORBIDDEN');
    await expectTRPCError(callers.operator.residents.byId({ id: inBtxh }), 'FORBIDDEN', 'FORBIDDEN');
    // An unknown id gives nothing away either.
    await expectTRPCError(
      callers.staff.residents.byId({ id: '00000000-0000-4000-8000-000000000003' }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
  });

  it('after a transfer away, the old centre’s list no longer shows the person; the new one’s does', async () => {
    const person = await admit(callers.staff, fid(BTXH), { fullName: uniqueName('Mông') });
    expect((await callers.staff.residents.list({ pageSize: 100 })).items.map((i) => i.id)).toContain(
      person.id,
    );
    await callers.staff.residents.transfer({
      residentId: person.id,
      toFacilityId: fid(HUONGDUONG),
      transferredOn: '2025-08-15',
    });
    for (const careStatus of ['in_care', 'discharged'] as const) {
      const page = await callers.staff.residents.list({ careStatus, pageSize: 100 });
      expect(page.items.map((i) => i.id)).not.toContain(person.id);
    }
    const exported = await sheetRows((await callers.manager.residents.export({})).base64);
    expect(exported.map((r) => r[0])).not.toContain(person.fullName);
    expect((await callers.operator.residents.list({ pageSize: 100 })).items.map((i) => i.id)).toContain(
      person.id,
    );
    // The old centre can no longer discharge or move the person.
    await expectTRPCError(
      callers.staff.residents.discharge({
        residentId: person.id,
        dischargedOn: '2025-08-20',
        reason: 'other',
      }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    await expectTRPCError(
      callers.staff.residents.transfer({
        residentId: person.id,
        toFacilityId: fid(TREEM),
        transferredOn: '2025-08-20',
      }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
  });

  it('a former centre reading the record is not told where the person is now', async () => {
    const person = await admit(callers.manager, fid(BTXH));
    await callers.manager.residents.transfer({
      residentId: person.id,
      toFacilityId: fid(HUONGDUONG),
      transferredOn: '2025-08-15',
    });
    const seen = await callers.manager.residents.byId({ id: person.id });
    // residentDetail.currentStay: "Where the person is now, as far as the viewer may see; null when
    // discharged or out of view" (packages/schemas/src/resident.ts).
    expect(seen.currentStay).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('Hướng Dương');
  });

  it('a former centre cannot edit the record of a person now cared for elsewhere', async () => {
    const person = await admit(callers.manager, fid(BTXH));
    await callers.manager.residents.transfer({
      residentId: person.id,
      toFacilityId: fid(HUONGDUONG),
      transferredOn: '2025-08-15',
    });
    await expectTRPCError(
      callers.manager.residents.update({ id: person.id, version: person.version, notes: 'Sửa từ cơ sở cũ' }),
      'FORBIDDEN',
      'FORBIDDEN',
    );
    expect((await callers.operator.residents.byId({ id: person.id })).notes).toBeNull();
  });
});
