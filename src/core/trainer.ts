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
import { BITS_PER_NAT } from './units';

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
   * Draws a fresh batch, takes one Adam step on the negated bound (in bits, as the reference does)
   * and returns the bound's value on that batch in nats, as a scalar tensor the caller must dispose
   * (so reads can be batched).
   */
  step(): tf.Scalar;
  /** Number of steps taken so far. */
  readonly stepsDone: number;
  /** The critic being trained. */
  readonly critic: Critic;
  /** Frees the critic and optimiser state. */
  dispose(): void;
}

/** PyTorch's Adam epsilon (1e-8) on float32 backends; the backend's own where floats are 16-bit. */
function adamEpsilon(): number {
  return tf.backend().floatPrecision() === 32 ? 1e-8 : tf.backend().epsilon();
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
  const optimizer = tf.train.adam(learningRate, 0.9, 0.999, adamEpsilon());
  const pairWidth = 2 * distribution.dim;
  let stepsDone = 0;

  return {
    step() {
      const sample = distribution.sample(rng, batchSize);
      const inputs = buildCriticInputs(sample, rng.permutation(batchSize));
      const estimate = tf.tidy(() => {
        const pairs = tf.tensor2d(inputs, [2 * batchSize, pairWidth]);
        // As in the reference, the loss is the negated bound in bits: Adam is scale-free but for
        // its epsilon, so the same units give the same updates.
        const lossBits = optimizer.minimize(
          () => {
            const scores = critic.apply(pairs);
            const joint = tf.slice(scores, [0], [batchSize]);
            const marginal = tf.slice(scores, [batchSize], [batchSize]);
            return tf.mul(bound.lowerBoundNats(joint, marginal), -BITS_PER_NAT);
          },
          true,
          [...critic.variables],
        );
        if (!lossBits) throw new Error('optimizer returned no cost');
        return tf.div(lossBits, -BITS_PER_NAT) as tf.Scalar;
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
