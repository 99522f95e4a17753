import { defaultApiConfig } from '@ansinh/api/config';
import { describe, expect, it } from 'vitest';
import { apiConfigFrom, readEnv } from '../src/env.ts';

/** readEnv throws an Error whose message lists every bad variable; this returns that message. */
function problemWith(source: NodeJS.ProcessEnv): string {
  try {
    readEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error(`readEnv accepted ${JSON.stringify(source)}`);
}

describe('readEnv', () => {
  it('has safe defaults for an empty environment', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      COOKIE_SECURE: 'auto',
      TRUST_PROXY: false,
      SESSION_IDLE_MINUTES: defaultApiConfig.sessionIdleMinutes,
      SESSION_ABSOLUTE_HOURS: defaultApiConfig.sessionAbsoluteHours,
      HOME_PROVINCE_CODE: defaultApiConfig.homeProvinceCode,
      DEPARTMENT_NAME: defaultApiConfig.departmentName,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBeUndefined();
    expect(env.APP_ORIGIN).toBeUndefined();
  });

  it('reads production-style values', () => {
    const env = readEnv({
      PORT: '3000',
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      SESSION_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '8',
      COOKIE_SECURE: 'true',
      TRUST_PROXY: 'true',
      DATABASE_URL: 'postgres://ansinh:change-me@postgres:5432/ansinh',
    });
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 8,
      COOKIE_SECURE: 'true',
      TRUST_PROXY: true,
      DATABASE_URL: 'postgres://ansinh:change-me@postgres:5432/ansinh',
    });
  });

  it.each(['abc', '70000', '-1', '3000.5'])('rejects PORT=%s with a message naming PORT', (port) => {
    const message = problemWith({ PORT: port });
    expect(message).toMatch(/^Invalid environment:/);
    expect(message).toMatch(/^\s+PORT: .+/m);
  });

  it('names every bad variable at once', () => {
    const message = problemWith({ PORT: 'abc', COOKIE_SECURE: 'yes', TRUST_PROXY: '1', LOG_LEVEL: 'loud' });
    for (const name of ['PORT', 'COOKIE_SECURE', 'TRUST_PROXY', 'LOG_LEVEL']) {
      expect(message).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
    }
  });

  it.each([
    ['COOKIE_SECURE', 'yes'],
    ['TRUST_PROXY', '1'],
    ['NODE_ENV', 'staging'],
    ['HOME_PROVINCE_CODE', '9'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_ABSOLUTE_HOURS', 'twelve'],
  ])('rejects %s=%s', (name, value) => {
    expect(problemWith({ [name]: value })).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
  });

  // An empty value (`PORT=` in an env file, or `PORT: ${PORT}` with PORT unset in compose) must not
  // silently become something else: z.coerce.number() turns '' into 0, and port 0 means "any free port",
  // so the server would start on a random port that no proxy or health check knows about.
  it('does not turn an empty PORT into port 0 (a random port): default or reject', () => {
    let port: number | 'rejected';
    try {
      port = readEnv({ PORT: '' }).PORT;
    } catch {
      port = 'rejected';
    }
    expect([3000, 'rejected']).toContain(port);
  });

  // HOST defaults to loopback on purpose; an empty HOST is handed to listen() as '', which binds every
  // interface (::), so a blank line in an env file would expose the server.
  it('does not turn an empty HOST into "all interfaces": default or reject', () => {
    let host: string;
    try {
      host = readEnv({ HOST: '' }).HOST;
    } catch {
      host = 'rejected';
    }
    expect(['127.0.0.1', 'rejected']).toContain(host);
  });
});

describe('apiConfigFrom', () => {
  it('keeps the defaults and allows only the request origin when APP_ORIGIN is unset', () => {
    const config = apiConfigFrom(readEnv({}));
    expect(config.allowedOrigins).toBeNull();
    expect(config.sessionIdleMinutes).toBe(defaultApiConfig.sessionIdleMinutes);
    expect(config.sessionAbsoluteHours).toBe(defaultApiConfig.sessionAbsoluteHours);
    expect(config.homeProvinceCode).toBe('19');
    expect(config.loginLimits).toEqual(defaultApiConfig.loginLimits);
  });

  it('splits APP_ORIGIN on commas, trimming spaces and trailing slashes', () => {
    const config = apiConfigFrom(readEnv({ APP_ORIGIN: 'https://a.vn, https://b.vn/' }));
    expect(config.allowedOrigins).toEqual(['https://a.vn', 'https://b.vn']);
  });

  it('passes the session and deployment settings through', () => {
    const config = apiConfigFrom(
      readEnv({
        SESSION_IDLE_MINUTES: '15',
        SESSION_ABSOLUTE_HOURS: '4',
        HOME_PROVINCE_CODE: '01',
        DEPARTMENT_NAME: 'Sở Y tế thành phố Hà Nội',
      }),
    );
    expect(config).toMatchObject({
      sessionIdleMinutes: 15,
      sessionAbsoluteHours: 4,
      homeProvinceCode: '01',
      departmentName: 'Sở Y tế thành phố Hà Nội',
    });
  });
});
