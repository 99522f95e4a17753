import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown when a save was refused because someone else saved the record first (STALE_VERSION). */
export function StaleVersionAlert({ reloading, onReload }: { reloading: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('common.stale.title')} role="alert">
      <Text size="sm" mb="sm">
        {t('common.stale.message')}
      </Text>
      <Button size="xs" color="orange" loading={reloading} onClick={onReload}>
        {t('common.stale.reload')}
      </Button>
    </Alert>
  );
}
