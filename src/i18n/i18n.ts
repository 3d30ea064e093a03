/**
 * The page's one message catalogue, through i18next (no `eval`: it interpolates with plain string
 * replacement, so it runs under the site's CSP). A catalogue is a file per area under
 * locales/<language>/ (common.json, params.json, …), merged here: one key space. English is
 * bundled but for its deferred areas (the built-in lessons' texts and the benchmark tasks' words,
 * shown only by the lesson player, the explainer and the suite view, which load them:
 * loadDeferredAreas); Simplified Chinese is its own chunk, loaded when first chosen (and precached for offline
 * use with the rest of the site). Plurals come from Intl.PluralRules (keys ending `_one`, `_other`);
 * numbers are formatted by Intl.
 */
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import { isMessage, type Message, type MessageValue } from '../protocol/message';
import type { Language } from './languages';

/** A catalogue: nested objects of strings. */
export type Catalogue = { readonly [key: string]: string | Catalogue };

/** The English catalogue's files, bundled (all but the deferred areas). */
const ENGLISH = import.meta.glob<Catalogue>(
  ['./locales/en/*.json', '!./locales/en/lessons.json', '!./locales/en/tasks.json'],
  {
    eager: true,
    import: 'default',
  },
);

/** English areas whose words are not on the first screen, loaded when first needed. */
const ENGLISH_DEFERRED = import.meta.glob<Catalogue>(
  ['./locales/en/lessons.json', './locales/en/tasks.json'],
  {
    import: 'default',
  },
);

/** The Chinese catalogue's files, loaded on demand (one chunk with them all). */
const CHINESE = import.meta.glob<Catalogue>('./locales/zh-CN/*.json', { import: 'default' });

/** The files of one catalogue merged into one key space (each file's top-level keys are its own). */
export function mergeCatalogue(files: readonly Catalogue[]): Catalogue {
  return Object.assign({}, ...files) as Catalogue;
}

/** The English catalogue. */
export const en: Catalogue = mergeCatalogue(Object.values(ENGLISH));

/** Accented look-alikes for the pseudo-locale (so untranslated English stands out in tests). */
const PSEUDO: Readonly<Record<string, string>> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
  c: 'ç',
  n: 'ñ',
};

/** Text in the pseudo-locale: ⟦accented⟧, leaving {{placeholders}}, $t(nesting), <tags> and $maths$ alone. */
function pseudoText(text: string): string {
  const parts = text.split(/(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?[a-z]\w*\s*\/?>|\$[^$\n]+\$)/);
  return `⟦${parts.map((part, i) => (i % 2 ? part : part.replace(/[a-zA-Z]/g, (c) => PSEUDO[c] ?? c))).join('')}⟧`;
}

/** A list item's marker in a lesson's Markdown ("- ", "1. "), kept outside the brackets. */
const LIST_MARKER = /^\s*(?:[-*]|\d{1,3}[.)])\s+/;

/**
 * One string in the pseudo-locale; a Markdown text (several lines) line by line, so that its
 * paragraphs and list items each read as marked.
 */
function pseudoString(text: string): string {
  if (!text.includes('\n')) return pseudoText(text);
  return text
    .split('\n')
    .map((line) => {
      const marker = LIST_MARKER.exec(line)?.[0] ?? '';
      const body = line.slice(marker.length);
      return body.trim() === '' ? line : marker + pseudoText(body);
    })
    .join('\n');
}

/** The pseudo-locale of a catalogue: every string marked, nothing translated. */
export function pseudoLocalise(catalogue: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, value]) => [
      key,
      typeof value === 'string' ? pseudoString(value) : pseudoLocalise(value),
    ]),
  );
}

/** Loads the catalogue of `language` (Chinese lazily, as its own chunk). */
async function catalogueOf(language: Language): Promise<Catalogue> {
  if (language === 'zh-CN')
    return mergeCatalogue(await Promise.all(Object.values(CHINESE).map((load) => load())));
  if (language === 'en-XA') return pseudoLocalise(en);
  return en;
}

/**
 * Creates an i18next instance showing `language` (English until it has loaded); with `allAreas`
 * (the command line, tests) the deferred areas are in from the start.
 */
export async function createI18n(language: Language, { allAreas = false } = {}): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en } } as Resource,
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
  });
  await showLanguage(instance, language);
  if (allAreas) await loadDeferredAreas(instance);
  return instance;
}

/** Switches `instance` to `language`, loading its catalogue first if needed; `<html lang>` follows. */
export async function showLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await catalogueOf(language), true, true);
  }
  await instance.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'en-XA' ? 'en' : language;
}

/** A value of a message as text: a nested message rendered, a list of them joined by the catalogue's separator. */
function renderValue(t: TFunction, value: MessageValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isMessage(value)) return renderMessageWith(t, value);
  return value.map((item) => renderMessageWith(t, item)).join(t('notices.separator'));
}

/** A message from the core, the protocol or a worker, through a translate function `t`. */
export function renderMessageWith(t: TFunction, message: Message): string {
  const values = Object.fromEntries(
    Object.entries(message.values ?? {}).map(([name, value]) => [name, renderValue(t, value)]),
  );
  return t(message.key, values);
}

/**
 * Adds the deferred English areas to `instance` (and their pseudo-locale form when it shows
 * en-XA); Chinese has them already, in its own chunk. Resolves once they are in.
 */
export async function loadDeferredAreas(instance: i18n): Promise<void> {
  const files = mergeCatalogue(await Promise.all(Object.values(ENGLISH_DEFERRED).map((load) => load())));
  instance.addResourceBundle('en', 'translation', files, true, false);
  if (instance.hasResourceBundle('en-XA', 'translation'))
    instance.addResourceBundle('en-XA', 'translation', pseudoLocalise(files), true, false);
}

/** A message from the core, the protocol or a worker, in the instance's language. */
export function renderMessage(instance: i18n, message: Message): string {
  return renderMessageWith(instance.t, message);
}
