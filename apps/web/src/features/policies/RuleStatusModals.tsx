import type { StoredRule } from '@ansinh/schemas/policy';
import { ruleAdoptInput } from '@ansinh/schemas/policy';
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DateField } from '../../components/DateField.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { useLang } from '../../i18n/index.ts';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { usePolicyChanged } from './use-policy-changed.ts';

interface RuleModalProps {
  stored: StoredRule;
  onClose: () => void;
}

/** Rules usually change from the start of a month, so that is what the date proposes. */
export const firstOfNextMonth = () => dayjs().add(1, 'month').startOf('month').format('YYYY-MM-DD');

export function AdoptModal({ stored, onClose }: RuleModalProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const trpc = useTRPC();
  const changed = usePolicyChanged();
  const toInput = (v: { effectiveFrom: string | null }) => ({
    id: stored.id,
    version: stored.version,
    effectiveFrom: v.effectiveFrom ?? '',
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { effectiveFrom: firstOfNextMonth() as string | null },
    validate: (values) => zodFormErrors(ruleAdoptInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const adopt = useMutation(
    trpc.policies.adopt.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async () => {
        await changed();
        notifications.show({ color: 'green', message: t('policy.adopt.done') });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('policy.adopt.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => adopt.mutate(ruleAdoptInput.parse(toInput(v))))}>
        <Stack>
          <Text size="sm">{t('policy.adopt.confirm', { title: stored.rule.title[lang] })}</Text>
          {stored.rule.amountIsPlaceholder && (
            <Alert color="orange">{t('policy.adopt.placeholderWarning')}</Alert>
          )}
          <DateField
            label={t('policy.adopt.effectiveFrom')}
            required
            {...form.getInputProps('effectiveFrom')}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('policy.rule.adopt')}
          submitting={adopt.isPending}
          error={errors.general}
          color="green"
        />
      </form>
    </Modal>
  );
}

export function ArchiveModal({ stored, onClose }: RuleModalProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const trpc = useTRPC();
  const changed = usePolicyChanged();
  const archive = useMutation(
    trpc.policies.archive.mutationOptions({
      onSuccess: async () => {
        await changed();
        notifications.show({ color: 'green', message: t('policy.archive.done') });
        onClose();
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('policy.archive.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          archive.mutate({ id: stored.id, version: stored.version });
        }}
      >
        <Text size="sm">{t('policy.archive.confirm', { title: stored.rule.title[lang] })}</Text>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('policy.rule.archive')}
          submitting={archive.isPending}
          error={archive.error}
          color="red"
        />
      </form>
    </Modal>
  );
}
