import { type ResidentDetail, residentInput } from '@ansinh/schemas/resident';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAppConfig } from '../../api/config.ts';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { changedFields, rebaseForm } from '../../lib/form-diff.ts';
import { revealFirstError } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useStaleVersion } from '../../lib/use-stale-version.tsx';
import { ResidentFormFrame, residentErrorFields, useResidentForm } from './ResidentFormFrame.tsx';
import { formToSchemaInput, residentToForm } from './resident-form.ts';
import { useResidentChanged } from './use-resident-changed.ts';

export function ResidentEditPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const config = useAppConfig();
  const resident = useQuery(trpc.residents.byId.queryOptions({ id }));
  if (resident.isPending || config.isPending) return <PageLoader />;
  if (resident.isError) return <ErrorState error={resident.error} />;
  if (config.isError) return <ErrorState error={config.error} />;
  // Keyed so that navigating to another resident starts a fresh form.
  return (
    <ResidentEditForm key={id} resident={resident.data} homeProvinceCode={config.data.homeProvinceCode} />
  );
}

function ResidentEditForm({
  resident,
  homeProvinceCode,
}: {
  resident: ResidentDetail;
  homeProvinceCode: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const changed = useResidentChanged();
  const toForm = (r: ResidentDetail) => residentToForm(r, homeProvinceCode);
  const form = useResidentForm(toForm(resident));
  const errors = useServerErrors(form.setErrors, residentErrorFields);
  const { base, onSaveError, alert } = useStaleVersion({
    initial: resident,
    fetchLatest: (b) =>
      queryClient.fetchQuery({ ...trpc.residents.byId.queryOptions({ id: b.id }), staleTime: 0 }),
    rebase: (b, latest) => form.setValues(rebaseForm(form.getValues(), toForm(b), toForm(latest))),
    onReloadError: errors.onError,
  });

  const update = useMutation(
    trpc.residents.update.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved);
        notifications.show({ color: 'green', message: t('resident.form.saved') });
        await navigate(`/residents/${saved.id}`);
      },
      onError: onSaveError(errors.onError),
    }),
  );

  const save = () => {
    if (form.validate().hasErrors) {
      revealFirstError();
      return;
    }
    const changes = changedFields(residentInput.parse(formToSchemaInput(form.getValues())), base);
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: t('resident.form.noChanges') });
      return;
    }
    update.mutate({ id: base.id, version: base.version, ...changes });
  };

  return (
    <ResidentFormFrame
      title={t('resident.form.editTitle')}
      form={form}
      onSubmit={save}
      submitting={update.isPending}
      error={errors.general}
      cancelTo={`/residents/${base.id}`}
      residentId={base.id}
      notice={alert}
    />
  );
}
