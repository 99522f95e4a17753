import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@ansinh/db/seed/demo';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The server as `npm start` runs it (tsx apps/api/src/main.ts), on a real port, with the embedded
 * database in a data directory: it must stop cleanly on SIGTERM, and a restart on the same directory
 * must find its data again without seeding the demo a second time. Always PGlite, even when
 * TEST_DATABASE_URL is set: embedded persistence is what is under test.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const mainTs = join(repoRoot, 'apps', 'api', 'src', 'main.ts');

const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-data-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function start(): Promise<Running> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.APP_ORIGIN;
  const child = spawn(tsx, [mainTs], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 45_000;
  let stopped = false;
  void exited.then(() => {
    stopped = true;
  });
  while (Date.now() < deadline && !stopped) {
    const status = await fetch(`${base}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { child, base, output: () => output, exited };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready (exited: ${stopped}):\n${output}`);
}

async function stop(server: Running, timeoutMs: number) {
  server.child.kill('SIGTERM');
  return Promise.race([
    server.exited,
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs)),
  ]);
}

/** Signs in as the planner and returns how many facilities the API lists. */
async function facilityCount(base: string): Promise<number> {
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ json: { username: 'planner', password: DEMO_PASSWORD } }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('ansinh_session='));
  expect(cookie).toBeDefined();
  const input = encodeURIComponent(JSON.stringify({ json: { pageSize: 100 } }));
  const list = await fetch(`${base}/trpc/facilities.list?input=${input}`, {
    headers: { cookie: String(cookie).split(';')[0] as string },
  });
  expect(list.status).toBe(200);
  const body = (await list.json()) as { result: { data: { json: { total: number } } } };
  return body.result.data.json.total;
}

/** The "An Sinh ready" log line tells whether this start seeded the demo data. */
function seededFlag(output: string): boolean | undefined {
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; seeded?: boolean };
    if (entry.msg === 'An Sinh ready') return entry.seeded;
  }
  return undefined;
}

describe('the server process', () => {
  it('stops with exit code 0 on SIGTERM and keeps its embedded data across a restart', async () => {
    const first = await start();
    expect(seededFlag(first.output())).toBe(true);
    expect(await facilityCount(first.base)).toBe(8);
    expect(await stop(first, 10_000)).toEqual({ code: 0, signal: null });

    const second = await start();
    expect(seededFlag(second.output())).toBe(false);
    expect(await facilityCount(second.base)).toBe(8);
    expect(await stop(second, 10_000)).toEqual({ code: 0, signal: null });
  }, 120_000);
});
