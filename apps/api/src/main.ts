import { hashPassword } from '@ansinh/api/auth/password';
import { createDb } from '@ansinh/db/client';
import { DEMO_PASSWORD, demoUsernames, seedDemo, seedDemoActivity } from '@ansinh/db/seed/demo';
import { apiConfigFrom, readEnv } from './env.ts';
import { buildServer } from './server.ts';

const started = performance.now();
const env = readEnv();
const database = await createDb({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
await database.migrate();
// Demo accounts belong to the throw-away embedded database only, never to a real PostgreSQL.
const seeded = database.kind === 'pglite' && (await seedDemo(database.db, hashPassword));
if (seeded) await seedDemoActivity(database.db, new Date().toISOString().slice(0, 10));

const app = await buildServer({
  database,
  config: apiConfigFrom(env),
  logLevel: env.LOG_LEVEL,
  trustProxy: env.TRUST_PROXY,
  cookieSecure: env.COOKIE_SECURE,
  serveWeb: env.NODE_ENV === 'production',
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: env.PORT, host: env.HOST });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : env.PORT;
const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
app.log.info(
  { url, database: database.kind, seeded, startupMs: Math.round(performance.now() - started) },
  'An Sinh ready',
);
if (database.kind === 'pglite') {
  console.log(`\n  An Sinh đang chạy tại / is running at ${url}`);
  console.log(
    `  Tài khoản demo / demo accounts: ${demoUsernames.join(', ')} — mật khẩu / password: ${DEMO_PASSWORD}\n`,
  );
}
