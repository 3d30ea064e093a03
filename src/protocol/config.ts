/**
 * The run configuration: one declarative table of parameters drives validation, defaults, the URL
 * hash, the sliders' ranges and the README's parameter list.
 */
import { gaussianChannelMiBits } from '../core/distributions';

/** Keys of the run configuration, also its URL hash names. */
export type ParamKey = 'power' | 'noise' | 'dim' | 'hidden' | 'lr' | 'batch' | 'steps' | 'seed';

/** A complete, validated run configuration. */
export type RunConfig = { readonly [K in ParamKey]: number };

/** Parts of the model a setting can belong to. */
export type ParamGroup = 'data' | 'critic' | 'training';

/** One numeric parameter: its label, limits and how a slider moves over it. */
export interface ParamSpec {
  readonly key: ParamKey;
  /** Label shown beside the slider. */
  readonly label: string;
  /** One-line explanation, shown as a hint. */
  readonly hint: string;
  /** Which part of the model the setting belongs to, for grouping in the UI. */
  readonly group: ParamGroup;
  /** Integers only, or any real number in range. */
  readonly kind: 'int' | 'float';
  readonly defaultValue: number;
  /** Smallest accepted value (inclusive). */
  readonly min: number;
  /** Largest accepted value (inclusive). */
  readonly max: number;
  /**
   * Values the slider steps through, for parameters best moved on a log scale; without them the
   * slider moves linearly from min to max by `step`.
   */
  readonly ticks?: readonly number[];
  /** Linear slider increment, when there are no ticks. */
  readonly step?: number;
}

/** Nice values m·10^k for each mantissa m, from `from` to `to` inclusive. */
function logTicks(from: number, to: number, mantissas: readonly number[]): number[] {
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(from)); exponent <= Math.ceil(Math.log10(to)); exponent++) {
    for (const m of mantissas) {
      const value = Number((m * 10 ** exponent).toPrecision(6));
      if (value >= from && value <= to) ticks.push(value);
    }
  }
  return ticks;
}

/** Every parameter of a run, in display order. Defaults are the reference script's. */
export const PARAMS: readonly ParamSpec[] = Object.freeze([
  {
    key: 'power',
    group: 'data',
    label: 'Signal power P',
    hint: 'Variance of each coordinate of X.',
    kind: 'float',
    defaultValue: 3,
    min: 0,
    max: 20,
    step: 0.1,
  },
  {
    key: 'noise',
    group: 'data',
    label: 'Noise variance σ²',
    hint: 'Variance of the channel noise added to X; strictly positive.',
    kind: 'float',
    defaultValue: 0.2,
    min: 0.01,
    max: 10,
    ticks: logTicks(0.01, 10, [1, 1.5, 2, 3, 5, 7]),
  },
  {
    key: 'dim',
    group: 'data',
    label: 'Dimension d',
    hint: 'Dimension of X and of Y; the true MI grows linearly in d.',
    kind: 'int',
    defaultValue: 3,
    min: 1,
    max: 20,
    step: 1,
  },
  {
    key: 'hidden',
    group: 'critic',
    label: 'Hidden units h',
    hint: 'Width of the critic’s hidden ReLU layer.',
    kind: 'int',
    defaultValue: 10,
    min: 1,
    max: 256,
    ticks: [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64, 96, 128, 192, 256],
  },
  {
    key: 'lr',
    group: 'training',
    label: 'Learning rate',
    hint: 'Adam step size.',
    kind: 'float',
    defaultValue: 0.01,
    min: 0.0001,
    max: 0.5,
    ticks: logTicks(0.0001, 0.5, [1, 1.5, 2, 3, 5, 7]),
  },
  {
    key: 'batch',
    group: 'training',
    label: 'Batch size N',
    hint: 'Pairs drawn per step; larger batches give steadier estimates and gradients.',
    kind: 'int',
    defaultValue: 20000,
    min: 10,
    max: 50000,
    ticks: logTicks(10, 50000, [1, 2, 5]),
  },
  {
    key: 'steps',
    group: 'training',
    label: 'Training steps',
    hint: 'Number of Adam steps in a run.',
    kind: 'int',
    defaultValue: 500,
    min: 1,
    max: 20000,
    ticks: logTicks(1, 20000, [1, 2, 5]),
  },
  {
    key: 'seed',
    group: 'training',
    label: 'Seed',
    hint: 'Fixes the critic’s initialisation and every batch.',
    kind: 'int',
    defaultValue: 1,
    min: 0,
    max: 9999,
    step: 1,
  },
] satisfies ParamSpec[]);

