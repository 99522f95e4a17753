import { type DomainErrorCode, domainErrorCodes } from '@ansinh/domain/errors';
import { TRPCClientError } from '@trpc/client';
import type { TFunction } from 'i18next';

/** What the API's error formatter attaches to every tRPC error (ARCHITECTURE.md, "Errors"). */
export interface ApiErrorData {
  code: string;
  httpStatus: number;
  zodError: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
  domainCode: string | null;
  domainParams: Record<string, string | number>;
  requestId: string;
}

/** Read defensively: a network failure or proxy error page carries no data at all. */
export function apiErrorData(error: unknown): Partial<ApiErrorData> | undefined {
  return error instanceof TRPCClientError
    ? ((error.data as Partial<ApiErrorData> | null) ?? undefined)
    : undefined;
}

export function httpStatusOf(error: unknown): number | undefined {
  return apiErrorData(error)?.httpStatus;
}

export function errorCodeOf(error: unknown): string | undefined {
  return apiErrorData(error)?.code;
}

export function domainCodeOf(error: unknown): DomainErrorCode | undefined {
  const code = apiErrorData(error)?.domainCode;
  return code && (domainErrorCodes as string[]).includes(code) ? (code as DomainErrorCode) : undefined;
}

export interface DescribedError {
  message: string;
  /** Only for unexpected failures, so staff can quote it to the administrator who finds it in the logs. */
  requestId?: string;
}

export function describeError(error: unknown, t: TFunction): DescribedError {
  const data = apiErrorData(error);
  if (!data) return { message: t(error instanceof TRPCClientError ? 'errors.network' : 'errors.generic') };
  const code = domainCodeOf(error);
  if (code) return { message: domainMessage(code, data.domainParams, t) };
  if (data.zodError) return { message: t('errors.checkForm') };
  if (data.code === 'FORBIDDEN') return { message: t('errors.domain.FORBIDDEN') };
  return { message: t('errors.generic'), ...(data.requestId ? { requestId: data.requestId } : {}) };
}

/**
 * The translated text of a domain refusal. The server leaves a facility's name out when the viewer may
 * not know it (an ID number in care elsewhere), so the sentence then says "another facility".
 */
export function domainMessage(
  code: DomainErrorCode,
  params: Record<string, string | number> = {},
  t: TFunction,
): string {
  const facilityName = params.facilityName || t('errors.anotherFacility');
  return t(`errors.domain.${code}`, { ...params, facilityName });
}
