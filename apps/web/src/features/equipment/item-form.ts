import type { CategoryField, EquipmentCategory, Item, ItemInput, itemInput } from '@ansinh/schemas/equipment';
import type { FormErrors, UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { i18n } from '../../i18n/index.ts';
import { today } from '../../lib/format.ts';
import type { Condition, FundingSource, ItemStatus, Tracking } from './types.ts';

export type CustomFormValue = string | number | boolean | null;

/**
 * What the inputs hold: '' for empty text and number inputs, null for an unpicked select or date, and
 * custom values by field key (text '', number '' or a number, date null or ISO, boolean true/false).
 */
export interface ItemFormState {
  assetCode: string;
  name: string;
  modelId: string | null;
  category: EquipmentCategory | null;
  facilityId: string | null;
  location: string;
  serialNumber: string;
  tracking: Tracking;
  quantity: number | string;
  acquiredOn: string | null;
  costVnd: number | string;
  usefulLifeYears: number | string;
  fundingSource: FundingSource | null;
  condition: Condition;
  status: Exclude<ItemStatus, 'disposed'>;
  warrantyUntil: string | null;
  notes: string;
  custom: Record<string, CustomFormValue>;
}

export type ItemForm = UseFormReturnType<ItemFormState>;
export type ParsedItem = z.output<typeof itemInput>;

export function emptyItemForm(facilityId: string | null): ItemFormState {
  return {
    assetCode: '',
    name: '',
    modelId: null,
    category: null,
    facilityId,
    location: '',
    serialNumber: '',
    tracking: 'individual',
    quantity: 1,
    acquiredOn: today(),
    costVnd: '',
    usefulLifeYears: '',
    fundingSource: null,
    condition: 'good',
    status: 'in_use',
    warrantyUntil: null,
    notes: '',
    custom: {},
  };
}

export function itemToForm(item: Item): ItemFormState {
  return {
    assetCode: item.assetCode,
    name: item.name,
    modelId: item.modelId,
    category: item.category,
    facilityId: item.facilityId,
    location: item.location ?? '',
    serialNumber: item.serialNumber ?? '',
    tracking: item.tracking,
    quantity: item.quantity,
    acquiredOn: item.acquiredOn,
    costVnd: item.costVnd,
    usefulLifeYears: item.usefulLifeYears,
    fundingSource: item.fundingSource,
    condition: item.condition,
    // A disposed item is not edited (the page says so), so its status never reaches the form.
    status: item.status === 'disposed' ? 'in_use' : item.status,
    warrantyUntil: item.warrantyUntil,
    notes: item.notes ?? '',
    custom: { ...item.custom },
  };
}

/** The fields the item's category asks for, in the order the catalogue lists them. */
export function fieldsFor(
  fields: readonly CategoryField[],
  category: EquipmentCategory | null,
): CategoryField[] {
  return category ? fields.filter((f) => f.category === category) : [];
}

const blank = (value: CustomFormValue | undefined) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Custom values to send: the current category's fields (blank clears), plus values the item holds for
 * fields that no longer exist (sent back unchanged, which the API accepts). Values of another category's
 * fields are dropped when the category changes.
 */
export function customToSchemaInput(
  v: ItemFormState,
  fields: readonly CategoryField[],
  stored: Record<string, CustomFormValue> = {},
): Record<string, CustomFormValue> {
  const defined = new Set(fields.map((f) => f.key));
  const custom: Record<string, CustomFormValue> = Object.fromEntries(
    Object.entries(stored).filter(([key]) => !defined.has(key)),
  );
  for (const field of fieldsFor(fields, v.category)) {
    const value = v.custom[field.key];
    custom[field.key] = blank(value) ? null : (value ?? null);
  }
  return custom;
}

const optionalNumber = (value: number | string) => (value === '' ? undefined : value);

/** The raw object handed to the shared zod schema, which does the trimming, parsing and checking. */
export function formToSchemaInput(
  v: ItemFormState,
  fields: readonly CategoryField[],
  stored?: Record<string, CustomFormValue>,
): Record<keyof ItemInput, unknown> {
  return {
    assetCode: v.assetCode,
    name: v.name,
    modelId: v.modelId,
    category: v.category,
    facilityId: v.facilityId,
    location: v.location,
    serialNumber: v.serialNumber,
    tracking: v.tracking,
    // Only an item counted by quantity has one; a single item is always 1.
    quantity: v.tracking === 'stock' ? optionalNumber(v.quantity) : 1,
    acquiredOn: v.acquiredOn ?? '',
    costVnd: optionalNumber(v.costVnd),
    usefulLifeYears: optionalNumber(v.usefulLifeYears),
    fundingSource: v.fundingSource,
    condition: v.condition,
    status: v.status,
    warrantyUntil: v.warrantyUntil || null,
    notes: v.notes,
    custom: customToSchemaInput(v, fields, stored),
  };
}

/** The catalogue's "required" flag is checked by the API only; saying it before saving spares a round trip. */
export function requiredCustomErrors(v: ItemFormState, fields: readonly CategoryField[]): FormErrors {
  const errors: FormErrors = {};
  for (const field of fieldsFor(fields, v.category)) {
    if (field.required && blank(v.custom[field.key])) {
      errors[`custom.${field.key}`] = i18n.t('equipment.form.requiredField');
    }
  }
  return errors;
}

/** Keys in a stable order, so two custom objects with the same values compare equal. */
export function sameCustom(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (o: Record<string, unknown>) =>
    JSON.stringify(
      Object.entries(o)
        .filter(([, value]) => value !== null)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return canonical(a) === canonical(b);
}
