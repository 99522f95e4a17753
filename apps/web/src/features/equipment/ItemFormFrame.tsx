import { type CategoryField, type ItemModel, itemInput } from '@ansinh/schemas/equipment';
import { useForm } from '@mantine/form';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { FormFrame } from '../../components/FormFrame.tsx';
import { i18n } from '../../i18n/index.ts';
import { apiErrorData, domainCodeOf, domainMessage } from '../../lib/errors.ts';
import { revealFirstError, zodFormErrors } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { ItemFormFields } from './ItemFormFields.tsx';
import {
  type CustomFormValue,
  formToSchemaInput,
  type ItemForm,
  type ItemFormState,
  requiredCustomErrors,
} from './item-form.ts';

/** The catalogue the form needs: models to pick from and the custom fields of each category. */
export function useCatalogue() {
  const trpc = useTRPC();
  const [models, fields] = useQueries({
    queries: [trpc.equipment.models.list.queryOptions(), trpc.equipment.categoryFields.list.queryOptions()],
  });
  return { models, fields };
}

/** The form validates with the very schema the API uses, so people see the server's rules before saving. */
export function useItemForm(
  initialValues: ItemFormState,
  fields: readonly CategoryField[],
  stored?: Record<string, CustomFormValue>,
): ItemForm {
  return useForm<ItemFormState>({
    mode: 'controlled',
    initialValues,
    validate: (values) => ({
      ...requiredCustomErrors(values, fields),
      ...zodFormErrors(itemInput, formToSchemaInput(values, fields, stored)),
    }),
  });
}

/** Server refusals that concern one input. */
const itemErrorFields = {
  ASSET_CODE_TAKEN: 'assetCode',
  MODEL_NOT_FOUND: 'modelId',
  FACILITY_NOT_FOUND: 'facilityId',
} as const;

/**
 * Like useServerErrors, plus custom fields: the API names the field by its key (the form holds it under
 * `custom.<key>`) and by its labels in both languages, which the message uses.
 */
export function useItemServerErrors(form: ItemForm, fields: readonly CategoryField[]) {
  const errors = useServerErrors(form.setErrors, itemErrorFields);
  return {
    ...errors,
    onError: (error: unknown) => {
      const params = apiErrorData(error)?.domainParams;
      const field = fields.find((f) => f.key === params?.field);
      if (domainCodeOf(error) === 'CUSTOM_FIELD_INVALID' && field) {
        form.setErrors({
          [`custom.${field.key}`]: domainMessage(
            'CUSTOM_FIELD_INVALID',
            { label: field.labelVi, labelEn: field.labelEn, ...params },
            i18n.t,
          ),
        });
        revealFirstError();
        return;
      }
      errors.onError(error);
    },
  };
}

interface ItemFormFrameProps {
  title: string;
  form: ItemForm;
  models: ItemModel[];
  fields: CategoryField[];
  /** Validates and saves; the frame only stops the browser's own submit. */
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  cancelTo: string;
  facilityName?: string;
  /** Above the fields, e.g. a version conflict. */
  notice?: ReactNode;
}

export function ItemFormFrame({ form, models, fields, facilityName, ...frame }: ItemFormFrameProps) {
  return (
    <FormFrame maw={1000} {...frame}>
      <ItemFormFields form={form} models={models} fields={fields} facilityName={facilityName} />
    </FormFrame>
  );
}
