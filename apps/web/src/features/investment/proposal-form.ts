import {
  type Proposal,
  type ProposalCategory,
  type ProposalFundingSource,
  type ProposalPriority,
  proposalInput,
} from '@ansinh/schemas/investment';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { zodFormErrors } from '../../lib/form-errors.ts';

/** What the inputs hold: '' for empty text and number inputs, null for an unchosen option. */
export interface ProposalFormState {
  facilityId: string | null;
  item: string;
  category: ProposalCategory | null;
  estimatedCostVnd: number | string;
  priority: ProposalPriority | null;
  requestedYear: number | string;
  fundingSource: ProposalFundingSource | null;
  justification: string;
}

export type ProposalForm = UseFormReturnType<ProposalFormState>;

/** A new proposal is usually for next year's budget. */
export function emptyProposalForm(facilityId: string | null): ProposalFormState {
  return {
    facilityId,
    item: '',
    category: null,
    estimatedCostVnd: '',
    priority: 'medium',
    requestedYear: new Date().getFullYear() + 1,
    fundingSource: 'provincial_budget',
    justification: '',
  };
}

export function proposalToForm(p: Proposal): ProposalFormState {
  return {
    facilityId: p.facilityId,
    item: p.item,
    category: p.category,
    estimatedCostVnd: p.estimatedCostVnd,
    priority: p.priority,
    requestedYear: p.requestedYear,
    fundingSource: p.fundingSource,
    justification: p.justification ?? '',
  };
}

const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

/** The raw object handed to the shared zod schema, which does the trimming and checking. */
export function formToSchemaInput(v: ProposalFormState) {
  return {
    facilityId: v.facilityId,
    item: v.item,
    category: v.category,
    estimatedCostVnd: numberOrNull(v.estimatedCostVnd),
    priority: v.priority,
    requestedYear: numberOrNull(v.requestedYear),
    fundingSource: v.fundingSource,
    justification: v.justification,
  };
}

/** Validated with the very schema the API uses, so people see the server's rules before saving. */
export function useProposalForm(initialValues: ProposalFormState): ProposalForm {
  return useForm<ProposalFormState>({
    mode: 'controlled',
    initialValues,
    validate: (values) => zodFormErrors(proposalInput, formToSchemaInput(values)),
  });
}
