/**
 * The run configuration: defaults, validation and the quantities derived from it (true MI,
 * batch ceilings, InfoNCE's k), all driven by the PARAMS table.
 */
import { infoNceRows } from '../core/batches';
import type { BoundId } from '../core/bounds';
import { createDistribution, type JointDistribution } from '../core/distributions';
import { BITS_PER_NAT } from '../core/units';
import {
  PARAMS,
  type ChoiceSpec,
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

/** Looks up a setting's spec by key. */
export function paramSpec(key: ParamKey): ParamSpec {
  const spec = PARAMS.find((p) => p.key === key);
  if (!spec) throw new Error(`unknown parameter "${key}"`);
  return spec;
}

/** Display names of every option id of the choice and list settings (estimators, distributions…). */
const OPTION_LABELS: ReadonlyMap<string, string> = new Map(
  PARAMS.flatMap((spec) => (spec.type === 'number' ? [] : spec.options.map((o) => [o.id, o.label] as const))),
);

/** The display name of an option id (an estimator, a distribution, a backend…); the id if it has none. */
export function optionLabel(id: string): string {
  return OPTION_LABELS.get(id) ?? id;
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

/** Why `value` is not acceptable for a numeric setting, or null when it is. */
function numberError(spec: NumberSpec, value: unknown): string | null {
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (spec.kind === 'float' || Number.isInteger(value)) &&
    value >= spec.min &&
    value <= spec.max;
  return valid
    ? null
    : `${spec.key} must be ${spec.kind === 'int' ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`;
}

const optionIds = (spec: ChoiceSpec | ListSpec) => spec.options.map((o) => o.id);

/** Why `value` is not acceptable for a choice setting, or null when it is. */
function choiceError(spec: ChoiceSpec, value: unknown): string | null {
  return typeof value === 'string' && optionIds(spec).includes(value)
    ? null
    : `${spec.key} must be one of ${optionIds(spec).join(', ')}`;
}

/** Why `value` is not acceptable for a list setting, or null when it is. */
function listError(spec: ListSpec, value: unknown): string | null {
  const ids: readonly string[] = optionIds(spec);
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string' && ids.includes(v)) &&
    new Set(value).size === value.length;
  return valid ? null : `${spec.key} must be a list of distinct ids from ${ids.join(', ')}`;
}

/** Why `value` is not acceptable for `spec`, or null when it is. */
export function paramError(spec: ParamSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'number':
      return numberError(spec, value);
    case 'choice':
      return choiceError(spec, value);
    case 'list':
      return listError(spec, value);
  }
}

/** Every problem with a configuration; empty when it is valid. */
export function validateConfig(config: RunConfig): string[] {
  return PARAMS.map((spec) => paramError(spec, config[spec.key])).filter((e): e is string => e !== null);
}

/** Whether a setting matters for `config` (its control is shown, its URL key written). */
export function isApplicable(spec: ParamSpec, config: RunConfig): boolean {
  return spec.appliesTo?.(config) ?? true;
}

/** The joint distribution a configuration describes. */
export function configuredDistribution(config: RunConfig): JointDistribution {
  return createDistribution({ ...config, stairSteps: config.stair });
}

/** True mutual information at training step `stepIdx` (0-based), in bits. */
export function trueMiBits(config: RunConfig, stepIdx = 0): number {
  return configuredDistribution(config).trueMiBits(stepIdx);
}

/** Pairs in each held-out batch: 4 N, at least 4096 and at most 50,000. */
export function heldOutSize(config: Pick<RunConfig, 'batch'>): number {
  return Math.min(50_000, Math.max(4096, 4 * config.batch));
}

/** Rows InfoNCE scores all pairs of: min(N, k), and within its memory budget. */
export function infoNceK(config: Pick<RunConfig, 'batch' | 'k' | 'hidden'>): number {
  return infoNceRows(config.batch, config.k, config.hidden);
}

/**
 * The most an estimate from one batch can credibly show, in bits: log2 N for the DV-type
 * estimators, log2 k for InfoNCE (which cannot exceed it at all).
 */
export function ceilingBits(config: RunConfig, estimator: BoundId): number {
  return Math.log2(estimator === 'infonce' ? infoNceK(config) : config.batch);
}

/** An information quantity in bits, expressed in `units`. */
export function inUnits(bits: number, units: InfoUnit): number {
  return units === 'bits' ? bits : bits / BITS_PER_NAT;
}

/** What to tell the user when `estimator` diverged at step `stepIdx` (0-based) of a run with `config`. */
export function divergenceMessage(config: RunConfig, estimator: BoundId, stepIdx: number): string {
  const label = optionLabel(estimator);
  const remedies = [`a lower learning rate (now ${config.lr})`];
  if (estimator === 'smile') remedies.push(`a smaller clip τ (now ${config.tau})`);
  if (estimator === 'nwj') remedies.push('a larger batch: its e^(T−1) term overflows easily');
  if (estimator === 'mine-ema') remedies.push(`a larger moving-average rate α (now ${config.alpha})`);
  return (
    `${label} diverged at step ${stepIdx + 1}: its estimate is no longer a finite number, so it stopped training. ` +
    `Try ${remedies.join(', or ')}, then Reset.`
  );
}
