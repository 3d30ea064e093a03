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
  const uniformVariable = (shape: [number] | [number, number], fanIn: number) => {
    const limit = 1 / Math.sqrt(fanIn);
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    for (let i = 0; i < size; i++) values[i] = (2 * rng.uniform() - 1) * limit;
    // Created inside tidy so the initial-value tensor is released once the variable owns a copy.
    return tf.tidy(() => tf.variable(tf.tensor(values, shape), true));
  };
  const w1 = uniformVariable([inputWidth, hidden], inputWidth);
  const b1 = uniformVariable([hidden], inputWidth);
  const w2 = uniformVariable([hidden, 1], hidden);
  const b2 = uniformVariable([1], hidden);
  const variables = [w1, b1, w2, b2];

  return {
    apply: (pairs) =>
      tf.tidy(() => {
        const hiddenActivations = tf.fused.matMul({ a: pairs, b: w1, bias: b1, activation: 'relu' });
        return tf.reshape(tf.fused.matMul({ a: hiddenActivations, b: w2, bias: b2 }), [-1]);
      }),
    variables,
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
