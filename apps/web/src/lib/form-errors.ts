import type { DomainErrorCode } from '@ansinh/domain/errors';
import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { i18n } from '../i18n/index.ts';
import { apiErrorData, domainCodeOf, domainMessage } from './errors.ts';

/** Validates with the API's own zod schema; issue path ['a', 0, 'b'] becomes the form path 'a.0.b'. */
export function zodFormErrors(schema: z.ZodType, values: unknown): FormErrors {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/**
 * Puts a server refusal next to the field it concerns: zod field errors by name, and domain codes that
 * are about one field (a taken code, say) on that field. Returns false when the error belongs to no
 * field, so the caller shows it as a general alert instead.
 */
export function showServerErrorsOnFields(
  setErrors: (errors: FormErrors) => void,
  error: unknown,
  fieldByDomainCode: Partial<Record<DomainErrorCode, string>> = {},
): boolean {
  const data = apiErrorData(error);
  const fieldErrors = Object.entries(data?.zodError?.fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages?.[0] ? [[field, messages[0]] as const] : [],
  );
  if (fieldErrors.length > 0) {
    setErrors(Object.fromEntries(fieldErrors));
    return true;
  }
  const code = domainCodeOf(error);
  // The API names the offending field in `domainParams.field` for constraint and licensing refusals.
  const field = code && (fieldByDomainCode[code] ?? data?.domainParams?.field);
  if (!code || typeof field !== 'string') return false;
  setErrors({ [field]: domainMessage(code, data?.domainParams, i18n.t) });
  return true;
}

/** Long forms: after a refused submit, bring the first marked field into view (once it has rendered). */
export function revealFirstError(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    field?.focus({ preventScroll: true });
  });
}
