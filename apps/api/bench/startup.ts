/**
 * Cold start: `npm start` on an empty data directory (migrations, map, demo seed, web build if stale)
 * until the first 200 from /readyz. Usage: npx tsx apps/api/bench/startup.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@ansinh/db/client';

const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-cold-'));
const port = 3900 + Math.floor(Math.random() * 90);
// The embedded database is what a fresh machine gets, whatever this shell has configured.
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const env = { ...inherited, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };

const started = performance.now();
const child = spawn('npm', ['start'], { cwd: repoRoot, env, stdio: 'ignore', detached: true });
let readyMs: number | null = null;
while (performance.now() - started < 180_000) {
  const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) {
    readyMs = performance.now() - started;
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
if (child.pid) process.kill(-child.pid, 'SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
console.log(
  readyMs === null
    ? 'not ready after 180 s'
    : `cold npm start → first 200 from /readyz: ${(readyMs / 1000).toFixed(2)} s`,
);
