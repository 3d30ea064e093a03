/**
 * The page's languages: English and Simplified Chinese (zh-CN), chosen by `lang=` in the URL, else
 * the browser's preferred languages; and `en-XA`, a pseudo-locale tests render to find any text
 * that did not come from the catalogue.
 */

/** Languages the page can show. */
export const LANGUAGES = ['en', 'zh-CN'] as const;

/** A language the page can show, or the test pseudo-locale. */
export type Language = (typeof LANGUAGES)[number] | 'en-XA';

/** Names of the languages in themselves, for the switch. */
export const LANGUAGE_NAMES: Readonly<Record<(typeof LANGUAGES)[number], string>> = {
  en: 'English',
  'zh-CN': '简体中文',
};

/** The language a `lang=` value names, or null. */
export function parseLanguage(value: string | null | undefined): Language | null {
  if (!value) return null;
  if (value === 'en-XA') return 'en-XA';
  if (/^zh(-(cn|hans|sg|hans-cn))?$/i.test(value)) return 'zh-CN';
  if (/^en(-\w+)?$/i.test(value)) return 'en';
  return null;
}

/** The first of the browser's preferred languages the page has (Chinese: Simplified), else English. */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const preference of preferences) {
    const language = parseLanguage(preference);
    if (language && language !== 'en-XA') return language;
    if (/^zh/i.test(preference)) return 'zh-CN'; // zh-TW and others: the nearest we have
  }
  return 'en';
}
