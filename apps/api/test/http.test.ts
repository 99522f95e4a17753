import fs, { write as fsWrite, writeSync as fsWriteSync } from 'node:fs';
import { hashPassword } from '@ansinh/api/auth/password';
import { type ApiConfig, defaultApiConfig } from '@ansinh/api/config';
import { DEMO_PASSWORD, seedDemo } from '@ansinh/db/seed/demo';
import { createTestDatabase, type TestDatabase } from '@ansinh/db/testing';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer, SESSION_COOKIE, type ServerOptions } from '../src/server.ts';

/**
 * The HTTP host as a browser meets it: real Fastify app, real tRPC wire format (superjson), a freshly
 * migrated and demo-seeded database, requests through app.inject (no port).
 *
 * Under inject the Host header is `localhost:80`. Browsers leave a default port out of Origin, so the
 * request's own origin is `http://localhost`.
 */
const HOST = 'localhost:80';
const OWN_ORIGIN = 'http://localhost';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let database: TestDatabase;
const apps: FastifyInstance[] = [];

async function server(options: Partial<ServerOptions> = {}, config: Partial<ApiConfig> = {}) {
  const app = await buildServer({
    database,
    config: { ...defaultApiConfig, ...config },
    logLevel: 'silent',
    trustProxy: false,
    cookieSecure: 'auto',
    serveWeb: false,
    ...options,
  });
  apps.push(app);
  return app;
}

let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, hashPassword);
  app = await server();
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await database?.destroy();
});

type Headers = Record<string, string>;

function mutate(target: FastifyInstance, path: string, input: unknown, headers: Headers = {}) {
  return target.inject({
    method: 'POST',
    url: `/trpc/${path}`,
    headers: { 'content-type': 'application/json', origin: OWN_ORIGIN, ...headers },
    payload: JSON.stringify(input === undefined ? {} : { json: input }),
  });
}

function query(target: FastifyInstance, path: string, input?: unknown, headers: Headers = {}) {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return target.inject({ method: 'GET', url: `/trpc/${path}${search}`, headers });
}

const login = (
  target: FastifyInstance,
  headers: Headers = {},
  username = 'planner',
  password = DEMO_PASSWORD,
) => mutate(target, 'auth.login', { username, password }, headers);

interface ParsedCookie {
  name: string;
  value: string;
  attributes: Map<string, string | true>;
}

function setCookies(response: LightMyRequestResponse): ParsedCookie[] {
  const header = response.headers['set-cookie'];
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return lines.map((line) => {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    return {
      name: pair.slice(0, eq),
      value: pair.slice(eq + 1),
      attributes: new Map<string, string | true>(
        attributes.map((a): [string, string | true] => {
          const i = a.indexOf('=');
          return i < 0 ? [a.toLowerCase(), true] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
        }),
      ),
    };
  });
}

