import { loginAttempts, users } from '@ansinh/db/schema/users';
import { DomainError } from '@ansinh/domain/errors';
import { and, count, eq, gt, max } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import type { Context, SessionUser } from '../context.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, loadSessionUser, revokeSession } from './session.ts';

/** Verifying against a throw-away hash when the username is unknown keeps response times alike. */
let decoyHash: Promise<string> | undefined;

export async function login(ctx: Context, username: string, password: string): Promise<SessionUser> {
  await assertNotRateLimited(ctx, username);

  const [user] = await ctx.db
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.username, username));
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);

  await ctx.db
    .insert(loginAttempts)
    .values({ username, ip: ctx.meta.ip, succeeded: valid && !!user?.isActive, at: ctx.config.now() });
  if (!user || !valid || !user.isActive) throw new DomainError('INVALID_CREDENTIALS');

  return ctx.db.transaction(async (tx) => {
    const session = await createSession(tx, user.id, ctx.meta, ctx.config);
    await recordAudit(tx, ctx.meta, {
      actorId: user.id,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
    });
    const sessionUser = await loadSessionUser(tx, user.id);
    if (!sessionUser) throw new DomainError('USER_NOT_FOUND');
    ctx.cookie.set(session.token, session.expiresAt);
    return sessionUser;
  });
}

export async function logout(ctx: Context): Promise<void> {
  if (ctx.sessionToken) {
    const token = ctx.sessionToken;
    await ctx.db.transaction(async (tx) => {
      await revokeSession(tx, token);
      await recordAudit(tx, ctx.meta, {
        actorId: ctx.user?.id ?? null,
        action: 'auth.logout',
        entityType: 'user',
        entityId: ctx.user?.id ?? null,
      });
    });
  }
  ctx.cookie.clear();
}

/**
 * Failed attempts are counted per username (since its last success, so a good login clears the slate)
 * and per IP (to slow down spraying many usernames from one place), within a sliding window.
 */
async function assertNotRateLimited(ctx: Context, username: string): Promise<void> {
  const { windowMinutes, perUsername, perIp } = ctx.config.loginLimits;
  const since = new Date(ctx.config.now().getTime() - windowMinutes * 60_000);
  const [lastSuccess] = await ctx.db
    .select({ at: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.succeeded, true),
        gt(loginAttempts.at, since),
      ),
    );
  const userSince = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;

  const failuresSince = async (
    column: typeof loginAttempts.username | typeof loginAttempts.ip,
    value: string,
    from: Date,
  ) => {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, from)));
    return row?.n ?? 0;
  };

  if (
    (await failuresSince(loginAttempts.username, username, userSince)) >= perUsername ||
    (await failuresSince(loginAttempts.ip, ctx.meta.ip, since)) >= perIp
  ) {
    throw new DomainError('LOGIN_RATE_LIMITED', { minutes: windowMinutes });
  }
}
