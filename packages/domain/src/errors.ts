/**
 * Business failures carry a stable code so every layer can react to the same fact:
 * the API maps the category to a transport status once, the web app translates the code.
 */
export type DomainErrorCategory =
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'precondition'
  | 'rate_limited';

const categories = {
  FACILITY_NOT_FOUND: 'not_found',
  USER_NOT_FOUND: 'not_found',
  COMMUNE_NOT_FOUND: 'not_found',
  STALE_VERSION: 'conflict',
  FACILITY_CODE_TAKEN: 'conflict',
  USERNAME_TAKEN: 'conflict',
  FORBIDDEN: 'forbidden',
  ORIGIN_MISMATCH: 'forbidden',
  DEPARTMENT_ONLY_FIELD: 'forbidden',
  CANNOT_DEACTIVATE_SELF: 'precondition',
  CANNOT_CHANGE_OWN_ROLE: 'precondition',
  RESIDENT_NOT_FOUND: 'not_found',
  ID_NUMBER_IN_CARE: 'conflict',
  ID_NUMBER_EXISTS: 'conflict',
  POSSIBLE_DUPLICATE: 'precondition',
  ALREADY_IN_CARE: 'conflict',
  NOT_IN_CARE: 'precondition',
  DATE_BEFORE_ADMISSION: 'precondition',
  STAY_OVERLAP: 'conflict',
  RULE_NOT_FOUND: 'not_found',
  RULE_NOT_EDITABLE: 'precondition',
  IMPORT_NOT_FOUND: 'not_found',
  IMPORT_NOT_VALIDATED: 'precondition',
  IMPORT_HAS_ERRORS: 'precondition',
  ITEM_NOT_FOUND: 'not_found',
  ASSET_CODE_TAKEN: 'conflict',
  ITEM_DISPOSED: 'precondition',
  REQUEST_PENDING: 'conflict',
  REQUEST_NOT_FOUND: 'not_found',
  REQUEST_DECIDED: 'precondition',
  STOCKTAKE_OPEN: 'conflict',
  STOCKTAKE_NOT_FOUND: 'not_found',
  STOCKTAKE_APPLIED: 'precondition',
  ITEM_NOT_IN_FACILITY: 'precondition',
  CUSTOM_FIELD_INVALID: 'precondition',
  MODEL_NOT_FOUND: 'not_found',
  ROOM_NOT_FOUND: 'not_found',
  ROOM_NAME_TAKEN: 'conflict',
  ROOM_HAS_BEDS: 'precondition',
  BED_NOT_FOUND: 'not_found',
  BED_CODE_TAKEN: 'conflict',
  BED_TAKEN: 'conflict',
  BED_OUT_OF_SERVICE: 'precondition',
  BED_RESERVED: 'conflict',
  BED_OCCUPIED: 'precondition',
  BED_NOT_IN_FACILITY: 'precondition',
  ALREADY_IN_BED: 'conflict',
  NO_CURRENT_BED: 'precondition',
  ASSIGNMENT_OUTSIDE_STAY: 'precondition',
  APPLICATION_NOT_FOUND: 'not_found',
  APPLICATION_CLOSED: 'precondition',
  ALREADY_ON_WAITLIST: 'conflict',
  OFFER_NOT_FOUND: 'not_found',
  OFFER_DECIDED: 'precondition',
  OFFER_OPEN: 'conflict',
  PROPOSAL_NOT_FOUND: 'not_found',
  PROPOSAL_MOVE_NOT_ALLOWED: 'precondition',
  PROPOSAL_NOT_EDITABLE: 'precondition',
  ASSESSMENT_NOT_FOUND: 'not_found',
  SETTINGS_INVALID: 'precondition',
  NOT_SIGNED_IN: 'unauthenticated',
  INVALID_CREDENTIALS: 'unauthenticated',
  LOGIN_RATE_LIMITED: 'rate_limited',
} as const satisfies Record<string, DomainErrorCategory>;

export type DomainErrorCode = keyof typeof categories;
export const domainErrorCodes = Object.keys(categories) as DomainErrorCode[];

export class DomainError extends Error {
  readonly category: DomainErrorCategory;

  constructor(
    readonly code: DomainErrorCode,
    /** Values the UI may interpolate into the translated message (e.g. minutes to wait). */
    readonly params: Record<string, string | number> = {},
    message: string = code,
  ) {
    super(message);
    this.name = 'DomainError';
    this.category = categories[code];
  }
}
