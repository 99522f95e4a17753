import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAppConfig } from '../../api/config.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { FacilityFormFrame, facilityErrorFields, useFacilityForm } from './FacilityFormFrame.tsx';
import { emptyFacilityForm } from './facility-form.ts';

export function FacilityCreatePage() {
  const config = useAppConfig();
  if (config.isPending) return <PageLoader />;
  if (config.isError) return <ErrorState error={config.error} />;
  return <FacilityCreateForm homeProvinceCode={config.data.homeProvinceCode} />;
}

function FacilityCreateForm({ homeProvinceCode }: { homeProvinceCode: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The server makes an operator's facility non-public and planned whatever is sent; the form says the same.
  const isOperator = useSession().role === 'operator';
  const initial = emptyFacilityForm(homeProvinceCode);
  const form = useFacilityForm(
    isOperator ? { ...initial, ownership: 'non_public', status: 'planned' } : initial,
  );
  const errors = useServerErrors(form.setErrors, facilityErrorFields);

  const create = useMutation(
    trpc.facilities.create.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (facility) => {
        queryClient.setQueryData(trpc.facilities.byId.queryKey({ id: facility.id }), facility);
        await queryClient.invalidateQueries({ queryKey: trpc.facilities.list.pathKey() });
        notifications.show({ color: 'green', message: t('facility.form.created', { name: facility.name }) });
        await navigate(`/facilities/${facility.id}`);
      },
      onError: errors.onError,
    }),
  );

  return (
    <FacilityFormFrame
      title={t('facility.form.createTitle')}
      form={form}
      onSubmit={(parsed) => create.mutate(parsed)}
      submitting={create.isPending}
      error={errors.general}
      cancelTo="/facilities"
      access={isOperator ? { hidden: ['ownership', 'status'] } : {}}
      notice={isOperator && <Alert color="blue">{t('facility.form.operatorNote')}</Alert>}
    />
  );
}
