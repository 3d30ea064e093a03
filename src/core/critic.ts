/**
 * The statistics network T(x, y): an MLP on the concatenation [x, y], 2·dim → hidden → ReLU → 1,
 * with its parameters in one flat variable and a hand-written backward pass (a few kernels instead
 * of the dozens tfjs's tape records for slices, reshapes and the fused layers).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from './random';

/** Shape of the one-hidden-layer critic: 2·dim → hidden → ReLU → 1. */
export interface MlpCriticShape {
  readonly dim: number;
  readonly hidden: number;
}

/** The critic's parameters as tensors: views (copies) of the flat variable for one step. */
export interface CriticWeights {
  /** First layer, [2·dim, hidden]: rows 0…dim−1 act on x, rows dim…2·dim−1 on y. */
  readonly w1: tf.Tensor2D;
  readonly b1: tf.Tensor1D;
  /** Output layer, [hidden, 1]. */
  readonly w2: tf.Tensor2D;
  readonly b2: tf.Tensor1D;
}

/** Scores and the hidden activations a backward pass needs. */
export interface CriticForward {
  /** One score per input row, [m]. */
  readonly scores: tf.Tensor1D;
  /** ReLU activations, [m, hidden]. */
  readonly hidden: tf.Tensor2D;
}

/** A trainable critic scoring rows of concatenated [x, y] pairs. */
export interface Critic {
  readonly shape: MlpCriticShape;
  /** All parameters, flat: [w1 (row-major) | b1 | w2 | b2]. */
  readonly theta: tf.Variable<tf.Rank.R1>;
  /** The parameters as layer tensors (call inside tf.tidy). */
  weights(): CriticWeights;
  /** Scores for each row of a [m, 2·dim] input: a [m] tensor (differentiable in theta). */
  apply(pairs: tf.Tensor2D): tf.Tensor1D;
  /** Frees the variable. */
  dispose(): void;
}

/** Number of parameters of a critic of this shape. */
export function criticParameterCount({ dim, hidden }: MlpCriticShape): number {
  return 2 * dim * hidden + hidden + hidden + 1;
}

/**
 * Creates the reference critic with PyTorch's nn.Linear initialisation
 * (weights and biases uniform in ±1/√fan_in), drawn from `rng`.
 */
export function createMlpCritic(shape: MlpCriticShape, rng: Rng): Critic {
  const { dim, hidden } = shape;
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`dim must be a positive integer, got ${dim}`);
  if (!Number.isInteger(hidden) || hidden < 1) {
    throw new Error(`hidden must be a positive integer, got ${hidden}`);
  }
  const inputWidth = 2 * dim;
  const sizes = [inputWidth * hidden, hidden, hidden, 1];
  const fanIns = [inputWidth, inputWidth, hidden, hidden];
  const offsets = sizes.map((_, k) => sizes.slice(0, k).reduce((a, b) => a + b, 0));
  const values = new Float32Array(criticParameterCount(shape));
  sizes.forEach((size, k) => {
    const limit = 1 / Math.sqrt(fanIns[k]);
    for (let i = 0; i < size; i++) values[offsets[k] + i] = (2 * rng.uniform() - 1) * limit;
  });
  // Created inside tidy so the initial-value tensor is released once the variable owns a copy.
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(values), true));

  const weights = (): CriticWeights => ({
    w1: tf.reshape(tf.slice(theta, offsets[0], sizes[0]), [inputWidth, hidden]),
    b1: tf.slice(theta, offsets[1], sizes[1]),
    w2: tf.reshape(tf.slice(theta, offsets[2], sizes[2]), [hidden, 1]),
    b2: tf.slice(theta, offsets[3], sizes[3]),
  });

  return {
    shape,
    theta,
    weights,
    apply: (pairs) => tf.tidy(() => criticForward(pairs, weights()).scores),
    dispose: () => theta.dispose(),
  };
}

