import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { loadReferenceData } from './seed/reference.ts';

/**
 * One query-builder type for both engines. The PGlite and node-postgres drizzle drivers expose the same
 * builder API; only the driver-level result objects differ, and app code never touches those.
 */
export type Db = NodePgDatabase;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Applies pending migrations and loads reference data; safe to call from several replicas at once. */
  migrate(): Promise<void>;
  /**
   * True when the database answers and every migration this build ships has been applied. "At least"
   * rather than "exactly": during a rolling upgrade the old replicas stay ready on the migrated schema.
   */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL connection string; when absent an embedded PGlite database is used. */
  url?: string | undefined;
  /** Where PGlite keeps its files; `memory://` keeps nothing. */
  dataDir?: string | undefined;
  poolMax?: number | undefined;
}

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
/** Arbitrary but fixed: every replica contends for the same lock while migrating. */
const MIGRATION_LOCK_KEY = 7_245_001;

export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return createPostgres(url, options.poolMax ?? Number(process.env.DATABASE_POOL_MAX ?? 10));
  return createPglite(options.dataDir ?? process.env.DATA_DIR ?? `${repoRoot}.data`);
}

async function createPostgres(url: string, poolMax: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // An idle connection can be cut by the server (a restart, a failover, an administrator). node-postgres
  // reports that on the pool, and an unhandled 'error' event would end the whole process; the pool
  // simply opens a new connection for the next query.
  pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
  const db = drizzleNodePg(pool);
  return {
    db,
    kind: 'postgres',
    async migrate() {
      // The lock lives on a connection of its own, outside the pool, so that migrating still works when
      // the pool has a single connection; ending that connection releases the lock in every case.
      const lockClient = new pg.Client({ connectionString: url });
      await lockClient.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(db, { migrationsFolder });
        await loadReferenceData(db);
      } finally {
        await lockClient.end();
      }
    },
    isReady: () => isMigrated(db),
    close: () => pool.end(),
  };
}

async function createPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm, btree_gist } });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
      await loadReferenceData(db);
    },
    isReady: () => isMigrated(db),
    close: () => client.close(),
  };
}

let journalSize: number | undefined;

async function isMigrated(db: Db): Promise<boolean> {
  journalSize ??= (
    JSON.parse(await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] }
  ).entries.length;
  try {
    const result = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    return (result.rows[0]?.n ?? 0) >= journalSize;
  } catch {
    return false;
  }
}
