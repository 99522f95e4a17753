import { statutoryCareStandards } from '@ansinh/domain/capacity/standards';
import { defaultWaitlistPriority } from '@ansinh/domain/capacity/waitlist';
import {
  type SettingKind,
  type SettingVersion,
  settingKinds,
  standardsSaveInput,
} from '@ansinh/schemas/standards';
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../../api/trpc.ts';
import { useCan } from '../../../auth/session.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { apiErrorData, domainCodeOf } from '../../../lib/errors.ts';
import { revealFirstError, zodFormErrors } from '../../../lib/form-errors.ts';
import { formatDate, formatDateTime, today } from '../../../lib/format.ts';
import { oneOf } from '../../../lib/url-params.ts';
import { useServerErrors } from '../../../lib/use-server-errors.ts';
import { CareStandardsEditor, type CareStandardsValues } from './CareStandardsEditor.tsx';
import { PriorityEditor, type PriorityValues } from './PriorityEditor.tsx';

/**
 * The department's versioned settings: the care standards (space and staffing) and the waitlist
 * priority. A version is never edited; a change is a new version from a date, made from a copy.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind: SettingKind = oneOf(settingKinds, params.get('kind')) ?? 'care_standards';
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('capacity.settings.title')}
      </Title>
      <Text c="dimmed">{t('capacity.settings.intro')}</Text>
      <SegmentedControl
        w="fit-content"
        value={kind}
        onChange={(value) => setParams({ kind: value })}
        data={settingKinds.map((value) => ({ value, label: t(`capacity.settings.kinds.${value}`) }))}
      />
      <KindPanel key={kind} kind={kind} />
    </Stack>
  );
}

type Editing = { mode: 'view'; version: SettingVersion } | { mode: 'new'; from: SettingVersion | null };

function KindPanel({ kind }: { kind: SettingKind }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const canManage = useCan('standards.manage');
  const versions = useQuery(trpc.standards.versions.queryOptions({ kind }));
  const [editing, setEditing] = useState<Editing | null>(null);
  if (versions.isPending) return <PageLoader />;
  if (versions.isError) return <ErrorState error={versions.error} />;
  const rows = versions.data;
  const now = today();
  const statusOf = (v: SettingVersion) =>
    v.inForce ? 'inForce' : v.validFrom > now ? 'upcoming' : ('superseded' as const);
  return (
    <Stack>
      {!canManage && (
        <Alert color="gray" variant="light">
          {t('capacity.settings.readOnly')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('capacity.settings.versions')}
          </Title>
          {canManage && rows.length === 0 && (
            <Button onClick={() => setEditing({ mode: 'new', from: null })}>
              {t('capacity.settings.newFromStatutory')}
            </Button>
          )}
        </Group>
        {rows.length === 0 ? (
          <Text c="dimmed">{t('capacity.settings.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="setting-versions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('capacity.settings.validFrom')}</Table.Th>
                  <Table.Th>{t('capacity.settings.version')}</Table.Th>
                  <Table.Th>{t('capacity.settings.status')}</Table.Th>
                  <Table.Th>{t('capacity.settings.note')}</Table.Th>
                  <Table.Th>{t('capacity.settings.createdBy')}</Table.Th>
                  <Table.Th>{t('capacity.settings.createdAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((v) => {
                  const status = statusOf(v);
                  return (
                    <Table.Tr key={v.id}>
                      <Table.Td>{formatDate(v.validFrom)}</Table.Td>
                      <Table.Td>{v.document.version}</Table.Td>
                      <Table.Td>
                        <Badge
                          color={status === 'inForce' ? 'green' : status === 'upcoming' ? 'blue' : 'gray'}
                          variant="light"
                        >
                          {t(`capacity.settings.${status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{v.note}</Table.Td>
                      <Table.Td>{v.createdByName ?? t('audit.system')}</Table.Td>
                      <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing({ mode: 'view', version: v })}
                          >
                            {t('capacity.settings.view')}
                          </Button>
                          {canManage && (
                            <Button size="xs" onClick={() => setEditing({ mode: 'new', from: v })}>
                              {t('capacity.settings.newFrom')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing && (
        <VersionEditor
          // A new source starts a new form.
          key={editing.mode === 'view' ? `view-${editing.version.id}` : `new-${editing.from?.id ?? 'first'}`}
          kind={kind}
          editing={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function VersionEditor({
  kind,
  editing,
  onClose,
}: {
  kind: SettingKind;
  editing: Editing;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const source = editing.mode === 'view' ? editing.version : editing.from;
  const readOnly = editing.mode === 'view';
  const heading =
    editing.mode === 'view'
      ? t('capacity.settings.viewing', { date: formatDate(editing.version.validFrom) })
      : editing.from
        ? t('capacity.settings.creating', { date: formatDate(editing.from.validFrom) })
        : t('capacity.settings.creatingFirst');
  const common = {
    readOnly,
    onClose,
    validFrom: readOnly && source ? source.validFrom : today(),
    note: readOnly ? (source?.note ?? '') : '',
  };
  return (
    <Paper withBorder p="md" data-testid="version-editor">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {heading}
        </Title>
        <Button variant="default" onClick={onClose}>
          {t('capacity.settings.close')}
        </Button>
      </Group>
      {/* A copy: the new version starts as the old one (or the national defaults for the first). */}
      {kind === 'care_standards' ? (
        <DocumentForm<CareStandardsValues>
          kind={kind}
          {...common}
          document={structuredClone(
            source?.kind === 'care_standards' ? source.document : statutoryCareStandards,
          )}
          render={(form) => <CareStandardsEditor form={form} readOnly={readOnly} />}
        />
      ) : (
        <DocumentForm<PriorityValues>
          kind={kind}
          {...common}
          document={structuredClone(
            source?.kind === 'waitlist_priority' ? source.document : defaultWaitlistPriority,
          )}
          render={(form) => <PriorityEditor form={form} readOnly={readOnly} />}
        />
      )}
    </Paper>
  );
}

