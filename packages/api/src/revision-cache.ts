import type { Queryable } from '@ansinh/db/client';
import { dataRevisions } from '@ansinh/db/schema/revisions';
import { eq } from 'drizzle-orm';

/** Per database handle (tests use several) and revision counter, the last results by key. */
const caches = new WeakMap<object, Map<string, Map<string, { revision: number; value: unknown }>>>();

/**
 * `load()`, reused while nothing it reads has changed. Database triggers bump the named counter in
 * `data_revisions` on every write to the tables the result is computed from, so one cheap read tells
 * whether a kept result is still exact; each API replica keeps its own. The revision is read before
 * loading: a write landing in between only makes the entry look older than it is, and the next call
 * reloads it. Nothing is kept for a counter that does not exist.
 */
export async function cachedByRevision<T>(
  db: Queryable,
  revisionName: string,
  key: string,
  keep: number,
  load: () => Promise<T>,
): Promise<T> {
  const [row] = await db
    .select({ value: dataRevisions.value })
    .from(dataRevisions)
    .where(eq(dataRevisions.name, revisionName));
  // Without its counter (a migration not applied yet) nothing can tell a kept result is stale.
  if (!row) return load();
  const revision = row.value;
  const byName = caches.get(db) ?? new Map<string, Map<string, { revision: number; value: unknown }>>();
  caches.set(db, byName);
  const kept = byName.get(revisionName) ?? new Map<string, { revision: number; value: unknown }>();
  byName.set(revisionName, kept);
  const hit = kept.get(key);
  if (hit && hit.revision === revision) return hit.value as T;
  const value = await load();
  kept.delete(key);
  kept.set(key, { revision, value });
  if (kept.size > keep) kept.delete(kept.keys().next().value as string);
  return value;
}
