/**
 * The statistics network T(x, y): an MLP on the concatenation [x, y], (d_x + d_y) → h₁ → ReLU
 * [→ h₂ → ReLU [→ h₃ → ReLU]] → 1, with its parameters in one flat variable and a hand-written
 * backward pass (a few kernels instead of the dozens tfjs's tape records for slices, reshapes and
 * the fused layers). X and Y may have different dimensions.
 */
import * as tf from '@tensorflow/tfjs-core';
import { criticShapeError, layerWidths, type CriticShape } from './criticShape';
import type { Rng } from './random';

/** One dense layer's parameters: weights [in, out] and biases [out]. */
export interface DenseWeights {
  readonly w: tf.Tensor2D;
  readonly b: tf.Tensor1D;
}

/** The critic's parameters as tensors: views (copies) of the flat variable for one step. */
export interface CriticWeights {
  /**
   * The hidden layers, input side first. The first one's weights are [d_x + d_y, h₁]: rows
   * 0…d_x−1 act on x, the rest on y.
   */
  readonly layers: readonly DenseWeights[];
  /** The output layer, [h_last, 1] and [1]. */
  readonly output: DenseWeights;
}

/** Scores and the hidden activations a backward pass needs. */
export interface CriticForward {
  /** One score per input row, [m]. */
  readonly scores: tf.Tensor1D;
  /** Each hidden layer's ReLU activations, [m, h_l], input side first. */
  readonly activations: readonly tf.Tensor2D[];
}

/** A trainable critic scoring rows of concatenated [x, y] pairs. */
export interface Critic {
  readonly shape: CriticShape;
  /** All parameters, flat: [W₁ (row-major) | b₁ | W₂ | b₂ | … | w_out | b_out]. */
  readonly theta: tf.Variable<tf.Rank.R1>;
  /** The parameters as layer tensors (call inside tf.tidy). */
  weights(): CriticWeights;
  /** Scores for each row of a [m, d_x + d_y] input: a [m] tensor (differentiable in theta). */
  apply(pairs: tf.Tensor2D): tf.Tensor1D;
  /** Frees the variable. */
  dispose(): void;
}

/**
 * Creates the critic with PyTorch's nn.Linear initialisation (weights and biases uniform in
 * ±1/√fan_in), drawn from `rng` layer by layer: weights, then biases. With one hidden layer this
 * is the reference script's critic, draw for draw.
 */
export function createMlpCritic(shape: CriticShape, rng: Rng): Critic {
  const error = criticShapeError(shape);
  if (error) throw new Error(error);
  const widths = layerWidths(shape);
  // Per layer: its weights' and biases' offsets in theta.
  const blocks: { wOffset: number; bOffset: number; fanIn: number; fanOut: number }[] = [];
  let offset = 0;
  for (let l = 1; l < widths.length; l++) {
    const [fanIn, fanOut] = [widths[l - 1], widths[l]];
    blocks.push({ wOffset: offset, bOffset: offset + fanIn * fanOut, fanIn, fanOut });
    offset += fanIn * fanOut + fanOut;
  }
  const values = new Float32Array(offset);
  for (const { wOffset, fanIn, fanOut } of blocks) {
    const limit = 1 / Math.sqrt(fanIn);
    for (let i = wOffset; i < wOffset + fanIn * fanOut + fanOut; i++)
      values[i] = (2 * rng.uniform() - 1) * limit;
  }
  // Created inside tidy so the initial-value tensor is released once the variable owns a copy.
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(values), true));

  const dense = ({ wOffset, bOffset, fanIn, fanOut }: (typeof blocks)[number]): DenseWeights => ({
    w: tf.reshape(tf.slice(theta, wOffset, fanIn * fanOut), [fanIn, fanOut]),
    b: tf.slice(theta, bOffset, fanOut),
  });
  const weights = (): CriticWeights => ({
    layers: blocks.slice(0, -1).map(dense),
    output: dense(blocks[blocks.length - 1]),
  });

  return {
    shape,
    theta,
    weights,
    apply: (pairs) => tf.tidy(() => criticForward(pairs, weights()).scores),
    dispose: () => theta.dispose(),
  };
}

