/** Renders messages in English through the page's own catalogue (a real i18next instance). */
import { createI18n, renderMessage } from '../../src/i18n/i18n';
import type { Message } from '../../src/protocol/message';

const english = await createI18n('en');

/** A message as an English reader sees it. */
export function inEnglish(message: Message): string {
  return renderMessage(english, message);
}
