/**
 * Entitlement timings on a province-sized network, through the API procedures (createCaller, no HTTP):
 * evaluating everyone for one month, the province roll, one facility's roll, and a planner's preview
 * with one edited proposal. Usage:
 *   npx tsx apps/api/bench/entitlements.ts [--facilities 450 --residents 50000 --month 2025-09 --runs 7]
 * Uses DATABASE_URL when set, else a fresh PGlite in a temporary directory.
 * Targets: evaluate-all well under 1 s; province roll and preview each under 500 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from '@ansinh/api/auth/password';
import { defaultApiConfig } from '@ansinh/api/config';
import type { Context, SessionUser } from '@ansinh/api/context';
import { createCaller } from '@ansinh/api/router';
import { createDb } from '@ansinh/db/client';
import { seedDemo } from '@ansinh/db/seed/demo';
import { seedScale } from '@ansinh/db/seed/scale';
import { sql } from 'drizzle-orm';

const { values } = parseArgs({
  options: {
    facilities: { type: 'string', default: '450' },
    residents: { type: 'string', default: '50000' },
    month: { type: 'string', default: '2025-09' },
    runs: { type: 'string', default: '7' },
  },
});
const month = values.month;
const runs = Number(values.runs);
const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
  .toISOString()
  .slice(0, 10);

const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'ansinh-bench-'));
const database = await createDb({ dataDir });
const seeded = performance.now();
await database.migrate();
await seedDemo(database.db, hashPassword);
// Histories are written up to the end of the measured month, so it is a month in full swing.
const scale = await seedScale(database.db, {
  facilities: Number(values.facilities),
  residents: Number(values.residents),
  today: lastDay,
});
console.log(
  `seeded ${scale.facilities} facilities, ${scale.residents} residents (${database.kind}) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
);

const [planner] = (
  await database.db.execute<{ id: string; full_name: string }>(
    sql`select id, full_name from users where username = 'planner'`,
  )
).rows;
if (!planner) throw new Error('no planner account: the demo seed did not run');
const user: SessionUser = {
  id: planner.id,
  username: 'planner',
  fullName: planner.full_name,
  role: 'planner',
  facilityIds: [],
  scope: { kind: 'province' },
};
const ctx: Context = {
  db: database.db,
  config: defaultApiConfig,
  meta: {
    requestId: 'bench',
    ip: '127.0.0.1',
    ownOrigin: 'http://bench',
    origin: 'http://bench',
    referer: undefined,
    userAgent: 'bench',
  },
  user,
  sessionToken: null,
  cookie: { set() {}, clear() {} },
};
const caller = createCaller(ctx);

const [largest] = (
  await database.db.execute<{ facility_id: string; n: number }>(
    sql`select facility_id, count(*)::int as n from stays where discharged_on is null group by facility_id order by n desc limit 1`,
  )
).rows;
if (!largest) throw new Error('no residents in care: the scale generator wrote none');

const overview = await caller.policies.overview();
const lonely = overview.rules.find((r) => r.rule.code === 'D3715_LONELY_ELDERLY');
if (!lonely) throw new Error('no D3715_LONELY_ELDERLY rule');
const { amountIsPlaceholder: _placeholder, ...lonelyRule } = lonely.rule;
const edited = { ...lonelyRule, amount: { kind: 'fixed' as const, vnd: 1_000_000 } };

async function time(name: string, run: () => Promise<string>): Promise<void> {
  let note = await run(); // warm-up (twice): JIT, caches, first PGlite page-ins
  note = await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    note = await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  console.log(
    name.padEnd(44),
    median.toFixed(0).padStart(7),
    (samples[0] ?? 0).toFixed(0).padStart(7),
    (samples.at(-1) ?? 0).toFixed(0).padStart(7),
    ` ${note}`,
  );
}

console.log(`\nEntitlements ${month}, ${runs} runs each after two warm-ups`);
console.log('scenario'.padEnd(44), 'p50 ms'.padStart(7), 'min'.padStart(7), 'max'.padStart(7));
await time('evaluate everyone (preview, stored rules)', async () => {
  const p = await caller.policies.preview({ month, rules: [] });
  return `${p.residentCount} residents, ${p.monthlyVnd.toLocaleString('en')} VND`;
});
await time('province roll, page 1', async () => {
  const r = await caller.entitlements.roll({ month, page: 1, pageSize: 20 });
  return `${r.total} rows, ${r.rules.length} rules, ${r.residentsWithUnknown} with unknowns`;
});
await time(`facility roll (largest, ${largest.n} in care)`, async () => {
  const r = await caller.entitlements.roll({ month, facilityId: largest.facility_id, page: 1, pageSize: 20 });
  return `${r.total} rows`;
});
await time('preview, one edited proposal', async () => {
  const p = await caller.policies.preview({ month, rules: [edited] });
  const line = p.byRule.find((l) => l.code === 'D3715_LONELY_ELDERLY');
  return `${line?.qualifying ?? 0} qualify for the edited rule, annual ${p.annualVnd.toLocaleString('en')} VND`;
});
await time('facility roll export (.xlsx)', async () => {
  const file = await caller.entitlements.rollExport({ month, facilityId: largest.facility_id });
  return `${Math.round(file.base64.length / 1024)} KiB base64`;
});

await database.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