/** The forward pass: ReLU layers, then the output layer, keeping the activations for backward. */
export function criticForward(pairs: tf.Tensor2D, w: CriticWeights): CriticForward {
  const activations: tf.Tensor2D[] = [];
  let input = pairs;
  for (const layer of w.layers) {
    input = tf.fused.matMul({ a: input, b: layer.w, bias: layer.b, activation: 'relu' }) as tf.Tensor2D;
    activations.push(input);
  }
  const scores = tf.reshape(
    tf.fused.matMul({ a: input, b: w.output.w, bias: w.output.b }),
    [-1],
  ) as tf.Tensor1D;
  return { scores, activations };
}

/**
 * The gradient of Σᵢ dScoresᵢ·T(rowᵢ) with respect to the flat parameters, in theta's layout:
 * backpropagation through the layers by hand. The products are arranged for tfjs-wasm, the
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
    const { activations } = forward;
    const last = activations[activations.length - 1];
    const g = tf.reshape(dScores, [-1, 1]) as tf.Tensor2D;
    const dWOut = tf.matMul(tf.transpose(last), g);
    const dBOut = tf.sum(dScores, 0, true);
    // dScores ⊗ w_outᵀ (an outer product: a matmul is 3× faster than a broadcast multiply on wasm),
    // masked where the ReLU was off (its output is 0 exactly there).
    let dHidden: tf.Tensor2D = tf.mul(tf.matMul(g, tf.reshape(w.output.w, [1, -1])), tf.step(last));
    const grads: tf.Tensor[] = [tf.reshape(dWOut, [-1]), dBOut];
    for (let l = activations.length - 1; l >= 0; l--) {
      const input = l === 0 ? pairs : activations[l - 1];
      const dHiddenT = tf.transpose(dHidden);
      const dB = tf.sum(dHiddenT, 1);
      const dW =
        input.shape[1] <= dHidden.shape[1]
          ? tf.transpose(tf.matMul(dHiddenT, input))
          : tf.matMul(tf.transpose(input), dHidden);
      grads.unshift(tf.reshape(dW, [-1]), dB);
      if (l > 0) {
        // Back through layer l's weights (transposed first: a plain product) and the ReLU below.
        dHidden = tf.mul(tf.matMul(dHidden, tf.transpose(w.layers[l].w)), tf.step(activations[l - 1]));
      }
    }
    return tf.concat(grads) as tf.Tensor1D;
  });
}

/**
 * Scores of every (x_i, y_j) combination, [k, k], for k rows of x ([k, d_x]) and of y ([k, d_y]).
 * The first layer splits into an x part and a y part, so it costs k·(d_x + d_y)·h₁ + k²·h₁, not
 * k²·(d_x + d_y)·h₁; the layers above it run on all k² rows.
 */
export function criticScoresAllPairs(x: tf.Tensor2D, y: tf.Tensor2D, w: CriticWeights): tf.Tensor2D {
  const [k, xDim] = x.shape;
  const yDim = y.shape[1];
  const [first, ...rest] = w.layers;
  const width = first.b.shape[0];
  const fromX = tf.matMul(x, tf.slice(first.w, [0, 0], [xDim, width]));
  const fromY = tf.add(tf.matMul(y, tf.slice(first.w, [xDim, 0], [yDim, width])), first.b);
  let activations = tf.reshape(
    tf.relu(tf.add(tf.reshape(fromX, [k, 1, width]), tf.reshape(fromY, [1, k, width]))),
    [k * k, width],
  ) as tf.Tensor2D;
  for (const layer of rest) activations = tf.relu(tf.add(tf.matMul(activations, layer.w), layer.b));
  const scores = tf.add(outputLayer(activations, w.output.w), w.output.b);
  return tf.reshape(scores, [k, k]);
}

/**
 * The output layer's product activations·w_out ([m, h]·[h, 1]) with its gradients given directly,
 * as products XNNPACK runs fast: tfjs's own gradient for the activations is a transposed-operand
 * matmul, a slow generic loop on WebAssembly (2.4 ms of an InfoNCE step at k = 256).
 */
const outputLayer = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const activations = args[0] as tf.Tensor2D;
  const wOut = args[1] as tf.Tensor2D;
  const save = args[2] as tf.GradSaveFunc;
  save([activations, wOut]);
  return {
    value: tf.matMul(activations, wOut) as tf.Tensor2D,
    gradFunc: (dy: tf.Tensor2D, [savedActivations, savedWOut]: tf.Tensor[]) => [
      tf.matMul(dy, tf.reshape(savedWOut, [1, -1])),
      tf.matMul(tf.transpose(savedActivations), dy),
    ],
  };
});
