import { type CategoryField, type Item, type ItemModel, itemInput } from '@ansinh/schemas/equipment';
import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { domainCodeOf } from '../../lib/errors.ts';
import { changedFields, rebaseForm } from '../../lib/form-diff.ts';
import { revealFirstError } from '../../lib/form-errors.ts';
import { ItemFormFrame, useCatalogue, useItemForm, useItemServerErrors } from './ItemFormFrame.tsx';
import { formToSchemaInput, itemToForm, sameCustom } from './item-form.ts';
import { useItemChanged } from './use-item-changed.ts';

export function ItemEditPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const item = useQuery(trpc.equipment.items.byId.queryOptions({ id }));
  const { models, fields } = useCatalogue();
  if (item.isPending || models.isPending || fields.isPending) return <PageLoader />;
  if (item.isError) return <ErrorState error={item.error} />;
  if (models.isError) return <ErrorState error={models.error} />;
  if (fields.isError) return <ErrorState error={fields.error} />;
  // Keyed so that navigating to another item starts a fresh form.
  return <ItemEditForm key={id} item={item.data} models={models.data} fields={fields.data} />;
}

function ItemEditForm({
  item,
  models,
  fields,
}: {
  item: Item;
  models: ItemModel[];
  fields: CategoryField[];
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const changed = useItemChanged();
  /** The version this form is based on; it only moves when the user chooses to load a newer one. */
  const [base, setBase] = useState(item);
  const [stale, setStale] = useState(false);
  const form = useItemForm(itemToForm(item), fields, base.custom);
  const errors = useItemServerErrors(form, fields);

  const update = useMutation(
    trpc.equipment.items.update.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved.id, saved);
        notifications.show({ color: 'green', message: t('equipment.form.saved') });
        await navigate(`/equipment/${saved.id}`);
      },
      onError: (error) => {
        if (domainCodeOf(error) === 'STALE_VERSION') setStale(true);
        else errors.onError(error);
      },
    }),
  );

  const reload = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery({ ...trpc.equipment.items.byId.queryOptions({ id: base.id }), staleTime: 0 }),
    onSuccess: (latest) => {
      form.setValues(rebaseForm(form.getValues(), itemToForm(base), itemToForm(latest)));
      setBase(latest);
      setStale(false);
      notifications.show({ color: 'blue', message: t('common.stale.reloaded') });
    },
    onError: errors.onError,
  });

  const save = () => {
    if (form.validate().hasErrors) {
      revealFirstError();
      return;
    }
    const { facilityId: _facility, ...parsed } = itemInput.parse(
      formToSchemaInput(form.getValues(), fields, base.custom),
    );
    const changes = changedFields(parsed, base);
    // An object always differs by reference; only a different value is a change.
    if (changes.custom && sameCustom(changes.custom, base.custom)) delete changes.custom;
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: t('equipment.form.noChanges') });
      return;
    }
    update.mutate({ id: base.id, version: base.version, ...changes });
  };

  if (base.status === 'disposed') return <Alert color="gray">{t('equipment.form.disposed')}</Alert>;

  return (
    <ItemFormFrame
      title={t('equipment.form.editTitle')}
      form={form}
      models={models}
      fields={fields}
      onSubmit={save}
      submitting={update.isPending}
      error={errors.general}
      cancelTo={`/equipment/${base.id}`}
      facilityName={base.facilityName}
      notice={stale && <StaleVersionAlert reloading={reload.isPending} onReload={() => reload.mutate()} />}
    />
  );
}
