import { auditLog } from '@ansinh/db/schema/audit';
import { sessions } from '@ansinh/db/schema/users';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/session.ts';
import {
  DEMO_PASSWORD,
  domainParamsOf,
  expectTRPCError,
  HOUR,
  MINUTE,
  type TestSession,
  useApiHarness,
} from './harness.ts';

const h = useApiHarness();

const SECOND = 1_000;

async function sessionRows(token: string) {
  return h.db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)));
}

/** Creates an extra planner account through the admin API so tests can change it freely. */
async function createPlanner(username: string, password = 'a long enough password'): Promise<string> {
  const admin = await h.callerFor('admin');
  const user = await admin.users.create({
    username,
    fullName: `Tài khoản ${username}`,
    password,
    role: 'planner',
    facilityIds: [],
  });
  return user.id;
}

describe('auth.login', () => {
  it('sets the session cookie (expiry = now + absolute lifetime) and returns the user without scope', async () => {
    const { caller, cookie } = h.publicSession();
    const now = h.clock.now();
    const result = await caller.auth.login({ username: 'planner', password: DEMO_PASSWORD });

    expect(result).toEqual({
      id: await h.userId('planner'),
      username: 'planner',
      fullName: 'Nguyễn Thị Hoa',
      role: 'planner',
      facilityIds: [],
    });
    expect(result).not.toHaveProperty('scope');
    expect(cookie.calls).toHaveLength(1);
    const [call] = cookie.calls;
    if (call?.kind !== 'set') throw new Error('expected a cookie set');
    expect(call.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(call.expiresAt.getTime()).toBe(now.getTime() + h.config.sessionAbsoluteHours * HOUR);

    const [row] = await sessionRows(call.token);
    expect(row?.expiresAt.getTime()).toBe(call.expiresAt.getTime());
    expect(row?.ip).toBe('203.0.113.7');
    expect((await h.resolve(call.token))?.username).toBe('planner');
  });

  it('returns the facility of a centre account', async () => {
    const { caller } = h.publicSession();
    const result = await caller.auth.login({ username: 'staff', password: DEMO_PASSWORD });
    expect(result).toMatchObject({ role: 'facility_staff', facilityIds: [await h.facilityId('TN-BTXH')] });
  });

  it.each([
    ['a wrong password', 'planner', 'not the password'],
    ['an unknown username', 'nobody-here', DEMO_PASSWORD],
  ])('refuses %s with INVALID_CREDENTIALS and sets no cookie', async (_case, username, password) => {
    const { caller, cookie } = h.publicSession({ ip: '198.51.100.1' });
    await expectTRPCError(caller.auth.login({ username, password }), 'UNAUTHORIZED', 'INVALID_CREDENTIALS');
    expect(cookie.calls).toEqual([]);
  });

  it('refuses a deactivated user even with the right password', async () => {
    const id = await createPlanner('auth-deactivated', 'correct horse battery');
    await h.login('auth-deactivated', 'correct horse battery');
    const admin = await h.callerFor('admin');
    await admin.users.deactivate({ id, version: 1 });

    const { caller, cookie } = h.publicSession();
    await expectTRPCError(
      caller.auth.login({ username: 'auth-deactivated', password: 'correct horse battery' }),
      'UNAUTHORIZED',
      'INVALID_CREDENTIALS',
    );
    expect(cookie.calls).toEqual([]);
  });

  it.each(['PLANNER', ' Planner '])('treats the username %j case-insensitively', async (username) => {
    const { caller } = h.publicSession();
    const result = await caller.auth.login({ username, password: DEMO_PASSWORD });
    expect(result.username).toBe('planner');
  });

  it('writes an auth.login audit row with actor, request id and ip', async () => {
    const { caller, ctx } = h.publicSession({ ip: '192.0.2.44' });
    const user = await caller.auth.login({ username: 'manager', password: DEMO_PASSWORD });
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.requestId, ctx.meta.requestId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'auth.login',
      actorId: user.id,
      entityType: 'user',
      entityId: user.id,
      ip: '192.0.2.44',
    });
  });

  it('writes no audit row for a failed login', async () => {
    const { caller, ctx } = h.publicSession({ ip: '198.51.100.2' });
    await expectTRPCError(
      caller.auth.login({ username: 'manager', password: 'wrong password' }),
      'UNAUTHORIZED',
    );
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.requestId, ctx.meta.requestId));
    expect(rows).toEqual([]);
  });
});

