import { auditLog } from '@ansinh/db/schema/audit';
import type { Facility } from '@ansinh/schemas/facility';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  DEMO_PASSWORD,
  expectTRPCError,
  formOf,
  newFacility,
  type TestSession,
  useApiHarness,
} from './harness.ts';

const h = useApiHarness();

let admin: Caller;
let planner: TestSession;

beforeAll(async () => {
  admin = await h.callerFor('admin');
  planner = await h.sessionFor('planner', { requestId: 'req-planner-audit', ip: '192.0.2.10' });
});

/** What the JSON column holds for a value: dates as ISO strings. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

async function auditCount(): Promise<number> {
  const [row] = await h.db.select({ n: count() }).from(auditLog);
  return row?.n ?? 0;
}

describe('facility mutations are audited', () => {
  let created: Facility;

  it('create writes facility.create with actor, entity, after and request id (before is null)', async () => {
    created = await planner.caller.facilities.create(newFacility('AUD-1'));
    const page = await admin.audit.list({ entityType: 'facility', entityId: created.id });
    expect(page.total).toBe(1);
    expect(page.items[0]).toEqual({
      id: expect.any(Number),
      at: expect.any(Date),
      actorId: planner.user?.id,
      actorUsername: 'planner',
      action: 'facility.create',
      entityType: 'facility',
      entityId: created.id,
      before: null,
      after: asJson(created),
      requestId: 'req-planner-audit',
    });
    const [row] = await h.db
      .select({ ip: auditLog.ip })
      .from(auditLog)
      .where(eq(auditLog.entityId, created.id));
    expect(row?.ip).toBe('192.0.2.10');
  });

  it('update writes facility.update with before and after', async () => {
    const after = await planner.caller.facilities.update({ ...formOf(created), phone: '0208 3555 666' });
    const page = await admin.audit.list({ entityType: 'facility', entityId: created.id });
    expect(page.items.map((e) => e.action)).toEqual(['facility.update', 'facility.create']);
    expect(page.items[0]).toMatchObject({
      actorId: planner.user?.id,
      entityId: created.id,
      before: asJson(created),
      after: asJson(after),
      requestId: 'req-planner-audit',
    });
  });

  it('a stale update changes nothing and writes no audit row', async () => {
    const current = await planner.caller.facilities.byId({ id: created.id });
    const rowsBefore = await auditCount();
    await expectTRPCError(
      planner.caller.facilities.update({
        ...formOf(current),
        version: current.version - 1,
        name: 'Tên mới hoàn toàn',
      }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect(await auditCount()).toBe(rowsBefore);
    expect(await planner.caller.facilities.byId({ id: created.id })).toEqual(current);
  });

  it('a refused update (department-only field) writes no audit row', async () => {
    const staff = await h.callerFor('staff');
    const id = await h.facilityId('TN-BTXH');
    const current = await planner.caller.facilities.byId({ id });
    const rowsBefore = await auditCount();
    await expectTRPCError(
      staff.facilities.update({ ...formOf(current), licensedCapacity: 999 }),
      'FORBIDDEN',
      'DEPARTMENT_ONLY_FIELD',
    );
    expect(await auditCount()).toBe(rowsBefore);
    expect(await planner.caller.facilities.byId({ id })).toEqual(current);
  });

  it('a failed create writes no audit row', async () => {
    const rowsBefore = await auditCount();
    await expectTRPCError(
      planner.caller.facilities.create(newFacility('AUD-1')),
      'CONFLICT',
      'FACILITY_CODE_TAKEN',
    );
    expect(await auditCount()).toBe(rowsBefore);
  });
});

describe('every mutation writes exactly one audit row in its request', () => {
  const mutations: [string, (c: Caller) => Promise<unknown>][] = [
    ['facility.create', (c) => c.facilities.create(newFacility('AUD-EVERY'))],
    [
      'facility.update',
      async (c) => {
        const f = await c.facilities.byId({ id: await h.facilityId('AUD-EVERY') });
        return c.facilities.update({ id: f.id, version: f.version, name: 'Cơ sở kiểm toán' });
      },
    ],
    [
      'user.create',
      (c) =>
        c.users.create({
          username: 'aud-every',
          fullName: 'Người Kiểm Toán',
          password: 'a long enough password',
          role: 'planner',
        }),
    ],
    [
      'user.assign',
      async (c) => c.users.assign({ id: await h.userId('aud-every'), version: 1, role: 'admin' }),
    ],
    [
      'user.reset_password',
      async (c) =>
        c.users.resetPassword({ id: await h.userId('aud-every'), password: 'another long password' }),
    ],
    ['user.deactivate', async (c) => c.users.deactivate({ id: await h.userId('aud-every'), version: 2 })],
    ['auth.logout', (c) => c.auth.logout()],
  ];

  it.each(mutations)('%s', async (action, mutate) => {
    const requestId = `req-every-${action}`;
    const session = await h.sessionFor('admin', { requestId });
    await mutate(session.caller);
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
    expect(rows.map((r) => r.action)).toEqual([action]);
    expect(rows[0]?.actorId).toBe(session.user?.id);
  });

  it('auth.login', async () => {
    const { caller, ctx } = h.publicSession({ requestId: 'req-every-login' });
    const user = await caller.auth.login({ username: 'operator', password: DEMO_PASSWORD });
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.requestId, ctx.meta.requestId));
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([['auth.login', user.id]]);
  });
});

describe('audit.list', () => {
  it.each([
    ['admin', true],
    ['planner', true],
    ['manager', false],
    ['staff', false],
    ['operator', false],
  ] as const)('%s may read the audit log: %s', async (role, allowed) => {
    const caller = await h.callerFor(role);
    if (allowed) expect((await caller.audit.list({})).total).toBeGreaterThan(0);
    else await expectTRPCError(caller.audit.list({}), 'FORBIDDEN', 'FORBIDDEN');
  });

  it('is refused when signed out', async () => {
    await expectTRPCError(h.publicSession().caller.audit.list({}), 'UNAUTHORIZED', 'NOT_SIGNED_IN');
  });

  it('filters by entityType', async () => {
    const users = await admin.audit.list({ entityType: 'user', pageSize: 100 });
    expect(users.items.length).toBeGreaterThan(0);
    expect(users.items.every((e) => e.entityType === 'user')).toBe(true);
    const facilities = await admin.audit.list({ entityType: 'facility', pageSize: 100 });
    expect(facilities.items.length).toBeGreaterThan(0);
    expect(facilities.items.every((e) => e.entityType === 'facility')).toBe(true);
    const all = await admin.audit.list({ pageSize: 100 });
    expect(users.total + facilities.total).toBe(all.total);
  });

  it('filters by entityId and actorId', async () => {
    const id = await h.facilityId('AUD-1');
    const byEntity = await admin.audit.list({ entityId: id });
    expect(byEntity.items.map((e) => e.action)).toEqual(['facility.update', 'facility.create']);
    const plannerId = planner.user?.id;
    if (!plannerId) throw new Error('no planner');
    const byActor = await admin.audit.list({ actorId: plannerId, pageSize: 100 });
    expect(byActor.total).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorId === plannerId && e.actorUsername === 'planner')).toBe(true);
    expect((await admin.audit.list({ entityType: 'facility', entityId: 'no-such-id' })).items).toEqual([]);
  });

  it('pages newest first without repeats', async () => {
    const all = await admin.audit.list({ pageSize: 100 });
    const first = await admin.audit.list({ pageSize: 4, page: 1 });
    const second = await admin.audit.list({ pageSize: 4, page: 2 });
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(
      all.items.slice(0, 8).map((e) => e.id),
    );
    const times = all.items.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
