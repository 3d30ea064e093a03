/**
 * Adam (Kingma & Ba, 2015) on one flat parameter vector, with PyTorch's update rule and defaults.
 * The bias corrections are plain numbers folded into the step size and epsilon, so a step is a
 * dozen element-wise kernels where tf.train.adam needs about twenty.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Adam's hyperparameters; betas and epsilon default to PyTorch's. */
export interface AdamSettings {
  readonly learningRate: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

/** An Adam optimiser bound to one flat variable. */
export interface FlatAdam {
  /**
   * Takes one step along the gradient `grad` of the loss, multiplied by `gradScale` first (so a
   * maximised objective's gradient steps uphill with gradScale < 0).
   */
  step(grad: tf.Tensor1D, gradScale?: number): void;
  /** Steps taken so far. */
  readonly stepsDone: number;
  /** Frees the moment estimates. */
  dispose(): void;
}

/** PyTorch's Adam epsilon; the trainer raises it where the backend stores floats in 16 bits. */
export const ADAM_EPSILON = 1e-8;

/** Creates Adam state (zero moments) for `variable`. */
export function createFlatAdam(variable: tf.Variable<tf.Rank.R1>, settings: AdamSettings): FlatAdam {
  const { learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = ADAM_EPSILON } = settings;
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new Error(`learningRate must be > 0, got ${learningRate}`);
  }
  const firstMoment = tf.tidy(() => tf.variable(tf.zerosLike(variable), false));
  const secondMoment = tf.tidy(() => tf.variable(tf.zerosLike(variable), false));
  let stepsDone = 0;

  return {
    step(grad, gradScale = 1) {
      stepsDone++;
      const correction1 = 1 - beta1 ** stepsDone;
      const sqrtCorrection2 = Math.sqrt(1 - beta2 ** stepsDone);
      // θ ← θ − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε) = θ − lrₜ · m / (√v + εₜ)
      const stepSize = (learningRate * sqrtCorrection2) / correction1;
      const scaledEpsilon = epsilon * sqrtCorrection2;
      tf.tidy(() => {
        const m: tf.Tensor1D = tf.add(tf.mul(firstMoment, beta1), tf.mul(grad, (1 - beta1) * gradScale));
        const v: tf.Tensor1D = tf.add(
          tf.mul(secondMoment, beta2),
          tf.mul(tf.square(grad), (1 - beta2) * gradScale ** 2),
        );
        firstMoment.assign(m);
        secondMoment.assign(v);
        variable.assign(tf.sub(variable, tf.mul(tf.div(m, tf.add(tf.sqrt(v), scaledEpsilon)), stepSize)));
      });
    },
    get stepsDone() {
      return stepsDone;
    },
    dispose() {
      firstMoment.dispose();
      secondMoment.dispose();
    },
  };
}
