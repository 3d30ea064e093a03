/**
 * Lessons: an ordered list of steps, each a configuration (the URL hash the page already reads), a
 * title, a short narrative in a small, safe Markdown subset, and optionally what to do and what to
 * watch. A lesson from a link or a file is untrusted input: size-limited, validated here, and only
 * ever rendered as text (markdown.ts parses its narrative into plain nodes, never HTML).
 */
import { PARAMS } from './config';
import { configFromHash } from './urlHash';
import { MessageError, message, type Message } from './message';

/** A text in one language for all, or per language ("en", "zh-CN"; "en" is the fallback). */
export type LessonText = string | { readonly [language: string]: string };

/** One step of a lesson. */
export interface LessonStep {
  readonly title: LessonText;
  /** The configuration, as a URL hash (`#dist=channel&dim=1…`); unknown or bad entries are refused. */
  readonly config: string;
  /** The narrative: Markdown subset (emphasis, lists, `code`, inline maths between $…$). */
  readonly text: LessonText;
  /** What to do, in one line ("Press Start"). */
  readonly do?: LessonText;
  /** What to watch, in one line ("the curve flattens near log₂ N"). */
  readonly watch?: LessonText;
  /** Start training when the step is entered. */
  readonly run?: boolean;
  /** Controls to hide on this step (the same keys as `hide=`). */
  readonly hide?: readonly string[];
}

/** A lesson. */
export interface Lesson {
  readonly title: LessonText;
  readonly steps: readonly LessonStep[];
}

/** The limits an untrusted lesson must keep to. */
export const LESSON_LIMITS = Object.freeze({
  /** Bytes of the lesson's JSON. */
  maxBytes: 64 * 1024,
  maxSteps: 40,
  /** Characters of a title, a "do" or a "watch" line. */
  maxLine: 160,
  /** Characters of a step's narrative. */
  maxText: 3000,
  /** Characters of a step's configuration hash. */
  maxConfig: 2000,
});

/** Languages a lesson text may be given in. */
const TEXT_LANGUAGES = ['en', 'zh-CN'];

/** A lesson that failed validation: what is wrong (its `detail`), as a message for the page. */
export class LessonError extends MessageError {
  constructor(problem: Message) {
    super(problem);
    this.name = 'LessonError';
  }
}

const fail = (key: string, values?: Message['values']): never => {
  throw new LessonError(message(`lesson.errors.${key}`, values));
};

/** Whether `value` is a plain object. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text field checked: a string, or strings per known language (English among them), within `max`. */
function checkText(value: unknown, field: string, max: number, optional = false): LessonText | undefined {
  if (value === undefined && optional) return undefined;
  const within = (s: unknown) => typeof s === 'string' && s.length <= max;
  if (typeof value === 'string') {
    if (!within(value)) fail('tooLong', { field, max });
    return value;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 || !('en' in value)) fail('needsEnglish', { field });
    for (const [language, text] of entries) {
      if (!TEXT_LANGUAGES.includes(language))
        fail('unknownLanguage', { field, language: language.slice(0, 12) });
      if (!within(text)) fail(typeof text === 'string' ? 'tooLong' : 'notText', { field, max });
    }
    return Object.fromEntries(entries) as Record<string, string>;
  }
  return fail('notText', { field, max });
}

/** Panels `hide=` (and a lesson step) may hide by name, besides every setting by its key. */
export const HIDEABLE_PANELS = Object.freeze([
  'presets',
  'sweep',
  'critic',
  'explainer',
  'exports',
  'suite',
] as const);

/** Every name `hide=` accepts: the settings' keys and the panels' names. */
export const HIDE_KEYS: readonly string[] = Object.freeze([
  ...PARAMS.map((spec) => spec.key),
  ...HIDEABLE_PANELS,
]);

/** Page flags a step's configuration may carry (a bundled example); the player owns the others. */
const STEP_FLAGS: readonly string[] = ['data'];

/**
 * A step's configuration must read without a single notice and carry no page flag but `data`: a
 * lesson that links to a setting that does not exist is refused, not half-applied. The refusal
 * names the first entry that does not read on its own (or the step, when only the mix fails).
 */
