import { type Item, scheduleInput } from '@ansinh/schemas/equipment';
import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
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
import { zodFormErrors } from '../../lib/form-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { maintenanceState } from './badges.tsx';
import type { Schedule } from './types.ts';
import { useItemChanged } from './use-item-changed.ts';

/** Recurring maintenance: each schedule moves forward by itself when a maintenance is recorded. */
export function SchedulesPanel({ item, active }: { item: Item; active: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const canWrite = useCan('equipment.write');
  const [adding, setAdding] = useState(false);
  const [stopping, setStopping] = useState<Schedule | null>(null);
  const schedules = useQuery(trpc.equipment.maintenance.schedules.queryOptions({ itemId: item.id }));
  // Running schedules first, soonest due first.
  const sorted = [...(schedules.data ?? [])].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.nextDueOn.localeCompare(b.nextDueOn),
  );
  const editable = canWrite && active;

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('equipment.schedules.title')}
        </Title>
        {editable && (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {t('equipment.schedules.add')}
          </Button>
        )}
      </Group>
      {schedules.isError && <ErrorAlert error={schedules.error} />}
      {schedules.isPending && <PageLoader />}
      {schedules.data && sorted.length === 0 && <Text c="dimmed">{t('equipment.schedules.empty')}</Text>}
      {sorted.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('equipment.schedules.name')}</Table.Th>
              <Table.Th>{t('equipment.schedules.nextDueOn')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((s) => {
              const state = s.active ? maintenanceState(s.nextDueOn) : null;
              return (
                <Table.Tr key={s.id} c={s.active ? undefined : 'dimmed'}>
                  <Table.Td>
                    {s.name}
                    <Text size="xs" c="dimmed">
                      {t('equipment.schedules.every', { months: s.intervalMonths })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {s.active ? (
                      <Group gap={6}>
                        {formatDate(s.nextDueOn)}
                        {state && (
                          <Badge size="sm" color={state === 'overdue' ? 'red' : 'yellow'} variant="light">
                            {t(`equipment.due.${state}`)}
                          </Badge>
                        )}
                      </Group>
                    ) : (
                      t('equipment.schedules.stopped')
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {editable && s.active && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setStopping(s)}>
                        {t('equipment.schedules.stop')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {adding && <AddScheduleModal item={item} onClose={() => setAdding(false)} />}
      {stopping && <StopScheduleModal item={item} schedule={stopping} onClose={() => setStopping(null)} />}
    </Paper>
  );
}

interface ScheduleValues {
  name: string;
  intervalMonths: number | string;
  nextDueOn: string | null;
}

function AddScheduleModal({ item, onClose }: { item: Item; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useItemChanged();
  const toInput = (v: ScheduleValues) => ({
    itemId: item.id,
    name: v.name,
    intervalMonths: v.intervalMonths === '' ? undefined : v.intervalMonths,
    nextDueOn: v.nextDueOn ?? '',
  });
  const form = useForm<ScheduleValues>({
    mode: 'controlled',
    initialValues: { name: t('equipment.maintenanceKinds.preventive'), intervalMonths: 6, nextDueOn: null },
    validate: (values) => zodFormErrors(scheduleInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const add = useMutation(
    trpc.equipment.maintenance.addSchedule.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        await changed(item.id);
        notifications.show({ color: 'green', message: t('equipment.schedules.added') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('equipment.schedules.add')}>
      <form noValidate onSubmit={form.onSubmit((v) => add.mutate(scheduleInput.parse(toInput(v))))}>
        <Stack>
          <TextInput label={t('equipment.schedules.name')} required {...form.getInputProps('name')} />
          <NumberInput
            label={t('equipment.schedules.intervalMonths')}
            required
            min={1}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('intervalMonths')}
          />
          <DateField
            label={t('equipment.schedules.nextDueOn')}
            required
            {...form.getInputProps('nextDueOn')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitting={add.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

function StopScheduleModal({
  item,
  schedule,
  onClose,
}: {
  item: Item;
  schedule: Schedule;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useItemChanged();
  const stop = useMutation(
    trpc.equipment.maintenance.stopSchedule.mutationOptions({
      onSuccess: async () => {
        await changed(item.id);
        notifications.show({ color: 'green', message: t('equipment.schedules.stopDone') });
        onClose();
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('equipment.schedules.stop')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          stop.mutate({ id: schedule.id });
        }}
      >
        <Text size="sm">{t('equipment.schedules.stopConfirm', { name: schedule.name })}</Text>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('equipment.schedules.stop')}
          submitting={stop.isPending}
          error={stop.error}
          color="red"
        />
      </form>
    </Modal>
  );
}
