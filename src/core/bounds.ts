/**
 * Variational lower bounds on mutual information, as functions of critic scores, in nats, and the
 * table of estimators built on them. A pointwise estimator scores n joint pairs and n shuffled
 * pairs and supplies its training gradient in closed form; InfoNCE scores all k×k combinations of
 * k rows and is trained through tfjs's autodiff.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Identifiers of the implemented estimators, as they appear in URLs. */
export type BoundId = 'mine' | 'mine-ema' | 'nwj' | 'infonce' | 'smile';

/** Hyperparameters some estimators take. */
export interface BoundParams {
  /** Rate of MINE's moving average of E_Q[e^T], in (0, 1]. */
  readonly alpha: number;
  /** SMILE's clipping threshold τ > 0 for the partition term's scores. */
  readonly tau: number;
}

/** log(mean(exp(t))) over all elements, computed stably as logsumexp(t) − log(n). */
export function logMeanExp(t: tf.Tensor): tf.Scalar {
  return logMeanExpWithGrad(t);
}

/**
 * The softmax of t, e^tᵢ / Σⱼ e^tⱼ = exp(tᵢ − logMean − log n), from log mean exp(t) (or, for the
 * moving average, the log of the mean that stands in for it): no second reduction.
 */
function softmaxFromLogMean<T extends tf.Tensor>(t: T, logMean: tf.Scalar): T {
  return tf.exp(tf.sub(t, tf.add(logMean, Math.log(t.size))));
}

/**
 * logMeanExp with its exact gradient, softmax(t), given directly: tf.logSumExp's own gradient
 * also differentiates through its max shift (terms that cancel), costing extra kernels.
 * (tfjs types customGrad's arguments as one mixed rest list.)
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
    // d/dtᵢ log mean exp(t) = softmax(t)ᵢ.
    gradFunc: (dy: tf.Scalar, [saved, savedValue]: tf.Tensor[]) =>
      tf.mul(dy, softmaxFromLogMean(saved, savedValue as tf.Scalar)),
  };
});

/**
 * logsumexp over each row of a matrix, with its exact gradient (the row-wise softmax) given
 * directly: tf.logSumExp's own gradient runs through its max shift with a broadcast comparison,
 * which alone took a third of an InfoNCE step on WebAssembly.
 */
export const logSumExpRows = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const scores = args[0] as tf.Tensor2D;
  const save = args[1] as tf.GradSaveFunc;
  const value = tf.tidy(() => tf.logSumExp(scores, 1)) as tf.Tensor1D;
  save([scores, value]);
  return {
    value,
    gradFunc: (dy: tf.Tensor1D, [saved, savedValue]: tf.Tensor[]) =>
      tf.mul(tf.reshape(dy, [-1, 1]), tf.exp(tf.sub(saved, tf.reshape(savedValue, [-1, 1])))),
  };
});

/** Donsker–Varadhan: E_P[T] − log E_Q[e^T], the bound MINE maximises (Belghazi et al., 2018). */
export function dvBoundNats(scoresJoint: tf.Tensor1D, scoresMarginal: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sub(tf.mean(scoresJoint), logMeanExp(scoresMarginal)));
}

/** NWJ / MINE-f (Nguyen, Wainwright & Jordan, 2010): E_P[T] − E_Q[e^(T−1)]. */
export function nwjBoundNats(scoresJoint: tf.Tensor1D, scoresMarginal: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sub(tf.mean(scoresJoint), tf.mean(tf.exp(tf.sub(scoresMarginal, 1)))));
}

/** SMILE (Song & Ermon, 2020): the DV bound with the partition term's scores clipped to [−τ, τ]. */
export function smileBoundNats(
  scoresJoint: tf.Tensor1D,
  scoresMarginal: tf.Tensor1D,
  tau: number,
): tf.Scalar {
  return tf.tidy(() => tf.sub(tf.mean(scoresJoint), logMeanExp(tf.clipByValue(scoresMarginal, -tau, tau))));
}

