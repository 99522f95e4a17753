import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';

interface DialogActionsProps {
  onCancel: () => void;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  color?: string;
}

/** Footer shared by dialogs with a form: a general error, Cancel and the submit button. */
export function DialogActions({ onCancel, submitLabel, submitting, error, color }: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      {error ? <ErrorAlert error={error} /> : null}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={submitting} color={color}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
