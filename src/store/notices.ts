/** The notices list: what the page tells the user, without repeats and within a bound. */

/** Most notices kept; the oldest go first. */
export const MAX_NOTICES = 12;

/**
 * `current` with `added` appended: a text already shown is not shown again (repeated hash edits,
 * fallbacks or divergences say the same thing), and only the newest MAX_NOTICES are kept.
 */
export function mergeNotices(current: readonly string[], added: readonly string[]): readonly string[] {
  const merged = [...current];
  for (const text of added) if (!merged.includes(text)) merged.push(text);
  return merged.length > MAX_NOTICES ? merged.slice(-MAX_NOTICES) : merged;
}
