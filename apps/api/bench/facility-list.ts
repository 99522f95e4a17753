/**
 * Facility list response times over real HTTP, on a database filled by the scale generator.
 * Usage: npm run bench [-- --facilities 450 --runs 200]. Uses DATABASE_URL when set, else a fresh PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from '@ansinh/api/auth/password';
import { defaultApiConfig } from '@ansinh/api/config';
import { createDb } from '@ansinh/db/client';
import { DEMO_PASSWORD, seedDemo } from '@ansinh/db/seed/demo';
import { seedScale } from '@ansinh/db/seed/scale';
import { buildServer } from '../src/server.ts';

const { values } = parseArgs({
  options: { facilities: { type: 'string', default: '450' }, runs: { type: 'string', default: '200' } },
});
const runs = Number(values.runs);
const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'ansinh-bench-'));
const database = await createDb({ dataDir });
await database.migrate();
await seedDemo(database.db, hashPassword);
await seedScale(database.db, { facilities: Number(values.facilities) });

const app = await buildServer({
  database,
  config: defaultApiConfig,
  logLevel: 'warn',
  trustProxy: false,
  cookieSecure: 'auto',
  serveWeb: false,
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const login = await fetch(`${base}/trpc/auth.login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: base },
  body: JSON.stringify({ json: { username: 'planner', password: DEMO_PASSWORD } }),
});
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';

const scenarios: Record<string, object> = {
  'first page (20, by name)': {},
  'page 10 of 20, by capacity desc': { page: 10, sort: { field: 'licensedCapacity', direction: 'desc' } },
  'search without diacritics': { search: 'trung tam bao tro' },
  'filter type + status, 100 rows': { type: 'elderly', status: 'operating', pageSize: 100 },
  'province filter + search': { provinceCode: '19', search: 'binh an' },
};

async function time(procedure: string, input: object): Promise<number[]> {
  const url = `${base}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const samples: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    if (!response.ok) throw new Error(`${procedure} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    if (i >= 10) samples.push(performance.now() - started); // the first calls warm up JIT and caches
  }
  return samples.sort((a, b) => a - b);
}

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const total = await fetch(`${base}/trpc/facilities.list?input=${encodeURIComponent('{"json":{}}')}`, {
  headers: { cookie },
}).then((r) => r.json() as Promise<{ result: { data: { json: { total: number } } } }>);

console.log(
  `\nFacility list over HTTP — ${database.kind}, ${total.result.data.json.total} facilities, ${runs} runs each`,
);
console.log('scenario'.padEnd(36), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'max ms'.padStart(8));
for (const [name, input] of Object.entries(scenarios)) {
  const s = await time('facilities.list', input);
  console.log(
    name.padEnd(36),
    at(s, 0.5).toFixed(1).padStart(8),
    at(s, 0.95).toFixed(1).padStart(8),
    at(s, 1).toFixed(1).padStart(8),
  );
}
const exportSamples = await time('facilities.export', {});
console.log(
  'Excel export of all rows'.padEnd(36),
  at(exportSamples, 0.5).toFixed(1).padStart(8),
  at(exportSamples, 0.95).toFixed(1).padStart(8),
  at(exportSamples, 1).toFixed(1).padStart(8),
);

await app.close();
await database.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
