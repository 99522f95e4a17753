import { type ApiConfig, defaultApiConfig } from '@ansinh/api/config';
import { z } from 'zod';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Every setting the server reads, validated once at start-up so a typo fails fast and loudly. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(defaultApiConfig.sessionIdleMinutes),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(defaultApiConfig.sessionAbsoluteHours),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: flag.default(false),
  APP_ORIGIN: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url().transform((o) => new URL(o).origin)).min(1))
    .optional(),
  HOME_PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/)
    .default(defaultApiConfig.homeProvinceCode),
  DEPARTMENT_NAME: z.string().min(1).default(defaultApiConfig.departmentName),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // `PORT=` in a shell or an .env file means "not set", not "port 0" or "listen on every interface".
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export function apiConfigFrom(env: Env): ApiConfig {
  return {
    ...defaultApiConfig,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
    allowedOrigins: env.APP_ORIGIN ?? null,
    homeProvinceCode: env.HOME_PROVINCE_CODE,
    departmentName: env.DEPARTMENT_NAME,
  };
}
