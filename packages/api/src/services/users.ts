import type { Db, Queryable } from '@ansinh/db/client';
import { operatorFacilities, users } from '@ansinh/db/schema/users';
import { DomainError } from '@ansinh/domain/errors';
import { isCentreRole, type Role } from '@ansinh/domain/roles';
import type { User, UserCreateInput } from '@ansinh/schemas/user';
import { and, asc, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { hashPassword } from '../auth/password.ts';
import { revokeUserSessions } from '../auth/session.ts';
import type { RequestMeta, SessionUser } from '../context.ts';
import { containsFolded } from '../sql.ts';

const userColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  role: users.role,
  facilityId: users.facilityId,
  isActive: users.isActive,
  version: users.version,
  createdAt: users.createdAt,
};

type UserRow = {
  [K in keyof typeof userColumns]:
    | (typeof userColumns)[K]['_']['data']
    | (K extends 'facilityId' ? null : never);
};

async function withFacilityIds(db: Queryable, rows: UserRow[]): Promise<User[]> {
  const operatorIds = rows.filter((r) => r.role === 'operator').map((r) => r.id);
  const links = operatorIds.length
    ? await db.select().from(operatorFacilities).where(inArray(operatorFacilities.userId, operatorIds))
    : [];
  return rows.map(({ facilityId, ...r }) => ({
    ...r,
    facilityIds:
      r.role === 'operator'
        ? links.filter((l) => l.userId === r.id).map((l) => l.facilityId)
        : facilityId
          ? [facilityId]
          : [],
  }));
}

async function findUser(db: Queryable, id: string): Promise<User> {
  const rows = await db.select(userColumns).from(users).where(eq(users.id, id));
  const [user] = await withFacilityIds(db, rows);
  if (!user) throw new DomainError('USER_NOT_FOUND');
  return user;
}

export async function listUsers(
  db: Db,
  input: { search?: string | undefined; page: number; pageSize: number },
): Promise<{ items: User[]; total: number }> {
  const search = input.search?.trim();
  const where: SQL | undefined = search
    ? or(
        containsFolded(sql`search_fold(${users.username})`, search),
        containsFolded(sql`search_fold(${users.fullName})`, search),
      )
    : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .where(where)
      .orderBy(asc(users.username))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: await withFacilityIds(db, rows), total: totalRow?.n ?? 0 };
}

/** Writes where a role's facilities live: one column for centre roles, a link table for operators. */
async function assignFacilities(
  tx: Queryable,
  userId: string,
  role: Role,
  facilityIds: string[],
): Promise<void> {
  await tx.delete(operatorFacilities).where(eq(operatorFacilities.userId, userId));
  if (role === 'operator' && facilityIds.length) {
    await tx.insert(operatorFacilities).values(facilityIds.map((facilityId) => ({ userId, facilityId })));
  }
}

const centreFacility = (role: Role, facilityIds: string[]) =>
  isCentreRole(role) ? (facilityIds[0] ?? null) : null;

export async function createUser(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: UserCreateInput,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        fullName: input.fullName,
        role: input.role,
        passwordHash,
        facilityId: centreFacility(input.role, input.facilityIds),
      })
      .returning({ id: users.id });
    if (!created) throw new Error('insert returned no row');
    await assignFacilities(tx, created.id, input.role, input.facilityIds);
    const user = await findUser(tx, created.id);
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: user,
    });
    return user;
  });
}

/** Loads and locks a user for a change, refusing if someone else changed it since the editor loaded it. */
async function lockUser(tx: Queryable, id: string, version: number): Promise<User> {
  const [locked] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
  if (!locked) throw new DomainError('USER_NOT_FOUND');
  const user = await findUser(tx, id);
  if (user.version !== version) throw new DomainError('STALE_VERSION', { currentVersion: user.version });
  return user;
}

async function saveUserChange(
  tx: Queryable,
  actor: SessionUser,
  meta: RequestMeta,
  action: string,
  before: User,
  set: Partial<typeof users.$inferInsert>,
): Promise<User> {
  await tx
    .update(users)
    .set({ ...set, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(users.id, before.id), eq(users.version, before.version)));
  const after = await findUser(tx, before.id);
  await recordAudit(tx, meta, {
    actorId: actor.id,
    action,
    entityType: 'user',
    entityId: before.id,
    before,
    after,
  });
  return after;
}

export function assignRole(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: { id: string; version: number; role: Role; facilityIds: string[] },
): Promise<User> {
  // The last administrator demoting themselves would lock everyone out of user administration.
  if (input.id === actor.id) throw new DomainError('CANNOT_CHANGE_OWN_ROLE');
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, input.id, input.version);
    await assignFacilities(tx, input.id, input.role, input.facilityIds);
    const after = await saveUserChange(tx, actor, meta, 'user.assign', before, {
      role: input.role,
      facilityId: centreFacility(input.role, input.facilityIds),
    });
    // A changed role changes what the person may see: make them sign in again under the new rights.
    await revokeUserSessions(tx, input.id);
    return after;
  });
}

export async function resetPassword(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: { id: string; password: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, input.id))
      .returning({ id: users.id });
    if (!updated) throw new DomainError('USER_NOT_FOUND');
    await revokeUserSessions(tx, input.id);
    // The hash itself never enters the audit log.
    await recordAudit(tx, meta, {
      actorId: actor.id,
      action: 'user.reset_password',
      entityType: 'user',
      entityId: input.id,
    });
  });
}

export function deactivateUser(
  db: Db,
  actor: SessionUser,
  meta: RequestMeta,
  input: { id: string; version: number },
): Promise<User> {
  if (input.id === actor.id) throw new DomainError('CANNOT_DEACTIVATE_SELF');
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, input.id, input.version);
    const after = await saveUserChange(tx, actor, meta, 'user.deactivate', before, { isActive: false });
    await revokeUserSessions(tx, input.id);
    return after;
  });
}
