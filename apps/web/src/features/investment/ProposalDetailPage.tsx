import {
  type ProposalDetail,
  type ProposalEvent,
  type ProposalStatus,
  proposalCommentInput,
  suggestionKinds,
} from '@ansinh/schemas/investment';
import {
  Anchor,
  Button,
  DataList,
  Grid,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { formatDateTime, formatVnd } from '../../lib/format.ts';
import { oneOf } from '../../lib/url-params.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { PriorityBadge, ProposalStatusBadge } from './badges.tsx';
import { MoveModal, moveLabelKey } from './MoveModal.tsx';

export function ProposalDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const proposal = useQuery(trpc.investment.byId.queryOptions({ id }));
  if (proposal.isPending) return <PageLoader />;
  if (proposal.isError) return <ErrorState error={proposal.error} />;
  return <ProposalView proposal={proposal.data} />;
}

function ProposalView({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Anchor component={Link} to="/investment/proposals" size="sm">
        ← {t('planning.investment.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {proposal.item}
          </Title>
          <Group gap="xs" mt={4}>
            <ProposalStatusBadge status={proposal.status} />
            <PriorityBadge priority={proposal.priority} />
            <Text c="dimmed">{proposal.facilityName}</Text>
          </Group>
        </div>
        {proposal.canEdit && (
          <Button component={Link} to={`/investment/proposals/${proposal.id}/edit`}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ProposalFacts proposal={proposal} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <WorkflowPanel proposal={proposal} />
            <CommentsPanel proposal={proposal} />
          </Stack>
        </Grid.Col>
      </Grid>
      <EventsPanel events={proposal.events} />
      <Text size="xs" c="dimmed">
        {t('planning.investment.fields.createdAt')}: {formatDateTime(proposal.createdAt)} ·{' '}
        {t('planning.investment.fields.updatedAt')}: {formatDateTime(proposal.updatedAt)} ·{' '}
        {t('planning.investment.fields.version')}: {proposal.version}
      </Text>
    </Stack>
  );
}

function ProposalFacts({ proposal: p }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const originKind = oneOf(suggestionKinds, typeof p.origin?.kind === 'string' ? p.origin.kind : null);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('planning.investment.detail.general')}
      </Title>
      <DataList orientation="vertical" gap="xs">
        <Entry label={t('planning.investment.fields.facility')}>
          {p.facilityName} ({p.facilityCode})
        </Entry>
        <Entry label={t('planning.investment.fields.category')}>
          {t(`planning.investment.categories.${p.category}`)}
        </Entry>
        <Entry label={t('planning.investment.fields.estimatedCostVnd')}>
          <Text fw={700} data-testid="proposal-cost">
            {formatVnd(p.estimatedCostVnd)}
          </Text>
        </Entry>
        <Entry label={t('planning.investment.fields.requestedYear')}>{p.requestedYear}</Entry>
        <Entry label={t('planning.investment.fields.fundingSource')}>
          {t(`planning.investment.fundingSources.${p.fundingSource}`)}
        </Entry>
        <Entry label={t('planning.investment.fields.priority')}>
          {t(`planning.investment.priorities.${p.priority}`)}
        </Entry>
        <Entry label={t('planning.investment.fields.justification')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{p.justification || t('common.empty')}</Text>
        </Entry>
        {originKind && (
          <Entry label={t('planning.investment.detail.origin')}>
            {t(`planning.investment.needs.kinds.${originKind}`)}
          </Entry>
        )}
        <Entry label={t('planning.investment.fields.createdBy')}>
          {p.createdByName ?? t('common.empty')}
        </Entry>
      </DataList>
    </Paper>
  );
}

/** Who acts next when the viewer has no move: the centre on a draft or a rejection, otherwise the department. */
function waitingFor(status: ProposalStatus): 'centre' | 'department' | 'done' {
  if (status === 'completed') return 'done';
  return status === 'draft' || status === 'rejected' ? 'centre' : 'department';
}

/** Only the moves the viewer's side may make from here are offered (the server says which). */
function WorkflowPanel({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState<ProposalStatus | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('planning.investment.detail.workflow')}
      </Title>
      {proposal.allowedMoves.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t(`planning.investment.detail.waitingFor.${waitingFor(proposal.status)}`)}
        </Text>
      ) : (
        <Group gap="sm">
          {proposal.allowedMoves.map((to) => (
            <Button
              key={to}
              color={
                to === 'rejected' ? 'red' : to === 'draft' ? 'gray' : to === 'approved' ? 'green' : undefined
              }
              variant={to === 'draft' ? 'default' : 'filled'}
              onClick={() => setMoving(to)}
            >
              {t(moveLabelKey(proposal.status, to))}
            </Button>
          ))}
        </Group>
      )}
      {moving && <MoveModal proposal={proposal} to={moving} onClose={() => setMoving(null)} />}
    </Paper>
  );
}

function CommentsPanel({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const comments = proposal.events.filter((e) => e.comment);
  const toInput = (v: { text: string }) => ({ id: proposal.id, text: v.text });
  const form = useForm({
    mode: 'controlled',
    initialValues: { text: '' },
    validate: (values) => zodFormErrors(proposalCommentInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const comment = useMutation(
    trpc.investment.comment.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        form.reset();
        notifications.show({ color: 'green', message: t('planning.investment.detail.commented') });
        await queryClient.invalidateQueries({ queryKey: trpc.investment.byId.queryKey({ id: proposal.id }) });
      },
      onError: errors.onError,
    }),
  );
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('planning.investment.detail.comments')}
      </Title>
      <Stack gap="sm" mb="md" data-testid="proposal-comments">
        {comments.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('planning.investment.detail.noComments')}
          </Text>
        )}
        {comments.map((e) => (
          <Paper key={e.id} bg="gray.0" p="xs" radius="sm">
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {e.actorName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
                {e.toStatus && ` · ${t(`planning.investment.statuses.${e.toStatus}`)}`}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {e.comment}
            </Text>
          </Paper>
        ))}
      </Stack>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => comment.mutate(proposalCommentInput.parse(toInput(v))))}
      >
        <Stack gap="xs">
          <Textarea
            label={t('planning.investment.detail.commentLabel')}
            placeholder={t('planning.investment.detail.commentPlaceholder')}
            autosize
            minRows={2}
            {...form.getInputProps('text')}
          />
          {errors.general ? <ErrorAlert error={errors.general} /> : null}
          <Group justify="flex-end">
            <Button type="submit" size="xs" variant="light" loading={comment.isPending}>
              {t('planning.investment.detail.addComment')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function stepText(t: TFunction, e: ProposalEvent): string {
  if (e.fromStatus === null && e.toStatus === 'draft') return t('planning.investment.detail.created');
  if (e.toStatus === null) return t('planning.investment.detail.commentOnly');
  return t('planning.investment.detail.moved', {
    from: e.fromStatus ? t(`planning.investment.statuses.${e.fromStatus}`) : '',
    to: t(`planning.investment.statuses.${e.toStatus}`),
  });
}

/** Every step in the order it happened, with who took it and what they wrote. */
function EventsPanel({ events }: { events: ProposalEvent[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('planning.investment.detail.events')}
      </Title>
      {events.length === 0 ? (
        <Text c="dimmed">{t('planning.investment.detail.noEvents')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table data-testid="proposal-events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planning.investment.detail.at')}</Table.Th>
                <Table.Th>{t('planning.investment.detail.actor')}</Table.Th>
                <Table.Th>{t('planning.investment.detail.step')}</Table.Th>
                <Table.Th>{t('planning.investment.detail.comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actorName}</Table.Td>
                  <Table.Td>{stepText(t, e)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
