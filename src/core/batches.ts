/**
 * Critic inputs for one training step: joint pairs [x_i, y_i] stacked over product-of-marginals
 * pairs [x_i, y_π(i)], where π shuffles y within the batch (the reference's torch.randperm).
 *
 * Every batch is a pure function of (distribution, size, seed, stream, step), so batches can be
 * drawn ahead of time, in another worker, and still be the same on every backend.
 */
import type { JointDistribution, JointSample } from './distributions';
import { createRng, deriveSeed, type Rng } from './random';

/** One step's critic inputs: a row-major [2n, 2·dim] matrix, joint rows first. */
export interface CriticBatch {
  readonly n: number;
  readonly dim: number;
  readonly pairs: Float32Array;
}

/** Independent random streams of a run (the critic's initial weights use the seed itself). */
export const BATCH_STREAMS = Object.freeze({ training: 1, heldOut: 2 });

/** Which batches a run draws. */
export interface BatchPlan {
  readonly distribution: JointDistribution;
  readonly batchSize: number;
  /** Pairs in each held-out evaluation batch. */
  readonly heldOutSize: number;
  readonly seed: number;
}

/**
 * Builds the row-major [2n, 2·dim] matrix whose first n rows are joint pairs and whose last n rows
 * pair each x_i with y_perm[i].
 */
export function buildCriticInputs(sample: JointSample, perm: Int32Array): Float32Array {
  const { n, dim, x, y } = sample;
  if (perm.length !== n) throw new Error(`perm has length ${perm.length}, expected ${n}`);
  const width = 2 * dim;
  const out = new Float32Array(2 * n * width);
  for (let i = 0; i < n; i++) {
    const jointRow = i * width;
    const marginalRow = (n + i) * width;
    const xi = i * dim;
    const yShuffled = perm[i] * dim;
    for (let k = 0; k < dim; k++) {
      out[jointRow + k] = x[xi + k];
      out[jointRow + dim + k] = y[xi + k];
      out[marginalRow + k] = x[xi + k];
      out[marginalRow + dim + k] = y[yShuffled + k];
    }
  }
  return out;
}

/** Draws n pairs at `stepIdx` and their shuffled counterparts from `rng`. */
export function drawCriticBatch(
  distribution: JointDistribution,
  n: number,
  rng: Rng,
  stepIdx: number,
): CriticBatch {
  const sample = distribution.sample(rng, n, stepIdx);
  return { n, dim: distribution.dim, pairs: buildCriticInputs(sample, rng.permutation(n)) };
}

/** The training batch of step `stepIdx` (0-based). */
export function trainingBatch(plan: BatchPlan, stepIdx: number): CriticBatch {
  const rng = createRng(deriveSeed(plan.seed, BATCH_STREAMS.training, stepIdx));
  return drawCriticBatch(plan.distribution, plan.batchSize, rng, stepIdx);
}

/** The held-out batch evaluated after step `stepIdx`: fresh pairs, never trained on. */
export function heldOutBatch(plan: BatchPlan, stepIdx: number): CriticBatch {
  const rng = createRng(deriveSeed(plan.seed, BATCH_STREAMS.heldOut, stepIdx));
  return drawCriticBatch(plan.distribution, plan.heldOutSize, rng, stepIdx);
}

/** The x and y halves of a batch's first `rows` rows, as [rows, dim] matrices. */
export function splitPairs(batch: CriticBatch, rows = batch.n): { x: Float32Array; y: Float32Array } {
  const { dim, pairs } = batch;
  const x = new Float32Array(rows * dim);
  const y = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    x.set(pairs.subarray(2 * r * dim, 2 * r * dim + dim), r * dim);
    y.set(pairs.subarray(2 * r * dim + dim, 2 * (r + 1) * dim), r * dim);
  }
  return { x, y };
}

/** Most k×k×hidden activations InfoNCE may hold at once (64 MB of float32). */
const INFONCE_MAX_ACTIVATIONS = 2 ** 24;

/**
 * Rows InfoNCE scores all combinations of: k = min(N, cap), and small enough that the k×k×hidden
 * activations fit in INFONCE_MAX_ACTIVATIONS.
 */
export function infoNceRows(batchSize: number, cap: number, hidden: number): number {
  return Math.max(2, Math.min(batchSize, cap, Math.floor(Math.sqrt(INFONCE_MAX_ACTIVATIONS / hidden))));
}
