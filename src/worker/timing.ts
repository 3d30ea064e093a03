/**
 * Times training steps on the worker's backend, for the measured backend choice: one warm-up step
 * (shader compilation, first allocations), then steps of one batch in chunks of 1, 2, 4, … steps,
 * each ended by one read-back (GPU backends run asynchronously). A chunk's time is a read-back's
 * latency plus its steps, so the figure is the slope of time against steps: what a step costs in a
 * run, which reads back once per several hundred milliseconds, not once per step. The slope is
 * only as good as the spread of the chunks: where the latency (and its jitter) outweighs a few
 * steps, as with WebGL in software, chunks of 1 to 4 steps differ by less than the jitter and the
 * slope can come out at almost nothing. So the chunks go on doubling until one takes several times
 * as long as the first, past the budget if need be (within a cap).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CriticBatch } from '../core/batches';
import { sourceDims, type RunConfig } from '../protocol/config';
import { trainerFor } from './runSession';

/** What a timing found. */
export interface StepTiming {
  /** Steps per second after the warm-up step. */
  readonly stepsPerSecond: number;
  /** Steps timed (the warm-up step left out). */
  readonly steps: number;
  /** The warm-up step's time, read-back included. */
  readonly warmUpMs: number;
}

/** Options of a timing: its budget, the clock, and a hook run after each step (test builds only). */
export interface TimingOptions {
  readonly budgetMs: number;
  readonly now?: () => number;
  readonly afterStep?: () => void;
}

/** Steps timed per backend: long enough for a steady figure, short enough to go unnoticed. */
export const TIMING_BUDGET_MS = 150;

/**
 * Chunks double until one takes this many times the first (a one-step chunk: one step plus a
 * read-back), so that most of the largest chunk is stepping rather than latency.
 */
export const SPREAD_FACTOR = 4;

/** The most time a timing spends stepping, as a multiple of its budget, however slow the backend. */
export const CAP_FACTOR = 10;

/**
 * A batch of the run's shape (N joint and N shuffled pairs of d_x + d_y columns): what a step costs
 * does not depend on the values, and the user's rows never reach a timing worker.
 */
function syntheticBatch(n: number, xDim: number, yDim: number): CriticBatch {
  const pairs = new Float32Array(2 * n * (xDim + yDim));
  for (let i = 0; i < pairs.length; i++) pairs[i] = Math.sin(0.618 * i);
  return { n, xDim, yDim, pairs };
}

/**
 * The least-squares slope of chunk time against chunk size, in ms per step; null with fewer than
 * two sizes, or a slope that is not positive (then the mean is all there is).
 */
export function marginalMsPerStep(chunks: readonly { steps: number; ms: number }[]): number | null {
  const n = chunks.length;
  const meanSteps = chunks.reduce((sum, c) => sum + c.steps, 0) / n;
  const meanMs = chunks.reduce((sum, c) => sum + c.ms, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const c of chunks) {
    covariance += (c.steps - meanSteps) * (c.ms - meanMs);
    variance += (c.steps - meanSteps) ** 2;
  }
  const slope = variance > 0 ? covariance / variance : 0;
  return slope > 0 ? slope : null;
}

/** Times the steps of `config` on the current backend (see the module comment). */
export async function timeSteps(
  config: RunConfig,
  adamEpsilon: number,
  options: TimingOptions,
): Promise<StepTiming> {
  const now = options.now ?? (() => performance.now());
  const { xDim, yDim } = sourceDims(config);
  const trainer = trainerFor(config, xDim, yDim, adamEpsilon);
  const batch = syntheticBatch(config.batch, xDim, yDim);
  /** Takes `count` steps and waits for the last one's result; resolves with the time taken. */
  const stepChunk = async (count: number) => {
    const start = now();
    let last: tf.Tensor | null = null;
    for (let i = 0; i < count; i++) {
      last?.dispose();
      last = trainer.step(batch);
      options.afterStep?.();
    }
    try {
      await last?.data();
    } finally {
      last?.dispose();
    }
    return now() - start;
  };
  try {
    const warmUpMs = await stepChunk(1);
    const chunks: { steps: number; ms: number }[] = [];
    const capMs = CAP_FACTOR * options.budgetMs;
    let elapsedMs = 0;
    for (let size = 1; ;) {
      const ms = await stepChunk(size);
      chunks.push({ steps: size, ms });
      elapsedMs += ms;
      const spread = ms >= SPREAD_FACTOR * chunks[0].ms;
      if (elapsedMs >= options.budgetMs && spread) break;
      if (ms < options.budgetMs / 3 || !spread) size *= 2;
      // The next chunk (at the last one's time per step) is not started if it would overrun the cap.
      if (elapsedMs >= options.budgetMs && elapsedMs + (ms * size) / chunks[chunks.length - 1].steps > capMs)
        break;
    }
    const steps = chunks.reduce((sum, c) => sum + c.steps, 0);
    const msPerStep = marginalMsPerStep(chunks) ?? elapsedMs / steps;
    return { stepsPerSecond: 1000 / msPerStep, steps, warmUpMs };
  } finally {
    trainer.dispose();
  }
}
