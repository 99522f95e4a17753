import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors.ts';

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { message, requestId } = describeError(error, t);
  return (
    <Alert color="red" role="alert">
      <Text size="sm">{message}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { requestId })}
        </Text>
      )}
    </Alert>
  );
}
