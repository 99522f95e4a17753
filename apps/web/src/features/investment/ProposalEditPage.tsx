import { type ProposalDetail, proposalInput } from '@ansinh/schemas/investment';
import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { changedFields, rebaseForm } from '../../lib/form-diff.ts';
import { revealFirstError } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useStaleVersion } from '../../lib/use-stale-version.tsx';
import { ProposalFormFrame } from './ProposalFormFrame.tsx';
import { formToSchemaInput, proposalToForm, useProposalForm } from './proposal-form.ts';
import { useProposalChanged } from './use-proposal-changed.ts';

export function ProposalEditPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const proposal = useQuery(trpc.investment.byId.queryOptions({ id }));
  if (proposal.isPending) return <PageLoader />;
  if (proposal.isError) return <ErrorState error={proposal.error} />;
  // Keyed so that navigating to another proposal starts a fresh form.
  return <ProposalEditForm key={id} proposal={proposal.data} />;
}

function ProposalEditForm({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const changed = useProposalChanged();
  const form = useProposalForm(proposalToForm(proposal));
  const errors = useServerErrors(form.setErrors);
  const { base, onSaveError, alert } = useStaleVersion({
    initial: proposal,
    fetchLatest: (b) =>
      queryClient.fetchQuery({ ...trpc.investment.byId.queryOptions({ id: b.id }), staleTime: 0 }),
    rebase: (b, latest) =>
      form.setValues(rebaseForm(form.getValues(), proposalToForm(b), proposalToForm(latest))),
    onReloadError: errors.onError,
  });

  const update = useMutation(
    trpc.investment.update.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved);
        notifications.show({ color: 'green', message: t('planning.investment.form.saved') });
        await navigate(`/investment/proposals/${saved.id}`);
      },
      onError: onSaveError(errors.onError),
    }),
  );

  const save = () => {
    if (form.validate().hasErrors) {
      revealFirstError();
      return;
    }
    const { facilityId: _facility, ...parsed } = proposalInput.parse(formToSchemaInput(form.getValues()));
    const changes = changedFields(parsed, base);
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: t('planning.investment.form.noChanges') });
      return;
    }
    update.mutate({ id: base.id, version: base.version, ...changes });
  };

  return (
    <ProposalFormFrame
      title={t('planning.investment.form.editTitle')}
      form={form}
      onSubmit={save}
      submitting={update.isPending}
      error={errors.general}
      cancelTo={`/investment/proposals/${base.id}`}
      facilityFixed
      notice={
        <>
          {!base.canEdit && <Alert color="yellow">{t('planning.investment.form.onlyDraft')}</Alert>}
          {alert}
        </>
      }
    />
  );
}
