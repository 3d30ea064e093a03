/**
 * Is the dependence real? KSG on B copies of the sample whose Y rows are shuffled (seeded) gives
 * its distribution under independence; the p-value is (1 + #{null ≥ observed}) / (B + 1), never
 * below 1/(B + 1). Runs on a seeded subsample of at most PERMUTATION_MAX_ROWS rows, observed and
 * shuffled alike, so B + 1 exact KSG runs stay quick.
 */
import { baselineRng, ksgOnPoints, prepareKsgPoints, subsampleRows, type KsgPoints } from './ksg';
import type { SampleRows } from '../finiteSample';

/** Rows the permutation test runs on (a seeded subsample beyond): B = 99 takes ~1 s at 1 + 1, a few at 5 + 5. */
export const PERMUTATION_MAX_ROWS = 500;

/** How the test is run. */
export interface PermutationOptions {
  /** KSG's neighbours. */
  readonly k: number;
  /** B: how many shuffles of Y. */
  readonly shuffles: number;
  /** Rows used (PERMUTATION_MAX_ROWS by default). */
  readonly maxRows?: number;
  /** Seed of the subsample, jitter and shuffles (0 by default). */
  readonly seed?: number;
}

/** The observed KSG estimate, its null distribution and the p-value, with the rows used. */
export interface PermutationResult {
  readonly observedNats: number;
  /** KSG on each shuffle, in order. */
  readonly nullNats: Float64Array;
  readonly pValue: number;
  readonly shuffles: number;
  readonly k: number;
  readonly rowsUsed: number;
  readonly totalRows: number;
}

/** The points with Y's rows reordered by `order`. */
function shuffledY(points: KsgPoints, order: Int32Array): KsgPoints {
  const { n, yDim } = points;
  const y = new Float64Array(n * yDim);
  for (let i = 0; i < n; i++) y.set(points.y.subarray(order[i] * yDim, order[i] * yDim + yDim), i * yDim);
  return { ...points, y };
}

/**
 * The permutation test as a generator: yields the fraction of the B + 1 KSG runs done (often
 * enough for a worker to answer Cancel between), returns the result.
 */
export function* permutationTestSteps(
  sample: SampleRows,
  options: PermutationOptions,
): Generator<number, PermutationResult> {
  const { k, shuffles } = options;
  if (!Number.isInteger(shuffles) || shuffles < 1)
    throw new RangeError(`shuffles must be ≥ 1, got ${shuffles}`);
  const seed = options.seed ?? 0;
  const rows = subsampleRows(sample.n, options.maxRows ?? PERMUTATION_MAX_ROWS, seed);
  const points = prepareKsgPoints(sample, rows, seed);
  const runs = shuffles + 1;
  const scaled = function* (steps: Generator<number, number>, run: number) {
    let next = steps.next();
    for (; !next.done; next = steps.next()) yield (run + next.value) / runs;
    return next.value;
  };
  const observedNats = yield* scaled(ksgOnPoints(points, k), 0);
  const rng = baselineRng(seed, 'permutation');
  const nullNats = new Float64Array(shuffles);
  let atLeast = 0;
  for (let b = 0; b < shuffles; b++) {
    nullNats[b] = yield* scaled(ksgOnPoints(shuffledY(points, rng.permutation(points.n)), k), b + 1);
    if (nullNats[b] >= observedNats) atLeast++;
  }
  return {
    observedNats,
    nullNats,
    pValue: (1 + atLeast) / runs,
    shuffles,
    k,
    rowsUsed: points.n,
    totalRows: sample.n,
  };
}
