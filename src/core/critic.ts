/** The statistics network T(x, y): an MLP on the concatenation [x, y]. */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from './random';

/** A trainable critic scoring rows of concatenated [x, y] pairs. */
export interface Critic {
  /** Scores for each row of a [m, 2·dim] input: a [m] tensor. */
  apply(pairs: tf.Tensor2D): tf.Tensor1D;
  /** The trainable variables, for the optimiser. */
  readonly variables: readonly tf.Variable[];
  /** Frees the variables. */
  dispose(): void;
}

/** Shape of the one-hidden-layer critic: 2·dim → hidden → ReLU → 1. */
export interface MlpCriticShape {
  readonly dim: number;
  readonly hidden: number;
}

/**
 * Creates the reference critic with PyTorch's nn.Linear initialisation
 * (weights and biases uniform in ±1/√fan_in), drawn from `rng`.
 */
export function createMlpCritic({ dim, hidden }: MlpCriticShape, rng: Rng): Critic {
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`dim must be a positive integer, got ${dim}`);
  if (!Number.isInteger(hidden) || hidden < 1) {
    throw new Error(`hidden must be a positive integer, got ${hidden}`);
  }
  const inputWidth = 2 * dim;
  // All parameters in ONE flat variable [w1 | b1 | w2 | b2], drawn in that order (same values as
  // four separate variables); apply() views it as the four tensors. Adam then updates one variable
  // instead of four, which saves WebGL kernels and uploads every step.
  const sizes = [inputWidth * hidden, hidden, hidden, 1];
  const fanIns = [inputWidth, inputWidth, hidden, hidden];
  const offsets = sizes.map((_, k) => sizes.slice(0, k).reduce((a, b) => a + b, 0));
  const values = new Float32Array(sizes.reduce((a, b) => a + b, 0));
  sizes.forEach((size, k) => {
    const limit = 1 / Math.sqrt(fanIns[k]);
    for (let i = 0; i < size; i++) values[offsets[k] + i] = (2 * rng.uniform() - 1) * limit;
  });
  // Created inside tidy so the initial-value tensor is released once the variable owns a copy.
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(values), true));
  const variables = [theta];

  return {
    apply: (pairs) =>
      tf.tidy(() => {
        const w1 = tf.reshape(tf.slice(theta, offsets[0], sizes[0]), [inputWidth, hidden]);
        const b1 = tf.slice(theta, offsets[1], sizes[1]);
        const w2 = tf.reshape(tf.slice(theta, offsets[2], sizes[2]), [hidden, 1]);
        const b2 = tf.slice(theta, offsets[3], sizes[3]);
        const hiddenActivations = tf.fused.matMul({ a: pairs, b: w1, bias: b1, activation: 'relu' });
        return tf.reshape(tf.fused.matMul({ a: hiddenActivations, b: w2, bias: b2 }), [-1]);
      }),
    variables,
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