/** The Jensen–Shannon objective SMILE trains with: E_P[−softplus(−T)] − E_Q[softplus(T)]. */
export function jensenShannonObjectiveNats(scoresJoint: tf.Tensor1D, scoresMarginal: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() =>
    tf.sub(tf.neg(tf.mean(tf.softplus(tf.neg(scoresJoint)))), tf.mean(tf.softplus(scoresMarginal))),
  );
}

/**
 * InfoNCE (van den Oord et al., 2018) from k×k scores T(x_i, y_j): log k + mean_i(T_ii −
 * logsumexp_j T_ij). It never exceeds log k.
 */
export function infoNceBoundNats(scores: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const k = scores.shape[0];
    // The diagonal as a masked row sum: its gradient is a product, where gather's would be a
    // segment sum (quadratic in k² on the CPU backend).
    const diagonal = tf.sum(tf.mul(scores, tf.eye(k)), 1);
    return tf.add(tf.mean(tf.sub(diagonal, logSumExpRows(scores))), Math.log(k));
  });
}

/** One pointwise estimator's training state for one critic. */
export interface PointwiseTraining {
  /**
   * For one training batch: the reported value (nats) and the gradient of the training objective
   * with respect to the scores ([2n], joint first). Updates any running state (MINE's average).
   */
  trainingStep(
    scoresJoint: tf.Tensor1D,
    scoresMarginal: tf.Tensor1D,
  ): {
    valueNats: tf.Scalar;
    objectiveGradient: tf.Tensor1D;
  };
  /** The training objective at the current state, differentiable (the closed form's reference). */
  objectiveNats(scoresJoint: tf.Tensor1D, scoresMarginal: tf.Tensor1D): tf.Scalar;
  /** log of MINE's moving average of E_Q[e^T], or null for estimators without one. */
  logMovingAverage(): tf.Scalar | null;
  dispose(): void;
}

interface BoundInfo {
  readonly id: BoundId;
}

/** An estimator on n joint and n shuffled pairs. */
export interface PointwiseBound extends BoundInfo {
  readonly kind: 'pointwise';
  /** The value reported (and evaluated on held-out batches), in nats. */
  valueNats(scoresJoint: tf.Tensor1D, scoresMarginal: tf.Tensor1D, params: BoundParams): tf.Scalar;
  /** Training state for one critic. */
  createTraining(params: BoundParams): PointwiseTraining;
}

/** An estimator on the k×k scores of all combinations of k rows; trained on its own value. */
export interface AllPairsBound extends BoundInfo {
  readonly kind: 'all-pairs';
  valueNats(scores: tf.Tensor2D): tf.Scalar;
}

/** A lower bound on I(X; Y) estimated from critic scores. */
export type MiBound = PointwiseBound | AllPairsBound;

/** [1/n …] for the joint scores followed by `marginalGradient`: the usual gradient layout. */
function withJointMean(n: number, marginalGradient: tf.Tensor1D): tf.Tensor1D {
  return tf.concat([tf.fill([n], 1 / n), marginalGradient]);
}

/** The reported value and the gradient of the objective w.r.t. the marginal scores, in one pass. */
type ValueAndMarginalGradient = (
  sJ: tf.Tensor1D,
  sM: tf.Tensor1D,
) => { valueNats: tf.Scalar; marginalGradient: tf.Tensor1D };

/** Training whose objective is the reported value itself. */
function stateless(
  valueNats: (sJ: tf.Tensor1D, sM: tf.Tensor1D) => tf.Scalar,
  valueAndGradient: ValueAndMarginalGradient,
): PointwiseTraining {
  return {
    trainingStep: (sJ, sM) =>
      tf.tidy(() => {
        const { valueNats: value, marginalGradient } = valueAndGradient(sJ, sM);
        return { valueNats: value, objectiveGradient: withJointMean(sJ.size, marginalGradient) };
      }),
    objectiveNats: valueNats,
    logMovingAverage: () => null,
    dispose: () => undefined,
  };
}

/** MINE trained on the DV bound with the plain minibatch gradient (biased: e^T over its batch mean). */
const mine: PointwiseBound = {
  id: 'mine',
  kind: 'pointwise',
  valueNats: dvBoundNats,
  createTraining: () =>
    stateless(dvBoundNats, (sJ, sM) => {
      const logMean = logMeanExp(sM);
      return {
        valueNats: tf.sub(tf.mean(sJ), logMean),
        marginalGradient: tf.neg(softmaxFromLogMean(sM, logMean)),
      };
    }),
};

