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

/**
 * Field-level changes between two audit snapshots, for history screens: every field whose value
 * differs, except bookkeeping ones. A missing field and NULL are the same "no value", so a creation
 * lists only the fields it actually filled.
 */
export function fieldChanges(
  before: unknown,
  after: unknown,
  ignore: ReadonlySet<string>,
): { field: string; before: unknown; after: unknown }[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter(
      (field) => !ignore.has(field) && JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null),
    )
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}