function sessionCookie(response: LightMyRequestResponse): ParsedCookie {
  const cookie = setCookies(response).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no ${SESSION_COOKIE} cookie in ${JSON.stringify(response.headers)}`);
  return cookie;
}

const cookieHeader = (cookie: ParsedCookie) => ({ cookie: `${cookie.name}=${cookie.value}` });

interface TrpcErrorBody {
  error: {
    json: {
      message: string;
      code: number;
      data: {
        code: string;
        httpStatus: number;
        zodError: { fieldErrors: Record<string, string[]> } | null;
        domainCode: string | null;
        domainParams: Record<string, unknown>;
        requestId: string | null;
      };
    };
  };
}

const errorOf = (response: LightMyRequestResponse) => (response.json() as TrpcErrorBody).error.json;
const resultOf = (response: LightMyRequestResponse) =>
  (response.json() as { result: { data: { json: unknown } } }).result.data.json;

/** Nothing in a body may reveal how the server is built: stack traces, source paths or SQL. */
function expectNoLeak(response: LightMyRequestResponse) {
  const body = response.body;
  expect(body).not.toMatch(/stack/i);
  expect(body).not.toMatch(/\bat .*:\d+:\d+/); // a stack frame
  expect(body).not.toMatch(/node_modules|file:\/\/|\/work\/|\.ts\b/);
  expect(body).not.toMatch(/\b(select|insert into|update|delete from)\b[\s\S]*\b(from|values|set|where)\b/i);
  expect(body).not.toMatch(/Failed query|relation "|syntax error|violates/i);
}

describe('health', () => {
  it('GET /healthz answers 200 without touching the database', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 on a migrated database', async () => {
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('GET /readyz answers 503 when the database is not ready', async () => {
    const notReady = await server({ database: { ...database, isReady: async () => false } });
    const response = await notReady.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'not ready' });
  });

  it('GET /readyz answers 503 (not 500) when the readiness check itself fails', async () => {
    const broken = await server({
      database: { ...database, isReady: () => Promise.reject(new Error('connection refused')) },
    });
    const response = await broken.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expectNoLeak(response);
  });
});

describe('security headers', () => {
  it.each([
    ['GET /healthz', { method: 'GET', url: '/healthz' }],
    ['a tRPC query', { method: 'GET', url: '/trpc/auth.me' }],
    ['a tRPC error', { method: 'GET', url: '/trpc/facilities.list' }],
    ['an unknown route', { method: 'GET', url: '/no/such/page' }],
  ] as const)('are sent on %s', async (_label, request) => {
    const response = await app.inject(request);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('session cookie', () => {
  it('is set on login over plain HTTP: HttpOnly, SameSite=Lax, Path=/, Expires, not Secure', async () => {
    const response = await login(app);
    expect(response.statusCode).toBe(200);
    expect(resultOf(response)).toMatchObject({ username: 'planner', role: 'planner', facilityIds: [] });

    const cookie = sessionCookie(response);
    expect(cookie.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie.attributes.get('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')).toBe('Lax');
    expect(cookie.attributes.get('path')).toBe('/');
    expect(cookie.attributes.has('secure')).toBe(false);

    const expires = Date.parse(String(cookie.attributes.get('expires')));
    const hours = (expires - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(defaultApiConfig.sessionAbsoluteHours - 0.1);
    expect(hours).toBeLessThanOrEqual(defaultApiConfig.sessionAbsoluteHours);
  });

  it('works the way the web client sends it (httpBatchLink, ?batch=1)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login?batch=1',
      headers: { 'content-type': 'application/json', origin: OWN_ORIGIN },
      payload: JSON.stringify({ 0: { json: { username: 'Planner ', password: DEMO_PASSWORD } } }),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject([{ result: { data: { json: { username: 'planner' } } } }]);
    expect(sessionCookie(response).attributes.get('httponly')).toBe(true);
  });

  it('answers a batch of many queries, whose joined procedure names make a long path segment', async () => {
    const names = Array.from({ length: 12 }, () => 'adminUnits.provinces,meta.config').join(',');
    const response = await app.inject({ method: 'GET', url: `/trpc/${names}?batch=1&input=%7B%7D` });
    expect(response.statusCode).not.toBe(414);
    expect(response.json()).toHaveLength(24);
  });

  it('is Secure behind a trusted proxy that says https (TRUST_PROXY=true, COOKIE_SECURE=auto)', async () => {
    const proxied = await server({ trustProxy: true });
    const response = await login(proxied, {
      host: 'ansinh.example.vn',
      'x-forwarded-proto': 'https',
      origin: 'https://ansinh.example.vn',
    });
    expect(response.statusCode).toBe(200);
    expect(sessionCookie(response).attributes.get('secure')).toBe(true);
  });

  it('matches the browser origin when a proxy forwards the default port in Host (example.vn:443)', async () => {
    const proxied = await server({ trustProxy: true });
    const response = await login(proxied, {
      host: 'ansinh.example.vn:443',
      'x-forwarded-proto': 'https',
      origin: 'https://ansinh.example.vn',
    });
    expect(response.statusCode).toBe(200);
  });

  it('ignores X-Forwarded-Proto from an untrusted client: not Secure, and https origin is foreign', async () => {
    const plain = await login(app, { 'x-forwarded-proto': 'https' });
    expect(plain.statusCode).toBe(200);
    expect(sessionCookie(plain).attributes.has('secure')).toBe(false);

    const spoofed = await login(app, { 'x-forwarded-proto': 'https', origin: `https://${HOST}` });
    expect(spoofed.statusCode).toBe(403);
    expect(errorOf(spoofed).data.domainCode).toBe('ORIGIN_MISMATCH');
  });

  it('is always Secure with COOKIE_SECURE=true, even over plain HTTP', async () => {
    const forced = await server({ cookieSecure: 'true' });
    const response = await login(forced);
    expect(response.statusCode).toBe(200);
    expect(sessionCookie(response).attributes.get('secure')).toBe(true);
  });

  it('is never Secure with COOKIE_SECURE=false, even over https', async () => {
    const never = await server({ cookieSecure: 'false', trustProxy: true });
    const response = await login(never, { 'x-forwarded-proto': 'https', origin: `https://${HOST}` });
    expect(response.statusCode).toBe(200);
    expect(sessionCookie(response).attributes.has('secure')).toBe(false);
  });

  it('authenticates later requests', async () => {
    const cookie = sessionCookie(await login(app));

    const anonymous = await query(app, 'auth.me');
    expect(anonymous.statusCode).toBe(200);
    expect(resultOf(anonymous)).toBeNull();

    const me = await query(app, 'auth.me', undefined, cookieHeader(cookie));
    expect(me.statusCode).toBe(200);
    expect(resultOf(me)).toMatchObject({ username: 'planner', role: 'planner' });

    const list = await query(app, 'facilities.list', {}, cookieHeader(cookie));
    expect(list.statusCode).toBe(200);
    expect(resultOf(list)).toMatchObject({ total: 8 });
  });

  it('is not accepted when forged', async () => {
    const me = await query(app, 'auth.me', undefined, { cookie: `${SESSION_COOKIE}=forged-token` });
    expect(resultOf(me)).toBeNull();
  });

  it('is cleared by logout, and the old value stops working', async () => {
    const cookie = sessionCookie(await login(app));
    const response = await mutate(app, 'auth.logout', undefined, cookieHeader(cookie));
    expect(response.statusCode).toBe(200);
    expect(resultOf(response)).toEqual({ ok: true });

    const cleared = sessionCookie(response);
    expect(cleared.value).toBe('');
    expect(cleared.attributes.get('path')).toBe('/');
    const maxAge = cleared.attributes.get('max-age');
    const expires = cleared.attributes.get('expires');
    expect(maxAge === '0' || (typeof expires === 'string' && Date.parse(expires) <= Date.now())).toBe(true);

    const me = await query(app, 'auth.me', undefined, cookieHeader(cookie));
    expect(resultOf(me)).toBeNull();
  });

  it('is not set by a failed login', async () => {
    const response = await login(app, {}, 'planner', 'wrong password');
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).data.domainCode).toBe('INVALID_CREDENTIALS');
    expect(setCookies(response)).toEqual([]);
  });
});

