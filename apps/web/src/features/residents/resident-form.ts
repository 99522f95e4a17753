import {
  circumstanceFields,
  type DisabilityLevel,
  type disabilityTypes,
  incomeFields,
  type mentalIllnessSeverities,
  type ResidentDetail,
  type ResidentGroup,
  type ResidentInput,
  type sexes,
} from '@ansinh/schemas/resident';
import type { UseFormReturnType } from '@mantine/form';

/** A circumstance as the segmented control holds it; 'unknown' is stored as NULL ("not recorded"). */
export type Tri = 'yes' | 'no' | 'unknown';
type FlagField = (typeof circumstanceFields)[number];
type IncomeField = (typeof incomeFields)[number];

/**
 * What the inputs hold: '' for empty text and number inputs, a year alone when only the birth year is
 * known, and the home province only to narrow the commune list (a resident stores the commune alone).
 */
export type ResidentFormState = {
  fullName: string;
  birthDatePrecision: 'day' | 'year';
  birthDate: string | null;
  birthYear: number | string;
  sex: (typeof sexes)[number] | null;
  idNumber: string;
  ethnicity: string;
  homeProvinceCode: string | null;
  homeCommuneCode: string | null;
  group: ResidentGroup | null;
  disabilityType: (typeof disabilityTypes)[number] | null;
  disabilityLevel: DisabilityLevel | null;
  disabilityCertificate: string;
  mentalIllnessSeverity: (typeof mentalIllnessSeverities)[number] | null;
  selfCare: Tri;
  foundHomeless: Tri;
  studyingUntil: string | null;
  emergencyExtendedUntil: string | null;
  healthInsuranceNumber: string;
  guardianContacts: string;
  notes: string;
} & Record<FlagField, Tri> &
  Record<IncomeField, number | string>;

export type ResidentForm = UseFormReturnType<ResidentFormState>;

export interface AdmissionFormState {
  facilityId: string | null;
  admittedOn: string | null;
  decisionNumber: string;
  /** A free bed of the facility, or none: the person can be placed later. */
  bedId: string | null;
}

const toTri = (value: boolean | null): Tri => (value === null ? 'unknown' : value ? 'yes' : 'no');
const fromTri = (value: Tri): boolean | null => (value === 'unknown' ? null : value === 'yes');

export function emptyResidentForm(homeProvinceCode: string): ResidentFormState {
  return {
    fullName: '',
    birthDatePrecision: 'day',
    birthDate: null,
    birthYear: '',
    sex: null,
    idNumber: '',
    ethnicity: '',
    homeProvinceCode,
    homeCommuneCode: null,
    group: null,
    disabilityType: null,
    disabilityLevel: null,
    disabilityCertificate: '',
    mentalIllnessSeverity: null,
    selfCare: 'unknown',
    foundHomeless: 'unknown',
    studyingUntil: null,
    emergencyExtendedUntil: null,
    healthInsuranceNumber: '',
    guardianContacts: '',
    notes: '',
    ...(Object.fromEntries(circumstanceFields.map((f) => [f, 'unknown'])) as Record<FlagField, Tri>),
    ...(Object.fromEntries(incomeFields.map((f) => [f, ''])) as Record<IncomeField, string>),
  };
}

/** `fallbackProvince` (the deployment's home province) is used when the record names no home commune. */
export function residentToForm(r: ResidentDetail, fallbackProvince: string): ResidentFormState {
  return {
    fullName: r.fullName,
    birthDatePrecision: r.birthDatePrecision,
    birthDate: r.birthDatePrecision === 'day' ? r.birthDate : null,
    birthYear: Number(r.birthDate.slice(0, 4)),
    sex: r.sex,
    idNumber: r.idNumber ?? '',
    ethnicity: r.ethnicity ?? '',
    homeProvinceCode: r.homeProvinceCode ?? fallbackProvince,
    homeCommuneCode: r.homeCommuneCode,
    group: r.group,
    disabilityType: r.disabilityType,
    disabilityLevel: r.disabilityLevel,
    disabilityCertificate: r.disabilityCertificate ?? '',
    mentalIllnessSeverity: r.mentalIllnessSeverity,
    selfCare: toTri(r.selfCare),
    foundHomeless: toTri(r.foundHomeless),
    studyingUntil: r.studyingUntil,
    emergencyExtendedUntil: r.emergencyExtendedUntil,
    healthInsuranceNumber: r.healthInsuranceNumber ?? '',
    guardianContacts: r.guardianContacts ?? '',
    notes: r.notes ?? '',
    ...(Object.fromEntries(circumstanceFields.map((f) => [f, toTri(r[f])])) as Record<FlagField, Tri>),
    ...(Object.fromEntries(incomeFields.map((f) => [f, r[f] ?? ''])) as Record<IncomeField, number | string>),
  };
}

/** The ISO birth date the form stands for; a year alone is stored as 1 January of that year. */
export function birthDateOf(v: ResidentFormState): string {
  if (v.birthDatePrecision === 'day') return v.birthDate ?? '';
  return v.birthYear === '' ? '' : `${v.birthYear}-01-01`;
}

/** The raw object handed to the shared zod schema, which does the trimming, parsing and checking. */
export function formToSchemaInput(v: ResidentFormState): Record<keyof ResidentInput, unknown> {
  const hasDisability = v.disabilityLevel !== null;
  return {
    fullName: v.fullName,
    birthDate: birthDateOf(v),
    birthDatePrecision: v.birthDatePrecision,
    sex: v.sex,
    idNumber: v.idNumber,
    ethnicity: v.ethnicity,
    homeCommuneCode: v.homeCommuneCode,
    group: v.group,
    // Type and certificate inputs are hidden without a disability; leftovers must not be stored.
    disabilityType: hasDisability ? v.disabilityType : null,
    disabilityLevel: v.disabilityLevel,
    disabilityCertificate: hasDisability ? v.disabilityCertificate : '',
    mentalIllnessSeverity: v.mentalIllnessSeverity,
    selfCare: fromTri(v.selfCare),
    foundHomeless: fromTri(v.foundHomeless),
    ...(Object.fromEntries(circumstanceFields.map((f) => [f, fromTri(v[f])])) as Record<
      FlagField,
      boolean | null
    >),
    ...(Object.fromEntries(incomeFields.map((f) => [f, v[f] === '' ? null : v[f]])) as Record<
      IncomeField,
      unknown
    >),
    studyingUntil: v.studyingUntil || null,
    // Only emergency (k2) protection is extended; the input is hidden for other groups.
    emergencyExtendedUntil: v.group === 'k2_emergency' ? v.emergencyExtendedUntil || null : null,
    healthInsuranceNumber: v.healthInsuranceNumber,
    guardianContacts: v.guardianContacts,
    notes: v.notes,
  };
}

export function admissionToSchemaInput(a: AdmissionFormState) {
  return {
    facilityId: a.facilityId,
    admittedOn: a.admittedOn ?? '',
    decisionNumber: a.decisionNumber,
    bedId: a.bedId,
  };
}
