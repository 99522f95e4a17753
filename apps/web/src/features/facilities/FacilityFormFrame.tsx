import { facilityInput } from '@ansinh/schemas/facility';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { FormFrame } from '../../components/FormFrame.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { FacilityFormFields, type FieldAccess } from './FacilityFormFields.tsx';
import {
  type FacilityForm,
  type FacilityFormState,
  formToSchemaInput,
  type ParsedFacility,
} from './facility-form.ts';

/** The form validates with the very schema the API uses, so people see the server's rules before saving. */
export function useFacilityForm(initialValues: FacilityFormState): FacilityForm {
  return useForm<FacilityFormState>({
    mode: 'controlled',
    initialValues,
    validate: (values) => zodFormErrors(facilityInput, formToSchemaInput(values)),
  });
}

/** Server refusals that concern one input. */
export const facilityErrorFields = {
  FACILITY_CODE_TAKEN: 'code',
  COMMUNE_NOT_FOUND: 'communeCode',
} as const;

interface FacilityFormFrameProps {
  title: string;
  form: FacilityForm;
  onSubmit: (parsed: ParsedFacility) => void;
  submitting: boolean;
  /** A failure that belongs to no single field. */
  error: unknown;
  cancelTo: string;
  access: FieldAccess;
  /** Shown above the fields, e.g. the operator rules or a version conflict. */
  notice?: ReactNode;
}

export function FacilityFormFrame({ form, onSubmit, access, ...frame }: FacilityFormFrameProps) {
  return (
    <FormFrame
      maw={960}
      onSubmit={form.onSubmit((values) => onSubmit(facilityInput.parse(formToSchemaInput(values))))}
      {...frame}
    >
      <FacilityFormFields form={form} {...access} />
    </FormFrame>
  );
}
