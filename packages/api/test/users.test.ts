import type { Role } from '@ansinh/domain/roles';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  DEMO_PASSWORD,
  domainErrorOf,
  domainParamsOf,
  expectTRPCError,
  fieldErrorsOf,
  type TestSession,
  useApiHarness,
} from './harness.ts';

const h = useApiHarness();

const PASSWORD = 'a long enough password';
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000abcd';

let admin: TestSession;
let facility: Record<'btxh' | 'treem' | 'hoasen' | 'anbinh' | 'huongduong', string>;

beforeAll(async () => {
  admin = await h.sessionFor('admin');
  facility = {
    btxh: await h.facilityId('TN-BTXH'),
    treem: await h.facilityId('TN-TREEM'),
    hoasen: await h.facilityId('NCL-HOASEN'),
    anbinh: await h.facilityId('NCL-ANBINH'),
    huongduong: await h.facilityId('NCL-HUONGDUONG'),
  };
});

function createUser(username: string, role: Role, facilityIds: string[] = [], password = PASSWORD) {
  return admin.caller.users.create({
    username,
    fullName: `Người dùng ${username}`,
    password,
    role,
    facilityIds,
  });
}

async function sessionCount(userId: string): Promise<number> {
  const [row] = await h.rows<{ n: number }>(
    sql`select count(*)::int as n from sessions where user_id = ${userId}`,
  );
  return row?.n ?? 0;
}

describe('admin only', () => {
  const procedures: [string, (c: Caller, targetId: string) => Promise<unknown>][] = [
    ['list', (c) => c.users.list({})],
    [
      'create',
      (c) => c.users.create({ username: 'intruder', fullName: 'Kẻ Lạ', password: PASSWORD, role: 'admin' }),
    ],
    ['assign', (c, id) => c.users.assign({ id, version: 1, role: 'admin' })],
    ['resetPassword', (c, id) => c.users.resetPassword({ id, password: 'taken over password' })],
    ['deactivate', (c, id) => c.users.deactivate({ id, version: 1 })],
  ];
  const roles = ['planner', 'manager', 'staff', 'operator'] as const;

  it.each(roles.flatMap((role) => procedures.map(([name, call]) => [role, name, call] as const)))(
    '%s × users.%s → FORBIDDEN',
    async (role, _name, call) => {
      const caller = await h.callerFor(role);
      const targetId = await h.userId('staff');
      await expectTRPCError(call(caller, targetId), 'FORBIDDEN', 'FORBIDDEN');
    },
  );

  it('nothing was changed by the refused calls', async () => {
    const [staff] = await h.rows<{ version: number; is_active: boolean; role: string }>(
      sql`select version, is_active, role from users where username = 'staff'`,
    );
    expect(staff).toEqual({ version: 1, is_active: true, role: 'facility_staff' });
    expect(await h.rows(sql`select 1 from users where username = 'intruder'`)).toEqual([]);
    await h.login('staff');
  });

  it.each(procedures)('signed out × users.%s → UNAUTHORIZED', async (_name, call) => {
    await expectTRPCError(call(h.publicSession().caller, UNKNOWN_ID), 'UNAUTHORIZED', 'NOT_SIGNED_IN');
  });

  it('admin may list users, with their facilities', async () => {
    const page = await admin.caller.users.list({ pageSize: 100 });
    expect(page.items.find((u) => u.username === 'operator')?.facilityIds).toEqual([facility.huongduong]);
    expect(page.items.find((u) => u.username === 'staff')?.facilityIds).toEqual([facility.btxh]);
    expect(page.items.find((u) => u.username === 'planner')?.facilityIds).toEqual([]);
  });
});

