import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database, type Db } from '../src/client.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

const journal = JSON.parse(
  readFileSync(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: unknown[] };

async function countOf(db: Db, table: 'provinces' | 'communes' | 'drizzle.__drizzle_migrations') {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`);
  return result.rows[0]?.n;
}

/** A brand-new, empty database on the PostgreSQL server under test; dropped by the returned function. */
async function createEmptyPostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ansinh_test_migrate_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

// One migrated database for the whole file; the two tests that need an empty one make their own.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe('migrations', () => {
  it('reports ready once every committed migration is applied', async () => {
    expect(await database.isReady()).toBe(true);
    expect(await countOf(database.db, 'drizzle.__drizzle_migrations')).toBe(journal.entries.length);
  });

  it('is idempotent: a second migrate() changes nothing', async () => {
    const before = {
      migrations: await countOf(database.db, 'drizzle.__drizzle_migrations'),
      provinces: await countOf(database.db, 'provinces'),
      communes: await countOf(database.db, 'communes'),
    };
    await database.migrate();
    expect({
      migrations: await countOf(database.db, 'drizzle.__drizzle_migrations'),
      provinces: await countOf(database.db, 'provinces'),
      communes: await countOf(database.db, 'communes'),
    }).toEqual(before);
    expect(await database.isReady()).toBe(true);
  });

  it('installs search_fold(), which drops Vietnamese diacritics and case', async () => {
    const result = await database.db.execute<{ folded: string }>(
      sql`select search_fold('Trung tâm Bảo trợ xã hội Đồng Hỷ') as folded`,
    );
    expect(result.rows[0]?.folded).toBe('trung tam bao tro xa hoi dong hy');
  });
});

describe('reference data: the 2025 administrative map', () => {
  it('has exactly 34 provinces and 3,321 communes', async () => {
    expect(await countOf(database.db, 'provinces')).toBe(34);
    expect(await countOf(database.db, 'communes')).toBe(3321);
  });

  it('has Thái Nguyên (19) with its 92 communes', async () => {
    const province = await database.db.execute<{ name: string; kind: string }>(
      sql`select name, kind from provinces where code = '19'`,
    );
    expect(province.rows).toEqual([{ name: 'Tỉnh Thái Nguyên', kind: 'tinh' }]);
    const communes = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from communes where province_code = '19'`,
    );
    expect(communes.rows[0]?.n).toBe(92);
  });

  it('uses only valid kinds: 6 centrally-run cities and 28 provinces; wards, communes and special zones', async () => {
    const provinceKinds = await database.db.execute<{ kind: string; n: number }>(
      sql`select kind, count(*)::int as n from provinces group by kind order by kind`,
    );
    expect(provinceKinds.rows).toEqual([
      { kind: 'thanh_pho', n: 6 },
      { kind: 'tinh', n: 28 },
    ]);
    const communeKinds = await database.db.execute<{ kind: string; n: number }>(
      sql`select kind, count(*)::int as n from communes group by kind order by kind`,
    );
    expect(communeKinds.rows).toEqual([
      { kind: 'dac_khu', n: 13 },
      { kind: 'phuong', n: 687 },
      { kind: 'xa', n: 2621 },
    ]);
  });

  it('has no province without communes and only well-formed codes', async () => {
    const empty = await database.db.execute<{ code: string }>(
      sql`select p.code from provinces p where not exists (select 1 from communes c where c.province_code = p.code)`,
    );
    expect(empty.rows).toEqual([]);
    const malformed = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from communes where code !~ '^[0-9]{5}$'`,
    );
    expect(malformed.rows[0]?.n).toBe(0);
  });

  it('stores names in NFC, so searches and comparisons see one spelling', async () => {
    const result = await database.db.execute<{ n: number }>(
      sql`select (select count(*) from provinces where name is not nfc normalized)
               + (select count(*) from communes where name is not nfc normalized) as n`,
    );
    expect(Number(result.rows[0]?.n)).toBe(0);
  });
});

describe('an empty database', () => {
  it('is not ready before migrate() and ready after', async () => {
    let database: Database;
    let drop = async () => {};
    if (serverUrl) {
      const created = await createEmptyPostgresDatabase(serverUrl);
      drop = created.drop;
      database = await createDb({ url: created.url, poolMax: 2 });
    } else {
      database = await createDb({ url: undefined, dataDir: 'memory://' });
    }
    try {
      expect(await database.isReady()).toBe(false);
      await database.migrate();
      expect(await database.isReady()).toBe(true);
    } finally {
      await database.close();
      await drop();
    }
  });
});

// Concurrency needs two connections to one database. An in-memory PGlite database belongs to a single
// handle, so there is nothing to race there: this only runs against a real server (TEST_DATABASE_URL).
describe.skipIf(!serverUrl)('concurrent migrate() on PostgreSQL', () => {
  it('lets two replicas migrate the same fresh database at once; the advisory lock serialises them', async () => {
    const created = await createEmptyPostgresDatabase(serverUrl as string);
    const first = await createDb({ url: created.url, poolMax: 3 });
    const second = await createDb({ url: created.url, poolMax: 3 });
    try {
      const results = await Promise.allSettled([first.migrate(), second.migrate()]);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
        'fulfilled',
        'fulfilled',
      ]);
      expect(await first.isReady()).toBe(true);
      expect(await second.isReady()).toBe(true);
      expect(await countOf(first.db, 'drizzle.__drizzle_migrations')).toBe(journal.entries.length);
      expect(await countOf(first.db, 'provinces')).toBe(34);
      expect(await countOf(first.db, 'communes')).toBe(3321);
    } finally {
      await first.close();
      await second.close();
      await created.drop();
    }
  });
});

/** Exit code of a migrate() run in a child process, or 'timeout' when it did not finish in time. */
function migrateInChildProcess(url: string, poolMax: number, timeoutMs: number): Promise<number | 'timeout'> {
  const script = fileURLToPath(new URL('./fixtures/migrate-with-pool.ts', import.meta.url));
  // `node --import tsx` rather than the tsx CLI, so the kill reaches the process that holds the pool.
  const child = spawn(process.execPath, ['--import', 'tsx', script, url, String(poolMax)], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    stdio: 'ignore',
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('timeout');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
}

// DATABASE_POOL_MAX is a documented setting (infra/.env.example, DEPLOY.md); a small replica may set it to 1.
// Runs in a child process because a stuck migration holds a pool client that could not be closed here.
// Only meaningful on a real server: PGlite has no pool (TEST_DATABASE_URL unset => skipped).
describe.skipIf(!serverUrl)('migrate() with a one-connection pool on PostgreSQL', () => {
  it('finishes instead of waiting forever for a second connection', async () => {
    const created = await createEmptyPostgresDatabase(serverUrl as string);
    try {
      expect(await migrateInChildProcess(created.url, 1, 10_000)).toBe(0);
    } finally {
      await created.drop();
    }
  }, 20_000);
});

describe('a lost connection', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    // Only a real server can cut a connection; PGlite runs in this process.
    'does not end the process: the pool reports it and serves the next query on a new connection',
    async () => {
      const database = await createTestDatabase();
      try {
        await database.db.execute(sql`select 1`);
        const [me] = (await database.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows;
        const admin = await createTestDatabase();
        try {
          await admin.db.execute(sql`select pg_terminate_backend(${me?.pid ?? 0})`);
        } finally {
          await admin.destroy();
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        const again = await database.db.execute<{ ok: number }>(sql`select 1 as ok`);
        expect(again.rows[0]?.ok).toBe(1);
      } finally {
        await database.destroy();
      }
    },
  );
});
