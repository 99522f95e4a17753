import { type Bilingual, type Lang, upperFirst } from '@ansinh/domain/entitlements/format';

/**
 * The domain names groups, flags, incomes… in both languages (the engine's explanations use the same
 * words); screens show them as labels, so they start with a capital letter.
 */
export function labelsIn<K extends string>(labels: Record<K, Bilingual>, lang: Lang): Record<K, string> {
  return Object.fromEntries(
    (Object.entries(labels) as [K, Bilingual][]).map(([key, label]) => [key, upperFirst(label[lang])]),
  ) as Record<K, string>;
}
