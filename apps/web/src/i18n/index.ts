import { setValidationLanguage } from '@ansinh/schemas/messages';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { type Messages, vi } from './vi.ts';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const storageKey = 'ansinh.language';

function storedLanguage(): Language {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
}

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/** Everything that depends on the language besides i18next itself follows it from here. */
function applyLanguage(lang: Language): void {
  setValidationLanguage(lang);
  dayjs.locale(lang);
  document.documentElement.lang = lang;
  localStorage.setItem(storageKey, lang);
}

i18n.on('languageChanged', (lng) => {
  if (isLanguage(lng)) applyLanguage(lng);
});

// Resources are bundled, so initialising synchronously lets the first render already speak Vietnamese.
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export { i18n };

/** For keys built from data (audit actions, server messages): the translation if there is one. */
export function translateIfKnown(key: string): string | undefined {
  // Such keys are only known at runtime, so they are checked with exists() instead of by the compiler.
  return i18n.exists(key) ? i18n.t(key as 'app.name') : undefined;
}

/** The UI language, for texts the server sends in both languages (entitlement explanations, rule titles). */
export function useLang(): Language {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'vi';
}
