import { residentInput } from '@ansinh/schemas/resident';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
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

export function ResidentFormFrame(props: ResidentFormFrameProps) {
  const { t } = useTranslation();
  const { form } = props;
  const duplicates = useDuplicateMatches(form.getValues(), props.residentId);
  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        {props.title}
      </Title>
      {props.notice}
      {/* At the top: the match shows up while the name and birth date are being typed. */}
      <DuplicateWarning matches={duplicates.matches} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        <Stack>
          <ResidentFormFields form={form} />
          {props.extra}
          {props.error ? <ErrorAlert error={props.error} /> : null}
          <Group justify="flex-end">
            {duplicates.blocking && (
              <Text size="sm" c="red">
                {t('resident.duplicates.blockingTitle')}
              </Text>
            )}
            <Button component={Link} to={props.cancelTo} variant="default">
              {t('common.cancel')}
            </Button>
            {/* The person is in care already and cannot be admitted twice; the panel above says where. */}
            <Button type="submit" loading={props.submitting} disabled={duplicates.blocking !== null}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
