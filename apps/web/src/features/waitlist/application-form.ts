import type { FacilityType } from '@ansinh/schemas/facility';
import type { DisabilityLevel, ResidentGroup } from '@ansinh/schemas/resident';
import {
  type ApplicationDetail,
  type ApplicationInput,
  applicationInput,
  type Urgency,
  type Vulnerability,
} from '@ansinh/schemas/waitlist';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { today } from '../../lib/format.ts';

const flagFields = ['lonelyElderly', 'orphanOrAbandoned', 'noMeansOfSupport', 'mentalIllness'] as const;
export type FlagField = (typeof flagFields)[number];
export { flagFields };

/**
 * What the inputs hold: '' for empty text, null for an unchosen option; the home province only
 * narrows the commune list (an application stores the commune alone).
 */
export type ApplicationFormState = {
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  idNumber: string;
  homeProvinceCode: string | null;
  homeCommuneCode: string | null;
  group: ResidentGroup | null;
  urgency: Urgency;
  disabilityLevel: DisabilityLevel | null;
  requestedFacilityId: string | null;
  requestedFacilityType: FacilityType | null;
  appliedOn: string | null;
  notes: string;
} & Record<FlagField, boolean>;

export type ApplicationForm = UseFormReturnType<ApplicationFormState>;

export function emptyApplicationForm(
  homeProvinceCode: string | null,
  requestedFacilityId: string | null,
): ApplicationFormState {
  return {
    fullName: '',
    birthDate: null,
    sex: null,
    idNumber: '',
    homeProvinceCode,
    homeCommuneCode: null,
    group: null,
    urgency: 'normal',
    disabilityLevel: null,
    lonelyElderly: false,
    orphanOrAbandoned: false,
    noMeansOfSupport: false,
    mentalIllness: false,
    requestedFacilityId,
    requestedFacilityType: null,
    appliedOn: today(),
    notes: '',
  };
}

export function applicationToForm(
  a: ApplicationDetail,
  homeProvinceCode: string | null,
): ApplicationFormState {
  return {
    fullName: a.fullName,
    birthDate: a.birthDate,
    sex: a.sex,
    idNumber: a.idNumber ?? '',
    homeProvinceCode,
    homeCommuneCode: a.homeCommuneCode,
    group: a.group,
    urgency: a.urgency,
    disabilityLevel: a.vulnerability.disabilityLevel ?? null,
    lonelyElderly: a.vulnerability.lonelyElderly ?? false,
    orphanOrAbandoned: a.vulnerability.orphanOrAbandoned ?? false,
    noMeansOfSupport: a.vulnerability.noMeansOfSupport ?? false,
    mentalIllness: a.vulnerability.mentalIllness ?? false,
    requestedFacilityId: a.requestedFacilityId,
    requestedFacilityType: a.requestedFacilityType,
    appliedOn: a.appliedOn,
    notes: a.notes ?? '',
  };
}

/** Only what applies is stored: the disability level when there is one, the circumstances that hold. */
export function canonicalVulnerability(v: Vulnerability): Vulnerability {
  const out: Vulnerability = {};
  if (v.disabilityLevel) out.disabilityLevel = v.disabilityLevel;
  for (const flag of flagFields) if (v[flag]) out[flag] = true;
  return out;
}

/** The raw object handed to the shared zod schema, which does the trimming, parsing and checking. */
export function formToSchemaInput(v: ApplicationFormState) {
  return {
    fullName: v.fullName,
    birthDate: v.birthDate || null,
    sex: v.sex,
    idNumber: v.idNumber,
    homeCommuneCode: v.homeCommuneCode,
    group: v.group,
    urgency: v.urgency,
    vulnerability: canonicalVulnerability({
      disabilityLevel: v.disabilityLevel,
      lonelyElderly: v.lonelyElderly,
      orphanOrAbandoned: v.orphanOrAbandoned,
      noMeansOfSupport: v.noMeansOfSupport,
      mentalIllness: v.mentalIllness,
    }),
    requestedFacilityId: v.requestedFacilityId,
    requestedFacilityType: v.requestedFacilityType,
    appliedOn: v.appliedOn ?? '',
    notes: v.notes,
  };
}

/** The vulnerability facts are one field to the API; on the form each fact is its own input. */
function toFormPaths(errors: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => [path.replace(/^vulnerability\./, ''), message]),
  ) as Record<string, string>;
}

export function useApplicationForm(initialValues: ApplicationFormState): ApplicationForm {
  return useForm<ApplicationFormState>({
    mode: 'controlled',
    initialValues,
    validate: (values) => toFormPaths(zodFormErrors(applicationInput, formToSchemaInput(values))),
  });
}

/** The fields of `parsed` that differ from the stored application (the vulnerability compared as a whole). */
export function changedApplicationFields(
  parsed: ApplicationInput,
  base: ApplicationDetail,
): Partial<ApplicationInput> {
  const changes: Partial<Record<keyof ApplicationInput, unknown>> = {};
  for (const key of Object.keys(parsed) as (keyof ApplicationInput)[]) {
    const before =
      key === 'vulnerability' ? JSON.stringify(canonicalVulnerability(base.vulnerability)) : base[key];
    const after = key === 'vulnerability' ? JSON.stringify(parsed.vulnerability) : parsed[key];
    if (before !== after) changes[key] = parsed[key];
  }
  return changes as Partial<ApplicationInput>;
}

/** Server refusals that concern one input. */
export const applicationErrorFields = {
  ALREADY_ON_WAITLIST: 'idNumber',
  COMMUNE_NOT_FOUND: 'homeCommuneCode',
  FACILITY_NOT_FOUND: 'requestedFacilityId',
} as const;
