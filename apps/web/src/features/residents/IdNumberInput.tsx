import { checkIdNumber } from '@ansinh/domain/id-number';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { birthDateOf, type ResidentForm } from './resident-form.ts';

/**
 * The ID number is checked while it is typed, against the sex and birth year on the form, with the same
 * check the shared schema runs on saving: the message names the digit at fault.
 */
export function IdNumberInput({ form }: { form: ResidentForm }) {
  const { t } = useTranslation();
  const lang = useLang();
  const values = form.getValues();
  const input = form.getInputProps('idNumber');
  const birthDate = birthDateOf(values);
  const check = values.idNumber.trim()
    ? checkIdNumber(values.idNumber, {
        birthDate: birthDate || undefined,
        birthDatePrecision: values.birthDatePrecision,
        sex: values.sex ?? undefined,
      })
    : null;
  const problems = check?.problems.map((p) => p.message[lang]).join('; ');
  const confirmed = check?.kind === 'citizen' && !problems && birthDate && values.sex;
  return (
    <TextInput
      label={t('resident.fields.idNumber')}
      inputMode="numeric"
      autoComplete="off"
      {...input}
      error={input.error ?? (problems || undefined)}
      description={
        check?.kind === 'legacy'
          ? t('resident.form.legacyId')
          : confirmed
            ? t('resident.form.idMatches')
            : undefined
      }
    />
  );
}
