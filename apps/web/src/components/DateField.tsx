import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, parseDate } from '../lib/format.ts';

/** A calendar date typed or picked as dd/mm/yyyy; the value is the ISO string the API stores. */
export function DateField(props: DateInputProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      placeholder={t('common.datePlaceholder')}
      valueFormat={DATE_FORMAT}
      dateParser={parseDate}
      {...props}
    />
  );
}
