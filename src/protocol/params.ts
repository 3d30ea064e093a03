/**
 * The one declarative table of run settings. Each entry drives validation, the default, the URL
 * hash key, the control on the page (slider, menu or checkboxes), when the control is shown, and
 * the README's parameter list.
 */
import type { BoundId } from '../core/bounds';
import type { DistributionId } from '../core/distributions';

/** Estimator and distribution ids, re-exported so the page names them without importing the core. */
export type { BoundId } from '../core/bounds';
export type { DistributionId } from '../core/distributions';

/** Which tfjs backend to train on; `auto` picks the fastest this machine really has. */
export type BackendPreference = 'auto' | 'webgl' | 'wasm' | 'cpu' | 'webgpu';

/** Units information quantities are shown in. */
export type InfoUnit = 'bits' | 'nats';

/** A complete, validated run configuration; each key is also its URL hash name. */
export interface RunConfig {
  readonly estimator: readonly BoundId[];
  readonly dist: DistributionId;
  readonly power: number;
  readonly noise: number;
  readonly rho: number;
  readonly stair: number;
  readonly dim: number;
  readonly hidden: number;
  readonly lr: number;
  readonly batch: number;
  readonly steps: number;
  readonly seed: number;
  readonly alpha: number;
  readonly tau: number;
  readonly k: number;
  readonly eval: number;
  readonly units: InfoUnit;
  readonly backend: BackendPreference;
}

/** Keys of the run configuration. */
export type ParamKey = keyof RunConfig;

/** Keys whose value is a number. */
export type NumberKey = { [K in ParamKey]: RunConfig[K] extends number ? K : never }[ParamKey];

/** Keys whose value is one id out of a list of options. */
export type ChoiceKey = 'dist' | 'units' | 'backend';

/** Parts of the model a setting belongs to, for grouping on the page. */
export type ParamGroup = 'estimator' | 'data' | 'critic' | 'training' | 'display';

/**
 * What a change of the setting does to a run in progress: restart it, restart the worker (and the
 * run) on another backend, or only redraw.
 */
export type ParamEffect = 'run' | 'worker' | 'view';

/** One option of a choice or list setting. */
export interface ParamOption<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
}

interface SpecBase<K extends ParamKey> {
  readonly key: K;
  /** Label shown beside the control. */
  readonly label: string;
  /** One-line explanation, shown as a hint. */
  readonly hint: string;
  readonly group: ParamGroup;
  readonly effect: ParamEffect;
  /** Whether the setting matters for `config`; the control is hidden and the URL omits it if not. */
  readonly appliesTo?: (config: RunConfig) => boolean;
}

/** A numeric setting: its limits and how a slider moves over it. */
export interface NumberSpec extends SpecBase<NumberKey> {
  readonly type: 'number';
  /** Integers only, or any real number in range. */
  readonly kind: 'int' | 'float';
  readonly defaultValue: number;
  /** Smallest accepted value (inclusive). */
  readonly min: number;
  /** Largest accepted value (inclusive). */
  readonly max: number;
  /** Values a slider steps through, for log-scale settings; else it moves by `step`. */
  readonly ticks?: readonly number[];
  /** Linear slider increment, when there are no ticks. */
  readonly step?: number;
}

/** A setting that takes one of a few ids. */
export interface ChoiceSpec extends SpecBase<ChoiceKey> {
  readonly type: 'choice';
  readonly options: readonly ParamOption[];
  readonly defaultValue: string;
}

/** A setting that takes a non-empty list of distinct ids (comma-separated in the URL). */
export interface ListSpec extends SpecBase<'estimator'> {
  readonly type: 'list';
  readonly options: readonly ParamOption<BoundId>[];
  readonly defaultValue: readonly BoundId[];
}

/** Any setting. */
export type ParamSpec = NumberSpec | ChoiceSpec | ListSpec;

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

const uses = (id: BoundId) => (config: RunConfig) => config.estimator.includes(id);
const isDist =
  (...ids: DistributionId[]) =>
  (config: RunConfig) =>
    ids.includes(config.dist);

