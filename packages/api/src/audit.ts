import type { Queryable } from '@ansinh/db/client';
import { auditLog } from '@ansinh/db/schema/audit';
import type { RequestMeta } from './context.ts';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Call inside the transaction that makes the change, so the change and its record commit together. */
export async function recordAudit(tx: Queryable, meta: RequestMeta, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: toJson(event.before),
    after: toJson(event.after),
    requestId: meta.requestId,
    ip: meta.ip,
  });
}

/** Dates become ISO strings and undefined disappears, exactly as they would in the JSON column. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
