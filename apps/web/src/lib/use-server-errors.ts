import type { DomainErrorCode } from '@ansinh/domain/errors';
import type { FormErrors } from '@mantine/form';
import { useState } from 'react';
import { showServerErrorsOnFields } from './form-errors.ts';

/**
 * Routes a failed save: field errors onto the form, anything else into `general` for an alert.
 * `fieldByDomainCode` names the input a domain error is about (e.g. USERNAME_TAKEN → 'username').
 */
export function useServerErrors(
  setErrors: (errors: FormErrors) => void,
  fieldByDomainCode: Partial<Record<DomainErrorCode, string>> = {},
) {
  const [general, setGeneral] = useState<unknown>(null);
  return {
    general,
    clear: () => setGeneral(null),
    onError: (error: unknown) => {
      if (!showServerErrorsOnFields(setErrors, error, fieldByDomainCode)) setGeneral(error);
    },
  };
}
