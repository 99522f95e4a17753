import { type Item, maintenanceInput, maintenanceKinds } from '@ansinh/schemas/equipment';
import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { VndInput } from '../../components/VndInput.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { formatDate, formatVnd, today } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { MaintenanceKind } from './types.ts';
import { useItemChanged } from './use-item-changed.ts';

/** What was done to the item and when, newest first, and a way to record the next one. */
export function MaintenancePanel({ item, active }: { item: Item; active: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const canWrite = useCan('equipment.write');
  const [recording, setRecording] = useState(false);
  const records = useQuery(trpc.equipment.maintenance.listForItem.queryOptions({ itemId: item.id }));
  const sorted = [...(records.data ?? [])].sort((a, b) => b.performedOn.localeCompare(a.performedOn));

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('equipment.maintenance.title')}
        </Title>
        {canWrite && active && (
          <Button size="xs" onClick={() => setRecording(true)}>
            {t('equipment.maintenance.record')}
          </Button>
        )}
      </Group>
      {records.isError && <ErrorAlert error={records.error} />}
      {records.isPending && <PageLoader />}
      {records.data && sorted.length === 0 && <Text c="dimmed">{t('equipment.maintenance.empty')}</Text>}
      {sorted.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped tabularNums>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('equipment.maintenance.performedOn')}</Table.Th>
                <Table.Th>{t('equipment.maintenance.kind')}</Table.Th>
                <Table.Th ta="right">{t('equipment.maintenance.costVnd')}</Table.Th>
                <Table.Th>{t('equipment.maintenance.supplier')}</Table.Th>
                <Table.Th>{t('equipment.maintenance.nextDueOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDate(r.performedOn)}</Table.Td>
                  <Table.Td>
                    {t(`equipment.maintenanceKinds.${r.kind}`)}
                    {r.notes && (
                      <Text size="xs" c="dimmed">
                        {r.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatVnd(r.costVnd)}
                  </Table.Td>
                  <Table.Td>{r.supplier ?? t('common.empty')}</Table.Td>
                  <Table.Td>{formatDate(r.nextDueOn) || t('common.empty')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {recording && <RecordMaintenanceModal item={item} onClose={() => setRecording(false)} />}
    </Paper>
  );
}

interface RecordValues {
  performedOn: string | null;
  kind: MaintenanceKind | null;
  costVnd: number | string;
  supplier: string;
  notes: string;
  nextDueOn: string | null;
}

function RecordMaintenanceModal({ item, onClose }: { item: Item; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useItemChanged();
  const toInput = (v: RecordValues) => ({
    itemId: item.id,
    performedOn: v.performedOn ?? '',
    kind: v.kind,
    costVnd: v.costVnd === '' ? 0 : v.costVnd,
    supplier: v.supplier,
    notes: v.notes,
    nextDueOn: v.nextDueOn || null,
  });
  const form = useForm<RecordValues>({
    mode: 'controlled',
    initialValues: {
      performedOn: today(),
      kind: 'preventive',
      costVnd: '',
      supplier: '',
      notes: '',
      nextDueOn: null,
    },
    validate: (values) => zodFormErrors(maintenanceInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const record = useMutation(
    trpc.equipment.maintenance.record.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        await changed(item.id);
        notifications.show({ color: 'green', message: t('equipment.maintenance.recorded') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('equipment.maintenance.record')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => record.mutate(maintenanceInput.parse(toInput(v))))}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('equipment.maintenance.performedOn')}
              required
              maxDate={today()}
              {...form.getInputProps('performedOn')}
            />
            <Select
              label={t('equipment.maintenance.kind')}
              required
              allowDeselect={false}
              data={maintenanceKinds.map((value) => ({
                value,
                label: t(`equipment.maintenanceKinds.${value}`),
              }))}
              {...form.getInputProps('kind')}
            />
            <VndInput label={t('equipment.maintenance.costVnd')} {...form.getInputProps('costVnd')} />
            <TextInput label={t('equipment.maintenance.supplier')} {...form.getInputProps('supplier')} />
          </SimpleGrid>
          <Textarea
            label={t('equipment.maintenance.notes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          <DateField
            label={t('equipment.maintenance.nextDueOn')}
            description={t('equipment.maintenance.nextDueHint')}
            clearable
            {...form.getInputProps('nextDueOn')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitting={record.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}