describe('auth.logout and auth.me', () => {
  let manager: TestSession;
  beforeAll(async () => {
    manager = await h.sessionFor('manager');
  });

  it('me returns the signed-in user without scope', async () => {
    const me = await manager.caller.auth.me();
    expect(me).toEqual({
      id: await h.userId('manager'),
      username: 'manager',
      fullName: 'Trần Văn Minh',
      role: 'facility_manager',
      facilityIds: [await h.facilityId('TN-BTXH')],
    });
    expect(me).not.toHaveProperty('scope');
  });

  it('me returns null when signed out', async () => {
    expect(await h.publicSession().caller.auth.me()).toBeNull();
  });

  it('logout deletes the session, clears the cookie and writes auth.logout', async () => {
    const token = manager.token;
    if (!token) throw new Error('no token');
    expect(await sessionRows(token)).toHaveLength(1);

    expect(await manager.caller.auth.logout()).toEqual({ ok: true });

    expect(manager.cookie.calls).toEqual([{ kind: 'clear' }]);
    expect(await sessionRows(token)).toEqual([]);
    expect(await h.resolve(token)).toBeNull();
    const rows = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.requestId, manager.ctx.meta.requestId), eq(auditLog.action, 'auth.logout')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: manager.user?.id,
      entityType: 'user',
      entityId: manager.user?.id,
    });
  });

  it('logout while signed out only clears the cookie', async () => {
    const { caller, cookie, ctx } = h.publicSession();
    expect(await caller.auth.logout()).toEqual({ ok: true });
    expect(cookie.calls).toEqual([{ kind: 'clear' }]);
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.requestId, ctx.meta.requestId));
    expect(rows).toEqual([]);
  });

  it('logout leaves the user’s other sessions alive', async () => {
    const first = await h.sessionFor('staff');
    const second = await h.login('staff');
    await first.caller.auth.logout();
    expect((await h.resolve(second))?.username).toBe('staff');
  });
});

describe('session expiry', () => {
  it('ends a session idle for sessionIdleMinutes and deletes its row; activity keeps it alive', async () => {
    const token = await h.login('staff');
    const idle = h.config.sessionIdleMinutes * MINUTE;

    h.clock.advance(idle - MINUTE);
    expect(await h.resolve(token)).not.toBeNull();
    // Still alive because the previous request touched it, although the login is now older than the limit.
    h.clock.advance(idle - MINUTE);
    expect(await h.resolve(token)).not.toBeNull();

    h.clock.advance(idle);
    expect(await h.resolve(token)).toBeNull();
    expect(await sessionRows(token)).toEqual([]);
  });

  it('ends a session at its absolute lifetime even when it is used all the time', async () => {
    const token = await h.login('staff');
    const absolute = h.config.sessionAbsoluteHours * HOUR;
    const step = 50 * MINUTE;
    let elapsed = 0;
    while (elapsed + step < absolute) {
      h.clock.advance(step);
      elapsed += step;
      expect(await h.resolve(token), `at ${elapsed / MINUTE} min`).not.toBeNull();
    }
    h.clock.advance(absolute - elapsed);
    expect(await h.resolve(token)).toBeNull();
    expect(await sessionRows(token)).toEqual([]);
  });
});

