/**
 * A finite sample of rows — a user's data, or a benchmark task sampled once — split once, seeded,
 * into training and held-out rows, each column standardised on the training rows. Training batches
 * are drawn from the training rows a fresh permutation per epoch; the held-out rows are never
 * trained on. One implementation serves "your data" and the benchmark protocol alike.
 */
import { createRng, deriveSeed } from './random';

/** n rows of (X, Y): x is a row-major [n, xDim] matrix, y an [n, yDim] one. */
export interface SampleRows {
  readonly n: number;
  readonly xDim: number;
  readonly yDim: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** How to split and scale a sample. */
export interface FiniteSampleOptions {
  /** Share of the rows held out (never trained on), in (0, 1). */
  readonly heldOutFraction: number;
  /** Standardise each column to mean 0, standard deviation 1 on the training rows. */
  readonly standardise: boolean;
  /** Fixes the split (and, with the step, every batch). */
  readonly seed: number;
}

/** Per column (X's first, then Y's), the shift and scale applied to every row. */
export interface ColumnScaling {
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/** A sample split into training and held-out rows, both scaled by the training rows' statistics. */
export interface FiniteSample {
  readonly xDim: number;
  readonly yDim: number;
  readonly train: SampleRows;
  readonly heldOut: SampleRows;
  /** The standardisation applied, or null when it is off. */
  readonly scaling: ColumnScaling | null;
}

/** Fewest rows on each side of the split: a batch needs two pairs. */
export const MIN_ROWS_PER_SIDE = 2;

/** Random streams of a finite sample, apart from the training and held-out batches' own. */
const FINITE_STREAMS = Object.freeze({ split: 11, epoch: 12 });

/** Rows of `rows` in the order `indices` gives, as a new sample. */
function pick(
  rows: SampleRows,
  indices: Int32Array | readonly number[],
  from = 0,
  to = indices.length,
): SampleRows {
  const { xDim, yDim } = rows;
  const n = to - from;
  const x = new Float32Array(n * xDim);
  const y = new Float32Array(n * yDim);
  for (let r = 0; r < n; r++) {
    const i = indices[from + r];
    x.set(rows.x.subarray(i * xDim, (i + 1) * xDim), r * xDim);
    y.set(rows.y.subarray(i * yDim, (i + 1) * yDim), r * yDim);
  }
  return { n, xDim, yDim, x, y };
}

/**
 * Mean and standard deviation of every column over `rows` (in double precision). A column that is
 * constant there keeps its scale (standard deviation 1) rather than being divided by zero.
 */
function columnScaling(rows: SampleRows): ColumnScaling {
  const { n, xDim, yDim } = rows;
  const width = xDim + yDim;
  const mean = new Float64Array(width);
  const std = new Float64Array(width);
  const column = (c: number, r: number) => (c < xDim ? rows.x[r * xDim + c] : rows.y[r * yDim + c - xDim]);
  for (let c = 0; c < width; c++) {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += column(c, r);
    mean[c] = sum / n;
    let squares = 0;
    for (let r = 0; r < n; r++) squares += (column(c, r) - mean[c]) ** 2;
    const sd = Math.sqrt(squares / n);
    std[c] = sd > 0 && Number.isFinite(sd) ? sd : 1;
  }
  return { mean, std };
}

/** `rows` shifted and scaled column by column (in place). */
function applyScaling(rows: SampleRows, { mean, std }: ColumnScaling): SampleRows {
  const { n, xDim, yDim, x, y } = rows;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < xDim; c++) x[r * xDim + c] = (x[r * xDim + c] - mean[c]) / std[c];
    for (let c = 0; c < yDim; c++) y[r * yDim + c] = (y[r * yDim + c] - mean[xDim + c]) / std[xDim + c];
  }
  return rows;
}

/** Held-out rows for `n` rows at `fraction`: at least MIN_ROWS_PER_SIDE on each side. */
export function heldOutRowCount(n: number, fraction: number): number {
  return Math.min(n - MIN_ROWS_PER_SIDE, Math.max(MIN_ROWS_PER_SIDE, Math.round(fraction * n)));
}

/** Splits `rows` once (seeded) and standardises both parts on the training rows. */
export function createFiniteSample(rows: SampleRows, options: FiniteSampleOptions): FiniteSample {
  const { n, xDim, yDim } = rows;
  if (n < 2 * MIN_ROWS_PER_SIDE)
    throw new Error(`a finite sample needs at least ${2 * MIN_ROWS_PER_SIDE} rows, got ${n}`);
  if (!(options.heldOutFraction > 0 && options.heldOutFraction < 1)) {
    throw new Error(`the held-out fraction must be in (0, 1), got ${options.heldOutFraction}`);
  }
  if (rows.x.length !== n * xDim || rows.y.length !== n * yDim)
    throw new Error('x and y must hold n rows each');
  const order = createRng(deriveSeed(options.seed, FINITE_STREAMS.split)).permutation(n);
  const held = heldOutRowCount(n, options.heldOutFraction);
  const heldOut = pick(rows, order, 0, held);
  const train = pick(rows, order, held, n);
  if (!options.standardise) return { xDim, yDim, train, heldOut, scaling: null };
  const scaling = columnScaling(train);
  return {
    xDim,
    yDim,
    train: applyScaling(train, scaling),
    heldOut: applyScaling(heldOut, scaling),
    scaling,
  };
}

/** Training batches per epoch of `trainRows` rows at batch size `batchSize` (the last, partial one dropped). */
export function batchesPerEpoch(trainRows: number, batchSize: number): number {
  return Math.max(1, Math.floor(trainRows / batchSize));
}

/**
 * Row indices into the training rows of step `stepIdx`'s batch: epoch e = ⌊stepIdx / per epoch⌋
 * draws its own permutation of the rows (from the seed and e), and its batches take consecutive
 * slices of it, so every training row is used once per epoch. `cache` keeps the current epoch's
 * permutation (steps are drawn in order).
 */
export function trainingRowsOfStep(
  trainRows: number,
  batchSize: number,
  seed: number,
  stepIdx: number,
  cache: { epoch: number; order: Int32Array | null },
): Int32Array {
  const size = Math.min(batchSize, trainRows);
  const perEpoch = batchesPerEpoch(trainRows, size);
  const epoch = Math.floor(stepIdx / perEpoch);
  if (cache.epoch !== epoch || !cache.order) {
    cache.order = createRng(deriveSeed(seed, FINITE_STREAMS.epoch, epoch)).permutation(trainRows);
    cache.epoch = epoch;
  }
  const start = (stepIdx % perEpoch) * size;
  return cache.order.subarray(start, start + size);
}

/** The rows of `rows` at `indices`, as a new sample. */
export function rowsAt(rows: SampleRows, indices: Int32Array): SampleRows {
  return pick(rows, indices);
}
