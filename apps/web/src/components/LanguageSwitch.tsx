import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={i18n.language}
      onChange={(lang) => {
        if (isLanguage(lang)) void i18n.changeLanguage(lang);
      }}
      data={languages.map((lang) => ({
        value: lang,
        label: lang.toUpperCase(),
        title: t(`language.${lang}`),
      }))}
    />
  );
}