describe('mutations: POST, JSON and the Origin check', () => {
  it('refuses a foreign Origin with 403 ORIGIN_MISMATCH and sets no cookie', async () => {
    const response = await login(app, { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).data.domainCode).toBe('ORIGIN_MISMATCH');
    expect(errorOf(response).data.requestId).toEqual(expect.stringMatching(UUID));
    expect(setCookies(response)).toEqual([]);
  });

  it('refuses a mutation with neither Origin nor Referer', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ json: { username: 'planner', password: DEMO_PASSWORD } }),
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).data.domainCode).toBe('ORIGIN_MISMATCH');
  });

  // Host without a port: URL#origin drops a default port (":80"), as browsers do in Origin and Referer.
  it('accepts a same-origin Referer when Origin is absent', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: {
        host: 'ansinh.example.vn',
        'content-type': 'application/json',
        referer: 'http://ansinh.example.vn/dang-nhap?next=%2F',
      },
      payload: JSON.stringify({ json: { username: 'planner', password: DEMO_PASSWORD } }),
    });
    expect(response.statusCode).toBe(200);
  });

  it('checks against APP_ORIGIN when configured, instead of the Host header', async () => {
    const configured = await server({}, { allowedOrigins: ['https://ansinh.gov.vn'] });
    const allowed = await login(configured, { origin: 'https://ansinh.gov.vn' });
    expect(allowed.statusCode).toBe(200);
    const hostOnly = await login(configured, { origin: OWN_ORIGIN });
    expect(hostOnly.statusCode).toBe(403);
    expect(errorOf(hostOnly).data.domainCode).toBe('ORIGIN_MISMATCH');
  });

  it('refuses a mutation sent as GET (405)', async () => {
    const response = await app.inject({ method: 'GET', url: '/trpc/auth.logout' });
    expect(response.statusCode).toBe(405);
    expectNoLeak(response);
  });

  it('refuses a form post, the shape of a classic CSRF attack (415, no cookie)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: OWN_ORIGIN },
      payload: `username=planner&password=${DEMO_PASSWORD}`,
    });
    expect(response.statusCode).toBe(415);
    expect(setCookies(response)).toEqual([]);
  });

  it('refuses a text/plain body (415, no cookie)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'text/plain', origin: OWN_ORIGIN },
      payload: JSON.stringify({ json: { username: 'planner', password: DEMO_PASSWORD } }),
    });
    expect(response.statusCode).toBe(415);
    expect(setCookies(response)).toEqual([]);
  });
});

