/**
 * The Kraskov–Stögbauer–Grassberger estimator of mutual information (Kraskov et al. 2004,
 * estimator 1): I = ψ(k) + ψ(N) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩, where ε_i is the max-norm distance
 * from point i to its k-th neighbour in the joint space and n_x, n_y count the points strictly
 * within ε_i in each marginal space. Exact neighbours, O(N²) per estimate, on at most
 * KSG_MAX_ROWS rows (a seeded subsample beyond). In nats; not clipped at 0.
 *
 * Each coordinate is standardised first (the max-norm mixes coordinates, so the estimate would
 * otherwise depend on their units), and then moved by a seeded N(0, (1e-10)²) jitter that breaks
 * ties between equal values (rounded or integer data), as scikit-learn does: with exact ties,
 * ε_i can be 0 and "strictly within" counts nothing.
 */
import { createRng, deriveSeed, type Rng } from '../random';
import { digamma } from '../tasks/specialFunctions';
import type { PairedSample } from './sample';

/** Rows KSG runs on: beyond, a seeded subsample of this many (O(N²): ~1 s at 5,000 rows, d = 10). */
export const KSG_MAX_ROWS = 5000;

/** Relative size of the tie-breaking jitter (standardised units). */
const JITTER = 1e-10;
/** Purposes of the random streams drawn from one seed. */
const STREAM = { subsample: 1, jitter: 2, permutation: 3 } as const;

/** How KSG is run. */
export interface KsgOptions {
  /** Neighbours (k ≥ 1, below the rows used). */
  readonly k: number;
  /** At most this many rows (KSG_MAX_ROWS by default); more are subsampled, seeded. */
  readonly maxRows?: number;
  /** Seed of the subsample and the jitter (0 by default). */
  readonly seed?: number;
}

/** A KSG estimate and the rows it saw ("KSG on 5,000 of 40,000 rows"). */
export interface KsgResult {
  readonly miNats: number;
  readonly k: number;
  readonly rowsUsed: number;
  readonly totalRows: number;
}

/** The points KSG measures: standardised, jittered coordinates, row-major like the sample. */
export interface KsgPoints {
  readonly n: number;
  readonly xDim: number;
  readonly yDim: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** The random stream for `purpose` under `seed`. */
export function baselineRng(seed: number, purpose: keyof typeof STREAM) {
  return createRng(deriveSeed(seed, STREAM[purpose]));
}

/** `max` of the rows 0…n−1 drawn without replacement, seeded, in increasing order; null if n ≤ max. */
export function subsampleRows(n: number, max: number, seed: number): Int32Array | null {
  if (n <= max) return null;
  return baselineRng(seed, 'subsample').permutation(n).subarray(0, max).sort();
}

/** `values` (row-major, width `dim`) on `rows`, each column standardised and jittered from `rng`. */
function prepareSide(
  values: Float32Array,
  dim: number,
  rows: Int32Array | null,
  n: number,
  rng: Rng,
): Float64Array {
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    const from = (rows ? rows[i] : i) * dim;
    for (let c = 0; c < dim; c++) out[i * dim + c] = values[from + c];
  }
  const jitter = rng.fillNormal(new Float32Array(n * dim));
  for (let c = 0; c < dim; c++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += out[i * dim + c];
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (out[i * dim + c] - mean) ** 2;
    const std = Math.sqrt(variance / n) || 1;
    for (let i = 0; i < n; i++)
      out[i * dim + c] = (out[i * dim + c] - mean) / std + JITTER * jitter[i * dim + c];
  }
  return out;
}

/** The KSG points of `sample`'s `rows` (all when null), jittered from `seed`. */
export function prepareKsgPoints(sample: PairedSample, rows: Int32Array | null, seed: number): KsgPoints {
  const n = rows ? rows.length : sample.n;
  const rng = baselineRng(seed, 'jitter');
  const x = prepareSide(sample.x, sample.xDim, rows, n, rng);
  const y = prepareSide(sample.y, sample.yDim, rows, n, rng);
  return { n, xDim: sample.xDim, yDim: sample.yDim, x, y };
}

/** The max-norm distance between rows i and j of the row-major `values` of width `dim`. */
function maxNorm(values: Float64Array, dim: number, i: number, j: number): number {
  let max = 0;
  for (let c = 0; c < dim; c++) {
    const v = Math.abs(values[j * dim + c] - values[i * dim + c]);
    if (v > max) max = v;
  }
  return max;
}

/**
 * KSG on prepared points, as a generator: yields the fraction of points done every few million
 * distance evaluations (so a worker can answer Cancel between), returns the estimate in nats.
 * Per point, one pass finds the marginal distances and the k nearest in the joint space, a second
 * counts the points strictly within the k-th distance in each marginal.
 */
export function* ksgOnPoints(points: KsgPoints, k: number): Generator<number, number> {
  const { n, xDim, yDim, x, y } = points;
  if (!Number.isInteger(k) || k < 1 || k >= n)
    throw new RangeError(`KSG needs 1 ≤ k < rows, got k = ${k} for ${n} rows`);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const nearest = new Float64Array(k);
  const block = Math.max(1, Math.floor(4e6 / (n * (xDim + yDim))));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    nearest.fill(Infinity);
    let kth = Infinity;
    for (let j = 0; j < n; j++) {
      const a = xDim === 1 ? Math.abs(x[j] - x[i]) : maxNorm(x, xDim, i, j);
      const b = yDim === 1 ? Math.abs(y[j] - y[i]) : maxNorm(y, yDim, i, j);
      dx[j] = a;
      dy[j] = b;
      const dz = a > b ? a : b;
      if (dz < kth && j !== i) {
        let p = k - 1;
        for (; p > 0 && nearest[p - 1] > dz; p--) nearest[p] = nearest[p - 1];
        nearest[p] = dz;
        kth = nearest[k - 1];
      }
    }
    // Strictly within the k-th distance; the point itself (at 0) is taken off when counted.
    let nx = 0;
    let ny = 0;
    for (let j = 0; j < n; j++) {
      if (dx[j] < kth) nx++;
      if (dy[j] < kth) ny++;
    }
    if (kth > 0) {
      nx--;
      ny--;
    }
    sum += digamma(nx + 1) + digamma(ny + 1);
    if ((i + 1) % block === 0 || i + 1 === n) yield (i + 1) / n;
  }
  return digamma(k) + digamma(n) - sum / n;
}

/** KSG on `sample` as a generator (fractions done, then the result); see ksgMutualInformation. */
export function* ksgSteps(sample: PairedSample, options: KsgOptions): Generator<number, KsgResult> {
  const seed = options.seed ?? 0;
  const rows = subsampleRows(sample.n, options.maxRows ?? KSG_MAX_ROWS, seed);
  const points = prepareKsgPoints(sample, rows, seed);
  const miNats = yield* ksgOnPoints(points, options.k);
  return { miNats, k: options.k, rowsUsed: points.n, totalRows: sample.n };
}

/** Runs a generator to its end and returns what it returns. */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The KSG estimate of I(X; Y) in nats for `sample` (on a seeded subsample past `maxRows`). */
export function ksgMutualInformation(sample: PairedSample, options: KsgOptions): KsgResult {
  return runToEnd(ksgSteps(sample, options));
}
