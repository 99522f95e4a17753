import { baseLevelInput, type policyOverview } from '@ansinh/schemas/policy';
import { Badge, Button, Group, Modal, Stack, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useTRPC } from '../../api/trpc.ts';
import { DateField } from '../../components/DateField.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { VndInput } from '../../components/VndInput.tsx';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { formatDate, formatVnd, today } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { firstOfNextMonth } from './RuleStatusModals.tsx';
import { usePolicyChanged } from './use-policy-changed.ts';

type BaseLevel = z.infer<typeof policyOverview>['baseLevels'][number];

/** Mức chuẩn trợ giúp xã hội by date; each applies until the next. */
export function BaseLevels({ levels, canManage }: { levels: BaseLevel[]; canManage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const now = today();
  const current = levels.filter((l) => l.effectiveFrom <= now).at(-1);
  return (
    <Stack>
      {canManage && (
        <Group justify="flex-end">
          <Button onClick={() => setAdding(true)}>{t('policy.baseLevels.add')}</Button>
        </Group>
      )}
      <Table striped tabularNums maw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('policy.baseLevels.effectiveFrom')}</Table.Th>
            <Table.Th ta="right">{t('policy.baseLevels.vnd')}</Table.Th>
            <Table.Th>{t('policy.baseLevels.legalBasis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...levels].reverse().map((level) => (
            <Table.Tr key={level.effectiveFrom}>
              <Table.Td>
                {formatDate(level.effectiveFrom)}{' '}
                {level === current && (
                  <Badge size="sm" color="green" variant="light">
                    {t('policy.baseLevels.current')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatVnd(level.vnd)}</Table.Td>
              <Table.Td>{level.legalBasis ?? t('common.empty')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {adding && <AddBaseLevelModal onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function AddBaseLevelModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = usePolicyChanged();
  const toInput = (v: { effectiveFrom: string | null; vnd: number | string; legalBasis: string }) => ({
    effectiveFrom: v.effectiveFrom ?? '',
    vnd: v.vnd === '' ? undefined : v.vnd,
    legalBasis: v.legalBasis,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      effectiveFrom: firstOfNextMonth() as string | null,
      vnd: '' as number | string,
      legalBasis: '',
    },
    validate: (values) => zodFormErrors(baseLevelInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const add = useMutation(
    trpc.policies.setBaseLevel.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        await changed();
        notifications.show({ color: 'green', message: t('policy.baseLevels.added') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('policy.baseLevels.add')}>
      <form noValidate onSubmit={form.onSubmit((v) => add.mutate(baseLevelInput.parse(toInput(v))))}>
        <Stack>
          <DateField
            label={t('policy.baseLevels.effectiveFrom')}
            required
            {...form.getInputProps('effectiveFrom')}
          />
          <VndInput label={t('policy.baseLevels.vnd')} required {...form.getInputProps('vnd')} />
          <TextInput
            label={t('policy.baseLevels.legalBasis')}
            required
            {...form.getInputProps('legalBasis')}
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
