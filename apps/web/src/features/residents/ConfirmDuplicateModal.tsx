import type { residentCreateInput } from '@ansinh/schemas/resident';
import { Button, Group, Loader, Modal, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DuplicateList } from './duplicates.tsx';

interface ConfirmDuplicateModalProps {
  input: z.input<typeof residentCreateInput>;
  submitting: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The server found a same name + birth date + home commune record: show who, and let staff decide. */
export function ConfirmDuplicateModal({
  input,
  submitting,
  onCancel,
  onConfirm,
}: ConfirmDuplicateModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { resident } = input;
  const matches = useQuery(
    trpc.residents.checkDuplicates.queryOptions({
      fullName: resident.fullName,
      birthDate: resident.birthDate,
      homeCommuneCode: resident.homeCommuneCode ?? null,
      idNumber: resident.idNumber ?? null,
    }),
  );
  return (
    <Modal opened onClose={onCancel} title={t('resident.duplicates.confirmTitle')} size="lg">
      <Text size="sm">{t('resident.duplicates.confirmMessage')}</Text>
      {matches.isPending && <Loader size="sm" mt="sm" />}
      {matches.isError && <ErrorAlert error={matches.error} />}
      {matches.data && <DuplicateList matches={matches.data} />}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="orange" loading={submitting} onClick={onConfirm}>
          {t('resident.duplicates.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
