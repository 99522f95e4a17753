import type { PolicyRule } from '@ansinh/domain/entitlements/policy';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/**
 * What the stored rules would cost in a month with `rules` replacing (or added to) them. Typing in an
 * amount changes the rules on every keystroke, so the request waits for a pause; the rules are
 * debounced as one string because a fresh array on every render would restart the timer forever.
 * `rules` null means the draft is not valid yet: the last answer stays on screen.
 */
export function usePreview(month: string, rules: PolicyRule[] | null) {
  const trpc = useTRPC();
  const [debounced] = useDebouncedValue(rules ? JSON.stringify(rules) : '', 600);
  const input = debounced ? { month, rules: JSON.parse(debounced) as PolicyRule[] } : skipToken;
  return useQuery({ ...trpc.policies.preview.queryOptions(input), placeholderData: keepPreviousData });
}

/** The scenario without a stored version: an 'archived' override removes it from the preview. */
export function withoutRule(rule: PolicyRule): PolicyRule {
  return { ...rule, status: 'archived' };
}
