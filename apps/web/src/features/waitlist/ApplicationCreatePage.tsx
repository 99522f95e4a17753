import { applicationInput } from '@ansinh/schemas/waitlist';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAppConfig } from '../../api/config.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useFacilityScope } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { revealFirstError } from '../../lib/form-errors.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { ApplicationFormFrame } from './ApplicationFormFrame.tsx';
import {
  applicationErrorFields,
  emptyApplicationForm,
  formToSchemaInput,
  useApplicationForm,
} from './application-form.ts';
import { useWaitlistChanged } from './use-waitlist-changed.ts';

export function ApplicationCreatePage() {
  const config = useAppConfig();
  if (config.isPending) return <PageLoader />;
  if (config.isError) return <ErrorState error={config.error} />;
  return <ApplicationCreateForm homeProvinceCode={config.data.homeProvinceCode} />;
}

function ApplicationCreateForm({ homeProvinceCode }: { homeProvinceCode: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const changed = useWaitlistChanged();
  const { ownFacilityId } = useFacilityScope();
  const form = useApplicationForm(emptyApplicationForm(homeProvinceCode, ownFacilityId));
  const errors = useServerErrors(form.setErrors, applicationErrorFields);
  const create = useMutation(
    trpc.waitlist.create.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (application) => {
        await changed(application);
        notifications.show({
          color: 'green',
          message: t('planning.waitlist.form.created', { name: application.fullName }),
        });
        await navigate(`/waitlist/${application.id}`);
      },
      onError: errors.onError,
    }),
  );
  const submit = () => {
    if (form.validate().hasErrors) {
      revealFirstError();
      return;
    }
    create.mutate(applicationInput.parse(formToSchemaInput(form.getValues())));
  };
  return (
    <ApplicationFormFrame
      title={t('planning.waitlist.form.createTitle')}
      form={form}
      onSubmit={submit}
      submitting={create.isPending}
      error={errors.general}
      cancelTo="/waitlist"
    />
  );
}