/**
 * MINE as the paper trains it (§3.2): the gradient's E_Q[e^T] denominator is a moving average with
 * rate α, kept in log space (log((1−α)·m + α·b) = logaddexp(log(1−α) + log m, log α + log b)).
 */
const mineEma: PointwiseBound = {
  id: 'mine-ema',
  kind: 'pointwise',
  valueNats: dvBoundNats,
  createTraining({ alpha }) {
    if (!(alpha > 0 && alpha <= 1)) throw new Error(`alpha must be in (0, 1], got ${alpha}`);
    let logAverage: tf.Scalar | null = null;
    const surrogate = (sJ: tf.Tensor1D, sM: tf.Tensor1D, logAvg: tf.Scalar): tf.Scalar =>
      // Its gradient is ∇E_P[T] − ∇E_Q[e^T] / average: the average is a constant here.
      tf.sub(tf.mean(sJ), tf.exp(tf.sub(logMeanExp(sM), logAvg)));
    return {
      trainingStep(sJ, sM) {
        const batchLogMean = logMeanExp(sM);
        const updated: tf.Scalar = tf.tidy(() =>
          logAverage === null
            ? tf.clone(batchLogMean)
            : (tf.logSumExp(
                tf.stack([tf.add(logAverage, Math.log1p(-alpha)), tf.add(batchLogMean, Math.log(alpha))]),
              ) as tf.Scalar),
        );
        logAverage?.dispose();
        logAverage = tf.keep(updated);
        const logAvg = logAverage;
        const result = tf.tidy(() => ({
          valueNats: tf.sub(tf.mean(sJ), batchLogMean) as tf.Scalar,
          objectiveGradient: withJointMean(sJ.size, tf.neg(softmaxFromLogMean(sM, logAvg))),
        }));
        batchLogMean.dispose();
        return result;
      },
      objectiveNats(sJ, sM) {
        if (logAverage === null) throw new Error('the moving average starts with the first training step');
        return surrogate(sJ, sM, logAverage);
      },
      logMovingAverage: () => logAverage,
      dispose() {
        logAverage?.dispose();
        logAverage = null;
      },
    };
  },
};

/** NWJ, also called MINE-f: unbiased gradients, high variance. */
const nwj: PointwiseBound = {
  id: 'nwj',
  kind: 'pointwise',
  valueNats: nwjBoundNats,
  createTraining: () =>
    stateless(nwjBoundNats, (sJ, sM) => {
      const partition = tf.exp(tf.sub(sM, 1));
      return {
        valueNats: tf.sub(tf.mean(sJ), tf.mean(partition)),
        marginalGradient: tf.div(partition, -sM.size),
      };
    }),
};

/** SMILE: trained with the Jensen–Shannon objective, reported as the clipped DV bound. */
const smile: PointwiseBound = {
  id: 'smile',
  kind: 'pointwise',
  valueNats: (sJ, sM, { tau }) => smileBoundNats(sJ, sM, tau),
  createTraining({ tau }) {
    if (!(tau > 0)) throw new Error(`tau must be > 0, got ${tau}`);
    return {
      trainingStep: (sJ, sM) => ({
        valueNats: smileBoundNats(sJ, sM, tau),
        objectiveGradient: tf.tidy(() =>
          tf.div(tf.concat([tf.sigmoid(tf.neg(sJ)), tf.neg(tf.sigmoid(sM))]), sJ.size),
        ),
      }),
      objectiveNats: jensenShannonObjectiveNats,
      logMovingAverage: () => null,
      dispose: () => undefined,
    };
  },
};

/** InfoNCE over all combinations of the batch's first k rows. */
const infoNce: AllPairsBound = {
  id: 'infonce',
  kind: 'all-pairs',
  valueNats: infoNceBoundNats,
};

/** Every implemented estimator, by id, in display order. */
export const BOUNDS: Readonly<Record<BoundId, MiBound>> = Object.freeze({
  mine,
  'mine-ema': mineEma,
  nwj,
  infonce: infoNce,
  smile,
});
