import { residentInput } from '@ansinh/schemas/resident';
import { Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFrame } from '../../components/FormFrame.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { DuplicateWarning, useDuplicateMatches } from './duplicates.tsx';
import { ResidentFormFields } from './ResidentFormFields.tsx';
import { formToSchemaInput, type ResidentForm, type ResidentFormState } from './resident-form.ts';

/** The form validates with the very schema the API uses, so people see the server's rules before saving. */
export function useResidentForm(initialValues: ResidentFormState): ResidentForm {
  return useForm<ResidentFormState>({
    mode: 'controlled',
    initialValues,
    validate: (values) => zodFormErrors(residentInput, formToSchemaInput(values)),
  });
}

/** Server refusals that concern one input. */
export const residentErrorFields = {
  ID_NUMBER_EXISTS: 'idNumber',
  ID_NUMBER_IN_CARE: 'idNumber',
  COMMUNE_NOT_FOUND: 'homeCommuneCode',
} as const;

interface ResidentFormFrameProps {
  title: string;
  form: ResidentForm;
  /** Validates and saves; the frame only stops the browser's own submit. */
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  cancelTo: string;
  /** The record being edited, so it is not reported as a duplicate of itself. */
  residentId?: string;
  /** Above the fields, e.g. a version conflict. */
  notice?: ReactNode;
  /** Below the fields, e.g. the admission details. */
  extra?: ReactNode;
}

export function ResidentFormFrame({ form, residentId, notice, extra, ...frame }: ResidentFormFrameProps) {
  const { t } = useTranslation();
  const duplicates = useDuplicateMatches(form.getValues(), residentId);
  return (
    <FormFrame
      maw={1100}
      notice={
        <>
          {notice}
          {/* At the top: the match shows up while the name and birth date are being typed. */}
          <DuplicateWarning matches={duplicates.matches} />
        </>
      }
      status={
        duplicates.blocking && (
          <Text size="sm" c="red">
            {t('resident.duplicates.blockingTitle')}
          </Text>
        )
      }
      // The person is in care already and cannot be admitted twice; the panel above says where.
      submitDisabled={duplicates.blocking !== null}
      {...frame}
    >
      <ResidentFormFields form={form} />
      {extra}
    </FormFrame>
  );
}
