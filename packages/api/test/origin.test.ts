import { beforeAll, describe, expect, it } from 'vitest';
import { isOwnOrigin } from '../src/trpc.ts';
import {
  type Caller,
  type CallerOptions,
  DEMO_PASSWORD,
  expectTRPCError,
  metaFor,
  OWN_ORIGIN,
  useApiHarness,
} from './harness.ts';

const h = useApiHarness();

type Headers = Pick<CallerOptions, 'origin' | 'referer'>;

const refused: [string, Headers][] = [
  ['a foreign Origin', { origin: 'http://evil.test' }],
  ['a foreign Origin with a same-origin Referer', { origin: 'http://evil.test', referer: `${OWN_ORIGIN}/` }],
  ['the own host on another port', { origin: 'http://ansinh.test:8080' }],
  ['the own host over another scheme', { origin: 'https://ansinh.test' }],
  ['Origin "null" (sandboxed frame)', { origin: 'null' }],
  ['neither Origin nor Referer', { origin: undefined }],
  ['no Origin and a foreign Referer', { origin: undefined, referer: 'http://evil.test/ansinh.test' }],
  ['no Origin and an unparsable Referer', { origin: undefined, referer: 'not a url' }],
];

const allowed: [string, Headers][] = [
  ['the own Origin', { origin: OWN_ORIGIN }],
  ['no Origin and a same-origin Referer', { origin: undefined, referer: `${OWN_ORIGIN}/co-so/123?tab=1` }],
];

describe('origin check on mutations', () => {
  let reader: Caller;
  beforeAll(async () => {
    reader = await h.callerFor('planner');
  });

  it.each(refused)('refuses a login with %s (FORBIDDEN ORIGIN_MISMATCH)', async (_case, headers) => {
    const { caller, cookie } = h.publicSession(headers);
    await expectTRPCError(
      caller.auth.login({ username: 'planner', password: DEMO_PASSWORD }),
      'FORBIDDEN',
      'ORIGIN_MISMATCH',
    );
    expect(cookie.calls).toEqual([]);
  });

  it.each(allowed)('accepts a login with %s', async (_case, headers) => {
    const { caller, cookie } = h.publicSession(headers);
    await caller.auth.login({ username: 'planner', password: DEMO_PASSWORD });
    expect(cookie.calls.map((c) => c.kind)).toEqual(['set']);
  });

  it.each(refused)(
    'refuses a signed-in facility update with %s and changes nothing',
    async (_case, headers) => {
      const planner = await h.callerFor('planner', headers);
      const id = await h.facilityId('TN-TREEM');
      const before = await reader.facilities.byId({ id });
      await expectTRPCError(
        planner.facilities.update({ id, version: before.version, phone: '0208 3999 999' }),
        'FORBIDDEN',
        'ORIGIN_MISMATCH',
      );
      const after = await reader.facilities.byId({ id });
      expect(after).toEqual(before);
    },
  );

  it('refuses a cross-site logout and keeps the session', async () => {
    const session = await h.sessionFor('staff', { origin: 'http://evil.test' });
    await expectTRPCError(session.caller.auth.logout(), 'FORBIDDEN', 'ORIGIN_MISMATCH');
    expect(session.cookie.calls).toEqual([]);
    if (!session.token) throw new Error('no token');
    expect(await h.resolve(session.token)).not.toBeNull();
  });

  it('accepts a same-origin Referer for a signed-in mutation', async () => {
    const planner = await h.callerFor('planner', { origin: undefined, referer: `${OWN_ORIGIN}/co-so` });
    const id = await h.facilityId('TN-TREEM');
    const before = await planner.facilities.byId({ id });
    const after = await planner.facilities.update({ id, version: before.version, phone: '0208 3111 222' });
    expect(after.phone).toBe('0208 3111 222');
  });
});

describe('queries are not origin-checked', () => {
  it.each([...refused, ...allowed])('answers a query with %s', async (_case, headers) => {
    const planner = await h.callerFor('planner', headers);
    const page = await planner.facilities.list({});
    expect(page.total).toBe(8);
    expect((await planner.auth.me())?.username).toBe('planner');
  });
});

describe('config.allowedOrigins', () => {
  const config = { allowedOrigins: ['https://app.ansinh.vn', 'https://ansinh.gov.vn'] };

  it.each([
    ['https://app.ansinh.vn', true],
    ['https://ansinh.gov.vn', true],
    ['http://evil.test', false],
    // An explicit list replaces "the origin the request was addressed to".
    [OWN_ORIGIN, false],
  ] as const)('origin %s is allowed: %s', async (origin, ok) => {
    const { caller } = h.publicSession({ origin, config });
    const call = caller.auth.login({ username: 'planner', password: DEMO_PASSWORD });
    if (ok) expect((await call).username).toBe('planner');
    else await expectTRPCError(call, 'FORBIDDEN', 'ORIGIN_MISMATCH');
  });

  it('accepts a Referer from a listed origin', async () => {
    const { caller } = h.publicSession({ origin: undefined, referer: 'https://ansinh.gov.vn/login', config });
    expect((await caller.auth.login({ username: 'planner', password: DEMO_PASSWORD })).username).toBe(
      'planner',
    );
  });
});

describe('isOwnOrigin', () => {
  it.each([
    [{ origin: OWN_ORIGIN }, null, true],
    [{ origin: undefined, referer: `${OWN_ORIGIN}/x` }, null, true],
    [{ origin: undefined }, null, false],
    [{ origin: 'https://a.test' }, ['https://a.test'], true],
    [{ origin: OWN_ORIGIN }, [], false],
  ] as const)('%o with allowed %o → %s', (headers, allowedOrigins, expected) => {
    expect(isOwnOrigin(metaFor(headers), allowedOrigins)).toBe(expected);
  });
});
