import { type CategoryField, type ItemModel, itemInput } from '@ansinh/schemas/equipment';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useFacilityScope } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { revealFirstError } from '../../lib/form-errors.ts';
import { ItemFormFrame, useCatalogue, useItemForm, useItemServerErrors } from './ItemFormFrame.tsx';
import { emptyItemForm, formToSchemaInput } from './item-form.ts';
import { useItemChanged } from './use-item-changed.ts';

export function ItemCreatePage() {
  const { models, fields } = useCatalogue();
  if (models.isPending || fields.isPending) return <PageLoader />;
  if (models.isError) return <ErrorState error={models.error} />;
  if (fields.isError) return <ErrorState error={fields.error} />;
  return <ItemCreateForm models={models.data} fields={fields.data} />;
}

function ItemCreateForm({ models, fields }: { models: ItemModel[]; fields: CategoryField[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const changed = useItemChanged();
  const { ownFacilityId } = useFacilityScope();
  const form = useItemForm(emptyItemForm(ownFacilityId), fields);
  const errors = useItemServerErrors(form, fields);

  const create = useMutation(
    trpc.equipment.items.create.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (item) => {
        await changed(item.id, item);
        notifications.show({
          color: 'green',
          message: t('equipment.form.created', { code: item.assetCode }),
        });
        await navigate(`/equipment/${item.id}`);
      },
      onError: errors.onError,
    }),
  );

  const submit = () => {
    if (form.validate().hasErrors) {
      revealFirstError();
      return;
    }
    create.mutate(itemInput.parse(formToSchemaInput(form.getValues(), fields)));
  };

  return (
    <ItemFormFrame
      title={t('equipment.form.createTitle')}
      form={form}
      models={models}
      fields={fields}
      onSubmit={submit}
      submitting={create.isPending}
      error={errors.general}
      cancelTo="/equipment"
    />
  );
}
