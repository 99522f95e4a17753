import type { Db } from '@ansinh/db/client';
import { auditLog } from '@ansinh/db/schema/audit';
import { users } from '@ansinh/db/schema/users';
import type { AuditEntry } from '@ansinh/schemas/audit';
import { and, count, desc, eq } from 'drizzle-orm';

export async function listAudit(
  db: Db,
  input: {
    entityType?: string | undefined;
    entityId?: string | undefined;
    actorId?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: AuditEntry[]; total: number }> {
  const where = and(
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
  );
  const [items, [totalRow]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorUsername: users.username,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        requestId: auditLog.requestId,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: totalRow?.n ?? 0 };
}
