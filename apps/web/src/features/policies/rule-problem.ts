import type { TFunction } from 'i18next';
import { apiErrorData, describeError } from '../../lib/errors.ts';

/**
 * Whole-set checks (overlapping versions, a start before the first base level) run on the server and
 * come back as zod errors on `rule…` (a save) or `rules` (a preview); their own text says more than
 * "check the form", which would point at fields these screens do not have.
 */
export function ruleProblem(error: unknown, t: TFunction): string {
  const zodError = apiErrorData(error)?.zodError;
  const fieldMessage = Object.values(zodError?.fieldErrors ?? {}).find((messages) => messages?.[0])?.[0];
  return fieldMessage ?? zodError?.formErrors[0] ?? describeError(error, t).message;
}
