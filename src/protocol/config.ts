/**
 * The run configuration: defaults, validation and the quantities derived from it (true MI,
 * batch ceilings, InfoNCE's k), all driven by the PARAMS table.
 */
import { BATCH_STREAMS, infoNceRows } from '../core/batches';
import type { BoundId } from '../core/bounds';
import { createDistribution, type JointDistribution } from '../core/distributions';
import { heldOutRowCount, type SampleRows } from '../core/finiteSample';
import { createRng, deriveSeed } from '../core/random';
import { BITS_PER_NAT } from '../core/units';
import { message, type Message } from './message';
import { estimatorKey } from './paramText';
import { trainsOnFiniteSample } from './paramTable';
import {
  PARAMS,
  type ChoiceSpec,
  type ColumnsSpec,
  type LayersSpec,
  type InfoUnit,
  type ListSpec,
  type NumberKey,
  type NumberSpec,
  type ParamKey,
  type ParamSpec,
  type RunConfig,
} from './params';

/** The PARAMS table and its types, so `protocol/config` is the one import for settings. */
export * from './params';
export { trainsOnFiniteSample } from './paramTable';

/** Looks up a setting's spec by key. */
export function paramSpec(key: ParamKey): ParamSpec {
  const spec = PARAMS.find((p) => p.key === key);
  if (!spec) throw new Error(`unknown parameter "${key}"`);
  return spec;
}

/** Looks up a numeric setting's spec by key. */
export function numberSpec(key: NumberKey): NumberSpec {
  const spec = paramSpec(key);
  if (spec.type !== 'number') throw new Error(`"${key}" is not a numeric parameter`);
  return spec;
}

/** The reference script's configuration (one estimator, MINE, on the Gaussian channel). */
export const DEFAULTS: RunConfig = Object.freeze(
  Object.fromEntries(PARAMS.map((p) => [p.key, p.defaultValue])) as unknown as RunConfig,
);

/**
 * Why `value` is not acceptable for a numeric setting (or a numeric scale named `key`, as a sweep's),
 * or null when it is.
 */
export function numberError(
  spec: Pick<NumberSpec, 'kind' | 'min' | 'max'> & { readonly key: string },
  value: unknown,
): Message | null {
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (spec.kind === 'float' || Number.isInteger(value)) &&
    value >= spec.min &&
    value <= spec.max;
  return valid
    ? null
    : message(spec.kind === 'int' ? 'notices.param.integer' : 'notices.param.number', {
        key: spec.key,
        min: spec.min,
        max: spec.max,
      });
}

const optionIds = (spec: ChoiceSpec | ListSpec) => spec.options.map((o) => o.id);

/** Why `value` is not acceptable for a choice setting, or null when it is. */
function choiceError(spec: ChoiceSpec, value: unknown): Message | null {
  return typeof value === 'string' && optionIds(spec).includes(value)
    ? null
    : message('notices.param.choice', { key: spec.key, ids: optionIds(spec).join(', ') });
}

/** Why `value` is not acceptable for a list setting, or null when it is. */
function listError(spec: ListSpec, value: unknown): Message | null {
  const ids: readonly string[] = optionIds(spec);
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string' && ids.includes(v)) &&
    new Set(value).size === value.length;
  return valid ? null : message('notices.param.list', { key: spec.key, ids: ids.join(', ') });
}

/** Why `value` is not acceptable for the critic's layer widths, or null when it is. */
function layersError(spec: LayersSpec, value: unknown): Message | null {
  const valid =
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= spec.maxLayers &&
    value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= spec.min && v <= spec.max);
  return valid
    ? null
    : message('notices.param.layers', {
        key: spec.key,
        maxLayers: spec.maxLayers,
        min: spec.min,
        max: spec.max,
      });
}

/** Whether `text` holds a control character (code points below 32, and 127), which no column name may. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code === 127) return true;
  }
  return false;
}

/** Why `value` is not acceptable as a list of column names, or null when it is. */
function columnsError(spec: ColumnsSpec, value: unknown): Message | null {
  const valid =
    Array.isArray(value) &&
    value.length <= spec.maxColumns &&
    value.every(
      (v) =>
        typeof v === 'string' && v.length >= 1 && v.length <= spec.maxNameLength && !hasControlCharacter(v),
    ) &&
    new Set(value).size === value.length;
  return valid
    ? null
    : message('notices.param.columns', {
        key: spec.key,
        maxColumns: spec.maxColumns,
        maxLength: spec.maxNameLength,
      });
}

/** Why `value` is not acceptable for `spec`, or null when it is. */
export function paramError(spec: ParamSpec, value: unknown): Message | null {
  switch (spec.type) {
    case 'number':
      return numberError(spec, value);
    case 'choice':
      return choiceError(spec, value);
    case 'list':
      return listError(spec, value);
    case 'layers':
      return layersError(spec, value);
    case 'columns':
      return columnsError(spec, value);
  }
}

