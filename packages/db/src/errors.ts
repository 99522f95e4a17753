/** SQLSTATE classes the app turns into domain errors; everything else is a bug and stays a 500. */
export const pgErrorCodes = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  exclusionViolation: '23P01',
} as const;

export interface ConstraintViolation {
  sqlState: string;
  constraint: string | undefined;
}

/**
 * Drizzle wraps driver errors (DrizzleQueryError.cause), and both pg and PGlite report SQLSTATE as
 * `code` plus the violated `constraint`, so walking the cause chain finds it for either engine.
 */
export function constraintViolationOf(error: unknown): ConstraintViolation | null {
  for (let e = error; e instanceof Error; e = e.cause) {
    const { code, constraint } = e as Error & { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^23[0-9A-Z]{3}$/.test(code)) {
      return { sqlState: code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
  }
  return null;
}
