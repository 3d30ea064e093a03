/**
 * Variational lower bounds on mutual information, as functions of critic scores.
 * Each takes the scores on joint pairs and on product-of-marginals pairs and returns nats.
 */
import * as tf from '@tensorflow/tfjs-core';

/** log(mean(exp(t))) over all elements, computed stably as logsumexp(t) − log(n). */
export function logMeanExp(t: tf.Tensor): tf.Scalar {
  return logMeanExpWithGrad(t);
}

/**
 * logMeanExp with its exact gradient, softmax(t), given directly: tf.logSumExp's own gradient
 * also differentiates through its max shift (terms that cancel), costing extra WebGL kernels on
 * batch-sized arrays every step. (tfjs types customGrad's arguments as one mixed rest list.)
 */
const logMeanExpWithGrad = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const t = args[0] as tf.Tensor;
  const save = args[1] as tf.GradSaveFunc;
  const logN = Math.log(t.size);
  // tidy frees the logsumexp intermediate, so the forward pass leaves only its output behind.
  const value = tf.tidy(() => tf.sub(tf.logSumExp(t), logN)) as tf.Scalar;
  save([t, value]);
  return {
    value,
    // d/dtᵢ log mean exp(t) = exp(tᵢ − logsumexp(t)) = exp(tᵢ − value − log n).
    gradFunc: (dy: tf.Scalar, [saved, savedValue]: tf.Tensor[]) =>
      tf.mul(dy, tf.exp(tf.sub(saved, tf.add(savedValue, logN)))),
  };
});

/** A lower bound on I(X; Y) estimated from critic scores. */
export interface MiBound {
  /** Identifier used in configuration and messages. */
  readonly id: BoundId;
  /** Human-readable name. */
  readonly label: string;
  /** The bound's value in nats, differentiable in the scores. */
  lowerBoundNats(scoresJoint: tf.Tensor1D, scoresMarginal: tf.Tensor1D): tf.Scalar;
}

/** Identifiers of the implemented bounds. */
export type BoundId = 'dv';

/** Donsker–Varadhan: E_P[T] − log E_Q[e^T], the bound MINE maximises (Belghazi et al., 2018). */
export const donskerVaradhanBound: MiBound = {
  id: 'dv',
  label: 'Donsker–Varadhan (MINE)',
  lowerBoundNats: (scoresJoint, scoresMarginal) =>
    tf.tidy(() => tf.sub(tf.mean(scoresJoint), logMeanExp(scoresMarginal))),
};

/** Every implemented bound, by id. */
export const BOUNDS: Readonly<Record<BoundId, MiBound>> = { dv: donskerVaradhanBound };
