import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../i18n/languages';
import { useRun } from '../../store/context';

/** The page's language: English or 简体中文 (the link's `lang=` follows). */
export function LanguageSwitch() {
  const id = useId();
  const { t } = useTranslation();
  const language = useRun((s) => s.language);
  const setLanguage = useRun((s) => s.setLanguage);
  return (
    <span className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        data-testid="language"
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </span>
  );
}