describe('error bodies', () => {
  it('turns a zod input error into 400 with flattened field errors and no stack', async () => {
    const response = await login(app, {}, '', '');
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.message).toBe('Invalid input');
    expect(error.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {}).sort()).toEqual(['password', 'username']);
    expect(error.data.requestId).toEqual(expect.stringMatching(UUID));
    expectNoLeak(response);
  });

  it('answers 401 NOT_SIGNED_IN to a protected query without a cookie', async () => {
    const response = await query(app, 'facilities.list', {});
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).data.domainCode).toBe('NOT_SIGNED_IN');
    expect(errorOf(response).data.requestId).toEqual(expect.stringMatching(UUID));
  });

  it('answers 404 JSON to an unknown procedure', async () => {
    const response = await query(app, 'no.such.procedure');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(errorOf(response).data.requestId).toEqual(expect.stringMatching(UUID));
    expectNoLeak(response);
  });

  it('rate-limits repeated failed logins with 429 LOGIN_RATE_LIMITED, even for the right password', async () => {
    const { perUsername, windowMinutes } = defaultApiConfig.loginLimits;
    for (let i = 0; i < perUsername; i++) {
      expect((await login(app, {}, 'admin', 'wrong password')).statusCode).toBe(401);
    }
    const response = await login(app, {}, 'admin', DEMO_PASSWORD);
    expect(response.statusCode).toBe(429);
    expect(errorOf(response).data.domainCode).toBe('LOGIN_RATE_LIMITED');
    expect(errorOf(response).data.domainParams).toEqual({ minutes: windowMinutes });
    expect(setCookies(response)).toEqual([]);
  });

  it('hides unknown errors: 500, a generic message and the request id, no SQL or stack', async () => {
    // A real database failure: the table behind meta.config disappears for the length of one request.
    await database.db.execute(sql`alter table provinces rename to provinces_hidden`);
    let response: LightMyRequestResponse;
    try {
      response = await query(app, 'meta.config');
    } finally {
      await database.db.execute(sql`alter table provinces_hidden rename to provinces`);
    }
    expect(response.statusCode).toBe(500);
    const error = errorOf(response);
    expect(error.message).toBe('Internal server error');
    expect(error.data.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.data.requestId).toEqual(expect.stringMatching(UUID));
    expectNoLeak(response);
    expect(response.body).not.toContain('at ');
    expect(response.body).not.toContain('provinces');

    // and the database is healthy again for the next request
    expect((await query(app, 'meta.config')).statusCode).toBe(200);
  });

  it('logs an unknown error with its request id and the real cause, for the operators', async () => {
    // pino hands its lines to sonic-boom, which writes fd 1 with fs.write (async) or fs.writeSync.
    const lines: string[] = [];
    const capture = (fd: unknown, data: unknown) =>
      fd === 1 && typeof data === 'string' && lines.push(data) > 0;
    const write = vi.spyOn(fs, 'write').mockImplementation(((...args: unknown[]) => {
      if (!capture(args[0], args[1])) return Reflect.apply(fsWrite, fs, args);
      const done = args.at(-1) as (error: null, written: number) => void;
      process.nextTick(done, null, Buffer.byteLength(args[1] as string));
    }) as typeof fs.write);
    const writeSync = vi
      .spyOn(fs, 'writeSync')
      .mockImplementation(((...args: unknown[]) =>
        capture(args[0], args[1])
          ? Buffer.byteLength(args[1] as string)
          : Reflect.apply(fsWriteSync, fs, args)) as typeof fs.writeSync);
    const logged = await server({ logLevel: 'error' });
    await database.db.execute(sql`alter table provinces rename to provinces_hidden`);
    let response: LightMyRequestResponse;
    try {
      response = await query(logged, 'meta.config');
    } finally {
      await database.db.execute(sql`alter table provinces_hidden rename to provinces`);
      await logged.close(); // flushes the logger
      write.mockRestore();
      writeSync.mockRestore();
    }
    expect(response.statusCode).toBe(500);
    const requestId = errorOf(response).data.requestId;
    const entries = lines
      .flatMap((l) => l.split('\n'))
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { reqId?: string; msg?: string; err?: unknown });
    const entry = entries.find((e) => e.msg === 'procedure failed');
    expect(entry?.reqId).toBe(requestId);
    expect(JSON.stringify(entry?.err)).toContain('provinces');
  });

  it('gives a distinct request id to every failing request', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(async () => errorOf(await query(app, 'facilities.list', {})).data.requestId),
    );
    expect(new Set(ids).size).toBe(3);
  });

  // The contract is "every error body carries data.requestId". Errors raised before tRPC builds the
  // context (an unsupported content type, a missing body) are formatted without ctx.
  it('carries the request id even when the request fails before the context exists (415)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/auth.logout',
      headers: { 'content-type': 'text/plain', origin: OWN_ORIGIN },
      payload: 'x',
    });
    expect(response.statusCode).toBe(415);
    expect(errorOf(response).data.requestId).toEqual(expect.stringMatching(UUID));
    expectNoLeak(response);
  });
});
