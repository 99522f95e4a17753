import { constraintViolationOf, pgErrorCodes } from '@ansinh/db/errors';
import { DomainError, type DomainErrorCategory, type DomainErrorCode } from '@ansinh/domain/errors';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';

const trpcCodeOf: Record<DomainErrorCategory, TRPC_ERROR_CODE_KEY> = {
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  unauthenticated: 'UNAUTHORIZED',
  precondition: 'PRECONDITION_FAILED',
  rate_limited: 'TOO_MANY_REQUESTS',
};

/**
 * Constraints that a person can trip over (a taken code, an unknown commune) become the same domain
 * errors the services raise, so a race that slips past a pre-check still reads well on screen.
 */
const constraintErrors: Record<string, { code: DomainErrorCode; field: string }> = {
  facilities_code_key: { code: 'FACILITY_CODE_TAKEN', field: 'code' },
  facilities_commune_code_communes_code_fk: { code: 'COMMUNE_NOT_FOUND', field: 'communeCode' },
  users_username_key: { code: 'USERNAME_TAKEN', field: 'username' },
  users_facility_id_facilities_id_fk: { code: 'FACILITY_NOT_FOUND', field: 'facilityIds' },
  operator_facilities_facility_id_facilities_id_fk: { code: 'FACILITY_NOT_FOUND', field: 'facilityIds' },
  residents_id_number_key: { code: 'ID_NUMBER_EXISTS', field: 'idNumber' },
  residents_home_commune_code_communes_code_fk: { code: 'COMMUNE_NOT_FOUND', field: 'homeCommuneCode' },
  stays_one_open_per_resident: { code: 'ALREADY_IN_CARE', field: 'admittedOn' },
  stays_no_overlap: { code: 'STAY_OVERLAP', field: 'admittedOn' },
  stays_facility_id_facilities_id_fk: { code: 'FACILITY_NOT_FOUND', field: 'facilityId' },
  rooms_facility_name_key: { code: 'ROOM_NAME_TAKEN', field: 'name' },
  beds_facility_code_key: { code: 'BED_CODE_TAKEN', field: 'code' },
  beds_room_in_facility_fk: { code: 'ROOM_NOT_FOUND', field: 'roomId' },
  beds_occupied_in_service: { code: 'BED_OCCUPIED', field: 'status' },
  bed_assignments_bed_no_overlap: { code: 'BED_TAKEN', field: 'bedId' },
  bed_assignments_one_current_per_bed: { code: 'BED_TAKEN', field: 'bedId' },
  bed_assignments_resident_no_overlap: { code: 'ALREADY_IN_BED', field: 'residentId' },
  bed_assignments_one_current_per_resident: { code: 'ALREADY_IN_BED', field: 'residentId' },
  bed_assignments_bed_in_facility_fk: { code: 'BED_NOT_IN_FACILITY', field: 'bedId' },
  bed_assignments_stay_in_facility_fk: { code: 'BED_NOT_IN_FACILITY', field: 'bedId' },
  bed_assignments_within_stay: { code: 'ASSIGNMENT_OUTSIDE_STAY', field: 'fromOn' },
  bed_assignments_period: { code: 'ASSIGNMENT_OUTSIDE_STAY', field: 'fromOn' },
  bed_assignments_bed_in_service: { code: 'BED_OUT_OF_SERVICE', field: 'bedId' },
  bed_offers_one_open_per_bed: { code: 'OFFER_OPEN', field: 'bedId' },
  bed_offers_one_open_per_application: { code: 'OFFER_OPEN', field: 'applicationId' },
  bed_offers_bed_in_facility_fk: { code: 'BED_NOT_FOUND', field: 'bedId' },
  waitlist_one_open_per_id_number: { code: 'ALREADY_ON_WAITLIST', field: 'idNumber' },
  waitlist_applications_home_commune_code_communes_code_fk: {
    code: 'COMMUNE_NOT_FOUND',
    field: 'homeCommuneCode',
  },
  waitlist_applications_requested_facility_id_facilities_id_fk: {
    code: 'FACILITY_NOT_FOUND',
    field: 'requestedFacilityId',
  },
  investment_proposals_workflow: { code: 'PROPOSAL_MOVE_NOT_ALLOWED', field: 'status' },
};

function domainErrorFromDatabase(error: unknown): DomainError | null {
  const violation = constraintViolationOf(error);
  if (!violation?.constraint) return null;
  const known = constraintErrors[violation.constraint];
  if (!known) return null;
  const expected =
    violation.sqlState === pgErrorCodes.uniqueViolation ||
    violation.sqlState === pgErrorCodes.foreignKeyViolation ||
    violation.sqlState === pgErrorCodes.exclusionViolation ||
    // Rules across rows live in triggers, which report a check violation under a constraint name.
    violation.sqlState === pgErrorCodes.checkViolation;
  return expected ? new DomainError(known.code, { field: known.field }) : null;
}

/** The one place where failures inside procedures become transport errors. */
export function toTRPCError(cause: unknown): TRPCError | null {
  const domain = cause instanceof DomainError ? cause : domainErrorFromDatabase(cause);
  if (domain)
    return new TRPCError({ code: trpcCodeOf[domain.category], message: domain.message, cause: domain });
  // Services re-validate merged records with the shared schemas; those are input errors, not bugs.
  if (cause instanceof ZodError)
    return new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid input', cause });
  return null;
}

/**
 * Like z.flattenError, but nested fields keep their whole path ("resident.idNumber"), so a form made of
 * several parts can still put each message next to its own field.
 */
function fieldErrors(error: ZodError): { formErrors: string[]; fieldErrors: Record<string, string[]> } {
  const result = { formErrors: [] as string[], fieldErrors: {} as Record<string, string[]> };
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      result.formErrors.push(issue.message);
      continue;
    }
    const field = issue.path.join('.');
    result.fieldErrors[field] = [...(result.fieldErrors[field] ?? []), issue.message];
  }
  return result;
}

export interface ErrorData {
  zodError: ReturnType<typeof fieldErrors> | null;
  domainCode: DomainErrorCode | null;
  domainParams: Record<string, string | number>;
  requestId: string | null;
}

export function errorData(error: TRPCError, requestId: string | null): ErrorData {
  const cause = error.cause;
  return {
    zodError: error.code === 'BAD_REQUEST' && cause instanceof ZodError ? fieldErrors(cause) : null,
    domainCode: cause instanceof DomainError ? cause.code : null,
    domainParams: cause instanceof DomainError ? cause.params : {},
    requestId,
  };
}
