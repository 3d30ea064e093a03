/**
 * Configurations as URL hashes (`#estimator=mine&dist=channel&power=3&…`), so any configuration is
 * a link. Reading is forgiving: every unusable entry falls back to its default and is reported by
 * name; nothing read from a URL is ever used as markup.
 */
import {
  DEFAULTS,
  PARAMS,
  isApplicable,
  paramError,
  type ListSpec,
  type ParamSpec,
  type RunConfig,
} from './config';

/**
 * URL keys that are not settings but tell the page what to do, and the values they accept: `run=1`
 * starts training on load, `present=1` opens presentation mode, `embed=1` the compact layout for
 * an iframe, `sweep=key:v1,v2,…` sets up a sweep (its values are checked when it is set up),
 * `data=example:<name>` loads a bundled example dataset (the user's own data never goes in a URL),
 * `lesson=<name>` (a built-in lesson or one under the site's lessons/) or `lesson=~<encoded>` (a
 * lesson carried whole, see lesson.ts) opens a lesson at `step=<k>` (1-based), and `hide=a,b,…`
 * hides the named controls (settings by key, panels by name: lesson.ts's HIDEABLE_PANELS).
 */
export const PAGE_FLAGS = Object.freeze({
  run: /^[01]$/,
  present: /^[01]$/,
  embed: /^[01]$/,
  sweep: /^[a-z]+:[-+0-9.eE,]{1,200}$/,
  data: /^example:[a-z0-9-]{1,40}$/,
  lang: /^(en|zh-CN|en-XA)$/,
  lesson: /^([a-z0-9][a-z0-9-]{0,60}|~[A-Za-z0-9_-]{1,60000})$/,
  step: /^[1-9][0-9]?$/,
  hide: /^[a-z0-9,-]{1,600}$/,
} as const);

/** A page flag's name. */
export type PageFlag = keyof typeof PAGE_FLAGS;

/** A configuration read from a URL hash, with a notice for every value that was not used. */
export interface ParsedHash {
  readonly config: RunConfig;
  /** Page flags that were present and valid, e.g. { run: '1' }. */
  readonly flags: Readonly<Partial<Record<PageFlag, string>>>;
  /** Whether to start training on load (`run=1`). */
  readonly autoRun: boolean;
  readonly notices: readonly string[];
}

/** Longest stretch of a bad URL value quoted back in a notice. */
const MAX_QUOTED = 40;

/** Most notices one URL produces; the rest are counted in the last, so a link cannot bury the page. */
export const MAX_URL_NOTICES = 8;

/** A URL value as a notice quotes it: shortened, one line. */
function quote(raw: string): string {
  const oneLine = raw.replace(/\s+/g, ' ');
  return `"${oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED)}…` : oneLine}"`;
}

