import { describe, expect, it } from 'vitest';
import { DomainError, domainErrorCodes } from '../src/errors.ts';

describe('DomainError', () => {
  it.each([
    ['FACILITY_NOT_FOUND', 'not_found'],
    ['STALE_VERSION', 'conflict'],
    ['FORBIDDEN', 'forbidden'],
    ['ORIGIN_MISMATCH', 'forbidden'],
    ['DEPARTMENT_ONLY_FIELD', 'forbidden'],
    ['INVALID_CREDENTIALS', 'unauthenticated'],
    ['LOGIN_RATE_LIMITED', 'rate_limited'],
    ['CANNOT_DEACTIVATE_SELF', 'precondition'],
  ] as const)('%s is a %s error', (code, category) => {
    expect(new DomainError(code).category).toBe(category);
  });

  it('keeps the params the UI interpolates', () => {
    const error = new DomainError('LOGIN_RATE_LIMITED', { minutes: 15 });
    expect(error.params).toEqual({ minutes: 15 });
    expect(error.code).toBe('LOGIN_RATE_LIMITED');
    expect(error).toBeInstanceOf(Error);
  });

  it('gives every code a category', () => {
    for (const code of domainErrorCodes) expect(new DomainError(code).category).toBeTruthy();
  });
});
