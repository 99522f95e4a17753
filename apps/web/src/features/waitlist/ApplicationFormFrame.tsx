import type { ReactNode } from 'react';
import { FormFrame } from '../../components/FormFrame.tsx';
import { ApplicationFormFields } from './ApplicationFormFields.tsx';
import type { ApplicationForm } from './application-form.ts';

interface ApplicationFormFrameProps {
  title: string;
  form: ApplicationForm;
  /** Validates and saves; the frame only stops the browser's own submit. */
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  cancelTo: string;
  communeName?: string;
  /** Above the fields, e.g. a version conflict. */
  notice?: ReactNode;
}

export function ApplicationFormFrame({ form, communeName, ...frame }: ApplicationFormFrameProps) {
  return (
    <FormFrame maw={1000} {...frame}>
      <ApplicationFormFields form={form} communeName={communeName} />
    </FormFrame>
  );
}
