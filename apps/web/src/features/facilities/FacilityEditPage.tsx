import { departmentOnlyFacilityFields } from '@ansinh/domain/licensing';
import { seesWholeProvince } from '@ansinh/domain/roles';
import type { Facility } from '@ansinh/schemas/facility';
import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { domainCodeOf } from '../../lib/errors.ts';
import { changedFields, rebaseForm } from '../../lib/form-diff.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { FacilityFormFrame, facilityErrorFields, useFacilityForm } from './FacilityFormFrame.tsx';
import { facilityToForm, type ParsedFacility } from './facility-form.ts';

export function FacilityEditPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const facility = useQuery(trpc.facilities.byId.queryOptions({ id }));
  if (facility.isPending) return <PageLoader />;
  if (facility.isError) return <ErrorState error={facility.error} />;
  // Keyed so that navigating to another facility starts a fresh form.
  return <FacilityEditForm key={id} facility={facility.data} />;
}

function FacilityEditForm({ facility }: { facility: Facility }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Licensing facts are the department's decision; centres and operators see them but cannot change them.
  const isDepartment = seesWholeProvince(useSession().role);
  /** The version this form is based on; it only moves when the user chooses to load a newer one. */
  const [base, setBase] = useState(facility);
  const [stale, setStale] = useState(false);
  const form = useFacilityForm(facilityToForm(facility));
  const errors = useServerErrors(form.setErrors, facilityErrorFields);

  const update = useMutation(
    trpc.facilities.update.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.facilities.byId.queryKey({ id: saved.id }), saved);
        await queryClient.invalidateQueries({ queryKey: trpc.facilities.list.pathKey() });
        notifications.show({ color: 'green', message: t('facility.form.saved') });
        await navigate(`/facilities/${saved.id}`);
      },
      onError: (error) => {
        if (domainCodeOf(error) === 'STALE_VERSION') setStale(true);
        else errors.onError(error);
      },
    }),
  );

  const reload = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery({ ...trpc.facilities.byId.queryOptions({ id: base.id }), staleTime: 0 }),
    onSuccess: (latest) => {
      form.setValues(rebaseForm(form.getValues(), facilityToForm(base), facilityToForm(latest)));
      setBase(latest);
      setStale(false);
      notifications.show({ color: 'blue', message: t('common.stale.reloaded') });
    },
    onError: errors.onError,
  });

  const save = (parsed: ParsedFacility) => {
    const changes = changedFields(parsed, base);
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: t('facility.form.noChanges') });
      return;
    }
    update.mutate({ id: base.id, version: base.version, ...changes });
  };

  return (
    <FacilityFormFrame
      title={t('facility.form.editTitle')}
      form={form}
      onSubmit={save}
      submitting={update.isPending}
      error={errors.general}
      cancelTo={`/facilities/${base.id}`}
      access={isDepartment ? {} : { locked: departmentOnlyFacilityFields }}
      notice={
        <>
          {!isDepartment && <Alert color="gray">{t('facility.form.lockedNote')}</Alert>}
          {stale && <StaleVersionAlert reloading={reload.isPending} onReload={() => reload.mutate()} />}
        </>
      }
    />
  );
}
