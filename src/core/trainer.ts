/**
 * One MINE training run: fresh batches from a joint distribution, a critic, a bound and Adam.
 * Pure tfjs with no DOM or worker code, so the same trainer runs in Node tests and in the worker.
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildCriticInputs } from './batches';
import { BOUNDS, type BoundId } from './bounds';
import { createMlpCritic, type Critic } from './critic';
import type { JointDistribution } from './distributions';
import { createRng } from './random';

/** Everything a trainer needs besides the backend. */
export interface TrainerSettings {
  readonly distribution: JointDistribution;
  readonly hidden: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
  readonly bound: BoundId;
}

/** A training run that advances one optimiser step at a time. */
export interface Trainer {
  /**
   * Draws a fresh batch, takes one Adam step on the negated bound and returns the bound's value on
   * that batch in nats, as a scalar tensor the caller must dispose (so reads can be batched).
   */
  step(): tf.Scalar;
  /** Number of steps taken so far. */
  readonly stepsDone: number;
  /** The critic being trained. */
  readonly critic: Critic;
  /** Frees the critic and optimiser state. */
  dispose(): void;
}

/** Creates a trainer; the seed fixes the critic's initialisation and every batch. */
export function createTrainer(settings: TrainerSettings): Trainer {
  const { distribution, hidden, batchSize, learningRate, seed } = settings;
  if (!Number.isInteger(batchSize) || batchSize < 2) {
    throw new Error(`batchSize must be an integer ≥ 2, got ${batchSize}`);
  }
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new Error(`learningRate must be > 0, got ${learningRate}`);
  }
  const bound = BOUNDS[settings.bound];
  if (!bound) throw new Error(`unknown bound "${settings.bound}"`);
  const rng = createRng(seed);
  const critic = createMlpCritic({ dim: distribution.dim, hidden }, rng);
  const optimizer = tf.train.adam(learningRate);
  const pairWidth = 2 * distribution.dim;
  let stepsDone = 0;

  return {
    step() {
      const sample = distribution.sample(rng, batchSize);
      const inputs = buildCriticInputs(sample, rng.permutation(batchSize));
      const estimate = tf.tidy(() => {
        const pairs = tf.tensor2d(inputs, [2 * batchSize, pairWidth]);
        const negatedBound = optimizer.minimize(
          () => {
            const scores = critic.apply(pairs);
            const joint = tf.slice(scores, [0], [batchSize]);
            const marginal = tf.slice(scores, [batchSize], [batchSize]);
            return tf.neg(bound.lowerBoundNats(joint, marginal));
          },
          true,
          [...critic.variables],
        );
        if (!negatedBound) throw new Error('optimizer returned no cost');
        return tf.neg(negatedBound) as tf.Scalar;
      });
      stepsDone++;
      return estimate;
    },
    get stepsDone() {
      return stepsDone;
    },
    critic,
    dispose() {
      critic.dispose();
      optimizer.dispose();
    },
  };
}
