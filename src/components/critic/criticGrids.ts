/**
 * The two heatmaps' values: the learned critic as the worker scored it, and the optimal critic
 * (the log density ratio) on the same grid, shifted by the constant the DV bound cannot see so
 * that the two are comparable where the data lie.
 */
import { configuredDistribution, type RunConfig } from '../../protocol/config';
import type { SnapshotMessage } from '../../protocol/messages';
import { criticGridRows } from '../../protocol/snapshot';

/** Both grids on one colour scale. */
export interface CriticGrids {
  readonly size: number;
  readonly learned: Float32Array;
  readonly optimal: Float32Array;
  /** Colour limits (low < 0 < high): values beyond them saturate. */
  readonly low: number;
  readonly high: number;
}

/** Cell index of a point, or −1 outside the grid. */
function cellOf(x: number, y: number, snapshot: NonNullable<SnapshotMessage['grid']>): number {
  const { range, size } = snapshot;
  const i = Math.floor(((x - range.xMin) / (range.xMax - range.xMin)) * size);
  const j = Math.floor(((y - range.yMin) / (range.yMax - range.yMin)) * size);
  return i >= 0 && i < size && j >= 0 && j < size ? j * size + i : -1;
}

/** The learned critic of estimator `e` and the shifted optimal critic, or null without a grid. */
export function criticGrids(snapshot: SnapshotMessage, config: RunConfig, e = 0): CriticGrids | null {
  const { grid } = snapshot;
  if (!grid) return null;
  const cells = grid.size * grid.size;
  const learned = grid.scores.subarray(e * cells, (e + 1) * cells);
  const rows = criticGridRows(grid.range, grid.size);
  const xs = new Float32Array(cells);
  const ys = new Float32Array(cells);
  for (let c = 0; c < cells; c++) {
    xs[c] = rows[2 * c];
    ys[c] = rows[2 * c + 1];
  }
  const ratio = configuredDistribution(config).logDensityRatio(xs, ys, Math.max(0, snapshot.stepsDone - 1));
  // The shift: the mean gap between the critics over the cells where joint samples fell; the
  // colour scale spans the values where any sample fell (beyond, colours saturate).
  let gap = 0;
  let count = 0;
  let low = 0;
  let high = 0;
  const visit = (points: Float32Array, joint: boolean) => {
    for (let p = 0; p < points.length; p += 2) {
      const c = cellOf(points[p], points[p + 1], grid);
      if (c < 0 || !Number.isFinite(learned[c]) || !Number.isFinite(ratio[c])) continue;
      low = Math.min(low, learned[c]);
      high = Math.max(high, learned[c]);
      if (joint) {
        gap += learned[c] - ratio[c];
        count++;
      }
    }
  };
  visit(snapshot.scatter.joint, true);
  visit(snapshot.scatter.shuffled, false);
  const shift = count > 0 ? gap / count : 0;
  const optimal = Float32Array.from(ratio, (r) => r + shift);
  return { size: grid.size, learned, optimal, low: low || -1, high: high || 1 };
}
