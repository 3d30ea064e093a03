/**
 * A message for the user as the core, the protocol and the workers produce it: a catalogue key and
 * the values to put in it. The page renders it in the reader's language (src/i18n); nothing below
 * the page builds user-visible English.
 */

/** A value in a message: text and numbers as they are, a message rendered first, a list of them joined. */
export type MessageValue = string | number | Message | readonly Message[];

/** A catalogue key and its values. */
export interface Message {
  readonly key: string;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/** A message for `key` with `values`. */
export function message(key: string, values?: Message['values']): Message {
  return values ? { key, values } : { key };
}

/** A message's identity (its key and values, in any order): two messages saying the same thing have the same one. */
export function messageId(m: Message): string {
  const values = Object.entries(m.values ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => {
      const id =
        typeof value === 'object' ? (isMessage(value) ? messageId(value) : value.map(messageId)) : value;
      return [name, id];
    });
  return JSON.stringify([m.key, values]);
}

/** An error carrying a message for the user (its `message` is the key, for logs). */
export class MessageError extends Error {
  /** What to tell the user. */
  readonly detail: Message;

  constructor(detail: Message) {
    super(detail.key);
    this.name = 'MessageError';
    this.detail = detail;
  }
}

/** Whether `value` is a message (not text, a number or a list). */
export function isMessage(value: MessageValue): value is Message {
  return typeof value === 'object' && !Array.isArray(value);
}

/** Whether a value read back from storage (parsed JSON) is a message. */
export function isStoredMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { key, values } = value as { key?: unknown; values?: unknown };
  if (typeof key !== 'string') return false;
  if (values === undefined) return true;
  if (typeof values !== 'object' || values === null) return false;
  return Object.values(values).every(
    (v) =>
      typeof v === 'string' ||
      typeof v === 'number' ||
      isStoredMessage(v) ||
      (Array.isArray(v) && v.every(isStoredMessage)),
  );
}

/** A caught value (Error or anything thrown) as a detail inside a message: its own message, else its text. */
export function errorValue(error: unknown): Message | string {
  if (error instanceof MessageError) return error.detail;
  return error instanceof Error ? error.message : String(error);
}

/** A caught value as a message for the user: its own when it carries one, else its text as it reads. */
export function errorDetail(error: unknown): Message {
  return error instanceof MessageError
    ? error.detail
    : message('errors.detail', { detail: errorValue(error) });
}