/** A setting's value as the URL spells it; a column name's own commas are escaped (%2C). */
function formatValue(spec: ParamSpec, config: RunConfig): string {
  const value = config[spec.key];
  if (spec.type === 'columns') return (value as readonly string[]).map(encodeURIComponent).join(',');
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Reads column names: comma-separated, each percent-decoded (null when one cannot be). */
function parseColumns(raw: string): readonly string[] | null {
  try {
    return raw === '' ? [] : raw.split(',').map((name) => decodeURIComponent(name));
  } catch {
    return null;
  }
}

/** The value a URL entry spells for `spec`, before validation (null: unreadable). */
function parseValue(spec: ParamSpec, raw: string, notices: string[]): unknown {
  switch (spec.type) {
    case 'number':
      return parseDecimal(raw);
    case 'list':
      return parseList(spec, raw, notices);
    case 'layers':
      return raw.split(',').map(parseDecimal);
    case 'columns':
      return parseColumns(raw);
    case 'choice':
      return raw;
  }
}

/**
 * Serialises a configuration as a URL hash: every setting that applies to it, in table order, then
 * any page flags (e.g. { run: '1' }).
 */
export function configToHash(config: RunConfig, flags: Partial<Record<PageFlag, string>> = {}): string {
  const params = new URLSearchParams();
  for (const spec of PARAMS) {
    if (!isApplicable(spec, config) || (spec.omitAtDefault && config[spec.key] === spec.defaultValue))
      continue;
    params.set(spec.key, formatValue(spec, config));
  }
  for (const [name, value] of Object.entries(flags)) if (value !== undefined) params.set(name, value);
  // Commas and colons separate list entries and sweep parts; keep them readable (not %2C, %3A).
  return `#${params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}

/** Plain decimal notation as links carry it: "3", "-0.5", ".2", "1e-3"; not hex, blanks or "+". */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** The number a URL value spells in plain decimal notation, or NaN for anything else. */
export function parseDecimal(raw: string): number {
  return DECIMAL.test(raw) ? Number(raw) : NaN;
}

/** Reads a list value, keeping its known ids and saying what was dropped. */
function parseList(spec: ListSpec, raw: string, notices: string[]): readonly string[] | null {
  const known: readonly string[] = spec.options.map((o) => o.id);
  const entries = raw.split(',').map((e) => e.trim());
  const kept: string[] = [];
  for (const entry of entries) {
    if (entry === '') continue;
    if (!known.includes(entry)) {
      notices.push(
        `URL parameter ${spec.key}: unknown id ${quote(entry)} was ignored (known: ${known.join(', ')}).`,
      );
    } else if (kept.includes(entry)) {
      notices.push(`URL parameter ${spec.key}: ${quote(entry)} is listed twice; it is used once.`);
    } else {
      kept.push(entry);
    }
  }
  return kept.length > 0 ? kept : null;
}

/** The notices of one URL, at most MAX_URL_NOTICES: the first ones, then how many more there were. */
function capNotices(notices: readonly string[]): string[] {
  if (notices.length <= MAX_URL_NOTICES) return [...notices];
  const shown = notices.slice(0, MAX_URL_NOTICES - 1);
  return [...shown, `…and ${notices.length - shown.length} more problems with the URL, also ignored.`];
}

/** Parses a URL hash; bad or unknown entries fall back to defaults and are reported by name. */
export function configFromHash(hash: string): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const config: Record<string, unknown> = { ...DEFAULTS };
  const flags: Partial<Record<PageFlag, string>> = {};
  const notices: string[] = [];
  const seen = new Set<string>();
  const reportedRepeats = new Set<string>();
  for (const [name, raw] of params) {
    if (seen.has(name)) {
      // Once per name, however often it repeats.
      if (!reportedRepeats.has(name))
        notices.push(`URL parameter ${quote(name)} appears more than once; only its first value was used.`);
      reportedRepeats.add(name);
      continue;
    }
    seen.add(name);
    if (Object.hasOwn(PAGE_FLAGS, name)) {
      const flag = name as PageFlag;
      if (PAGE_FLAGS[flag].test(raw)) flags[flag] = raw;
      else notices.push(`URL parameter ${flag}=${quote(raw)} is invalid; it was ignored.`);
      continue;
    }
    const spec = PARAMS.find((p) => p.key === name);
    if (!spec) {
      notices.push(`Unknown URL parameter ${quote(name)} was ignored.`);
      continue;
    }
    const value = parseValue(spec, raw, notices);
    const error =
      value === null
        ? spec.type === 'list'
          ? `${spec.key} needs at least one known id`
          : `${spec.key} could not be read`
        : paramError(spec, value);
    if (error) {
      const fallback = Array.isArray(spec.defaultValue)
        ? spec.defaultValue.join(',') || 'none'
        : String(spec.defaultValue);
      notices.push(
        `URL parameter ${spec.key}=${quote(raw)} is invalid (${error}); using the default ${fallback}.`,
      );
    } else {
      config[spec.key] = value;
    }
  }
  return {
    config: Object.freeze(config) as unknown as RunConfig,
    flags,
    autoRun: flags.run === '1',
    notices: capNotices(notices),
  };
}
