/**
 * What a sweep can vary: the numeric settings (the held-out interval aside), and the width of the
 * critic's first hidden layer (`hidden`, its other layers kept). One place maps a swept value into
 * a configuration and back, so the sweep panel, the history and the chart agree.
 */
import {
  PARAMS,
  isApplicable,
  numberError,
  numberSpec,
  paramSpec,
  type NumberKey,
  type NumberSpec,
  type RunConfig,
} from './config';
import type { Message } from './message';

/** A setting a sweep can vary. */
export type SweepKey = NumberKey | 'hidden';

/**
 * The limits and ticks of a swept setting (for `hidden`: one layer's width). Its label is the
 * setting's own, by catalogue key (`paramLabelKey`).
 */
export function sweepScale(key: SweepKey): Pick<NumberSpec, 'min' | 'max' | 'ticks' | 'kind'> {
  if (key !== 'hidden') return numberSpec(key);
  const spec = paramSpec('hidden');
  if (spec.type !== 'layers') throw new Error('hidden is a list of layer widths');
  return { min: spec.min, max: spec.max, ticks: spec.ticks, kind: 'int' };
}

/** Why `value` is not a valid value of the swept setting, or null. */
export function sweepValueError(key: SweepKey, value: number): Message | null {
  return numberError({ ...sweepScale(key), key }, value);
}

/** Whether `key` names a setting a sweep can vary. */
export function isSweepKey(key: string): key is SweepKey {
  return (
    key === 'hidden' || PARAMS.some((spec) => spec.key === key && spec.type === 'number' && key !== 'eval')
  );
}

/** The settings a sweep of `config` may vary (those that apply to it). */
export function sweepKeys(config: RunConfig): SweepKey[] {
  return PARAMS.filter(
    (spec) =>
      (spec.type === 'number' || spec.key === 'hidden') && spec.key !== 'eval' && isApplicable(spec, config),
  ).map((spec) => spec.key as SweepKey);
}

/** `config` with the swept setting at `value` (for `hidden`, the first layer's width). */
export function withSweptValue(config: RunConfig, key: SweepKey, value: number): RunConfig {
  if (key === 'hidden') return { ...config, hidden: [value, ...config.hidden.slice(1)] };
  return { ...config, [key]: value };
}

/** The swept setting's value in `config`. */
export function sweptValue(config: RunConfig, key: SweepKey): number {
  return key === 'hidden' ? config.hidden[0] : config[key];
}
