import type { ReactNode } from 'react';
import { FormFrame } from '../../components/FormFrame.tsx';
import { ProposalFormFields } from './ProposalFormFields.tsx';
import type { ProposalForm } from './proposal-form.ts';

interface ProposalFormFrameProps {
  title: string;
  form: ProposalForm;
  /** Validates and saves; the frame only stops the browser's own submit. */
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  cancelTo: string;
  facilityFixed?: boolean;
  /** Above the fields, e.g. a version conflict. */
  notice?: ReactNode;
}

export function ProposalFormFrame({ form, facilityFixed, ...frame }: ProposalFormFrameProps) {
  return (
    <FormFrame maw={900} bordered {...frame}>
      <ProposalFormFields form={form} facilityFixed={facilityFixed} />
    </FormFrame>
  );
}
