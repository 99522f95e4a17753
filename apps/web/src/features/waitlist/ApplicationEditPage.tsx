import { type ApplicationDetail, applicationInput } from '@ansinh/schemas/waitlist';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAppConfig } from '../../api/config.ts';
import { useTRPC } from '../../api/trpc.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { rebaseForm } from '../../lib/form-diff.ts';
import { revealFirstError } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useStaleVersion } from '../../lib/use-stale-version.tsx';
import { ApplicationFormFrame } from './ApplicationFormFrame.tsx';
import {
  applicationErrorFields,
  applicationToForm,
  changedApplicationFields,
  formToSchemaInput,
  useApplicationForm,
} from './application-form.ts';
import { useWaitlistChanged } from './use-waitlist-changed.ts';

export function ApplicationEditPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const config = useAppConfig();
  const application = useQuery(trpc.waitlist.byId.queryOptions({ id }));
  if (application.isPending || config.isPending) return <PageLoader />;
  if (application.isError) return <ErrorState error={application.error} />;
  if (config.isError) return <ErrorState error={config.error} />;
  // Keyed so that navigating to another application starts a fresh form.
  return (
    <ApplicationEditForm
      key={id}
      application={application.data}
      homeProvinceCode={config.data.homeProvinceCode}
    />
  );
}

function ApplicationEditForm({
  application,
  homeProvinceCode,
}: {
  application: ApplicationDetail;
  homeProvinceCode: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const changed = useWaitlistChanged();
  const toForm = (a: ApplicationDetail) => applicationToForm(a, homeProvinceCode);
  const form = useApplicationForm(toForm(application));
  const errors = useServerErrors(form.setErrors, applicationErrorFields);
  const { base, onSaveError, alert } = useStaleVersion({
    initial: application,
    fetchLatest: (b) =>
      queryClient.fetchQuery({ ...trpc.waitlist.byId.queryOptions({ id: b.id }), staleTime: 0 }),
    rebase: (b, latest) => {
      // The province only narrows the commune list: the user's choice stays.
      const current = form.getValues();
      form.setValues({
        ...rebaseForm(current, toForm(b), toForm(latest)),
        homeProvinceCode: current.homeProvinceCode,
      });
    },
    onReloadError: errors.onError,
  });

  const update = useMutation(
    trpc.waitlist.update.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        await changed(saved);
        notifications.show({ color: 'green', message: t('planning.waitlist.form.saved') });
        await navigate(`/waitlist/${saved.id}`);
      },
      onError: onSaveError(errors.onError),
    }),
  );

  const save = () => {
    if (form.validate().hasErrors) {
      revealFirstError();
      return;
    }
    const changes = changedApplicationFields(
      applicationInput.parse(formToSchemaInput(form.getValues())),
      base,
    );
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: t('planning.waitlist.form.noChanges') });
      return;
    }
    update.mutate({ id: base.id, version: base.version, ...changes });
  };

  return (
    <ApplicationFormFrame
      title={t('planning.waitlist.form.editTitle')}
      form={form}
      onSubmit={save}
      submitting={update.isPending}
      error={errors.general}
      cancelTo={`/waitlist/${base.id}`}
      communeName={base.homeCommuneName}
      notice={alert}
    />
  );
}