describe('users.create', () => {
  type Key = keyof typeof facility;
  it.each<[Role, Key[], 'ok' | 'facilityIds']>([
    ['admin', [], 'ok'],
    ['admin', ['btxh'], 'facilityIds'],
    ['planner', [], 'ok'],
    ['planner', ['btxh'], 'facilityIds'],
    ['facility_manager', ['treem'], 'ok'],
    ['facility_manager', [], 'facilityIds'],
    ['facility_manager', ['btxh', 'treem'], 'facilityIds'],
    ['facility_staff', ['treem'], 'ok'],
    ['facility_staff', [], 'facilityIds'],
    ['facility_staff', ['btxh', 'treem'], 'facilityIds'],
    ['operator', [], 'ok'],
    ['operator', ['hoasen', 'anbinh'], 'ok'],
  ])('%s with facilities %j → %s', async (role, keys, outcome) => {
    const username = `new-${role.replace('_', '')}-${keys.length}`;
    const ids = keys.map((k) => facility[k]);
    if (outcome === 'ok') {
      const user = await createUser(username, role, ids);
      expect(user).toMatchObject({ username, role, isActive: true, version: 1 });
      expect([...user.facilityIds].sort()).toEqual([...ids].sort());

      // The new account signs in and gets the matching scope.
      const session = await h.sessionFor(username, { password: PASSWORD });
      expect(session.user?.role).toBe(role);
      expect([...(session.user?.facilityIds ?? [])].sort()).toEqual([...ids].sort());
    } else {
      const error = await expectTRPCError(createUser(username, role, ids), 'BAD_REQUEST');
      expect(Object.keys(fieldErrorsOf(error))).toEqual(['facilityIds']);
      expect(await h.rows(sql`select 1 from users where username = ${username}`)).toEqual([]);
    }
  });

  it('a new staff member sees only their facility', async () => {
    await createUser('new-staff-treem', 'facility_staff', [facility.treem]);
    const staff = await h.callerFor('new-staff-treem', { password: PASSWORD });
    const page = await staff.facilities.list({ pageSize: 100 });
    expect(page.items.map((f) => f.code)).toEqual(['TN-TREEM']);
  });

  it.each(['planner', 'PLANNER', ' Planner '])(
    'refuses the taken username %j → CONFLICT USERNAME_TAKEN',
    async (username) => {
      const error = await expectTRPCError(createUser(username, 'planner'), 'CONFLICT', 'USERNAME_TAKEN');
      expect(domainParamsOf(error)).toEqual({ field: 'username' });
    },
  );

  it.each([
    ['a 9-character password', { password: '123456789' }, 'password'],
    ['a username with a space', { username: 'two words' }, 'username'],
    ['a 2-character username', { username: 'ab' }, 'username'],
    ['a one-letter full name', { fullName: 'A' }, 'fullName'],
  ])('refuses %s → BAD_REQUEST fieldErrors.%s', async (_case, override, field) => {
    const input = {
      username: 'valid-name',
      fullName: 'Tên Hợp Lệ',
      password: PASSWORD,
      role: 'planner',
      ...override,
    } as const;
    const error = await expectTRPCError(admin.caller.users.create(input), 'BAD_REQUEST');
    expect(Object.keys(fieldErrorsOf(error))).toEqual([field]);
  });

  it('accepts a 10-character password', async () => {
    await createUser('ten-chars', 'planner', [], '1234567890');
    await h.login('ten-chars', '1234567890');
  });

  // Caught by the foreign keys users.facility_id and operator_facilities.facility_id respectively.
  it.each(['facility_staff', 'operator'] as const)(
    'refuses an unknown facility for %s → NOT_FOUND FACILITY_NOT_FOUND',
    async (role) => {
      const username = `ghost-facility-${role.length}`;
      await expectTRPCError(createUser(username, role, [UNKNOWN_ID]), 'NOT_FOUND', 'FACILITY_NOT_FOUND');
      expect(await h.rows(sql`select 1 from users where username = ${username}`)).toEqual([]);
    },
  );

  it('an operator given the same facility twice is not an internal error', async () => {
    const outcome = await createUser('op-twice', 'operator', [facility.hoasen, facility.hoasen]).then(
      (user) => user.facilityIds,
      (error: unknown) => (domainErrorOf(error)?.code ?? (error as { code?: string }).code) || String(error),
    );
    expect([[facility.hoasen], 'BAD_REQUEST']).toContainEqual(outcome);
  });
});