/** Every problem with a configuration; empty when it is valid. */
export function validateConfig(config: RunConfig): Message[] {
  return PARAMS.map((spec) => paramError(spec, config[spec.key])).filter((e): e is Message => e !== null);
}

/** Whether a setting matters for `config` (its control is shown, its URL key written). */
export function isApplicable(spec: ParamSpec, config: RunConfig): boolean {
  return spec.appliesTo?.(config) ?? true;
}

/** The joint distribution a configuration describes; throws for the user's data, which has none. */
export function configuredDistribution(config: RunConfig): JointDistribution {
  const { dist } = config;
  if (dist === 'data') throw new Error('the user’s data has no distribution to sample');
  return createDistribution({ ...config, dist, stairSteps: config.stair });
}

/** True mutual information at training step `stepIdx` (0-based), in bits; NaN for the user's data. */
export function trueMiBits(config: RunConfig, stepIdx = 0): number {
  return config.dist === 'data' ? NaN : configuredDistribution(config).trueMiBits(stepIdx);
}

/**
 * The rows of a finite sample drawn once from the configured distribution (`rows` > 0): the same
 * rows in the training worker and on the page (whose baselines measure them), from the seed.
 */
export function sampledRows(config: RunConfig): SampleRows {
  const rng = createRng(deriveSeed(config.seed, BATCH_STREAMS.sample));
  return configuredDistribution(config).sample(rng, config.rows, 0);
}

/** Dimensions of X and Y: the distribution's, or the number of columns chosen of the user's data. */
export function sourceDims(config: RunConfig): { xDim: number; yDim: number } {
  if (config.dist === 'data') return { xDim: config.x.length, yDim: config.y.length };
  const { xDim, yDim } = configuredDistribution(config);
  return { xDim, yDim };
}

/**
 * Training rows of a finite sample of `rows` rows (the user's data's, or the `rows` setting),
 * the rest being held out; null when the run draws fresh pairs every step.
 */
export function finiteTrainRows(config: RunConfig, dataRows: number | null = null): number | null {
  if (!trainsOnFiniteSample(config)) return null;
  const rows = config.dist === 'data' ? dataRows : config.rows;
  return rows === null ? null : rows - heldOutRowCount(rows, config.holdout);
}

/** The batch size a run really uses: N, or the training rows of a smaller finite sample. */
export function effectiveBatch(config: RunConfig, dataRows: number | null = null): number {
  const trainRows = finiteTrainRows(config, dataRows);
  return trainRows === null ? config.batch : Math.min(config.batch, trainRows);
}

/** Pairs in each held-out batch: 4 N, at least 4096 and at most 50,000. */
export function heldOutSize(config: Pick<RunConfig, 'batch'>): number {
  return Math.min(50_000, Math.max(4096, 4 * config.batch));
}

/** Rows InfoNCE scores all pairs of: min(N, k), and within its memory budget. */
export function infoNceK(config: RunConfig, dataRows: number | null = null): number {
  return infoNceRows(effectiveBatch(config, dataRows), config.k, config.hidden);
}

/**
 * The most an estimate from one batch can credibly show, in bits: log2 N for the DV-type
 * estimators, log2 k for InfoNCE (which cannot exceed it at all).
 */
export function ceilingBits(config: RunConfig, estimator: BoundId, dataRows: number | null = null): number {
  return Math.log2(estimator === 'infonce' ? infoNceK(config, dataRows) : effectiveBatch(config, dataRows));
}

/** An information quantity in bits, expressed in `units`. */
export function inUnits(bits: number, units: InfoUnit): number {
  return units === 'bits' ? bits : bits / BITS_PER_NAT;
}

/** What to tell the user when `estimator` diverged at step `stepIdx` (0-based) of a run with `config`. */
export function divergenceMessage(config: RunConfig, estimator: BoundId, stepIdx: number): Message {
  const remedies = [message('notices.diverged.lr', { lr: config.lr })];
  if (estimator === 'smile') remedies.push(message('notices.diverged.tau', { tau: config.tau }));
  if (estimator === 'nwj') remedies.push(message('notices.diverged.batch'));
  if (estimator === 'mine-ema') remedies.push(message('notices.diverged.alpha', { alpha: config.alpha }));
  const name = message(estimatorKey(estimator)); // in the reader's language
  return message('notices.diverged.text', {
    estimator: name,
    step: stepIdx + 1,
    remedies:
      remedies.length === 1
        ? message('notices.diverged.oneRemedy', { first: remedies[0] })
        : message('notices.diverged.twoRemedies', { first: remedies[0], second: remedies[1] }),
  });
}
