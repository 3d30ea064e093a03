/**
 * Critic inputs for one training step: joint pairs [x_i, y_i] stacked over product-of-marginals
 * pairs [x_i, y_π(i)], where π shuffles y within the batch (the reference's torch.randperm).
 *
 * Batches come either fresh from a distribution every step, or from a finite sample of rows (a
 * user's data, a benchmark task sampled once). Every batch is a pure function of (plan, step), so
 * batches can be drawn ahead of time, in another worker, and still be the same on every backend.
 */
import type { JointDistribution, JointSample } from './distributions';
import { trainingRowsOfStep, rowsAt, type FiniteSample, type SampleRows } from './finiteSample';
import { createRng, deriveSeed, type Rng } from './random';

/** One step's critic inputs: a row-major [2n, xDim + yDim] matrix, joint rows first. */
export interface CriticBatch {
  readonly n: number;
  readonly xDim: number;
  readonly yDim: number;
  readonly pairs: Float32Array;
}

/** Independent random streams of a run (the critic's initial weights use the seed itself). */
export const BATCH_STREAMS = Object.freeze({ training: 1, heldOut: 2, sample: 3 });

/** Batches drawn fresh from a distribution at every step. */
export interface FreshBatchPlan {
  readonly kind: 'fresh';
  readonly distribution: JointDistribution;
  readonly batchSize: number;
  /** Pairs in each held-out evaluation batch. */
  readonly heldOutSize: number;
  readonly seed: number;
}

/** Batches drawn from the training rows of a finite sample; held-out batches from its held-out rows. */
export interface FiniteBatchPlan {
  readonly kind: 'finite';
  readonly sample: FiniteSample;
  /** Pairs per training batch (at most the training rows). */
  readonly batchSize: number;
  /** Most held-out rows evaluated (the first ones: the held-out rows are in random order). */
  readonly heldOutSize: number;
  readonly seed: number;
  /** The current epoch's permutation of the training rows (steps are drawn in order). */
  readonly epochCache: { epoch: number; order: Int32Array | null };
  /** The held-out batch, drawn once: every evaluation scores the same pairs. */
  heldOutBatch: CriticBatch | null;
}

/** Which batches a run draws. */
export type BatchPlan = FreshBatchPlan | FiniteBatchPlan;

/** A plan over a finite sample: batches of `batchSize` (clamped to the training rows). */
export function finiteBatchPlan(
  sample: FiniteSample,
  batchSize: number,
  heldOutSize: number,
  seed: number,
): FiniteBatchPlan {
  return {
    kind: 'finite',
    sample,
    batchSize: Math.min(batchSize, sample.train.n),
    heldOutSize,
    seed,
    epochCache: { epoch: -1, order: null },
    heldOutBatch: null,
  };
}

/**
 * Builds the row-major [2n, xDim + yDim] matrix whose first n rows are joint pairs and whose last
 * n rows pair each x_i with y_perm[i].
 */
export function buildCriticInputs(sample: JointSample | SampleRows, perm: Int32Array): Float32Array {
  const { n, xDim, yDim, x, y } = sample;
  if (perm.length !== n) throw new Error(`perm has length ${perm.length}, expected ${n}`);
  const width = xDim + yDim;
  const out = new Float32Array(2 * n * width);
  for (let i = 0; i < n; i++) {
    const jointRow = i * width;
    const marginalRow = (n + i) * width;
    const xi = i * xDim;
    for (let k = 0; k < xDim; k++) {
      out[jointRow + k] = x[xi + k];
      out[marginalRow + k] = x[xi + k];
    }
    const yi = i * yDim;
    const yShuffled = perm[i] * yDim;
    for (let k = 0; k < yDim; k++) {
      out[jointRow + xDim + k] = y[yi + k];
      out[marginalRow + xDim + k] = y[yShuffled + k];
    }
  }
  return out;
}

/** The critic batch of `rows` with y shuffled by `rng` for the marginal pairs. */
function criticBatchOf(rows: JointSample | SampleRows, rng: Rng): CriticBatch {
  const { n, xDim, yDim } = rows;
  return { n, xDim, yDim, pairs: buildCriticInputs(rows, rng.permutation(n)) };
}

/** Draws n pairs at `stepIdx` and their shuffled counterparts from `rng`. */
export function drawCriticBatch(
  distribution: JointDistribution,
  n: number,
  rng: Rng,
  stepIdx: number,
): CriticBatch {
  return criticBatchOf(distribution.sample(rng, n, stepIdx), rng);
}

/** The training batch of step `stepIdx` (0-based). */
export function trainingBatch(plan: BatchPlan, stepIdx: number): CriticBatch {
  const rng = createRng(deriveSeed(plan.seed, BATCH_STREAMS.training, stepIdx));
  if (plan.kind === 'fresh') return drawCriticBatch(plan.distribution, plan.batchSize, rng, stepIdx);
  const { train } = plan.sample;
  return criticBatchOf(
    rowsAt(train, trainingRowsOfStep(train.n, plan.batchSize, plan.seed, stepIdx, plan.epochCache)),
    rng,
  );
}

/**
 * The held-out batch evaluated after step `stepIdx`: fresh pairs, never trained on. From a finite
 * sample it is its held-out rows, the same pairs at every evaluation (so evaluations compare).
 */
export function heldOutBatch(plan: BatchPlan, stepIdx: number): CriticBatch {
  if (plan.kind === 'fresh') {
    const rng = createRng(deriveSeed(plan.seed, BATCH_STREAMS.heldOut, stepIdx));
    return drawCriticBatch(plan.distribution, plan.heldOutSize, rng, stepIdx);
  }
  if (!plan.heldOutBatch) {
    const { heldOut } = plan.sample;
    const rows = Math.min(heldOut.n, plan.heldOutSize);
    const first =
      rows === heldOut.n
        ? heldOut
        : rowsAt(
            heldOut,
            Int32Array.from({ length: rows }, (_, i) => i),
          );
    plan.heldOutBatch = criticBatchOf(first, createRng(deriveSeed(plan.seed, BATCH_STREAMS.heldOut, 0)));
  }
  return plan.heldOutBatch;
}

/** The x and y halves of a batch's first `rows` joint rows, as [rows, xDim] and [rows, yDim] matrices. */
export function splitPairs(batch: CriticBatch, rows = batch.n): { x: Float32Array; y: Float32Array } {
  const { xDim, yDim, pairs } = batch;
  const width = xDim + yDim;
  const x = new Float32Array(rows * xDim);
  const y = new Float32Array(rows * yDim);
  for (let r = 0; r < rows; r++) {
    x.set(pairs.subarray(r * width, r * width + xDim), r * xDim);
    y.set(pairs.subarray(r * width + xDim, (r + 1) * width), r * yDim);
  }
  return { x, y };
}

/** Most k×k×hidden activations InfoNCE may hold at once (64 MB of float32). */
const INFONCE_MAX_ACTIVATIONS = 2 ** 24;

/**
 * Rows InfoNCE scores all combinations of: k = min(N, cap), and small enough that the k×k
 * activations of every hidden layer (`hidden`: their widths) fit in INFONCE_MAX_ACTIVATIONS.
 */
export function infoNceRows(batchSize: number, cap: number, hidden: readonly number[]): number {
  const width = hidden.reduce((sum, h) => sum + h, 0);
  return Math.max(2, Math.min(batchSize, cap, Math.floor(Math.sqrt(INFONCE_MAX_ACTIVATIONS / width))));
}