/** The forward pass: relu(pairs·w1 + b1)·w2 + b2, keeping the activations for backward. */
export function criticForward(pairs: tf.Tensor2D, w: CriticWeights): CriticForward {
  const hidden = tf.fused.matMul({ a: pairs, b: w.w1, bias: w.b1, activation: 'relu' }) as tf.Tensor2D;
  const scores = tf.reshape(tf.fused.matMul({ a: hidden, b: w.w2, bias: w.b2 }), [-1]) as tf.Tensor1D;
  return { scores, hidden };
}

/**
 * The gradient of Σᵢ dScoresᵢ·T(rowᵢ) with respect to the flat parameters, in theta's layout:
 * backpropagation through the two layers by hand. The products are arranged for tfjs-wasm, the
 * backend CPU-only machines train on: its transposed-operand matmul is a slow generic loop (10 ms
 * against 1.8 ms for [40000, 40]ᵀ·[40000, 10]), its plain one (XNNPACK) repacks the second operand
 * on every call, so that operand is the narrower one, and it sums over the last axis only.
 */
export function criticBackward(
  pairs: tf.Tensor2D,
  forward: CriticForward,
  w: CriticWeights,
  dScores: tf.Tensor1D,
): tf.Tensor1D {
  return tf.tidy(() => {
    const g = tf.reshape(dScores, [-1, 1]) as tf.Tensor2D;
    const dW2 = tf.matMul(tf.transpose(forward.hidden), g);
    const dB2 = tf.sum(dScores, 0, true);
    // dScores ⊗ w2ᵀ (an outer product: a matmul is 3× faster than a broadcast multiply on wasm),
    // masked where the ReLU was off (its output is 0 exactly there).
    const dHidden: tf.Tensor2D = tf.mul(tf.matMul(g, tf.reshape(w.w2, [1, -1])), tf.step(forward.hidden));
    const dHiddenT = tf.transpose(dHidden);
    const dB1 = tf.sum(dHiddenT, 1);
    const dW1 =
      pairs.shape[1] <= dHidden.shape[1]
        ? tf.transpose(tf.matMul(dHiddenT, pairs))
        : tf.matMul(tf.transpose(pairs), dHidden);
    return tf.concat([tf.reshape(dW1, [-1]), dB1, tf.reshape(dW2, [-1]), dB2]) as tf.Tensor1D;
  });
}

/**
 * Scores of every (x_i, y_j) combination, [k, k], for k rows of x and of y ([k, dim] each). The
 * first layer splits into an x part and a y part, so this costs k·(2·dim·h) + k²·h, not k²·2·dim·h.
 */
export function criticScoresAllPairs(x: tf.Tensor2D, y: tf.Tensor2D, w: CriticWeights): tf.Tensor2D {
  const [k, dim] = x.shape;
  const hidden = w.b1.shape[0];
  const fromX = tf.matMul(x, tf.slice(w.w1, [0, 0], [dim, hidden]));
  const fromY = tf.add(tf.matMul(y, tf.slice(w.w1, [dim, 0], [dim, hidden])), w.b1);
  const activations = tf.relu(tf.add(tf.reshape(fromX, [k, 1, hidden]), tf.reshape(fromY, [1, k, hidden])));
  const scores = tf.add(outputLayer(tf.reshape(activations, [k * k, hidden]), w.w2), w.b2);
  return tf.reshape(scores, [k, k]);
}

/**
 * The output layer's product activations·w2 ([m, h]·[h, 1]) with its gradients given directly, as
 * products XNNPACK runs fast: tfjs's own gradient for the activations is a transposed-operand
 * matmul, a slow generic loop on WebAssembly (2.4 ms of an InfoNCE step at k = 256).
 */
const outputLayer = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const activations = args[0] as tf.Tensor2D;
  const w2 = args[1] as tf.Tensor2D;
  const save = args[2] as tf.GradSaveFunc;
  save([activations, w2]);
  return {
    value: tf.matMul(activations, w2) as tf.Tensor2D,
    gradFunc: (dy: tf.Tensor2D, [savedActivations, savedW2]: tf.Tensor[]) => [
      tf.matMul(dy, tf.reshape(savedW2, [1, -1])),
      tf.matMul(tf.transpose(savedActivations), dy),
    ],
  };
});
