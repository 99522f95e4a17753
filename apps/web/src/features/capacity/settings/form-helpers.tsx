import { ActionIcon, Group, NumberInput, type NumberInputProps, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/**
 * The settings documents are deep and their lists change shape, so the editors address fields by
 * path ('document.staffing.directCare.2.residentsPerStaff'), exactly the paths zod reports errors at.
 */
// biome-ignore lint/suspicious/noExplicitAny: any form of the settings editors; fields are reached by path
export type PathForm = UseFormReturnType<any>;

export function valueAt(form: PathForm, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || node === undefined) return undefined;
    return (node as Record<string, unknown>)[key];
  }, form.getValues());
}

export function setAt(form: PathForm, path: string, value: unknown): void {
  form.setFieldValue(path, value);
}

const numberStyle = { thousandSeparator: '.', decimalSeparator: ',', hideControls: true } as const;

interface FieldProps {
  form: PathForm;
  path: string;
  label?: string;
  readOnly: boolean;
}

/** A required number; an empty box stays '' so the schema says "required" on the field. */
export function NumberField({
  form,
  path,
  label,
  readOnly,
  ...props
}: FieldProps & Omit<NumberInputProps, 'form'>) {
  return (
    <NumberInput
      label={label}
      readOnly={readOnly}
      {...numberStyle}
      {...props}
      {...form.getInputProps(path)}
    />
  );
}

/** A number the document may leave out (undefined) or set to null ("no ratio"): empty means that. */
export function OptionalNumberField({
  form,
  path,
  label,
  readOnly,
  empty = undefined,
  error,
  ...props
}: FieldProps & Omit<NumberInputProps, 'form'> & { empty?: null | undefined }) {
  const value = valueAt(form, path);
  return (
    <NumberInput
      label={label}
      readOnly={readOnly}
      {...numberStyle}
      {...props}
      value={typeof value === 'number' ? value : ''}
      onChange={(next) => setAt(form, path, next === '' ? empty : next)}
      error={form.errors[path] ?? error}
    />
  );
}

/** Optional text of the document (a legal basis, a title): left empty, the key is left out. */
export function OptionalTextField({ form, path, label, readOnly }: FieldProps) {
  const value = valueAt(form, path);
  return (
    <TextInput
      label={label}
      readOnly={readOnly}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => setAt(form, path, event.currentTarget.value || undefined)}
      error={form.errors[path]}
    />
  );
}

/** ↑ ↓ ✕ for a row of an ordered list. */
export function RowButtons({
  index,
  count,
  onMove,
  onRemove,
  label,
}: {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  /** Names the row for people using a screen reader ("Quy tắc 3"). */
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="default"
        disabled={index === 0}
        aria-label={`${t('capacity.settings.moveUp')}: ${label}`}
        onClick={() => onMove(index, index - 1)}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="default"
        disabled={index === count - 1}
        aria-label={`${t('capacity.settings.moveDown')}: ${label}`}
        onClick={() => onMove(index, index + 1)}
      >
        ↓
      </ActionIcon>
      <ActionIcon
        variant="default"
        color="red"
        aria-label={`${t('capacity.settings.remove')}: ${label}`}
        onClick={() => onRemove(index)}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}
