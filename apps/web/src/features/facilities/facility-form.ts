import type {
  Facility,
  FacilityInput,
  FacilityStatus,
  FacilityType,
  facilityInput,
  Ownership,
} from '@ansinh/schemas/facility';
import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';

/**
 * What the inputs hold: text inputs use '' for "nothing", NumberInput gives '' or a number, and the
 * province is only there to narrow the commune list (a facility stores its commune alone).
 */
export interface FacilityFormState {
  code: string;
  name: string;
  type: FacilityType | null;
  ownership: Ownership;
  provinceCode: string | null;
  communeCode: string | null;
  address: string;
  phone: string;
  licensedCapacity: number | string;
  landAreaM2: number | string;
  bedroomAreaM2: number | string;
  status: FacilityStatus;
  decisionNumber: string;
  decisionDate: string | null;
  operatorOrganisation: string;
  careCostVnd: number | string;
}

export type FacilityForm = UseFormReturnType<FacilityFormState>;

export function emptyFacilityForm(homeProvinceCode: string): FacilityFormState {
  return {
    code: '',
    name: '',
    type: null,
    ownership: 'public',
    provinceCode: homeProvinceCode,
    communeCode: null,
    address: '',
    phone: '',
    licensedCapacity: '',
    landAreaM2: '',
    bedroomAreaM2: '',
    status: 'operating',
    decisionNumber: '',
    decisionDate: null,
    operatorOrganisation: '',
    careCostVnd: '',
  };
}

export function facilityToForm(f: Facility): FacilityFormState {
  return {
    code: f.code,
    name: f.name,
    type: f.type,
    ownership: f.ownership,
    provinceCode: f.provinceCode,
    communeCode: f.communeCode,
    address: f.address ?? '',
    phone: f.phone ?? '',
    licensedCapacity: f.licensedCapacity,
    landAreaM2: f.landAreaM2 ?? '',
    bedroomAreaM2: f.bedroomAreaM2 ?? '',
    status: f.status,
    decisionNumber: f.decisionNumber ?? '',
    decisionDate: f.decisionDate,
    operatorOrganisation: f.operatorOrganisation ?? '',
    careCostVnd: f.careCostVnd ?? '',
  };
}

const optionalNumber = (value: number | string) => (value === '' ? null : value);

/** The raw object handed to the shared zod schema, which does the trimming, parsing and checking. */
export function formToSchemaInput(v: FacilityFormState): Record<keyof FacilityInput, unknown> {
  return {
    code: v.code,
    name: v.name,
    type: v.type,
    ownership: v.ownership,
    communeCode: v.communeCode,
    address: v.address,
    phone: v.phone,
    licensedCapacity: v.licensedCapacity === '' ? undefined : v.licensedCapacity,
    landAreaM2: optionalNumber(v.landAreaM2),
    bedroomAreaM2: optionalNumber(v.bedroomAreaM2),
    status: v.status,
    decisionNumber: v.decisionNumber,
    decisionDate: v.decisionDate || null,
    // The input is hidden for public facilities; a value left over from before must not block saving.
    operatorOrganisation: v.ownership === 'non_public' ? v.operatorOrganisation : '',
    careCostVnd: optionalNumber(v.careCostVnd),
  };
}

export type ParsedFacility = z.output<typeof facilityInput>;