type Values = CareStandardsValues | PriorityValues;

function DocumentForm<V extends Values>({
  kind,
  document,
  readOnly,
  note,
  validFrom,
  onClose,
  render,
}: {
  kind: SettingKind;
  document: V['document'];
  readOnly: boolean;
  note: string;
  validFrom: string;
  onClose: () => void;
  render: (form: UseFormReturnType<V>) => ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toInput = (v: Values) => ({ kind, validFrom: v.validFrom ?? '', note: v.note, document: v.document });
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: { validFrom, note, document } as V,
    validate: (values) => zodFormErrors(standardsSaveInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const save = useMutation(
    trpc.standards.save.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.standards.pathKey() });
        notifications.show({
          color: 'green',
          message: t('capacity.settings.saved', { date: formatDate(saved.validFrom) }),
        });
        onClose();
      },
      onError: (error) => {
        // Two versions cannot start on the same day: say so on the date.
        if (
          domainCodeOf(error) === 'SETTINGS_INVALID' &&
          apiErrorData(error)?.domainParams?.reason === 'version_exists'
        )
          form.setErrors({ validFrom: t('capacity.settings.versionExists') });
        else errors.onError(error);
      },
    }),
  );
  const submit = () => {
    const check = form.validate();
    if (check.hasErrors) {
      revealFirstError();
      return;
    }
    save.mutate(standardsSaveInput.parse(toInput(form.getValues())));
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <DateField
            label={t('capacity.settings.validFrom')}
            required
            readOnly={readOnly}
            {...form.getInputProps('validFrom')}
          />
          <Textarea
            label={t('capacity.settings.note')}
            readOnly={readOnly}
            autosize
            minRows={1}
            style={{ gridColumn: 'span 2' }}
            {...form.getInputProps('note')}
          />
        </SimpleGrid>
        {render(form)}
        {errors.general ? <ErrorAlert error={errors.general} /> : null}
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('capacity.settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
