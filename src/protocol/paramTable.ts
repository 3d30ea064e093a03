/**
 * PARAMS: every run setting, in display order, with its default (the reference script's), limits,
 * URL key, control and when it applies. Types in params.ts. Labels and option labels are the
 * English catalogue's (locales/en/params.json, `params.<key>.label`, `options.<key>.<id>`); the page
 * renders them, and the hints (`params.<key>.hint`), in the reader's language by key:
 * `paramLabelKey` and friends.
 */
import type { BoundId } from '../core/bounds';
import { MAX_HIDDEN_LAYERS } from '../core/criticShape';
import { BMI_TASKS } from '../core/tasks/catalogue';
import type { ParamOption, ParamSpec, RunConfig, SourceId } from './params';
// The English texts: the catalogue is their one source (the page shows them through t()).
import EN from '../i18n/locales/en/params.json' with { type: 'json' };

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

/** Whether `config` trains estimator `id`. */
const uses = (id: BoundId) => (config: RunConfig) => config.estimator.includes(id);
/** Whether `config` draws its pairs from one of `ids`. */
const isDist =
  (...ids: SourceId[]) =>
  (config: RunConfig) =>
    ids.includes(config.dist);

/** Sources that can be sampled once into a finite sample of `rows` rows (not the staircase: it moves). */
const SAMPLEABLE: readonly SourceId[] = ['channel', 'correlated', 'cubic', 'task'];

/** Whether `config` trains on a finite sample of rows (the user's data, or `rows` > 0). */
export function trainsOnFiniteSample(config: RunConfig): boolean {
  return config.dist === 'data' || (config.rows > 0 && SAMPLEABLE.includes(config.dist));
}

/** Widths a hidden layer's slider steps through. */
const HIDDEN_TICKS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64, 96, 128, 192, 256];

/** A setting as the table below writes it: its label is the catalogue's, by its key. */
type WithoutWords<S> = S extends ParamSpec ? Omit<S, 'label'> : never;

/** Options by id, each with its English label from the catalogue (`options.<key>.<id>`). */
function choices<K extends keyof typeof EN.options, Id extends keyof (typeof EN.options)[K] & string>(
  key: K,
  ids: readonly Id[],
): ParamOption<Id>[] {
  const labels = EN.options[key] as Readonly<Record<Id, string>>; // Id is a key of this very object
  return ids.map((id) => ({ id, label: labels[id] }));
}

/** Every setting, in display order (words aside). Defaults are the reference script's. */
const TABLE = [
  {
    key: 'estimator',
    type: 'list',
    group: 'estimator',
    effect: 'run',
    options: choices('estimator', ['mine', 'mine-ema', 'nwj', 'infonce', 'smile']),
    defaultValue: ['mine'],
  },
  {
    key: 'alpha',
    type: 'number',
    group: 'estimator',
    effect: 'run',
    appliesTo: uses('mine-ema'),
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
    kind: 'int',
    defaultValue: 25,
    min: 1,
    max: 5000,
    ticks: logTicks(1, 5000, [1, 2, 2.5, 5]).filter(Number.isInteger),
  },
  {
    key: 'patience',
    type: 'number',
    group: 'estimator',
    effect: 'run',
    omitAtDefault: true,
    kind: 'int',
    defaultValue: 0,
    min: 0,
    max: 50,
    step: 1,
  },
  {
    key: 'dist',
    type: 'choice',
    group: 'data',
    effect: 'run',
    options: choices('dist', ['channel', 'correlated', 'cubic', 'staircase', 'task', 'data']),
    defaultValue: 'channel',
  },
  {
    key: 'task',
    type: 'choice',
    group: 'data',
    effect: 'run',
    appliesTo: isDist('task'),
    options: BMI_TASKS.map((task) => ({
      id: task.id,
      label: task.id, // the menu lists bmi's ids; a task's title is a message (tasks.json)
      group: task.group, // a heading id: its label is options.groups.<id>
    })),
    defaultValue: '1v1-normal-0.75',
  },
  {
    key: 'power',
    type: 'number',
    group: 'data',
    effect: 'run',
    appliesTo: isDist('channel'),
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
    appliesTo: isDist('channel', 'correlated', 'cubic', 'staircase'),
    kind: 'int',
    defaultValue: 3,
    min: 1,
    max: 20,
    step: 1,
  },
  {
    key: 'rows',
    type: 'number',
    group: 'data',
    effect: 'run',
    appliesTo: isDist(...SAMPLEABLE),
    omitAtDefault: true,
    kind: 'int',
    defaultValue: 0,
    min: 0,
    max: 100_000,
    ticks: [0, 100, 200, 500, 1000, 2000, 3000, 5000, 10_000, 20_000, 50_000, 100_000],
  },
  {
    key: 'x',
    type: 'columns',
    group: 'data',
    effect: 'run',
    appliesTo: isDist('data'),
    defaultValue: [],
    maxColumns: 200,
    maxNameLength: 100,
  },
  {
    key: 'y',
    type: 'columns',
    group: 'data',
    effect: 'run',
    appliesTo: isDist('data'),
    defaultValue: [],
    maxColumns: 200,
    maxNameLength: 100,
  },
  {
    key: 'holdout',
    type: 'number',
    group: 'data',
    effect: 'run',
    appliesTo: trainsOnFiniteSample,
    kind: 'float',
    defaultValue: 0.5,
    min: 0.05,
    max: 0.9,
    step: 0.05,
  },
  {
    key: 'standardise',
    type: 'choice',
    group: 'data',
    effect: 'run',
    appliesTo: trainsOnFiniteSample,
    options: choices('standardise', ['on', 'off']),
    defaultValue: 'on',
  },
  {
    key: 'ksg-k',
    type: 'number',
    group: 'data',
    effect: 'view',
    appliesTo: trainsOnFiniteSample,
    kind: 'int',
    defaultValue: 5,
    min: 1,
    max: 20,
    step: 1,
  },
  {
    key: 'hidden',
    type: 'layers',
    group: 'critic',
    effect: 'run',
    defaultValue: [10],
    maxLayers: MAX_HIDDEN_LAYERS,
    min: 1,
    max: 256,
    ticks: HIDDEN_TICKS,
  },
  {
    key: 'lr',
    type: 'number',
    group: 'training',
    effect: 'run',
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
    options: choices('units', ['bits', 'nats']),
    defaultValue: 'bits',
  },
  {
    key: 'backend',
    type: 'choice',
    group: 'display',
    effect: 'worker',
    options: choices('backend', ['auto', 'webgl', 'wasm', 'cpu', 'webgpu']),
    defaultValue: 'auto',
  },
] satisfies WithoutWords<ParamSpec>[];

/** Every setting, in display order, with its English label. Defaults are the reference script's. */
export const PARAMS: readonly ParamSpec[] = Object.freeze(
  TABLE.map((spec): ParamSpec => ({ ...spec, label: EN.params[spec.key].label })),
);
