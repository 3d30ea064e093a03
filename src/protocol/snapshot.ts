/**
 * What the page shows of the critic and the data besides the estimates: a grid over (x, y) for
 * d = 1 on which the worker scores each critic (the page draws the optimal critic on the same
 * grid), and a sample of one batch's first coordinates. Pure, shared by the worker and the page.
 */
import { trainsOnFiniteSample, type RunConfig } from './config';

/** Cells per side of the critic grid. */
export const CRITIC_GRID_SIZE = 40;
/** Points of each kind (joint, shuffled) in a batch scatter. */
export const SCATTER_POINTS = 300;

/** The rectangle of (x, y) the critic grid covers. */
export interface GridRange {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * A range covering nearly all of the data: ±3.5 standard deviations; for y³, ±2.5³ (3.5³ would
 * squeeze the bulk of the data into a sliver of the grid).
 */
export function criticGridRange(config: RunConfig): GridRange {
  const spread = 3.5;
  if (config.dist === 'channel') {
    const x = spread * Math.sqrt(config.power || 1);
    const y = spread * Math.sqrt(config.power + config.noise);
    return { xMin: -x, xMax: x, yMin: -y, yMax: y };
  }
  const y = config.dist === 'cubic' ? 2.5 ** 3 : spread;
  return { xMin: -spread, xMax: spread, yMin: -y, yMax: y };
}

/** Cell centres of the grid as [x, y] rows, row-major with x varying fastest: [size², 2]. */
export function criticGridRows(range: GridRange, size = CRITIC_GRID_SIZE): Float32Array {
  const rows = new Float32Array(size * size * 2);
  for (let j = 0; j < size; j++) {
    const y = range.yMin + ((j + 0.5) / size) * (range.yMax - range.yMin);
    for (let i = 0; i < size; i++) {
      const x = range.xMin + ((i + 0.5) / size) * (range.xMax - range.xMin);
      rows[2 * (j * size + i)] = x;
      rows[2 * (j * size + i) + 1] = y;
    }
  }
  return rows;
}

/** The first coordinates of some joint pairs and some shuffled pairs of one batch. */
export interface BatchScatter {
  /** [x₁, y₁] interleaved, one pair per point. */
  readonly joint: Float32Array;
  readonly shuffled: Float32Array;
}

/**
 * The first coordinates of the first `points` joint and shuffled rows of a critic batch
 * (row-major [2n, xDim + yDim]: joint rows first).
 */
export function scatterOfBatch(
  pairs: Float32Array,
  n: number,
  xDim: number,
  yDim: number,
  points = SCATTER_POINTS,
): BatchScatter {
  const m = Math.min(points, n);
  const width = xDim + yDim;
  const pick = (firstRow: number) => {
    const out = new Float32Array(2 * m);
    for (let r = 0; r < m; r++) {
      out[2 * r] = pairs[(firstRow + r) * width];
      out[2 * r + 1] = pairs[(firstRow + r) * width + xDim];
    }
    return out;
  };
  return { joint: pick(0), shuffled: pick(n) };
}

/**
 * A grid range covering the bulk of a batch's joint pairs (1-dimensional x and y): from the 0.5%
 * to the 99.5% quantile of each, widened by a tenth. For data whose spread the settings do not give.
 */
export function gridRangeOfBatch(pairs: Float32Array, n: number): GridRange {
  const quantiles = (offset: number) => {
    const values = Float64Array.from({ length: n }, (_, r) => pairs[2 * r + offset]).sort();
    const low = values[Math.floor(0.005 * (n - 1))];
    const high = values[Math.ceil(0.995 * (n - 1))];
    const margin = Math.max(0.1 * (high - low), 1e-6);
    return [low - margin, high + margin];
  };
  const [xMin, xMax] = quantiles(0);
  const [yMin, yMax] = quantiles(1);
  return { xMin, xMax, yMin, yMax };
}

/** Whether the critic grid's range comes from the settings (the four built-in distributions, fresh). */
export function gridRangeFromSettings(config: RunConfig): boolean {
  return config.dist !== 'task' && config.dist !== 'data' && !trainsOnFiniteSample(config);
}
