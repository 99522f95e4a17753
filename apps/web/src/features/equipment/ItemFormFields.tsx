import {
  type CategoryField,
  conditions,
  equipmentCategories,
  fundingSources,
  type ItemModel,
  itemStatuses,
} from '@ansinh/schemas/equipment';
import {
  Checkbox,
  Fieldset,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { VndInput } from '../../components/VndInput.tsx';
import { useLang } from '../../i18n/index.ts';
import { diacriticInsensitiveFilter } from '../../lib/select-filter.ts';
import { fieldsFor, type ItemForm } from './item-form.ts';
import type { Tracking } from './types.ts';

interface ItemFormFieldsProps {
  form: ItemForm;
  models: ItemModel[];
  fields: CategoryField[];
  /** Editing: the facility changes only through a transfer request, so it is shown, not picked. */
  facilityName?: string;
}

/** Every recorded fact about an item, in the order of a fixed-asset card. */
export function ItemFormFields({ form, models, fields, facilityName }: ItemFormFieldsProps) {
  return (
    <Stack>
      <IdentityFields form={form} models={models} />
      <ValueFields form={form} />
      <UseFields form={form} facilityName={facilityName} />
      <CustomFields form={form} fields={fieldsFor(fields, form.getValues().category)} />
    </Stack>
  );
}

function IdentityFields({ form, models }: { form: ItemForm; models: ItemModel[] }) {
  const { t } = useTranslation();
  const values = form.getValues();
  // Models grouped by category, the way the catalogue is organised.
  const modelOptions = equipmentCategories
    .map((category) => ({
      group: t(`equipment.categories.${category}`),
      items: models.filter((m) => m.category === category).map((m) => ({ value: m.id, label: m.name })),
    }))
    .filter((group) => group.items.length > 0);
  const pickModel = (modelId: string | null) => {
    const model = models.find((m) => m.id === modelId);
    // The model says what kind of thing it is and how long it lasts; the rest stays as typed.
    form.setValues({
      modelId,
      ...(model
        ? {
            category: model.category,
            usefulLifeYears: model.usefulLifeYears,
            ...(values.name.trim() === '' ? { name: model.name } : {}),
          }
        : {}),
    });
  };

  return (
    <Fieldset legend={t('equipment.form.sections.identity')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('equipment.fields.assetCode')}
          required
          autoComplete="off"
          styles={{ input: { textTransform: 'uppercase' } }}
          {...form.getInputProps('assetCode')}
        />
        <TextInput label={t('equipment.fields.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('equipment.fields.modelId')}
          description={t('equipment.form.modelHint')}
          placeholder={t('equipment.form.modelPlaceholder')}
          searchable
          clearable
          filter={diacriticInsensitiveFilter}
          data={modelOptions}
          {...form.getInputProps('modelId')}
          onChange={pickModel}
        />
        <Select
          label={t('equipment.fields.category')}
          required
          allowDeselect={false}
          data={equipmentCategories.map((value) => ({ value, label: t(`equipment.categories.${value}`) }))}
          {...form.getInputProps('category')}
        />
        <TextInput label={t('equipment.fields.serialNumber')} {...form.getInputProps('serialNumber')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="tracking-label">
            {t('equipment.fields.tracking')}
          </Text>
          <SegmentedControl
            aria-labelledby="tracking-label"
            fullWidth
            value={values.tracking}
            onChange={(tracking) =>
              form.setValues({
                tracking: tracking as Tracking,
                ...(tracking === 'individual' ? { quantity: 1 } : {}),
              })
            }
            data={(['individual', 'stock'] as const).map((value) => ({
              value,
              label: t(`equipment.trackings.${value}`),
            }))}
          />
          <Text size="xs" c="dimmed">
            {t('equipment.form.trackingHint')}
          </Text>
        </Stack>
        {values.tracking === 'stock' && (
          <NumberInput
            label={t('equipment.fields.quantity')}
            required
            min={1}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('quantity')}
          />
        )}
      </SimpleGrid>
    </Fieldset>
  );
}

function ValueFields({ form }: { form: ItemForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('equipment.form.sections.value')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('equipment.fields.acquiredOn')} required {...form.getInputProps('acquiredOn')} />
        <VndInput
          label={t('equipment.fields.costVnd')}
          description={form.getValues().tracking === 'stock' ? t('equipment.form.costHint') : undefined}
          required
          {...form.getInputProps('costVnd')}
        />
        <NumberInput
          label={t('equipment.fields.usefulLifeYears')}
          required
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('usefulLifeYears')}
        />
        <Select
          label={t('equipment.fields.fundingSource')}
          required
          allowDeselect={false}
          data={fundingSources.map((value) => ({ value, label: t(`equipment.fundingSources.${value}`) }))}
          {...form.getInputProps('fundingSource')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

function UseFields({ form, facilityName }: { form: ItemForm; facilityName?: string }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('equipment.form.sections.use')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {facilityName === undefined ? (
          <FacilitySelect
            label={t('equipment.fields.facilityId')}
            required
            {...form.getInputProps('facilityId')}
            value={form.getValues().facilityId}
          />
        ) : (
          <TextInput
            label={t('equipment.fields.facilityId')}
            description={t('equipment.form.facilityLocked')}
            value={facilityName}
            readOnly
            variant="filled"
          />
        )}
        <TextInput label={t('equipment.fields.location')} {...form.getInputProps('location')} />
        <Select
          label={t('equipment.fields.condition')}
          required
          allowDeselect={false}
          data={conditions.map((value) => ({ value, label: t(`equipment.conditions.${value}`) }))}
          {...form.getInputProps('condition')}
        />
        <Select
          label={t('equipment.fields.status')}
          description={t('equipment.form.statusHint')}
          required
          allowDeselect={false}
          data={itemStatuses
            .filter((value) => value !== 'disposed')
            .map((value) => ({ value, label: t(`equipment.statuses.${value}`) }))}
          {...form.getInputProps('status')}
        />
        <DateField
          label={t('equipment.fields.warrantyUntil')}
          clearable
          {...form.getInputProps('warrantyUntil')}
        />
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t('equipment.fields.notes')}
        autosize
        minRows={2}
        {...form.getInputProps('notes')}
      />
    </Fieldset>
  );
}

/** The category's own questions, as the catalogue defines them (text, number, date, yes/no). */
function CustomFields({ form, fields }: { form: ItemForm; fields: CategoryField[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const category = form.getValues().category;
  if (!category || fields.length === 0) return null;
  return (
    <Fieldset
      legend={t('equipment.form.sections.custom', { category: t(`equipment.categories.${category}`) })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {fields.map((field) => {
          const path = `custom.${field.key}`;
          const label = lang === 'en' ? field.labelEn : field.labelVi;
          const input = form.getInputProps(path);
          switch (field.type) {
            case 'number':
              return (
                <NumberInput
                  key={field.id}
                  label={label}
                  required={field.required}
                  decimalSeparator=","
                  thousandSeparator="."
                  {...input}
                  value={input.value ?? ''}
                />
              );
            case 'date':
              return (
                <DateField
                  key={field.id}
                  label={label}
                  required={field.required}
                  clearable
                  {...input}
                  value={input.value ?? null}
                />
              );
            case 'boolean':
              return (
                <Checkbox
                  key={field.id}
                  label={label}
                  mt="lg"
                  {...form.getInputProps(path, { type: 'checkbox' })}
                  checked={input.value === true}
                />
              );
            default:
              return (
                <TextInput
                  key={field.id}
                  label={label}
                  required={field.required}
                  {...input}
                  value={input.value ?? ''}
                />
              );
          }
        })}
      </SimpleGrid>
    </Fieldset>
  );
}
