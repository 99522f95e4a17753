import { decisionInput, requestKinds, requestStatuses } from '@ansinh/schemas/equipment';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { Busy } from '../../components/Busy.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { oneOf, pageSizeParam, positiveInt, toSearchParams } from '../../lib/url-params.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { EquipmentRequest } from './types.ts';

const statusColors = { requested: 'yellow', approved: 'green', rejected: 'gray' } as const;
const defaultPageSize = 20;

function useRequestListState() {
  const [params, setParams] = useSearchParams();
  const state = {
    status: oneOf(requestStatuses, params.get('status')),
    kind: oneOf(requestKinds, params.get('kind')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizeParam(params.get('size'), defaultPageSize),
  };
  const update = (changes: Partial<typeof state>) => {
    const next = { ...state, page: 1, ...changes };
    setParams(
      toSearchParams([
        ['status', next.status],
        ['kind', next.kind],
        ['page', next.page === 1 ? null : next.page],
        ['size', next.pageSize === defaultPageSize ? null : next.pageSize],
      ]),
    );
  };
  return [state, update] as const;
}

type Decision = { request: EquipmentRequest; approve: boolean };

/** Transfers and disposals: centres follow their requests, the department decides them. */
export function RequestsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const canApprove = useCan('equipment.approve');
  const [state, update] = useRequestListState();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const list = useQuery({
    ...trpc.equipment.requests.list.queryOptions({
      status: state.status ?? undefined,
      kind: state.kind ?? undefined,
      page: state.page,
      pageSize: state.pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('equipment.requests.title')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('equipment.requests.status')}
          placeholder={t('common.all')}
          clearable
          w={220}
          data={requestStatuses.map((value) => ({ value, label: t(`equipment.requestStatuses.${value}`) }))}
          value={state.status}
          onChange={(value) => update({ status: oneOf(requestStatuses, value) })}
        />
        <Select
          label={t('equipment.requests.kind')}
          placeholder={t('common.all')}
          clearable
          w={220}
          data={requestKinds.map((value) => ({ value, label: t(`equipment.requestKinds.${value}`) }))}
          value={state.kind}
          onChange={(value) => update({ kind: oneOf(requestKinds, value) })}
        />
        <ExportButton
          download={() =>
            client.equipment.requests.export.query({
              status: state.status ?? undefined,
              kind: state.kind ?? undefined,
            })
          }
        />
      </Group>
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && (
        <>
          <Busy busy={list.isPlaceholderData}>
            <Table.ScrollContainer minWidth={1100}>
              <Table striped tabularNums verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('equipment.requests.createdAt')}</Table.Th>
                    <Table.Th>{t('equipment.requests.kind')}</Table.Th>
                    <Table.Th>{t('equipment.requests.item')}</Table.Th>
                    <Table.Th>{t('equipment.requests.from')}</Table.Th>
                    <Table.Th>{t('equipment.requests.reason')}</Table.Th>
                    <Table.Th>{t('equipment.requests.status')}</Table.Th>
                    <Table.Th>{t('equipment.requests.decision')}</Table.Th>
                    {canApprove && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(r.createdAt)}
                        <Text size="xs" c="dimmed">
                          {r.requestedByUsername}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`equipment.requestKinds.${r.kind}`)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/equipment/${r.itemId}`}>
                          {r.itemName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {r.assetCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {r.fromFacilityName}
                        {r.toFacilityName && <Text size="sm">→ {r.toFacilityName}</Text>}
                      </Table.Td>
                      <Table.Td maw={280}>{r.reason}</Table.Td>
                      <Table.Td>
                        <Badge color={statusColors[r.status]} variant="light">
                          {t(`equipment.requestStatuses.${r.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td maw={260}>
                        {r.decisionNote}
                        {r.decidedAt && (
                          <Text size="xs" c="dimmed">
                            {t('equipment.requests.decidedBy', {
                              user: r.decidedByUsername ?? t('audit.system'),
                              date: formatDate(r.decidedAt),
                            })}
                          </Text>
                        )}
                      </Table.Td>
                      {canApprove && (
                        <Table.Td>
                          {r.status === 'requested' && (
                            <Group gap={6} wrap="nowrap">
                              <Button
                                size="xs"
                                color="green"
                                onClick={() => setDeciding({ request: r, approve: true })}
                              >
                                {t('equipment.requests.approve')}
                              </Button>
                              <Button
                                size="xs"
                                variant="default"
                                onClick={() => setDeciding({ request: r, approve: false })}
                              >
                                {t('equipment.requests.reject')}
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {list.data.items.length === 0 && (
                <Text c="dimmed" ta="center" py="lg">
                  {t('equipment.requests.empty')}
                </Text>
              )}
            </Table.ScrollContainer>
          </Busy>
          <TablePager
            page={state.page}
            pageSize={state.pageSize}
            total={list.data.total}
            summary={t('equipment.requests.total', { total: formatNumber(list.data.total) })}
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      )}
      {deciding && <DecideModal decision={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}

function DecideModal({ decision, onClose }: { decision: Decision; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { request: r, approve } = decision;
  const toInput = (v: { note: string }) => ({ requestId: r.id, approve, note: v.note });
  const form = useForm({
    mode: 'controlled',
    initialValues: { note: '' },
    validate: (values) => ({
      // A refusal is explained to the centre; an approval may go without words.
      ...(approve || values.note.trim() ? {} : { note: t('equipment.requests.noteRequired') }),
      ...zodFormErrors(decisionInput, toInput(values)),
    }),
  });
  const errors = useServerErrors(form.setErrors);
  const decide = useMutation(
    trpc.equipment.requests.decide.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        // The item moved or left the register: everything about equipment may have changed.
        await queryClient.invalidateQueries({ queryKey: trpc.equipment.pathKey() });
        notifications.show({
          color: 'green',
          message: t(approve ? 'equipment.requests.approved' : 'equipment.requests.rejected'),
        });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  const kind = t(`equipment.requestKinds.${r.kind}`).toLowerCase();
  const effect = !approve
    ? t('equipment.requests.rejectHint')
    : r.kind === 'transfer'
      ? t('equipment.requests.approveTransfer', {
          code: r.assetCode,
          from: r.fromFacilityName,
          to: r.toFacilityName,
        })
      : t('equipment.requests.approveDisposal', { code: r.assetCode, name: r.itemName });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(approve ? 'equipment.requests.approveTitle' : 'equipment.requests.rejectTitle', { kind })}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => decide.mutate(decisionInput.parse(toInput(v))))}>
        <Stack>
          <Alert color={approve ? (r.kind === 'disposal' ? 'orange' : 'blue') : 'gray'}>{effect}</Alert>
          <Text size="sm">
            <b>{t('equipment.requests.reason')}:</b> {r.reason}
          </Text>
          <Textarea
            label={t('equipment.requests.note')}
            required={!approve}
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('note')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t(approve ? 'equipment.requests.approve' : 'equipment.requests.reject')}
          submitting={decide.isPending}
          error={errors.general}
          color={approve ? 'green' : 'red'}
        />
      </form>
    </Modal>
  );
}
