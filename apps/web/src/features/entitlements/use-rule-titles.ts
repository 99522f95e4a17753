import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';
import { useLang } from '../../i18n/index.ts';

/**
 * Rule titles by code, from the policy overview, for screens whose data names rules by code only
 * (entitlement history). Policies change rarely, so the overview is kept for a few minutes.
 */
export function useRuleTitles(): (code: string) => string {
  const trpc = useTRPC();
  const lang = useLang();
  const overview = useQuery(trpc.policies.overview.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const titles = new Map((overview.data?.rules ?? []).map(({ rule }) => [rule.code, rule.title[lang]]));
  return (code) => titles.get(code) ?? code;
}
