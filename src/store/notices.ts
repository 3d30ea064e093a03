/** The notices list: what the page tells the user, without repeats and within a bound. */
import { messageId, type Message } from '../protocol/message';

/** Most notices kept; the oldest go first. */
export const MAX_NOTICES = 12;

/**
 * `current` with `added` appended: a message already shown (the same key and values) is not shown
 * again (repeated hash edits, fallbacks or divergences say the same thing), and only the newest
 * MAX_NOTICES are kept.
 */
export function mergeNotices(current: readonly Message[], added: readonly Message[]): readonly Message[] {
  const merged = [...current];
  const shown = new Set(merged.map(messageId));
  for (const notice of added) {
    const id = messageId(notice);
    if (shown.has(id)) continue;
    shown.add(id);
    merged.push(notice);
  }
  return merged.length > MAX_NOTICES ? merged.slice(-MAX_NOTICES) : merged;
}
