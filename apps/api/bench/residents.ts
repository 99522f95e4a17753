/**
 * Resident list response times on scale data (450 facilities, 50,000 residents), through the API layer.
 * Usage: npx tsx apps/api/bench/residents.ts [--runs 30]. Uses DATABASE_URL when set, else a fresh PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from '@ansinh/api/auth/password';
import { resolveSession } from '@ansinh/api/auth/session';
import { defaultApiConfig } from '@ansinh/api/config';
import { createCaller } from '@ansinh/api/router';
import { createDb } from '@ansinh/db/client';
import { DEMO_PASSWORD, seedDemo } from '@ansinh/db/seed/demo';
import { seedScale } from '@ansinh/db/seed/scale';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = Number(values.runs);
const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'ansinh-bench-'));
const database = await createDb({ dataDir });
await database.migrate();
await seedDemo(database.db, hashPassword);
const seeded = performance.now();
await seedScale(database.db, { facilities: 450, residents: 50_000 });
console.log(`scale data: ${Math.round(performance.now() - seeded)} ms`);

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
await createCaller(context(null, null)).auth.login({ username: 'planner', password: DEMO_PASSWORD });
const planner = createCaller(
  context(await resolveSession(database.db, cookie.token, defaultApiConfig), cookie.token),
);

async function time(name: string, work: () => Promise<unknown>) {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(1);
  console.log(name.padEnd(44), at(0.5).padStart(8), at(0.95).padStart(8));
}

const [someFacility] = (await planner.facilities.list({ search: 'SCALE-00001' })).items;
console.log(`\nResidents list — ${database.kind}, 50,000 residents, ${runs} runs`);
console.log('scenario'.padEnd(44), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
await time('province, first page by given name', () => planner.residents.list({}));
await time('province, search without diacritics', () => planner.residents.list({ search: 'nguyen thi mai' }));
await time('province, group + age band', () =>
  planner.residents.list({ group: 'k1_elderly', ageBand: '60_plus' }),
);
await time('one facility, first page', () => planner.residents.list({ facilityId: someFacility?.id }));
await time('one facility, entitlement status filter', () =>
  planner.residents.list({ facilityId: someFacility?.id, entitlementStatus: 'incomplete' }),
);

await database.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
