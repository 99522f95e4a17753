import { type ProposalDetail, type ProposalStatus, proposalMoveInput } from '@ansinh/schemas/investment';
import { Alert, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { domainCodeOf } from '../../lib/errors.ts';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useProposalChanged } from './use-proposal-changed.ts';

type MoveKey = Exclude<ProposalStatus, 'draft'> | 'withdraw' | 'reopen';

/** The button's words: back to draft is a withdrawal before review and a reopening after a rejection. */
export function moveLabelKey(from: ProposalStatus, to: ProposalStatus) {
  const key: MoveKey = to === 'draft' ? (from === 'submitted' ? 'withdraw' : 'reopen') : to;
  return `planning.investment.moves.${key}` as const;
}

/** One step of the workflow, with a comment for the record (the reason, when rejecting). */
export function MoveModal({
  proposal,
  to,
  onClose,
}: {
  proposal: ProposalDetail;
  to: ProposalStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const changed = useProposalChanged();
  const rejecting = to === 'rejected';
  const toInput = (v: { comment: string }) => ({
    id: proposal.id,
    to,
    comment: v.comment,
    version: proposal.version,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { comment: '' },
    validate: (values) => zodFormErrors(proposalMoveInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const move = useMutation(
    trpc.investment.move.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved);
        notifications.show({
          color: 'green',
          message: t('planning.investment.move.done', {
            status: t(`planning.investment.statuses.${saved.status}`),
          }),
        });
        onClose();
      },
      onError: async (error) => {
        if (domainCodeOf(error) !== 'STALE_VERSION') {
          errors.onError(error);
          return;
        }
        // Someone moved or edited it meanwhile: show what it is now rather than guess the user's intent.
        await queryClient.invalidateQueries({ queryKey: trpc.investment.byId.queryKey({ id: proposal.id }) });
        notifications.show({ color: 'orange', message: t('planning.investment.move.stale') });
        onClose();
      },
    }),
  );
  const action = t(moveLabelKey(proposal.status, to));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('planning.investment.move.title', { action, item: proposal.item })}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => move.mutate(proposalMoveInput.parse(toInput(v))))}>
        <Stack>
          <Alert color={rejecting ? 'red' : 'blue'}>
            {t('planning.investment.move.hint', {
              from: t(`planning.investment.statuses.${proposal.status}`),
              to: t(`planning.investment.statuses.${to}`),
            })}
          </Alert>
          <Textarea
            label={t(
              rejecting ? 'planning.investment.move.commentRequired' : 'planning.investment.move.comment',
            )}
            required={rejecting}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('comment')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={action}
          submitting={move.isPending}
          error={errors.general}
          color={rejecting ? 'red' : undefined}
        />
      </form>
    </Modal>
  );
}
