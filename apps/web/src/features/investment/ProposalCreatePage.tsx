import { proposalInput } from '@ansinh/schemas/investment';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useFacilityScope } from '../../auth/session.tsx';
import { revealFirstError } from '../../lib/form-errors.ts';
import { uuidParam } from '../../lib/url-params.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { ProposalFormFrame } from './ProposalFormFrame.tsx';
import { emptyProposalForm, formToSchemaInput, useProposalForm } from './proposal-form.ts';
import { useProposalChanged } from './use-proposal-changed.ts';

export function ProposalCreatePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const changed = useProposalChanged();
  const { ownFacilityId } = useFacilityScope();
  const form = useProposalForm(emptyProposalForm(uuidParam(params.get('facilityId')) ?? ownFacilityId));
  const errors = useServerErrors(form.setErrors, { FACILITY_NOT_FOUND: 'facilityId' });
  const create = useMutation(
    trpc.investment.create.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (proposal) => {
        await changed(proposal);
        notifications.show({
          color: 'green',
          message: t('planning.investment.form.created', { item: proposal.item }),
        });
        await navigate(`/investment/proposals/${proposal.id}`);
      },
      onError: errors.onError,
    }),
  );
  const submit = () => {
    if (form.validate().hasErrors) {
      revealFirstError();
      return;
    }
    create.mutate(proposalInput.parse(formToSchemaInput(form.getValues())));
  };
  return (
    <ProposalFormFrame
      title={t('planning.investment.form.createTitle')}
      form={form}
      onSubmit={submit}
      submitting={create.isPending}
      error={errors.general}
      cancelTo="/investment/proposals"
    />
  );
}
