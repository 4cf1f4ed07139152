import { type Locale, locales, setLocale, useI18n } from '../i18n';

const names: Record<Locale, string> = { en: 'EN', 'zh-CN': '中文' };

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  return (
    <div class="segmented" role="group" aria-label={t('languageLabel')}>
      {locales.map((l) => (
        <button type="button" lang={l} aria-pressed={l === locale} onClick={() => setLocale(l)} data-testid={`lang-${l}`}>
          {names[l]}
        </button>
      ))}
    </div>
  );
}