function checkStepConfig(config: string, step: number): void {
  const parsed = configFromHash(config);
  const flag = Object.keys(parsed.flags).find((name) => !STEP_FLAGS.includes(name));
  if (flag) fail('configFlag', { step, flag });
  if (parsed.notices.length === 0) return;
  const entries = config.replace(/^#/, '').split('&');
  const bad = entries.find((entry) => configFromHash(`#${entry}`).notices.length > 0);
  fail('configNotice', { step, setting: (bad ?? config).slice(0, 60) });
}

/** A `hide=` list: the keys it names that the page knows, and the first it does not. */
export function parseHideList(raw: string): { keys: string[]; unknown: string[] } {
  const names = [...new Set(raw.split(',').filter(Boolean))];
  return {
    keys: names.filter((name) => HIDE_KEYS.includes(name)),
    unknown: names.filter((name) => !HIDE_KEYS.includes(name)),
  };
}

/**
 * Validates a parsed lesson (from JSON). Every step's configuration must read without a single
 * notice: a lesson that links to a setting that does not exist is refused, not half-applied.
 */
export function validateLesson(value: unknown): Lesson {
  if (!isObject(value)) return fail('notLesson');
  const title = checkText(value.title, 'title', LESSON_LIMITS.maxLine) as LessonText;
  const steps = value.steps;
  if (!Array.isArray(steps) || steps.length === 0) return fail('noSteps');
  if (steps.length > LESSON_LIMITS.maxSteps) fail('tooManySteps', { max: LESSON_LIMITS.maxSteps });
  return {
    title,
    steps: steps.map((step: unknown, i): LessonStep => {
      const where = `steps[${i}]`;
      if (!isObject(step)) return fail('notStep', { step: i + 1 });
      const config = step.config;
      if (typeof config !== 'string' || config.length > LESSON_LIMITS.maxConfig) {
        return fail('badConfig', { step: i + 1 });
      }
      checkStepConfig(config, i + 1);
      const hide = step.hide;
      if (hide !== undefined) {
        if (!Array.isArray(hide) || hide.length > 60 || !hide.every((k) => typeof k === 'string')) {
          fail('badHide', { step: i + 1 });
        }
        const unknown = (hide as string[]).filter((k) => !HIDE_KEYS.includes(k));
        if (unknown.length > 0) fail('unknownHide', { step: i + 1, key: unknown[0].slice(0, 40) });
      }
      if (step.run !== undefined && typeof step.run !== 'boolean') fail('badRun', { step: i + 1 });
      return {
        title: checkText(step.title, `${where}.title`, LESSON_LIMITS.maxLine) as LessonText,
        config,
        text: checkText(step.text, `${where}.text`, LESSON_LIMITS.maxText) as LessonText,
        ...(step.do !== undefined ? { do: checkText(step.do, `${where}.do`, LESSON_LIMITS.maxLine) } : {}),
        ...(step.watch !== undefined
          ? { watch: checkText(step.watch, `${where}.watch`, LESSON_LIMITS.maxLine) }
          : {}),
        ...(step.run ? { run: true } : {}),
        ...(hide ? { hide: hide as string[] } : {}),
      };
    }),
  };
}

/** Parses and validates a lesson's JSON text (a file, or a decoded link). */
export function parseLesson(json: string): Lesson {
  if (new TextEncoder().encode(json).length > LESSON_LIMITS.maxBytes) {
    fail('tooLarge', { max: LESSON_LIMITS.maxBytes / 1024 });
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('notJson');
  }
  return validateLesson(value);
}

/** A lesson text in `language`, English where it has none. */
export function lessonText(text: LessonText | undefined, language: string): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : (text[language] ?? text.en ?? '');
}

/** Bytes as base64url (no padding). */
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url text as bytes (null when it is not base64url). */
function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Bytes through a (de)compression stream. */
async function through(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      fail('tooLarge', { max: limit / 1024 });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The prefix of a lesson carried whole in a link: `lesson=~<deflate-raw, base64url>`. */
const INLINE_PREFIX = '~';

/** A lesson as a compact link value: its JSON deflated and base64url-encoded, after `~`. */
export async function encodeLessonLink(lesson: Lesson): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(lesson));
  return INLINE_PREFIX + toBase64Url(await through(json, new CompressionStream('deflate-raw'), Infinity));
}

/** The JSON of a lesson carried in a link (decompressed within the size limit); throws a LessonError. */
export async function decodeLessonLink(value: string): Promise<string> {
  if (!value.startsWith(INLINE_PREFIX)) return fail('badLink');
  const bytes = fromBase64Url(value.slice(INLINE_PREFIX.length));
  if (!bytes || bytes.length === 0) return fail('badLink');
  let json: Uint8Array;
  try {
    json = await through(bytes, new DecompressionStream('deflate-raw'), LESSON_LIMITS.maxBytes);
  } catch (error) {
    if (error instanceof LessonError) throw error;
    return fail('badLink');
  }
  return new TextDecoder().decode(json);
}

/** Whether a `lesson=` value names a lesson of the site (built in, or a file under lessons/). */
export function isLessonName(value: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,60}$/.test(value);
}

/** A lesson the site ships under lessons/, as its index lists it. */
export interface SiteLessonEntry {
  readonly name: string;
  readonly title: LessonText;
}

/** Most entries a site's lesson index may list. */
const MAX_INDEX_ENTRIES = 100;

/** The site's lessons/index.json (a list of { name, title }); entries that do not check out are left out. */
export function parseLessonIndex(json: string): SiteLessonEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_INDEX_ENTRIES).flatMap((entry: unknown) => {
    if (!isObject(entry) || typeof entry.name !== 'string' || !isLessonName(entry.name)) return [];
    try {
      return [
        { name: entry.name, title: checkText(entry.title, 'title', LESSON_LIMITS.maxLine) as LessonText },
      ];
    } catch {
      return [];
    }
  });
}
