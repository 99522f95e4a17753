/**
 * Shared set-up for the API suite: one freshly migrated, demo-seeded database per test FILE, and callers
 * whose context is built the way the HTTP host builds it (real login, real session lookup).
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '@ansinh/db/client';
import { DEMO_PASSWORD, seedDemo } from '@ansinh/db/seed/demo';
import { createTestDatabase, type TestDatabase } from '@ansinh/db/testing';
import { DomainError, type DomainErrorCode } from '@ansinh/domain/errors';
import type { Facility, FacilityFormValues } from '@ansinh/schemas/facility';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect } from 'vitest';
import { ZodError, z } from 'zod';
import { hashPassword } from '../src/auth/password.ts';
import { resolveSession } from '../src/auth/session.ts';
import { type ApiConfig, defaultApiConfig } from '../src/config.ts';
import type { Context, RequestMeta, SessionCookie, SessionUser } from '../src/context.ts';
import { createCaller } from '../src/router.ts';

export { DEMO_PASSWORD };

export type Caller = ReturnType<typeof createCaller>;

/** The demo accounts created by `seedDemo`, by the name tests use for them. */
export const demoUsers = ['admin', 'planner', 'manager', 'staff', 'operator'] as const;
export type DemoUser = (typeof demoUsers)[number];

export const OWN_ORIGIN = 'http://ansinh.test';
export const DEFAULT_IP = '203.0.113.7';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A clock the tests move by hand; every `config.now()` reads it. */
export class TestClock {
  #now: number;
  constructor(start = new Date('2025-09-01T01:00:00.000Z')) {
    this.#now = start.getTime();
  }
  now = (): Date => new Date(this.#now);
  advance(ms: number): Date {
    this.#now += ms;
    return this.now();
  }
}

export type CookieCall = { kind: 'set'; token: string; expiresAt: Date } | { kind: 'clear' };

/** Stands in for the host's cookie writer and remembers what procedures asked it to do. */
export class CookieRecorder implements SessionCookie {
  readonly calls: CookieCall[] = [];
  set(token: string, expiresAt: Date): void {
    this.calls.push({ kind: 'set', token, expiresAt });
  }
  clear(): void {
    this.calls.push({ kind: 'clear' });
  }
  /** The token of the most recent `set`, or null. */
  get lastToken(): string | null {
    const sets = this.calls.filter((c) => c.kind === 'set');
    return sets.at(-1)?.token ?? null;
  }
}

export interface MetaOptions {
  ip?: string;
  requestId?: string;
  /** Pass `undefined` explicitly to send no Origin header. */
  origin?: string | undefined;
  referer?: string | undefined;
  userAgent?: string | undefined;
}

export interface CallerOptions extends MetaOptions {
  password?: string;
  /** Overrides applied to the caller's config (the login itself always uses the harness config). */
  config?: Partial<ApiConfig>;
}

export interface TestSession {
  caller: Caller;
  ctx: Context;
  cookie: CookieRecorder;
  user: SessionUser | null;
  token: string | null;
}

let requestCounter = 0;

export function metaFor(options: MetaOptions = {}): RequestMeta {
  requestCounter += 1;
  return {
    requestId: options.requestId ?? `test-${requestCounter}-${randomUUID().slice(0, 8)}`,
    ip: options.ip ?? DEFAULT_IP,
    ownOrigin: OWN_ORIGIN,
    origin: 'origin' in options ? options.origin : OWN_ORIGIN,
    referer: options.referer,
    userAgent: 'userAgent' in options ? options.userAgent : 'vitest',
  };
}

export class ApiHarness {
  readonly clock = new TestClock();
  readonly config: ApiConfig = { ...defaultApiConfig, now: this.clock.now };
  #database: TestDatabase | undefined;

