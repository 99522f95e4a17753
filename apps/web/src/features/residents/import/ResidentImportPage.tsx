import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPCClient } from '../../../api/trpc.ts';
import { useFacilityScope } from '../../../auth/session.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { FacilitySelect } from '../../../components/FacilitySelect.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { ImportProblems } from './ImportProblems.tsx';
import { type ImportState, MAX_FILE_BYTES, useResidentImport } from './use-resident-import.ts';

export function ResidentImportPage() {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const { ownFacilityId } = useFacilityScope();
  const [facilityId, setFacilityId] = useState<string | null>(ownFacilityId);
  const [file, setFile] = useState<File | null>(null);
  const importer = useResidentImport();
  const { state } = importer;
  const busy = ['reading', 'uploading', 'validating', 'committing'].includes(state.phase);
  const tooBig = file !== null && file.size > MAX_FILE_BYTES;

  return (
    <Stack maw={1000}>
      <Anchor component={Link} to="/residents" size="sm">
        ← {t('resident.profile.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('resident.import.title')}
      </Title>
      <Text>{t('resident.import.intro')}</Text>
      <Paper withBorder p="md">
        <Stack>
          <Group>
            <ExportButton
              label={t('resident.import.template')}
              download={() => client.residentImport.template.query()}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FacilitySelect
              label={t('resident.import.facility')}
              required
              disabled={busy}
              value={facilityId}
              onChange={setFacilityId}
            />
            <FileInput
              label={t('resident.import.file')}
              placeholder={t('resident.import.filePlaceholder')}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              clearable
              disabled={busy}
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                importer.reset();
              }}
              error={tooBig ? t('resident.import.tooBig') : undefined}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              loading={busy && state.phase !== 'committing'}
              disabled={!facilityId || !file || tooBig || busy}
              onClick={() => facilityId && file && importer.check(facilityId, file)}
            >
              {t('resident.import.upload')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ImportStatus state={state} onCommit={importer.commit} onReset={importer.reset} />
    </Stack>
  );
}

function ImportStatus({
  state,
  onCommit,
  onReset,
}: {
  state: ImportState;
  onCommit: () => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'reading':
    case 'uploading':
      return <Text c="dimmed">{t(`resident.import.${state.phase}`)}</Text>;
    case 'validating':
      return <ValidationProgress done={state.done} total={state.total} />;
    case 'checked':
    case 'committing':
      return state.problems.length > 0 ? (
        <ImportProblems problems={state.problems} />
      ) : (
        <Alert color="green" title={t('resident.import.valid', { total: formatNumber(state.total) })}>
          <Button mt="xs" loading={state.phase === 'committing'} onClick={onCommit}>
            {t('resident.import.commit', { count: formatNumber(state.total) })}
          </Button>
        </Alert>
      );
    case 'imported':
      return (
        <Alert color="green" title={t('resident.import.committed', { count: formatNumber(state.imported) })}>
          <Group mt="xs">
            <Button component={Link} to="/residents">
              {t('resident.import.toList')}
            </Button>
            <Button variant="default" onClick={onReset}>
              {t('resident.import.again')}
            </Button>
          </Group>
        </Alert>
      );
    case 'failed':
      return <ErrorAlert error={state.error} />;
  }
}

function ValidationProgress({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  const label = t('resident.import.progress', { done: formatNumber(done), total: formatNumber(total) });
  return (
    <Stack gap={4}>
      <Progress value={total ? (done / total) * 100 : 0} animated aria-label={label} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {label}
      </Text>
    </Stack>
  );
}