describe('login rate limiting', () => {
  // Each test starts after the previous test's attempts have left the window.
  beforeEach(() => {
    h.clock.advance(h.config.loginLimits.windowMinutes * MINUTE + MINUTE);
  });

  async function failLogin(username: string, ip: string) {
    h.clock.advance(SECOND);
    await expectTRPCError(
      h.publicSession({ ip }).caller.auth.login({ username, password: 'definitely wrong' }),
      'UNAUTHORIZED',
      'INVALID_CREDENTIALS',
    );
  }

  it('blocks a username after 5 failures, even with the right password and from another IP, for 15 minutes', async () => {
    expect(h.config.loginLimits.perUsername).toBe(5);
    // Case variants are the same account.
    for (const username of ['operator', 'OPERATOR', 'Operator', 'operator', 'operator']) {
      await failLogin(username, '198.51.100.10');
    }

    h.clock.advance(SECOND);
    for (const ip of ['198.51.100.10', '198.51.100.11']) {
      const { caller, cookie } = h.publicSession({ ip });
      const error = await expectTRPCError(
        caller.auth.login({ username: 'operator', password: DEMO_PASSWORD }),
        'TOO_MANY_REQUESTS',
        'LOGIN_RATE_LIMITED',
      );
      expect(domainParamsOf(error)).toEqual({ minutes: 15 });
      expect(cookie.calls).toEqual([]);
    }

    h.clock.advance(16 * MINUTE);
    const { caller } = h.publicSession({ ip: '198.51.100.10' });
    expect((await caller.auth.login({ username: 'operator', password: DEMO_PASSWORD })).username).toBe(
      'operator',
    );
  });

  it('allows a login after 4 failures (the limit is reached at the 5th)', async () => {
    for (let i = 0; i < 4; i += 1) await failLogin('manager', '198.51.100.12');
    h.clock.advance(SECOND);
    const { caller } = h.publicSession({ ip: '198.51.100.12' });
    expect((await caller.auth.login({ username: 'manager', password: DEMO_PASSWORD })).username).toBe(
      'manager',
    );
  });

  it('a successful login resets the username counter', async () => {
    for (let i = 0; i < 4; i += 1) await failLogin('planner', '198.51.100.13');
    h.clock.advance(SECOND);
    await h.publicSession({ ip: '198.51.100.13' }).caller.auth.login({
      username: 'planner',
      password: DEMO_PASSWORD,
    });

    // Five fresh failures are allowed again; the sixth attempt is refused.
    for (let i = 0; i < 5; i += 1) await failLogin('planner', '198.51.100.13');
    h.clock.advance(SECOND);
    await expectTRPCError(
      h.publicSession({ ip: '198.51.100.13' }).caller.auth.login({
        username: 'planner',
        password: DEMO_PASSWORD,
      }),
      'TOO_MANY_REQUESTS',
      'LOGIN_RATE_LIMITED',
    );
  });

  it('blocks an IP after 30 failures across usernames, but not other IPs', async () => {
    expect(h.config.loginLimits.perIp).toBe(30);
    const ip = '198.51.100.20';
    for (let i = 0; i < 29; i += 1) await failLogin(`ghost-${i}`, ip);
    // 29 failures: still allowed (and a success does not clear the IP counter).
    await h.publicSession({ ip }).caller.auth.login({ username: 'admin', password: DEMO_PASSWORD });
    await failLogin('ghost-29', ip);

    h.clock.advance(SECOND);
    const error = await expectTRPCError(
      h.publicSession({ ip }).caller.auth.login({ username: 'admin', password: DEMO_PASSWORD }),
      'TOO_MANY_REQUESTS',
      'LOGIN_RATE_LIMITED',
    );
    expect(domainParamsOf(error)).toEqual({ minutes: 15 });

    const elsewhere = h.publicSession({ ip: '198.51.100.21' });
    expect((await elsewhere.caller.auth.login({ username: 'admin', password: DEMO_PASSWORD })).username).toBe(
      'admin',
    );
  });
});
