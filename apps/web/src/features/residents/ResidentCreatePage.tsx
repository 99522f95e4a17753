import { admissionInput, type residentCreateInput, residentInput } from '@ansinh/schemas/resident';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { useAppConfig } from '../../api/config.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useFacilityScope } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { domainCodeOf } from '../../lib/errors.ts';
import { revealFirstError, zodFormErrors } from '../../lib/form-errors.ts';
import { today } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { AdmissionFields } from './AdmissionFields.tsx';
import { ConfirmDuplicateModal } from './ConfirmDuplicateModal.tsx';
import { ResidentFormFrame, residentErrorFields, useResidentForm } from './ResidentFormFrame.tsx';
import {
  type AdmissionFormState,
  admissionToSchemaInput,
  emptyResidentForm,
  formToSchemaInput,
} from './resident-form.ts';
import { useResidentChanged } from './use-resident-changed.ts';

type CreateInput = z.input<typeof residentCreateInput>;

export function ResidentCreatePage() {
  const config = useAppConfig();
  if (config.isPending) return <PageLoader />;
  if (config.isError) return <ErrorState error={config.error} />;
  return <ResidentCreateForm homeProvinceCode={config.data.homeProvinceCode} />;
}

function ResidentCreateForm({ homeProvinceCode }: { homeProvinceCode: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const changed = useResidentChanged();
  const { ownFacilityId } = useFacilityScope();
  const form = useResidentForm(emptyResidentForm(homeProvinceCode));
  const admission = useForm<AdmissionFormState>({
    mode: 'controlled',
    initialValues: { facilityId: ownFacilityId, admittedOn: today(), decisionNumber: '', bedId: null },
    validate: (values) => zodFormErrors(admissionInput, admissionToSchemaInput(values)),
  });
  // A refusal names a field of either form (idNumber, admittedOn…); each shows the ones it has.
  const errors = useServerErrors((fieldErrors) => {
    form.setErrors(fieldErrors);
    admission.setErrors(fieldErrors);
  }, residentErrorFields);
  /** A submission the server held back as a possible duplicate, waiting for the user's confirmation. */
  const [unconfirmed, setUnconfirmed] = useState<CreateInput | null>(null);

  const create = useMutation(
    trpc.residents.create.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async (resident) => {
        await changed(resident);
        notifications.show({
          color: 'green',
          message: t('resident.form.created', { name: resident.fullName }),
        });
        await navigate(`/residents/${resident.id}`);
      },
      onError: (error, input) => {
        if (domainCodeOf(error) === 'POSSIBLE_DUPLICATE' && !input.confirmDuplicate) {
          setUnconfirmed(input);
          return;
        }
        setUnconfirmed(null);
        errors.onError(error);
      },
    }),
  );

  const submit = () => {
    const residentCheck = form.validate();
    const admissionCheck = admission.validate();
    if (residentCheck.hasErrors || admissionCheck.hasErrors) {
      revealFirstError();
      return;
    }
    create.mutate({
      resident: residentInput.parse(formToSchemaInput(form.getValues())),
      admission: admissionInput.parse(admissionToSchemaInput(admission.getValues())),
      confirmDuplicate: false,
    });
  };

  return (
    <>
      <ResidentFormFrame
        title={t('resident.form.createTitle')}
        form={form}
        onSubmit={submit}
        submitting={create.isPending}
        error={errors.general}
        cancelTo="/residents"
        extra={<AdmissionFields form={admission} />}
      />
      {unconfirmed && (
        <ConfirmDuplicateModal
          input={unconfirmed}
          submitting={create.isPending}
          onCancel={() => setUnconfirmed(null)}
          onConfirm={() => create.mutate({ ...unconfirmed, confirmDuplicate: true })}
        />
      )}
    </>
  );
}
