import { foldDiacritics } from '@ansinh/domain/text';
import {
  type CategoryField,
  categoryFieldInput,
  customFieldTypes,
  type EquipmentCategory,
  equipmentCategories,
  type ItemModel,
  itemModelInput,
} from '@ansinh/schemas/equipment';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { domainCodeOf } from '../../lib/errors.ts';
import { changedFields } from '../../lib/form-diff.ts';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { formatCoefficient, formatNumber } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useCatalogue } from './ItemFormFrame.tsx';
import type { CustomFieldType } from './types.ts';

type ModelDialog = { kind: 'create' } | { kind: 'edit'; model: ItemModel };

/** Administrators keep the catalogue: models (useful life, minimum quantities) and each category's fields. */
export function CatalogueAdminPage() {
  const { t } = useTranslation();
  const { models, fields } = useCatalogue();
  const [modelDialog, setModelDialog] = useState<ModelDialog | null>(null);
  const [addingField, setAddingField] = useState(false);
  const [removing, setRemoving] = useState<CategoryField | null>(null);
  if (models.isPending || fields.isPending) return <PageLoader />;
  if (models.isError) return <ErrorState error={models.error} />;
  if (fields.isError) return <ErrorState error={fields.error} />;
  const empty = t('common.empty');
  const byCategory = (a: { category: EquipmentCategory }, b: { category: EquipmentCategory }) =>
    equipmentCategories.indexOf(a.category) - equipmentCategories.indexOf(b.category);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('equipment.catalogue.title')}
      </Title>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('equipment.catalogue.models')}
          </Title>
          <Button size="xs" onClick={() => setModelDialog({ kind: 'create' })}>
            {t('equipment.catalogue.addModel')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {t('equipment.catalogue.minimumHint')}
        </Text>
        {models.data.length === 0 ? (
          <Text c="dimmed">{t('equipment.catalogue.noModels')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped tabularNums>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('equipment.catalogue.modelName')}</Table.Th>
                  <Table.Th>{t('equipment.fields.category')}</Table.Th>
                  <Table.Th ta="right">{t('equipment.catalogue.usefulLifeYears')}</Table.Th>
                  <Table.Th ta="right">{t('equipment.catalogue.minPerFacility')}</Table.Th>
                  <Table.Th ta="right">{t('equipment.catalogue.minPerBed')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...models.data]
                  .sort((a, b) => byCategory(a, b) || a.name.localeCompare(b.name, 'vi'))
                  .map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.name}</Table.Td>
                      <Table.Td>{t(`equipment.categories.${m.category}`)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(m.usefulLifeYears)}</Table.Td>
                      <Table.Td ta="right">
                        {m.minPerFacility === null ? empty : formatNumber(m.minPerFacility)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {m.minPerBed === null ? empty : formatCoefficient(m.minPerBed)}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setModelDialog({ kind: 'edit', model: m })}
                        >
                          {t('common.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('equipment.catalogue.customFields')}
          </Title>
          <Button size="xs" onClick={() => setAddingField(true)}>
            {t('equipment.catalogue.addField')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {t('equipment.catalogue.customFieldsHint')}
        </Text>
        {fields.data.length === 0 ? (
          <Text c="dimmed">{t('equipment.catalogue.noFields')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('equipment.fields.category')}</Table.Th>
                  <Table.Th>{t('equipment.catalogue.labelVi')}</Table.Th>
                  <Table.Th>{t('equipment.catalogue.labelEn')}</Table.Th>
                  <Table.Th>{t('equipment.catalogue.fieldKey')}</Table.Th>
                  <Table.Th>{t('equipment.catalogue.fieldType')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...fields.data].sort(byCategory).map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>{t(`equipment.categories.${f.category}`)}</Table.Td>
                    <Table.Td>
                      {f.labelVi}{' '}
                      {f.required && (
                        <Badge size="xs" variant="light">
                          {t('equipment.catalogue.required')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{f.labelEn}</Table.Td>
                    <Table.Td ff="monospace">{f.key}</Table.Td>
                    <Table.Td>{t(`equipment.fieldTypes.${f.type}`)}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(f)}>
                        {t('equipment.catalogue.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {modelDialog && <ModelModal dialog={modelDialog} onClose={() => setModelDialog(null)} />}
      {addingField && <AddFieldModal onClose={() => setAddingField(false)} />}
      {removing && <RemoveFieldModal field={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

interface ModelValues {
  name: string;
  category: EquipmentCategory | null;
  usefulLifeYears: number | string;
  minPerFacility: number | string;
  minPerBed: number | string;
}

function ModelModal({ dialog, onClose }: { dialog: ModelDialog; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const model = dialog.kind === 'edit' ? dialog.model : null;
  const toInput = (v: ModelValues) => ({
    name: v.name,
    category: v.category,
    usefulLifeYears: v.usefulLifeYears === '' ? undefined : v.usefulLifeYears,
    minPerFacility: v.minPerFacility === '' ? null : v.minPerFacility,
    minPerBed: v.minPerBed === '' ? null : v.minPerBed,
  });
  const form = useForm<ModelValues>({
    mode: 'controlled',
    initialValues: {
      name: model?.name ?? '',
      category: model?.category ?? null,
      usefulLifeYears: model?.usefulLifeYears ?? '',
      minPerFacility: model?.minPerFacility ?? '',
      minPerBed: model?.minPerBed ?? '',
    },
    validate: (values) => zodFormErrors(itemModelInput, toInput(values)),
  });
  const errors = useServerErrors(form.setErrors);
  const saved = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.equipment.models.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.equipment.dashboard.pathKey() });
    notifications.show({ color: 'green', message });
    onClose();
  };
  const onError = (error: unknown) => {
    // Someone else saved the model first: refresh the table behind the dialog, and say so.
    if (domainCodeOf(error) === 'STALE_VERSION')
      void queryClient.invalidateQueries({ queryKey: trpc.equipment.models.list.queryKey() });
    errors.onError(error);
  };
  const create = useMutation(
    trpc.equipment.models.create.mutationOptions({
      onMutate: errors.clear,
      onSuccess: (m) => saved(t('equipment.catalogue.modelCreated', { name: m.name })),
      onError,
    }),
  );
  const update = useMutation(
    trpc.equipment.models.update.mutationOptions({
      onMutate: errors.clear,
      onSuccess: () => saved(t('equipment.catalogue.modelSaved')),
      onError,
    }),
  );
  const submit = (values: ModelValues) => {
    const parsed = itemModelInput.parse(toInput(values));
    if (!model) return create.mutate(parsed);
    const changes = changedFields(parsed, model);
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: model.id, version: model.version, ...changes });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(model ? 'equipment.catalogue.editModel' : 'equipment.catalogue.addModel')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <TextInput label={t('equipment.catalogue.modelName')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('equipment.fields.category')}
              required
              allowDeselect={false}
              data={equipmentCategories.map((value) => ({
                value,
                label: t(`equipment.categories.${value}`),
              }))}
              {...form.getInputProps('category')}
            />
            <NumberInput
              label={t('equipment.catalogue.usefulLifeYears')}
              required
              min={1}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('usefulLifeYears')}
            />
            <NumberInput
              label={t('equipment.catalogue.minPerFacility')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('minPerFacility')}
            />
            <NumberInput
              label={t('equipment.catalogue.minPerBed')}
              description={t('equipment.catalogue.minPerBedHint')}
              min={0}
              max={100}
              decimalScale={3}
              decimalSeparator=","
              allowNegative={false}
              {...form.getInputProps('minPerBed')}
            />
          </SimpleGrid>
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitting={create.isPending || update.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

interface FieldValues {
  category: EquipmentCategory | null;
  key: string;
  labelVi: string;
  labelEn: string;
  type: CustomFieldType;
  required: boolean;
}

/** "Biển số xe" → "bien_so_xe": the key the catalogue stores, derived from the Vietnamese name. */
function keyFrom(label: string): string {
  return foldDiacritics(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40);
}

function AddFieldModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FieldValues>({
    mode: 'controlled',
    initialValues: { category: null, key: '', labelVi: '', labelEn: '', type: 'text', required: false },
    validate: (values) => zodFormErrors(categoryFieldInput, values),
  });
  const errors = useServerErrors(form.setErrors, { CUSTOM_FIELD_INVALID: 'key' });
  const [keyTyped, setKeyTyped] = useState(false);
  const create = useMutation(
    trpc.equipment.categoryFields.create.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (field) => {
        await queryClient.invalidateQueries({ queryKey: trpc.equipment.categoryFields.list.queryKey() });
        notifications.show({
          color: 'green',
          message: t('equipment.catalogue.fieldCreated', { label: field.labelVi }),
        });
        onClose();
      },
      onError: errors.onError,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('equipment.catalogue.addField')} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => create.mutate(categoryFieldInput.parse(v)))}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('equipment.fields.category')}
              required
              allowDeselect={false}
              data={equipmentCategories.map((value) => ({
                value,
                label: t(`equipment.categories.${value}`),
              }))}
              {...form.getInputProps('category')}
            />
            <Select
              label={t('equipment.catalogue.fieldType')}
              required
              allowDeselect={false}
              data={customFieldTypes.map((value) => ({ value, label: t(`equipment.fieldTypes.${value}`) }))}
              {...form.getInputProps('type')}
            />
            <TextInput
              label={t('equipment.catalogue.labelVi')}
              required
              {...form.getInputProps('labelVi')}
              onChange={(event) => {
                const labelVi = event.currentTarget.value;
                // The key follows the Vietnamese name until someone types a key of their own.
                form.setValues({ labelVi, ...(keyTyped ? {} : { key: keyFrom(labelVi) }) });
              }}
            />
            <TextInput label={t('equipment.catalogue.labelEn')} required {...form.getInputProps('labelEn')} />
            <TextInput
              label={t('equipment.catalogue.fieldKey')}
              description={t('equipment.catalogue.fieldKeyHint')}
              required
              autoComplete="off"
              styles={{ input: { fontFamily: 'monospace' } }}
              {...form.getInputProps('key')}
              onChange={(event) => {
                setKeyTyped(true);
                form.setFieldValue('key', event.currentTarget.value);
              }}
            />
          </SimpleGrid>
          <Checkbox
            label={t('equipment.catalogue.required')}
            {...form.getInputProps('required', { type: 'checkbox' })}
          />
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitting={create.isPending}
          error={errors.general}
        />
      </form>
    </Modal>
  );
}

function RemoveFieldModal({ field, onClose }: { field: CategoryField; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.equipment.categoryFields.remove.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.equipment.categoryFields.list.queryKey() });
        notifications.show({ color: 'green', message: t('equipment.catalogue.fieldRemoved') });
        onClose();
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('equipment.catalogue.removeTitle')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate({ id: field.id });
        }}
      >
        <Alert color="orange">
          {t('equipment.catalogue.removeConfirm', {
            label: field.labelVi,
            category: t(`equipment.categories.${field.category}`),
          })}
        </Alert>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('equipment.catalogue.remove')}
          submitting={remove.isPending}
          error={remove.error}
          color="red"
        />
      </form>
    </Modal>
  );
}
