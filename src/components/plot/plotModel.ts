/**
 * What the estimate plot draws, computed from the run's results without touching the whole
 * history: bucketed per-step estimates, the moving average, held-out markers, the true MI (a
 * staircase where it changes) and the batch ceilings, in the chosen units.
 */
import type { BoundId } from '../../protocol/config';
import { ceilingBits, inUnits, trueMiBits, type RunConfig } from '../../protocol/config';
import { bucketEnds, bucketExtremes } from '../../store/plotBuckets';
import { ghostLabel, type GhostRun } from '../../store/history';
import type { RunResults } from '../../store/runResults';
import { niceTicks } from './axisTicks';

/** One point: a 1-based training step and a value in the plot's units. */
export interface PlotPoint {
  readonly step: number;
  readonly value: number;
}

/** One estimator's curves. */
export interface EstimatorCurves {
  readonly id: BoundId;
  readonly raw: readonly PlotPoint[];
  readonly smoothed: readonly PlotPoint[];
  readonly heldOut: readonly PlotPoint[];
}

/** A dashed level that an estimate cannot credibly pass. */
export interface CeilingLine {
  readonly label: string;
  readonly value: number;
}

/** An earlier run's smoothed curve, drawn faded. */
export interface GhostCurve {
  readonly ghostId: number;
  readonly estimator: BoundId;
  readonly points: readonly PlotPoint[];
}

/** An earlier run as the legend lists it. */
export interface GhostEntry {
  readonly id: number;
  readonly label: string;
  readonly pinned: boolean;
}

/** A baseline drawn as a level line: KSG, or the linear (Gaussian) MI. */
export interface BaselineLine {
  readonly id: 'ksg' | 'linear';
  readonly label: string;
  readonly value: number;
}

/** What the plot draws besides the run: the truth where the settings cannot give it, baselines. */
export interface PlotExtras {
  /** The true MI in bits of the user's data, where it is known (a bundled example); else NaN. */
  readonly dataTruthBits?: number;
  /** Rows of the user's data in use (their training share bounds the batch, so the ceiling). */
  readonly dataRows?: number | null;
  /** Baselines in bits on the rows the run trains on. */
  readonly baselines?: readonly {
    readonly id: 'ksg' | 'linear';
    readonly label: string;
    readonly bits: number;
  }[];
}

/** Everything the plot draws. */
export interface PlotModel {
  readonly curves: readonly EstimatorCurves[];
  readonly ghostCurves: readonly GhostCurve[];
  readonly ghosts: readonly GhostEntry[];
  /** The true MI as a step function over the run (empty where it is unknown: the user's data). */
  readonly truth: readonly PlotPoint[];
  /** Baselines in the plot's units. */
  readonly baselines: readonly BaselineLine[];
  /** Ceilings inside the visible range. */
  readonly ceilings: readonly CeilingLine[];
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  /** Points drawn in all (bounded whatever the run's length). */
  readonly pointCount: number;
}

/**
 * The true MI over the run: one point where each stair begins, and the last step; for the user's
 * data, `dataTruthBits` when it is known, else nothing.
 */
export function truthPoints(
  config: RunConfig,
  convert: (bits: number) => number,
  dataTruthBits = NaN,
): PlotPoint[] {
  if (config.dist === 'data') {
    if (!Number.isFinite(dataTruthBits)) return [];
    const value = convert(dataTruthBits);
    return [
      { step: 1, value },
      { step: Math.max(1, config.steps), value },
    ];
  }
  const points: PlotPoint[] = [{ step: 1, value: convert(trueMiBits(config, 0)) }];
  if (config.dist === 'staircase') {
    for (let start = config.stair; start < config.steps; start += config.stair) {
      points.push({ step: start + 1, value: convert(trueMiBits(config, start)) });
    }
  }
  points.push({ step: Math.max(1, config.steps), value: convert(trueMiBits(config, config.steps - 1)) });
  return points;
}

/** The distinct ceilings of the run's estimators: log N for the DV family, log k for InfoNCE. */
function ceilingLines(
  config: RunConfig,
  convert: (bits: number) => number,
  dataRows: number | null,
): CeilingLine[] {
  const lines: CeilingLine[] = [];
  if (config.estimator.some((id) => id !== 'infonce')) {
    lines.push({ label: 'log N', value: convert(ceilingBits(config, 'mine', dataRows)) });
  }
  if (config.estimator.includes('infonce')) {
    const value = convert(ceilingBits(config, 'infonce', dataRows));
    if (!lines.some((l) => Math.abs(l.value - value) < 1e-9)) lines.push({ label: 'log k', value });
  }
  return lines;
}