/** Every setting, in display order. Defaults are the reference script's. */
export const PARAMS: readonly ParamSpec[] = Object.freeze([
  {
    key: 'estimator',
    type: 'list',
    group: 'estimator',
    effect: 'run',
    label: 'Estimators',
    hint: 'Tick several to train them side by side on the same batches, each with its own critic.',
    options: [
      { id: 'mine', label: 'MINE (DV)' },
      { id: 'mine-ema', label: 'MINE, moving average' },
      { id: 'nwj', label: 'NWJ (MINE-f)' },
      { id: 'infonce', label: 'InfoNCE' },
      { id: 'smile', label: 'SMILE' },
    ],
    defaultValue: ['mine'],
  },
  {
    key: 'alpha',
    type: 'number',
    group: 'estimator',
    effect: 'run',
    appliesTo: uses('mine-ema'),
    label: 'Moving-average rate α',
    hint: 'How fast MINE’s running E[e^T] follows the batches (1 = no averaging).',
    kind: 'float',
    defaultValue: 0.01,
    min: 0.001,
    max: 1,
    ticks: logTicks(0.001, 1, [1, 2, 5]),
  },
  {
    key: 'k',
    type: 'number',
    group: 'estimator',
    effect: 'run',
    appliesTo: uses('infonce'),
    label: 'InfoNCE rows k (cap)',
    hint: 'InfoNCE scores all k×k pairs of the first k rows; it can never exceed log k.',
    kind: 'int',
    defaultValue: 256,
    min: 2,
    max: 2048,
    ticks: [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048],
  },
  {
    key: 'tau',
    type: 'number',
    group: 'estimator',
    effect: 'run',
    appliesTo: uses('smile'),
    label: 'SMILE clip τ',
    hint: 'SMILE clips the shuffled pairs’ scores to [−τ, τ]: less variance, some bias.',
    kind: 'float',
    defaultValue: 5,
    min: 0.1,
    max: 50,
    ticks: logTicks(0.1, 50, [1, 2, 3, 5]),
  },
  {
    key: 'eval',
    type: 'number',
    group: 'estimator',
    effect: 'run',
    label: 'Held-out every',
    hint: 'Steps between evaluations on a fresh, larger batch that is never trained on.',
    kind: 'int',
    defaultValue: 25,
    min: 1,
    max: 5000,
    ticks: logTicks(1, 5000, [1, 2, 2.5, 5]).filter(Number.isInteger),
  },
  {
    key: 'dist',
    type: 'choice',
    group: 'data',
    effect: 'run',
    label: 'Distribution',
    hint: 'Pairs (X, Y) whose mutual information is known exactly.',
    options: [
      { id: 'channel', label: 'Gaussian channel Y = X + noise' },
      { id: 'correlated', label: 'Correlated Gaussians' },
      { id: 'cubic', label: 'Correlated, y ↦ y³' },
      { id: 'staircase', label: 'Staircase (MI steps up)' },
    ],
    defaultValue: 'channel',
  },
  {
    key: 'power',
    type: 'number',
    group: 'data',
    effect: 'run',
    appliesTo: isDist('channel'),
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
    type: 'number',
    group: 'data',
    effect: 'run',
    appliesTo: isDist('channel'),
    label: 'Noise variance σ²',
    hint: 'Variance of the channel noise added to X; strictly positive.',
    kind: 'float',
    defaultValue: 0.2,
    min: 0.01,
    max: 10,
    ticks: logTicks(0.01, 10, [1, 1.5, 2, 3, 5, 7]),
  },
  {
    key: 'rho',
    type: 'number',
    group: 'data',
    effect: 'run',
    appliesTo: isDist('correlated', 'cubic'),
    label: 'Correlation ρ',
    hint: 'Correlation of each coordinate of X with Y’s; MI grows without bound as |ρ| → 1.',
    kind: 'float',
    defaultValue: 0.8,
    min: -0.999,
    max: 0.999,
    step: 0.001,
  },
  {
    key: 'stair',
    type: 'number',
    group: 'data',
    effect: 'run',
    appliesTo: isDist('staircase'),
    label: 'Steps per stair',
    hint: 'The true MI rises by 2 nats every this many steps: 2, 4, 6, 8, 10 nats.',
    kind: 'int',
    defaultValue: 400,
    min: 10,
    max: 4000,
    ticks: logTicks(10, 4000, [1, 2, 4, 5]),
  },
  {
    key: 'dim',
    type: 'number',
    group: 'data',
    effect: 'run',
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
    type: 'number',
    group: 'critic',
    effect: 'run',
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
    type: 'number',
    group: 'training',
    effect: 'run',
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
    type: 'number',
    group: 'training',
    effect: 'run',
    label: 'Batch size N',
    hint: 'Pairs drawn per step; larger batches give steadier estimates and a higher ceiling, log N.',
    kind: 'int',
    defaultValue: 20000,
    min: 10,
    max: 50000,
    ticks: logTicks(10, 50000, [1, 2, 5]),
  },
  {
    key: 'steps',
    type: 'number',
    group: 'training',
    effect: 'run',
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
    type: 'number',
    group: 'training',
    effect: 'run',
    label: 'Seed',
    hint: 'Fixes the critics’ initialisation and every batch.',
    kind: 'int',
    defaultValue: 1,
    min: 0,
    max: 9999,
    step: 1,
  },
  {
    key: 'units',
    type: 'choice',
    group: 'display',
    effect: 'view',
    label: 'Units',
    hint: 'Information in bits (log base 2) or nats (natural log); 1 nat ≈ 1.44 bits.',
    options: [
      { id: 'bits', label: 'bits' },
      { id: 'nats', label: 'nats' },
    ],
    defaultValue: 'bits',
  },
  {
    key: 'backend',
    type: 'choice',
    group: 'display',
    effect: 'worker',
    label: 'Backend',
    hint: 'Where TensorFlow.js computes; auto times the backends on this machine and uses the fastest.',
    options: [
      { id: 'auto', label: 'auto' },
      { id: 'webgl', label: 'WebGL' },
      { id: 'wasm', label: 'WebAssembly' },
      { id: 'cpu', label: 'CPU (JavaScript)' },
      { id: 'webgpu', label: 'WebGPU' },
    ],
    defaultValue: 'auto',
  },
] satisfies ParamSpec[]);
