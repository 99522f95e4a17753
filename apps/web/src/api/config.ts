import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc.ts';

/** Deployment settings (home province, department name) never change while the app is open. */
export function useAppConfig() {
  const trpc = useTRPC();
  return useQuery(trpc.meta.config.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
}
