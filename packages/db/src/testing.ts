import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Database } from './client.ts';

export interface TestDatabase extends Database {
  /** Closes the connection and drops the throw-away database. */
  destroy(): Promise<void>;
}

/**
 * A freshly migrated database for one test file: in-memory PGlite by default, or a brand-new database
 * on the PostgreSQL server named by TEST_DATABASE_URL, so suites never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await createDb({ url: undefined, dataDir: 'memory://' });
    await database.migrate();
    return { ...database, destroy: () => database.close() };
  }

  const name = `ansinh_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await createDb({ url: url.toString(), poolMax: 5 });
  await database.migrate();
  return {
    ...database,
    async destroy() {
      await database.close();
      await withAdminClient(serverUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
