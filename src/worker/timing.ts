/**
 * Times training steps on the worker's backend, for the measured backend choice: one warm-up step
 * (shader compilation, first allocations), then steps of one batch in chunks that double until a
 * chunk is long enough to time, each chunk ended by one read-back (GPU backends run asynchronously),
 * until about `budgetMs` of stepping is timed, or a single step when steps are slower than that.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RunConfig } from '../protocol/config';
import { batchPlanFor, drawBatch } from './batchPlan';
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

/** Times the steps of `config` on the current backend (see the module comment). */
export async function timeSteps(
  config: RunConfig,
  adamEpsilon: number,
  options: TimingOptions,
): Promise<StepTiming> {
  const now = options.now ?? (() => performance.now());
  const trainer = trainerFor(config, adamEpsilon);
  const batch = drawBatch(batchPlanFor(config), 'training', 0);
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
    let steps = 0;
    let elapsedMs = 0;
    for (let chunk = 1; elapsedMs < options.budgetMs;) {
      const took = await stepChunk(chunk);
      elapsedMs += took;
      steps += chunk;
      if (took < options.budgetMs / 8) chunk *= 2;
    }
    return { stepsPerSecond: (1000 * steps) / elapsedMs, steps, warmUpMs };
  } finally {
    trainer.dispose();
  }
}
