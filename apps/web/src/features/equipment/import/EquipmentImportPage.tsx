import type { equipmentImportPreview } from '@ansinh/schemas/equipment';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useTRPC, useTRPCClient } from '../../../api/trpc.ts';
import { useFacilityScope } from '../../../auth/session.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { FacilitySelect } from '../../../components/FacilitySelect.tsx';
import { TablePager } from '../../../components/TablePager.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { ImportProblems } from '../../residents/import/ImportProblems.tsx';
import { useEquipmentValues, visibleChanges } from '../value-format.ts';

type Preview = z.infer<typeof equipmentImportPreview>;

/** The API takes up to 20 million base64 characters, i.e. a file of about 15 MB; 10 MB leaves room. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The file's bytes as base64 for the API; the spreadsheet itself is read by the server, not here. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface ImportRequest {
  facilityId: string;
  fileBase64: string;
  updateExisting: boolean;
}

/**
 * Preview first (what would be created, what would change, what is wrong), then apply the very same
 * file in one transaction: all rows or none.
 */
export function EquipmentImportPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { ownFacilityId } = useFacilityScope();
  const [facilityId, setFacilityId] = useState<string | null>(ownFacilityId);
  const [file, setFile] = useState<File | null>(null);
  const [updateExisting, setUpdateExisting] = useState(false);
  /** The input the shown preview was made from; applying sends exactly that. */
  const [checked, setChecked] = useState<{ request: ImportRequest; preview: Preview } | null>(null);
  const tooBig = file !== null && file.size > MAX_FILE_BYTES;

  const preview = useMutation({
    mutationFn: async (input: Omit<ImportRequest, 'fileBase64'> & { file: File }) => {
      const request = {
        facilityId: input.facilityId,
        updateExisting: input.updateExisting,
        fileBase64: await readAsBase64(input.file),
      };
      return { request, preview: await client.equipment.import.preview.mutate(request) };
    },
    onMutate: () => setChecked(null),
    onSuccess: setChecked,
  });
  const apply = useMutation(
    // The API calls it `commit`: tRPC reserves `apply` as a procedure name.
    trpc.equipment.import.commit.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.equipment.pathKey() }),
    }),
  );
  /** Anything that changes the input makes the preview out of date. */
  const changed = () => {
    setChecked(null);
    preview.reset();
    apply.reset();
  };
  const busy = preview.isPending || apply.isPending;

  return (
    <Stack maw={1000}>
      <Anchor component={Link} to="/equipment" size="sm">
        ← {t('equipment.import.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('equipment.import.title')}
      </Title>
      <Text>{t('equipment.import.intro')}</Text>
      <Paper withBorder p="md">
        <Stack>
          <Group>
            <ExportButton
              label={t('equipment.import.template')}
              download={() => client.equipment.import.template.query()}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FacilitySelect
              label={t('equipment.import.facility')}
              required
              disabled={busy}
              value={facilityId}
              onChange={(id) => {
                setFacilityId(id);
                changed();
              }}
            />
            <FileInput
              label={t('equipment.import.file')}
              placeholder={t('equipment.import.filePlaceholder')}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              clearable
              disabled={busy}
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                changed();
              }}
              error={tooBig ? t('equipment.import.tooBig') : undefined}
            />
          </SimpleGrid>
          <Checkbox
            label={t('equipment.import.updateExisting')}
            description={t('equipment.import.updateExistingHint')}
            disabled={busy}
            checked={updateExisting}
            onChange={(event) => {
              setUpdateExisting(event.currentTarget.checked);
              changed();
            }}
          />
          <Group justify="flex-end">
            <Button
              loading={preview.isPending}
              disabled={!facilityId || !file || tooBig || apply.isPending}
              onClick={() => facilityId && file && preview.mutate({ facilityId, file, updateExisting })}
            >
              {t('equipment.import.preview')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {preview.isError && <ErrorAlert error={preview.error} />}
      {checked && !apply.isSuccess && (
        <PreviewResult
          preview={checked.preview}
          applying={apply.isPending}
          onApply={() => apply.mutate(checked.request)}
        />
      )}
      {apply.isError && <ErrorAlert error={apply.error} />}
      {apply.data && (
        <Alert
          color="green"
          title={t('equipment.import.done', {
            created: formatNumber(apply.data.created),
            updated: formatNumber(apply.data.updated),
          })}
          data-testid="import-done"
        >
          <Group mt="xs">
            <Button component={Link} to={facilityId ? `/equipment?facilityId=${facilityId}` : '/equipment'}>
              {t('equipment.import.toList')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setFile(null);
                changed();
              }}
            >
              {t('equipment.import.again')}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

function PreviewResult({
  preview,
  applying,
  onApply,
}: {
  preview: Preview;
  applying: boolean;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  const hasProblems = preview.problems.length > 0;
  const nothing = preview.creates === 0 && preview.updates.length === 0;
  return (
    <Stack>
      <Alert color={hasProblems ? 'orange' : 'blue'} data-testid="import-summary">
        {t('equipment.import.summary', {
          total: formatNumber(preview.totalRows),
          creates: formatNumber(preview.creates),
          updates: formatNumber(preview.updates.length),
        })}
      </Alert>
      {hasProblems && (
        <ImportProblems
          problems={preview.problems}
          title={t('equipment.import.problemsTitle', { count: formatNumber(preview.problems.length) })}
          hint={t('equipment.import.problemsHint')}
        />
      )}
      {preview.updates.length > 0 && <UpdatesTable updates={preview.updates} />}
      {!hasProblems && nothing && <Text c="dimmed">{t('equipment.import.nothing')}</Text>}
      {!hasProblems && !nothing && (
        <Paper withBorder p="md">
          <Group justify="space-between">
            <Text size="sm">{t('equipment.import.applyHint')}</Text>
            <Button color="green" loading={applying} onClick={onApply}>
              {t('equipment.import.apply')}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}

/** Each field an update would change, old → new, a page at a time. */
function UpdatesTable({ updates }: { updates: Preview['updates'] }) {
  const { t } = useTranslation();
  const { field, value } = useEquipmentValues();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const rows = updates.flatMap((u) =>
    visibleChanges(u.changes).map((c) => ({ row: u.row, assetCode: u.assetCode, ...c })),
  );
  const shown = rows.slice((paging.page - 1) * paging.pageSize, paging.page * paging.pageSize);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('equipment.import.updatesTitle')} ({formatNumber(updates.length)})
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table striped tabularNums>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('equipment.import.row')}</Table.Th>
              <Table.Th>{t('equipment.fields.assetCode')}</Table.Th>
              <Table.Th>{t('equipment.import.field')}</Table.Th>
              <Table.Th>{t('equipment.import.before')}</Table.Th>
              <Table.Th>{t('equipment.import.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => (
              <Table.Tr key={`${c.row}-${c.field}`}>
                <Table.Td>{c.row}</Table.Td>
                <Table.Td>{c.assetCode}</Table.Td>
                <Table.Td>{field(c.field)}</Table.Td>
                <Table.Td c="dimmed">{value(c.field, c.before)}</Table.Td>
                <Table.Td>{value(c.field, c.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TablePager
        page={paging.page}
        pageSize={paging.pageSize}
        total={rows.length}
        summary={t('common.total', { total: formatNumber(rows.length) })}
        onPageChange={(page) => setPaging((p) => ({ ...p, page }))}
        onPageSizeChange={(pageSize) => setPaging({ page: 1, pageSize })}
      />
    </Paper>
  );
}
