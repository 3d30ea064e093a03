/**
 * Runs the page remembers: ghost runs (earlier runs drawn faded under the current one, labelled by
 * the settings that differ) and sweeps (one setting varied over a list of values, each value's
 * final estimate kept). Pure functions over plain data; the store wires them to the run lifecycle.
 */
import { PARAMS, isApplicable, type BoundId, type RunConfig } from '../protocol/config';
import { isSweepKey, sweepValueError, withSweptValue, type SweepKey } from '../protocol/sweeps';
import { MessageError, message } from '../protocol/message';
import { parseDecimal } from '../protocol/urlHash';
import { bucketEnds } from './plotBuckets';
import type { RunResults } from './runResults';

/** A finished or interrupted run, kept for comparison. */
export interface GhostRun {
  readonly id: number;
  readonly config: RunConfig;
  readonly estimators: readonly BoundId[];
  /** Per estimator, its smoothed curve as [step (1-based), bits] pairs, a few hundred at most. */
  readonly curves: readonly (readonly (readonly [number, number])[])[];
  /** Steps it ran. */
  readonly length: number;
  readonly pinned: boolean;
}

/** Ghost runs kept besides the pinned ones. */
export const GHOSTS_KEPT = 5;
/** Runs shorter than this are not kept (a few stray steps would only clutter the plot). */
const MIN_GHOST_STEPS = 10;

/** A ghost of `results` (run with `config`), or null if the run is too short to keep. */
export function ghostOf(id: number, config: RunConfig, results: RunResults): GhostRun | null {
  if (results.length < MIN_GHOST_STEPS) return null;
  const curves = results.series.map((series, e) =>
    bucketEnds(results.plot[e], results.length)
      .map((idx) => [idx + 1, series.smoothedBits[idx]] as const)
      .filter(([, bits]) => Number.isFinite(bits)),
  );
  return { id, config, estimators: results.estimators, curves, length: results.length, pinned: false };
}

/** The ghosts after adding `ghost` (newest first): the pinned ones and the last GHOSTS_KEPT others. */
export function addGhost(ghosts: readonly GhostRun[], ghost: GhostRun | null): GhostRun[] {
  const all = ghost ? [ghost, ...ghosts] : [...ghosts];
  let unpinned = 0;
  return all.filter((g) => g.pinned || unpinned++ < GHOSTS_KEPT);
}

/**
 * The settings of `ghost` that differ from `current` in the URL's notation, e.g. "h = 4 · N = 2,000";
 * empty when none do (the legend then says "same settings" in the reader's language).
 */
export function ghostLabel(ghost: RunConfig, current: RunConfig): string {
  const parts: string[] = [];
  for (const spec of PARAMS) {
    if (spec.effect === 'view' || spec.key === 'backend') continue;
    if (!isApplicable(spec, ghost) && !isApplicable(spec, current)) continue;
    const a = ghost[spec.key];
    const b = current[spec.key];
    if (String(a) === String(b)) continue;
    const value = Array.isArray(a)
      ? a.join('+')
      : typeof a === 'number'
        ? a.toLocaleString('en-US')
        : String(a);
    parts.push(`${SHORT_NAMES[spec.key] ?? spec.key} = ${value}`);
  }
  return parts.join(' · ');
}

/** Short symbols for settings in ghost labels. */
const SHORT_NAMES: Partial<Record<string, string>> = {
  power: 'P',
  noise: 'σ²',
  rho: 'ρ',
  dim: 'd',
  hidden: 'h',
  batch: 'N',
  alpha: 'α',
  tau: 'τ',
  estimator: 'estimator',
};

/** A sweep: one numeric setting run at each of a list of values in turn. */
export interface Sweep {
  readonly key: SweepKey;
  readonly values: readonly number[];
  /** Per value (in order, as far as finished): each estimator's final estimate in bits. */
  readonly finals: readonly (readonly number[])[];
  /** The settings every value's run shares (the swept key aside). */
  readonly base: RunConfig;
  readonly state: 'ready' | 'running' | 'done' | 'stopped';
}

/** A sweep as the URL spells it: `hidden:2,4,8,16,32`. */
export function sweepToParam(sweep: Pick<Sweep, 'key' | 'values'>): string {
  return `${sweep.key}:${sweep.values.join(',')}`;
}

/** Reads `key:v1,v2,…`; throws a MessageError naming what is wrong. */
export function parseSweepParam(text: string): { key: SweepKey; values: number[] } {
  const match = /^([a-z-]+):(.+)$/.exec(text.trim());
  if (!match) throw new MessageError(message('notices.sweep.shape'));
  const key = match[1];
  if (!isSweepKey(key))
    throw new MessageError(message('notices.sweep.notNumeric', { key: key.slice(0, 20) }));
  const values = match[2].split(',').map((v) => parseDecimal(v.trim()));
  const problems = values.map((v) => sweepValueError(key, v)).filter((e) => e !== null);
  if (problems.length > 0) throw new MessageError(problems[0]);
  if (values.length < 2 || values.length > 12) throw new MessageError(message('notices.sweep.count'));
  return { key, values };
}

/** Mean of the last 10% of a run's raw estimates (at least one step), per estimator, in bits. */
export function finalEstimates(results: RunResults): number[] {
  const tail = Math.max(1, Math.floor(results.length / 10));
  return results.series.map((series) => {
    let sum = 0;
    let count = 0;
    for (let i = results.length - tail; i < results.length; i++) {
      if (Number.isFinite(series.rawBits[i])) {
        sum += series.rawBits[i];
        count++;
      }
    }
    return count > 0 ? sum / count : NaN;
  });
}

/** The configuration of a sweep's value number `index`. */
export function sweepConfig(sweep: Sweep, index: number): RunConfig {
  return withSweptValue(sweep.base, sweep.key, sweep.values[index]);
}
