import { useTranslation } from 'react-i18next';
import type { Message } from '../protocol/message';
import { renderMessage } from './i18n';

/** Renders messages from below the page in the reader's language (the component re-renders when it changes). */
export function useRenderMessage(): (message: Message) => string {
  const { i18n } = useTranslation();
  return (message) => renderMessage(i18n, message);
}
