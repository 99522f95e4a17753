import { type ApplicationDetail, acceptOfferInput, type OfferView } from '@ansinh/schemas/waitlist';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { DateField } from '../../components/DateField.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { domainCodeOf } from '../../lib/errors.ts';
import { zodFormErrors } from '../../lib/form-errors.ts';
import { formatDate, today } from '../../lib/format.ts';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import { useWaitlistChanged } from './use-waitlist-changed.ts';

interface AcceptFormState {
  acceptedOn: string | null;
  decisionNumber: string;
  resident: {
    birthDatePrecision: 'day' | 'year';
    birthDate: string | null;
    birthYear: number | string;
    ethnicity: string;
    healthInsuranceNumber: string;
    guardianContacts: string;
  };
}

/** The resident fields the form shows; any other refusal about the person is listed in an alert. */
const shownResidentFields = [
  'resident.birthDate',
  'resident.birthYear',
  'resident.ethnicity',
  'resident.healthInsuranceNumber',
  'resident.guardianContacts',
];

/**
 * Accepting is the admission: the person becomes a resident of the bed's facility, in that bed, from
 * the admission date. What the application lacks for a resident record (a birth date) is asked here.
 */
export function AcceptOfferModal({
  application,
  offer,
  onClose,
}: {
  application: ApplicationDetail;
  offer: OfferView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const changed = useWaitlistChanged();
  const needsBirthDate = application.birthDate === null;
  /** Set after the server warned of a possible duplicate, until the user confirms or changes something. */
  const [duplicate, setDuplicate] = useState(false);

  const toInput = (v: AcceptFormState, confirmDuplicate: boolean) => {
    const r = v.resident;
    const birth = needsBirthDate
      ? r.birthDatePrecision === 'year'
        ? r.birthYear === ''
          ? {}
          : { birthDate: `${r.birthYear}-01-01`, birthDatePrecision: 'year' as const }
        : r.birthDate
          ? { birthDate: r.birthDate, birthDatePrecision: 'day' as const }
          : {}
      : {};
    const optional = Object.fromEntries(
      (['ethnicity', 'healthInsuranceNumber', 'guardianContacts'] as const).flatMap((key) =>
        r[key].trim() ? [[key, r[key]]] : [],
      ),
    );
    return {
      offerId: offer.id,
      acceptedOn: v.acceptedOn ?? '',
      decisionNumber: v.decisionNumber,
      resident: { ...birth, ...optional },
      confirmDuplicate,
    };
  };
  const form = useForm<AcceptFormState>({
    mode: 'controlled',
    initialValues: {
      acceptedOn: today(),
      decisionNumber: '',
      resident: {
        birthDatePrecision: 'day',
        birthDate: null,
        birthYear: '',
        ethnicity: '',
        healthInsuranceNumber: '',
        guardianContacts: '',
      },
    },
    validate: (values) => {
      const errors = zodFormErrors(acceptOfferInput, toInput(values, false));
      if (needsBirthDate && !('birthDate' in toInput(values, false).resident)) {
        errors[values.resident.birthDatePrecision === 'year' ? 'resident.birthYear' : 'resident.birthDate'] =
          t('planning.waitlist.accept.birthDateRequired');
      }
      return errors;
    },
    onValuesChange: () => setDuplicate(false),
  });
  const errors = useServerErrors(form.setErrors, { BED_OUT_OF_SERVICE: 'acceptedOn' });
  const accept = useMutation(
    trpc.waitlist.acceptOffer.mutationOptions({
      onMutate: errors.clear,
      onSuccess: async ({ application: saved, residentId }) => {
        await changed(saved);
        await queryClient.invalidateQueries({ queryKey: trpc.residents.pathKey() });
        notifications.show({
          color: 'green',
          message: t('planning.waitlist.accept.done', { name: saved.fullName }),
        });
        onClose();
        await navigate(`/residents/${residentId}`);
      },
      onError: (error, input) => {
        if (domainCodeOf(error) === 'POSSIBLE_DUPLICATE' && !input.confirmDuplicate) {
          setDuplicate(true);
          return;
        }
        errors.onError(error);
      },
    }),
  );
  const submit = (confirmDuplicate: boolean) => {
    if (form.validate().hasErrors) return;
    accept.mutate(acceptOfferInput.parse(toInput(form.getValues(), confirmDuplicate)));
  };
  const values = form.getValues();
  const yearOnly = values.resident.birthDatePrecision === 'year';
  const otherProblems = Object.entries(form.errors).filter(
    ([path]) => path.startsWith('resident.') && !shownResidentFields.includes(path),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('planning.waitlist.accept.title', { name: application.fullName, bed: offer.bedCode })}
      size="xl"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(false);
        }}
      >
        <Stack>
          <Alert color="blue">
            {t('planning.waitlist.accept.hint', { facility: offer.facilityName, bed: offer.bedCode })}
          </Alert>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('planning.waitlist.accept.acceptedOn')}
              description={t('planning.waitlist.accept.offeredOn', { date: formatDate(offer.offeredOn) })}
              required
              minDate={offer.offeredOn}
              maxDate={today()}
              {...form.getInputProps('acceptedOn')}
            />
            <TextInput
              label={t('planning.waitlist.accept.decisionNumber')}
              {...form.getInputProps('decisionNumber')}
            />
          </SimpleGrid>
          <Fieldset legend={t('planning.waitlist.accept.missing')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {needsBirthDate && (
                <Stack gap={6}>
                  {yearOnly ? (
                    <NumberInput
                      label={t('planning.waitlist.accept.birthYear')}
                      required
                      min={1900}
                      max={new Date().getFullYear()}
                      allowDecimal={false}
                      hideControls
                      thousandSeparator=""
                      {...form.getInputProps('resident.birthYear')}
                    />
                  ) : (
                    <DateField
                      label={t('planning.waitlist.fields.birthDate')}
                      required
                      maxDate={today()}
                      {...form.getInputProps('resident.birthDate')}
                    />
                  )}
                  <Checkbox
                    size="xs"
                    label={t('planning.waitlist.accept.birthYearOnly')}
                    checked={yearOnly}
                    onChange={(event) =>
                      form.setFieldValue(
                        'resident.birthDatePrecision',
                        event.currentTarget.checked ? 'year' : 'day',
                      )
                    }
                  />
                </Stack>
              )}
              <TextInput
                label={t('planning.waitlist.accept.ethnicity')}
                {...form.getInputProps('resident.ethnicity')}
              />
              <TextInput
                label={t('planning.waitlist.accept.healthInsuranceNumber')}
                {...form.getInputProps('resident.healthInsuranceNumber')}
              />
              <TextInput
                label={t('planning.waitlist.accept.guardianContacts')}
                {...form.getInputProps('resident.guardianContacts')}
              />
            </SimpleGrid>
          </Fieldset>
          {otherProblems.map(([path, message]) => (
            <Alert key={path} color="red">
              {t('planning.waitlist.accept.otherProblem', { message: String(message) })}
            </Alert>
          ))}
          {duplicate && (
            <Alert color="orange" title={t('planning.waitlist.accept.duplicateTitle')}>
              <Text size="sm" mb="sm">
                {t('planning.waitlist.accept.duplicateMessage')}
              </Text>
              <Button size="xs" color="orange" loading={accept.isPending} onClick={() => submit(true)}>
                {t('planning.waitlist.accept.confirmDuplicate')}
              </Button>
            </Alert>
          )}
        </Stack>
        <DialogActions
          onCancel={onClose}
          submitLabel={t('planning.waitlist.accept.submit')}
          submitting={accept.isPending}
          error={errors.general}
          color="green"
        />
      </form>
    </Modal>
  );
}
