/**
 * A message for the user as the core, the protocol and the workers produce it: a catalogue key and
 * the values to put in it. The page renders it in the reader's language (src/i18n); nothing below
 * the page builds user-visible English.
 */

/** A catalogue key and its values. */
export interface Message {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** A message for `key` with `values`. */
export function message(key: string, values?: Message['values']): Message {
  return values ? { key, values } : { key };
}