  get db(): Db {
    if (!this.#database) throw new Error('database not ready: use the harness inside tests/hooks');
    return this.#database.db;
  }

  async start(): Promise<void> {
    this.#database = await createTestDatabase();
    await seedDemo(this.#database.db, hashPassword);
  }

  async stop(): Promise<void> {
    await this.#database?.destroy();
    this.#database = undefined;
  }

  /** A context exactly as the host would build it for a request with this meta and session. */
  context(options: {
    meta?: RequestMeta;
    user?: SessionUser | null;
    token?: string | null;
    config?: Partial<ApiConfig>;
    cookie?: CookieRecorder;
  }): Context {
    return {
      db: this.db,
      config: { ...this.config, ...options.config },
      meta: options.meta ?? metaFor(),
      user: options.user ?? null,
      sessionToken: options.user ? (options.token ?? null) : null,
      cookie: options.cookie ?? new CookieRecorder(),
    };
  }

  /** A signed-out caller. */
  publicSession(options: MetaOptions & { config?: Partial<ApiConfig> } = {}): TestSession {
    const cookie = new CookieRecorder();
    const ctx = this.context({ meta: metaFor(options), cookie, config: options.config ?? {} });
    return { caller: createCaller(ctx), ctx, cookie, user: null, token: null };
  }

  /** Logs in through `auth.login` and returns the session token the cookie received. */
  async login(username: string, password = DEMO_PASSWORD, ip = DEFAULT_IP): Promise<string> {
    const { caller, cookie } = this.publicSession({ ip });
    await caller.auth.login({ username, password });
    const token = cookie.lastToken;
    if (!token) throw new Error(`login of ${username} set no cookie`);
    return token;
  }

  /** The user behind a token, resolved the way the host does it on every request. */
  resolve(token: string): Promise<SessionUser | null> {
    return resolveSession(this.db, token, this.config);
  }

  /** A caller for `username` (or signed out for null), with its context and cookie recorder. */
  async sessionFor(username: string | null, options: CallerOptions = {}): Promise<TestSession> {
    if (username === null) return this.publicSession(options);
    const token = await this.login(username, options.password, options.ip);
    return this.resume(token, options);
  }

  /** The next request of an existing session: the token is resolved again, as the host does per request. */
  async resume(token: string, options: Omit<CallerOptions, 'password'> = {}): Promise<TestSession> {
    const user = await this.resolve(token);
    if (!user) throw new Error('session did not resolve');
    const cookie = new CookieRecorder();
    const ctx = this.context({ meta: metaFor(options), user, token, cookie, config: options.config ?? {} });
    return { caller: createCaller(ctx), ctx, cookie, user, token };
  }

  async callerFor(username: string | null, options: CallerOptions = {}): Promise<Caller> {
    return (await this.sessionFor(username, options)).caller;
  }

  /** Runs raw SQL and returns the rows, for checks the API does not expose. */
  async rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
    const result = await this.db.execute<T>(query);
    return result.rows as T[];
  }

  async facilityId(code: string): Promise<string> {
    const [row] = await this.rows<{ id: string }>(sql`select id from facilities where code = ${code}`);
    if (!row) throw new Error(`no facility ${code}`);
    return row.id;
  }

  async userId(username: string): Promise<string> {
    const [row] = await this.rows<{ id: string }>(sql`select id from users where username = ${username}`);
    if (!row) throw new Error(`no user ${username}`);
    return row.id;
  }
}

/** A valid public facility in Thái Nguyên (Phường Tích Lương); override what the test is about. */
export function newFacility(code: string, overrides: Partial<FacilityFormValues> = {}): FacilityFormValues {
  return {
    code,
    name: `Cơ sở thử nghiệm ${code}`,
    type: 'elderly',
    ownership: 'public',
    communeCode: '05500',
    licensedCapacity: 30,
    status: 'operating',
    ...overrides,
  };
}

/** The edit form of a loaded facility, as the edit screen sends it back: every input field, id and version. */
export function formOf(f: Facility) {
  const { communeName: _c, provinceCode: _p, provinceName: _n, createdAt: _a, updatedAt: _u, ...form } = f;
  return form;
}

/** Opens a spreadsheet download (`excelFile.base64`) the way Excel would. */
export async function readWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([Buffer.from(base64, 'base64')]));
  return workbook;
}

/** Call at the top of a test file: one database for the whole file, migrated and seeded once. */
export function useApiHarness(): ApiHarness {
  const harness = new ApiHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  return harness;
}

export function domainErrorOf(error: unknown): DomainError | null {
  return error instanceof TRPCError && error.cause instanceof DomainError ? error.cause : null;
}

/**
 * Awaits a call that must fail and checks the transport code (and the domain code when given);
 * returns the TRPCError for further checks.
 */
export async function expectTRPCError(
  promise: Promise<unknown>,
  code: TRPC_ERROR_CODE_KEY,
  domainCode?: DomainErrorCode,
): Promise<TRPCError> {
  let failure: unknown;
  let succeeded = false;
  try {
    await promise;
    succeeded = true;
  } catch (error) {
    failure = error;
  }
  if (succeeded) expect.fail(`expected ${code}${domainCode ? `/${domainCode}` : ''} but the call succeeded`);
  if (!(failure instanceof TRPCError)) throw failure;
  const actual = { code: failure.code, domainCode: domainErrorOf(failure)?.code ?? null };
  expect(actual).toEqual({ code, domainCode: domainCode ?? actual.domainCode });
  return failure;
}

/** Field errors of a BAD_REQUEST caused by zod (input parsing or a service's re-validation). */
export function fieldErrorsOf(error: unknown): Record<string, string[] | undefined> {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (!(cause instanceof ZodError)) throw new Error(`not a zod error: ${String(cause)}`);
  return z.flattenError(cause).fieldErrors as Record<string, string[] | undefined>;
}

/** Params of the DomainError behind a TRPCError (e.g. `{ minutes: 15 }`). */
export function domainParamsOf(error: unknown): Record<string, string | number> {
  const domain = domainErrorOf(error);
  if (!domain) throw new Error('not a domain error');
  return domain.params;
}