/** Looks up a parameter's spec by key. */
export function paramSpec(key: ParamKey): ParamSpec {
  const spec = PARAMS.find((p) => p.key === key);
  if (!spec) throw new Error(`unknown parameter "${key}"`);
  return spec;
}

/** The reference script's configuration. */
export const DEFAULTS: RunConfig = Object.freeze(
  Object.fromEntries(PARAMS.map((p) => [p.key, p.defaultValue])) as Record<ParamKey, number>,
);

/** Why `value` is not acceptable for `spec`, or null when it is. */
export function paramError(spec: ParamSpec, value: number): string | null {
  const expected = `${spec.kind === 'int' ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`;
  const valid =
    Number.isFinite(value) &&
    (spec.kind === 'float' || Number.isInteger(value)) &&
    value >= spec.min &&
    value <= spec.max;
  return valid ? null : `${spec.key} must be ${expected}`;
}

/** Every problem with a configuration; empty when it is valid. */
export function validateConfig(config: RunConfig): string[] {
  return PARAMS.map((spec) => paramError(spec, config[spec.key])).filter((e): e is string => e !== null);
}

/** True mutual information of the configured Gaussian channel, in bits: d/2 · log2(1 + P/σ²). */
export function trueMiBits(config: Pick<RunConfig, 'power' | 'noise' | 'dim'>): number {
  return gaussianChannelMiBits(config);
}

/** Serialises a configuration (and whether to start on load) as a URL hash, e.g. `#power=3&…`. */
export function configToHash(config: RunConfig, autoRun = false): string {
  const params = new URLSearchParams();
  for (const spec of PARAMS) params.set(spec.key, String(config[spec.key]));
  if (autoRun) params.set('run', '1');
  return `#${params.toString()}`;
}

/** A configuration read from a URL hash, with a notice for every value that was not used. */
export interface ParsedHash {
  readonly config: RunConfig;
  readonly autoRun: boolean;
  readonly notices: readonly string[];
}

/** Parses a URL hash; bad or unknown entries fall back to defaults and are reported by name. */
export function configFromHash(hash: string): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const config: Record<ParamKey, number> = { ...DEFAULTS };
  const notices: string[] = [];
  const seen = new Set<string>();
  let autoRun = false;
  for (const [name, raw] of params) {
    if (seen.has(name)) {
      notices.push(`URL parameter "${name}" appears more than once; only its first value was used.`);
      continue;
    }
    seen.add(name);
    if (name === 'run') {
      if (raw === '1' || raw === '0') autoRun = raw === '1';
      else notices.push(`URL parameter "run" must be 1 or 0, got "${raw}"; not starting automatically.`);
      continue;
    }
    const spec = PARAMS.find((p) => p.key === name);
    if (!spec) {
      notices.push(`Unknown URL parameter "${name}" was ignored.`);
      continue;
    }
    const value = parseDecimal(raw);
    const error = paramError(spec, value);
    if (error) {
      notices.push(
        `URL parameter ${spec.key}="${raw}" is invalid (${error}); using the default ${spec.defaultValue}.`,
      );
    } else {
      config[spec.key] = value;
    }
  }
  return { config: Object.freeze(config), autoRun, notices };
}

/** Plain decimal notation as links carry it: "3", "-0.5", ".2", "1e-3"; not hex, blanks or "+". */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i;

/** The number a URL value spells in plain decimal notation, or NaN for anything else. */
function parseDecimal(raw: string): number {
  return DECIMAL.test(raw) ? Number(raw) : NaN;
}
