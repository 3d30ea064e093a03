/**
 * The two heatmaps' values: the learned critic as the worker scored it, and the optimal critic
 * (the log density ratio) on the same grid, made comparable where the data lie. The DV-type bounds
 * cannot see a constant added to the critic, so the optimal one is shifted by the mean gap; InfoNCE
 * cannot see any function a(x) added to it, so both are centred within each x column instead.
 */
import { configuredDistribution, type BoundId, type RunConfig } from '../../protocol/config';
import type { SnapshotMessage } from '../../protocol/messages';
import { criticGridRows } from '../../protocol/snapshot';

/** Both grids on one colour scale. */
export interface CriticGrids {
  readonly size: number;
  readonly learned: Float32Array;
  /** The optimal critic, where the density ratio is known (not for the user's data). */
  readonly optimal: Float32Array | null;
  /** Colour limits (low < 0 < high): values beyond them saturate. */
  readonly low: number;
  readonly high: number;
  /** Both maps are centred within each x column (InfoNCE), rather than the optimal one shifted. */
  readonly centredPerX: boolean;
}

/** Whether an estimator's value is unchanged by adding any function of x to its critic. */
export function blindToFunctionsOfX(estimator: BoundId): boolean {
  return estimator === 'infonce';
}

/**
 * Subtracts from each x column of a size×size grid (x fastest) its mean over y, weighted by
 * `yWeights` (one per row of cells).
 */
function centreColumns(values: ArrayLike<number>, size: number, yWeights: Float64Array): Float32Array {
  const out = Float32Array.from(values);
  for (let i = 0; i < size; i++) {
    let sum = 0;
    let total = 0;
    for (let j = 0; j < size; j++) {
      const v = out[j * size + i];
      if (!Number.isFinite(v)) continue;
      sum += yWeights[j] * v;
      total += yWeights[j];
    }
    const mean = total > 0 ? sum / total : 0;
    for (let j = 0; j < size; j++) out[j * size + i] -= mean;
  }
  return out;
}

/**
 * Weights of the grid's rows of cells: how often y fell in each (over the scatter's points, joint
 * and shuffled alike, which share Y's marginal), with a floor so that no row is ignored outright.
 */
function yMarginalWeights(
  snapshot: SnapshotMessage,
  grid: NonNullable<SnapshotMessage['grid']>,
): Float64Array {
  const { size, range } = grid;
  const weights = new Float64Array(size);
  let points = 0;
  for (const pairs of [snapshot.scatter.joint, snapshot.scatter.shuffled]) {
    for (let p = 1; p < pairs.length; p += 2) {
      const j = Math.floor(((pairs[p] - range.yMin) / (range.yMax - range.yMin)) * size);
      if (j >= 0 && j < size) {
        weights[j]++;
        points++;
      }
    }
  }
  const floor = Math.max(points, 1) / (100 * size);
  return weights.map((w) => w + floor);
}

/** Cell index of a point, or −1 outside the grid. */
function cellOf(x: number, y: number, snapshot: NonNullable<SnapshotMessage['grid']>): number {
  const { range, size } = snapshot;
  const i = Math.floor(((x - range.xMin) / (range.xMax - range.xMin)) * size);
  const j = Math.floor(((y - range.yMin) / (range.yMax - range.yMin)) * size);
  return i >= 0 && i < size && j >= 0 && j < size ? j * size + i : -1;
}

/** How the critic's first x and y coordinates were standardised (a finite sample), to map them back. */
export interface FirstCoordinateScaling {
  readonly xMean: number;
  readonly xStd: number;
  readonly yMean: number;
  readonly yStd: number;
}

/**
 * The learned critic of estimator `e` and the optimal critic made comparable, or null without a
 * grid. On a standardised finite sample the grid is in standardised units: the density ratio is
 * evaluated where each cell came from (`scaling`), which it may be, since an invertible map of x or
 * of y leaves the ratio unchanged.
 */
export function criticGrids(
  snapshot: SnapshotMessage,
  config: RunConfig,
  e = 0,
  scaling: FirstCoordinateScaling | null = null,
): CriticGrids | null {
  const { grid } = snapshot;
  if (!grid) return null;
  const cells = grid.size * grid.size;
  const centredPerX = blindToFunctionsOfX(config.estimator[e]);
  const yWeights = centredPerX ? yMarginalWeights(snapshot, grid) : null;
  const scores = grid.scores.subarray(e * cells, (e + 1) * cells);
  const learned = yWeights ? centreColumns(scores, grid.size, yWeights) : scores;
  const rows = criticGridRows(grid.range, grid.size);
  const xs = new Float32Array(cells);
  const ys = new Float32Array(cells);
  for (let c = 0; c < cells; c++) {
    xs[c] = rows[2 * c];
    ys[c] = rows[2 * c + 1];
  }
  if (scaling) {
    for (let c = 0; c < cells; c++) {
      xs[c] = xs[c] * scaling.xStd + scaling.xMean;
      ys[c] = ys[c] * scaling.yStd + scaling.yMean;
    }
  }
  const density =
    config.dist === 'data'
      ? null
      : configuredDistribution(config).logDensityRatio(xs, ys, Math.max(0, snapshot.stepsDone - 1));
  const ratio = density && yWeights ? centreColumns(density, grid.size, yWeights) : density;
  // The shift: the mean gap between the critics over the cells where joint samples fell; the
  // colour scale spans the values where any sample fell (beyond, colours saturate).
  let gap = 0;
  let count = 0;
  let low = 0;
  let high = 0;
  const visit = (points: Float32Array, joint: boolean) => {
    for (let p = 0; p < points.length; p += 2) {
      const c = cellOf(points[p], points[p + 1], grid);
      if (c < 0 || !Number.isFinite(learned[c])) continue;
      low = Math.min(low, learned[c]);
      high = Math.max(high, learned[c]);
      if (joint && ratio && Number.isFinite(ratio[c])) {
        gap += learned[c] - ratio[c];
        count++;
      }
    }
  };
  visit(snapshot.scatter.joint, true);
  visit(snapshot.scatter.shuffled, false);
  const shift = count > 0 && !centredPerX ? gap / count : 0;
  const optimal = ratio ? Float32Array.from(ratio, (r) => r + shift) : null;
  return { size: grid.size, learned, optimal, low: low || -1, high: high || 1, centredPerX };
}
