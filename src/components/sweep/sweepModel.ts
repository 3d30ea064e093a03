/** What the sweep chart draws: each estimator's final estimate per value, the truth and the ceiling. */
import { ceilingBits, inUnits, trueMiBits, type BoundId, type InfoUnit } from '../../protocol/config';
import { sweepScale } from '../../protocol/sweeps';
import { sweepConfig, type Sweep } from '../../store/history';

/** One swept value's row: the value, each estimator's final estimate, the true MI and the ceiling. */
export interface SweepRow {
  readonly value: number;
  /** Per estimator id, the final estimate in the chart's units (absent until finished). */
  readonly finals: Partial<Record<BoundId, number>>;
  readonly truth: number;
  readonly ceiling: number;
}

/** The chart's rows in `units`, and whether the x axis is logarithmic (settings moved on a log scale). */
export function sweepRows(sweep: Sweep, units: InfoUnit): { rows: SweepRow[]; logX: boolean } {
  const convert = (bits: number) => inUnits(bits, units);
  const rows = sweep.values.map((value, index): SweepRow => {
    const config = sweepConfig(sweep, index);
    const finals: Partial<Record<BoundId, number>> = {};
    sweep.finals[index]?.forEach((bits, e) => {
      if (Number.isFinite(bits)) finals[config.estimator[e]] = convert(bits);
    });
    return {
      value,
      finals,
      truth: convert(trueMiBits(config, config.steps - 1)),
      ceiling: convert(Math.min(...config.estimator.map((id) => ceilingBits(config, id)))),
    };
  });
  const scale = sweepScale(sweep.key);
  return { rows, logX: scale.ticks !== undefined && sweep.values.every((v) => v > 0) };
}

/** Values worth trying for a setting, as a starting list. */
export function suggestedValues(key: Sweep['key']): number[] {
  const presets: Partial<Record<Sweep['key'], number[]>> = {
    hidden: [2, 4, 8, 16, 32],
    batch: [64, 256, 1000, 5000, 20000],
    lr: [0.001, 0.003, 0.01, 0.03, 0.1],
    dim: [1, 2, 3, 5, 10],
    noise: [0.05, 0.1, 0.2, 0.5, 1],
    steps: [50, 100, 200, 500, 1000],
    seed: [1, 2, 3, 4, 5],
  };
  const scale = sweepScale(key);
  return presets[key] ?? [scale.min, (scale.min + scale.max) / 2, scale.max];
}