describe('users.assign', () => {
  it('changes role and facility, bumps the version and ends the user’s sessions', async () => {
    const user = await createUser('to-assign', 'facility_staff', [facility.btxh]);
    const token = await h.login('to-assign', PASSWORD);
    expect(await sessionCount(user.id)).toBe(1);

    const after = await admin.caller.users.assign({
      id: user.id,
      version: 1,
      role: 'facility_manager',
      facilityIds: [facility.treem],
    });
    expect(after).toMatchObject({ role: 'facility_manager', facilityIds: [facility.treem], version: 2 });
    expect(await sessionCount(user.id)).toBe(0);
    expect(await h.resolve(token)).toBeNull();

    const again = await h.sessionFor('to-assign', { password: PASSWORD });
    expect(again.user).toMatchObject({ role: 'facility_manager', facilityIds: [facility.treem] });
    expect((await again.caller.facilities.list({})).items.map((f) => f.code)).toEqual(['TN-TREEM']);
  });

  it('moving an operator to a centre role drops the operator links', async () => {
    const user = await createUser('op-to-staff', 'operator', [facility.hoasen, facility.anbinh]);
    const after = await admin.caller.users.assign({
      id: user.id,
      version: 1,
      role: 'facility_staff',
      facilityIds: [facility.btxh],
    });
    expect(after.facilityIds).toEqual([facility.btxh]);
    expect(await h.rows(sql`select 1 from operator_facilities where user_id = ${user.id}`)).toEqual([]);
  });

  it('refuses a stale version → CONFLICT STALE_VERSION and changes nothing', async () => {
    const user = await createUser('assign-stale', 'planner');
    await admin.caller.users.assign({ id: user.id, version: 1, role: 'admin' });
    const error = await expectTRPCError(
      admin.caller.users.assign({ id: user.id, version: 1, role: 'operator' }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect(domainParamsOf(error)).toEqual({ currentVersion: 2 });
    const [row] = await h.rows(sql`select role, version from users where id = ${user.id}`);
    expect(row).toEqual({ role: 'admin', version: 2 });
  });

  it('is all-or-nothing: an unknown facility leaves role, links, version and audit untouched', async () => {
    const user = await createUser('op-atomic', 'operator', [facility.hoasen]);
    const auditBefore = await h.rows(sql`select id from audit_log where entity_id = ${user.id}`);
    await expectTRPCError(
      admin.caller.users.assign({
        id: user.id,
        version: 1,
        role: 'facility_staff',
        facilityIds: [UNKNOWN_ID],
      }),
      'NOT_FOUND',
      'FACILITY_NOT_FOUND',
    );
    const [row] = await h.rows(sql`select role, version, facility_id from users where id = ${user.id}`);
    expect(row).toEqual({ role: 'operator', version: 1, facility_id: null });
    const links = await h.rows<{ facility_id: string }>(
      sql`select facility_id from operator_facilities where user_id = ${user.id}`,
    );
    expect(links.map((l) => l.facility_id)).toEqual([facility.hoasen]);
    expect(await h.rows(sql`select id from audit_log where entity_id = ${user.id}`)).toEqual(auditBefore);
  });

  it('refuses an assignment breaking the facility rule → BAD_REQUEST fieldErrors.facilityIds', async () => {
    const id = await h.userId('staff');
    const error = await expectTRPCError(
      admin.caller.users.assign({ id, version: 1, role: 'facility_staff', facilityIds: [] }),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldErrorsOf(error))).toEqual(['facilityIds']);
  });

  it('refuses an unknown user → NOT_FOUND USER_NOT_FOUND', async () => {
    await expectTRPCError(
      admin.caller.users.assign({ id: UNKNOWN_ID, version: 1, role: 'planner' }),
      'NOT_FOUND',
      'USER_NOT_FOUND',
    );
  });
});

describe('users.resetPassword', () => {
  it('the new password works, the old fails, sessions end, and no hash reaches the audit log', async () => {
    const user = await createUser('to-reset', 'planner', [], 'the old password');
    const token = await h.login('to-reset', 'the old password');

    expect(await admin.caller.users.resetPassword({ id: user.id, password: 'the new password' })).toEqual({
      ok: true,
    });

    expect(await sessionCount(user.id)).toBe(0);
    expect(await h.resolve(token)).toBeNull();
    await expectTRPCError(
      h.publicSession().caller.auth.login({ username: 'to-reset', password: 'the old password' }),
      'UNAUTHORIZED',
      'INVALID_CREDENTIALS',
    );
    await h.login('to-reset', 'the new password');

    const [{ password_hash: hash } = { password_hash: '' }] = await h.rows<{ password_hash: string }>(
      sql`select password_hash from users where id = ${user.id}`,
    );
    expect(hash).toMatch(/^\$argon2id\$/);
    const audit = await h.rows<{ action: string; before: unknown; after: unknown }>(
      sql`select action, before, after from audit_log where entity_id = ${user.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toContain('user.reset_password');
    const text = JSON.stringify(audit);
    expect(text).not.toContain(hash);
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain('the new password');
    expect(text).not.toContain('the old password');
    expect(text.toLowerCase()).not.toContain('passwordhash');
  });

  it('refuses a short password and an unknown user', async () => {
    const id = await h.userId('planner');
    const error = await expectTRPCError(
      admin.caller.users.resetPassword({ id, password: 'short' }),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldErrorsOf(error))).toEqual(['password']);
    await expectTRPCError(
      admin.caller.users.resetPassword({ id: UNKNOWN_ID, password: 'long enough password' }),
      'NOT_FOUND',
      'USER_NOT_FOUND',
    );
    await h.login('planner', DEMO_PASSWORD);
  });
});

describe('users.deactivate', () => {
  it('blocks login and ends the user’s sessions', async () => {
    const user = await createUser('to-deactivate', 'facility_staff', [facility.btxh]);
    const token = await h.login('to-deactivate', PASSWORD);

    const after = await admin.caller.users.deactivate({ id: user.id, version: 1 });
    expect(after).toMatchObject({ isActive: false, version: 2 });
    // The rows are gone, not merely refused on lookup.
    expect(await sessionCount(user.id)).toBe(0);
    expect(await h.resolve(token)).toBeNull();
    await expectTRPCError(
      h.publicSession().caller.auth.login({ username: 'to-deactivate', password: PASSWORD }),
      'UNAUTHORIZED',
      'INVALID_CREDENTIALS',
    );
  });

  it('refuses a stale version → CONFLICT STALE_VERSION', async () => {
    const user = await createUser('deactivate-stale', 'planner');
    await admin.caller.users.assign({ id: user.id, version: 1, role: 'admin' });
    await expectTRPCError(
      admin.caller.users.deactivate({ id: user.id, version: 1 }),
      'CONFLICT',
      'STALE_VERSION',
    );
    const [row] = await h.rows(sql`select is_active from users where id = ${user.id}`);
    expect(row).toEqual({ is_active: true });
  });

  it('an admin cannot change their own role → PRECONDITION_FAILED CANNOT_CHANGE_OWN_ROLE', async () => {
    const id = admin.user?.id;
    if (!id) throw new Error('no admin');
    await expectTRPCError(
      admin.caller.users.assign({ id, version: 1, role: 'planner', facilityIds: [] }),
      'PRECONDITION_FAILED',
      'CANNOT_CHANGE_OWN_ROLE',
    );
    const [row] = await h.rows(sql`select role from users where id = ${id}`);
    expect(row).toEqual({ role: 'admin' });
  });

  it('an admin cannot deactivate themself → PRECONDITION_FAILED CANNOT_DEACTIVATE_SELF', async () => {
    const id = admin.user?.id;
    if (!id) throw new Error('no admin');
    await expectTRPCError(
      admin.caller.users.deactivate({ id, version: 1 }),
      'PRECONDITION_FAILED',
      'CANNOT_DEACTIVATE_SELF',
    );
    const [row] = await h.rows(sql`select is_active from users where id = ${id}`);
    expect(row).toEqual({ is_active: true });
  });
});

describe('users.list', () => {
  it.each([
    ['nguyen thi hoa', ['planner']],
    ['NGUYỄN THỊ HOA', ['planner']],
    ['Nguyễn Thị Hoa'.normalize('NFD'), ['planner']],
    ['le thi lan', ['staff']],
    ['tran van', ['manager']],
    ['PHAM VAN DUC', ['operator']],
    ['%', []],
    ['_', []],
  ])('search %j finds %j', async (search, expected) => {
    const page = await admin.caller.users.list({ search, pageSize: 100 });
    expect(page.items.map((u) => u.username)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('pages in username order', async () => {
    const all = await admin.caller.users.list({ pageSize: 100 });
    const usernames = all.items.map((u) => u.username);
    expect(usernames).toEqual([...usernames].sort());
    const second = await admin.caller.users.list({ page: 2, pageSize: 3 });
    expect(second.items.map((u) => u.username)).toEqual(usernames.slice(3, 6));
    expect(second.total).toBe(all.total);
  });

  it('refuses pageSize > 100 → BAD_REQUEST', async () => {
    await expectTRPCError(admin.caller.users.list({ pageSize: 101 }), 'BAD_REQUEST');
  });
});
