import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '@ansinh/db/client';
import { operatorFacilities, sessions, users } from '@ansinh/db/schema/users';
import { isCentreRole, type Role, seesWholeProvince } from '@ansinh/domain/roles';
import { eq } from 'drizzle-orm';
import type { ApiConfig } from '../config.ts';
import type { RequestMeta, SessionUser } from '../context.ts';

/** Writing last_seen_at on every request would turn each read into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Queryable,
  userId: string,
  meta: RequestMeta,
  config: ApiConfig,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = config.now();
  const expiresAt = new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/**
 * The user behind a session cookie, or null when the session is unknown, idle too long, past its
 * absolute lifetime, or its user was deactivated. Dead sessions are deleted on sight.
 */
export async function resolveSession(
  db: Queryable,
  token: string,
  config: ApiConfig,
): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: sessions.userId,
      isActive: users.isActive,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;

  const now = config.now().getTime();
  const idleLimit = row.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  if (!row.isActive || now >= row.expiresAt.getTime() || now >= idleLimit) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return loadSessionUser(db, row.userId);
}

export async function loadSessionUser(db: Queryable, userId: string): Promise<SessionUser | null> {
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      facilityId: users.facilityId,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const facilityIds = await facilityIdsOf(db, user.id, user.role, user.facilityId);
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    facilityIds,
    scope: seesWholeProvince(user.role) ? { kind: 'province' } : { kind: 'facilities', facilityIds },
  };
}

async function facilityIdsOf(
  db: Queryable,
  userId: string,
  role: Role,
  facilityId: string | null,
): Promise<string[]> {
  if (isCentreRole(role)) return facilityId ? [facilityId] : [];
  if (role !== 'operator') return [];
  const rows = await db
    .select({ facilityId: operatorFacilities.facilityId })
    .from(operatorFacilities)
    .where(eq(operatorFacilities.userId, userId));
  return rows.map((r) => r.facilityId);
}

export async function revokeSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function revokeUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
