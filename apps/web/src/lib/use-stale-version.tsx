import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaleVersionAlert } from '../components/StaleVersionAlert.tsx';
import { domainCodeOf } from './errors.ts';

interface StaleVersionOptions<T> {
  /** The version the form starts from. */
  initial: T;
  /** Fetches the newest stored version, past any cache. */
  fetchLatest: (base: T) => Promise<T>;
  /** Carries the user's edits from `base` over onto `latest`. */
  rebase: (base: T, latest: T) => void;
  /** When the reload itself fails. */
  onReloadError: (error: unknown) => void;
}

/**
 * The version an edit form is based on, and what happens when a save is refused because someone else saved
 * first (STALE_VERSION): an alert offers to load the newer version, keeping the user's own edits.
 */
export function useStaleVersion<T>(options: StaleVersionOptions<T>) {
  const { t } = useTranslation();
  /** The version this form is based on; it only moves when the user chooses to load a newer one. */
  const [base, setBase] = useState(options.initial);
  const [stale, setStale] = useState(false);

  const reload = useMutation({
    mutationFn: () => options.fetchLatest(base),
    onSuccess: (latest) => {
      options.rebase(base, latest);
      setBase(latest);
      setStale(false);
      notifications.show({ color: 'blue', message: t('common.stale.reloaded') });
    },
    onError: options.onReloadError,
  });

  return {
    base,
    /** A save's onError: a stale version shows the alert, anything else goes to `otherwise`. */
    onSaveError: (otherwise: (error: unknown) => void) => (error: unknown) => {
      if (domainCodeOf(error) === 'STALE_VERSION') setStale(true);
      else otherwise(error);
    },
    alert: stale && <StaleVersionAlert reloading={reload.isPending} onReload={() => reload.mutate()} />,
  };
}
