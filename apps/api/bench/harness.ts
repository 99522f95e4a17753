/**
 * What every API benchmark needs: a database (DATABASE_URL, or a fresh PGlite in a temporary
 * directory), callers signed in the way the HTTP host signs them in, and a timer printing p50/p95.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSession } from '@ansinh/api/auth/session';
import { defaultApiConfig } from '@ansinh/api/config';
import { createCaller } from '@ansinh/api/router';
import { createDb, type Database } from '@ansinh/db/client';
import { DEMO_PASSWORD } from '@ansinh/db/seed/demo';

export async function benchDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'ansinh-bench-'));
  const database = await createDb({ dataDir });
  await database.migrate();
  return {
    database,
    async dispose() {
      await database.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A caller for a demo account, with the context the HTTP host would build. */
export async function signedIn(database: Database, username: string) {
  const meta = {
    requestId: 'bench',
    ip: '127.0.0.1',
    ownOrigin: 'http://bench',
    origin: 'http://bench',
    referer: undefined,
    userAgent: undefined,
  };
  const cookie = {
    token: '',
    set(token: string) {
      this.token = token;
    },
    clear() {},
  };
  const context = (user: Awaited<ReturnType<typeof resolveSession>>, token: string | null) => ({
    db: database.db,
    config: defaultApiConfig,
    meta,
    user,
    sessionToken: token,
    cookie,
  });
  await createCaller(context(null, null)).auth.login({ username, password: DEMO_PASSWORD });
  return createCaller(
    context(await resolveSession(database.db, cookie.token, defaultApiConfig), cookie.token),
  );
}

/** Prints a header, then for each scenario one warm-up call and the p50/p95 of `runs` timed calls. */
export function timer(title: string, runs: number) {
  console.log(`\n${title}, ${runs} runs`);
  console.log('scenario'.padEnd(52), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
  return async function time(name: string, work: () => Promise<unknown>, options = { warm: true }) {
    if (options.warm) await work();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await work();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) =>
      (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(1);
    console.log(name.padEnd(52), at(0.5).padStart(8), at(0.95).padStart(8));
  };
}
