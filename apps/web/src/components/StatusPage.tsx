import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Full-page explanation when there is nothing to show: unknown address or no permission. */
export function StatusPage({ kind }: { kind: 'notFound' | 'forbidden' }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" gap="sm" role={kind === 'forbidden' ? 'alert' : undefined}>
      <Title order={2}>{t(kind === 'forbidden' ? 'errors.forbiddenTitle' : 'errors.notFoundTitle')}</Title>
      <Text c="dimmed">{t(kind === 'forbidden' ? 'errors.forbidden' : 'errors.notFound')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('errors.home')}
      </Button>
    </Stack>
  );
}
