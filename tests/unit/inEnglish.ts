/** Renders messages in English through the page's own catalogue (a real i18next instance). */
import { renderMessageWith, type Catalogue } from '../../src/i18n/i18n';
import type { Message } from '../../src/protocol/message';
import { t } from './englishT';

/** A message as an English reader sees it. */
export function inEnglish(message: Message): string {
  return renderMessageWith(t, message);
}

/** Every string of a catalogue by its dotted key. */
export function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