/** Share of plotted values the view is scaled to: a few wild ones beyond it are clipped. */
const TYPICAL_QUANTILE = 0.98;

/**
 * The range of values the plot shows: from 0 (or below, for negative values) to the truth's level
 * (`truthTop`) or above. A few wild values must not squash every curve into a line: the view goes
 * at most half its height below 0, and at most twice the 98th percentile of the plotted
 * values (the rest is clipped at the plot's edge).
 */
export function valueRange(
  curves: readonly (readonly PlotPoint[])[],
  truthTop: number,
): { low: number; high: number } {
  const values: number[] = [];
  for (const curve of curves) for (const p of curve) if (Number.isFinite(p.value)) values.push(p.value);
  values.sort((a, b) => a - b);
  const typical = values.length ? values[Math.floor(TYPICAL_QUANTILE * (values.length - 1))] : 0;
  const high = Math.max(truthTop, Math.min(values.at(-1) ?? truthTop, 2 * typical));
  const low = Math.max(Math.min(0, values[0] ?? 0), -Math.max(1, high / 2));
  return { low, high };
}

/** The plot of `results` for a run configured as `config`, in `config.units`, over `ghosts`. */
export function buildPlotModel(
  results: RunResults,
  config: RunConfig,
  ghosts: readonly GhostRun[] = [],
  extras: PlotExtras = {},
): PlotModel {
  const convert = (bits: number) => inUnits(bits, config.units);
  const { length } = results;
  let pointCount = 0;
  const curves = results.estimators.map((id, e): EstimatorCurves => {
    const { rawBits, smoothedBits } = results.series[e];
    const at = (values: Float32Array) => (idx: number) => ({ step: idx + 1, value: convert(values[idx]) });
    const raw = bucketExtremes(results.plot[e], length).map(at(rawBits));
    const smoothed = bucketEnds(results.plot[e], length)
      .map(at(smoothedBits))
      .filter((p) => Number.isFinite(p.value));
    const { heldOut } = results;
    const held: PlotPoint[] = [];
    // Markers are separate SVG elements: at most one per four plot buckets, evenly spaced,
    // always including the latest evaluation.
    const stride = Math.max(1, Math.ceil(heldOut.length / Math.ceil(results.plot[e].maxBuckets / 4)));
    for (let j = (heldOut.length - 1) % stride; j < heldOut.length; j += stride) {
      const value = heldOut.valuesBits[e][j];
      if (Number.isFinite(value)) held.push({ step: heldOut.stepIdx[j] + 1, value: convert(value) });
    }
    pointCount += raw.length + smoothed.length + held.length;
    return { id, raw, smoothed, heldOut: held };
  });
  const truth = truthPoints(config, convert, extras.dataTruthBits);
  const baselines = (extras.baselines ?? [])
    .filter((b) => Number.isFinite(b.bits))
    .map((b) => ({ id: b.id, label: b.label, value: convert(b.bits) }));
  const ghostCurves = ghosts.flatMap((ghost) =>
    ghost.curves.map((curve, e) => ({
      ghostId: ghost.id,
      estimator: ghost.estimators[e],
      points: curve.map(([step, bits]) => ({ step, value: convert(bits) })),
    })),
  );
  for (const ghost of ghostCurves) pointCount += ghost.points.length;

  const { low, high } = valueRange(
    [...curves.map((c) => c.raw), ...ghostCurves.map((g) => g.points)],
    Math.max(1, ...truth.map((p) => p.value * 1.1), ...baselines.map((b) => b.value * 1.1)),
  );
  const yTicks = niceTicks(low, high, 6);
  const [yMin, yMax] = [yTicks[0], yTicks[yTicks.length - 1]];
  return {
    curves,
    ghostCurves,
    ghosts: ghosts.map((g) => ({ id: g.id, label: ghostLabel(g.config, config), pinned: g.pinned })),
    truth,
    baselines,
    ceilings: ceilingLines(config, convert, extras.dataRows ?? null).filter(
      (c) => c.value >= yMin && c.value <= yMax,
    ),
    xTicks: niceTicks(0, Math.max(1, config.steps, ...ghosts.map((g) => g.length)), 8),
    yTicks,
    pointCount: pointCount + truth.length,
  };
}
