/**
 * One MINE training run: one critic and one Adam optimiser per estimator, all fed the same
 * batches. Pure tfjs with no DOM or worker code, so the same trainer runs in Node tests and in
 * the worker; batches come from outside (see batches.ts), so they can be drawn ahead of time.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ADAM_EPSILON, createFlatAdam, type FlatAdam } from './adam';
import { infoNceRows, type CriticBatch } from './batches';
import {
  BOUNDS,
  type AllPairsBound,
  type BoundId,
  type BoundParams,
  type PointwiseBound,
  type PointwiseTraining,
} from './bounds';
import { createMlpCritic, criticBackward, criticForward, criticScoresAllPairs, type Critic } from './critic';
import { createRng } from './random';
import { BITS_PER_NAT } from './units';

/** Everything a trainer needs besides the backend and the batches. */
export interface TrainerSettings {
  /** Dimension of X. */
  readonly xDim: number;
  /** Dimension of Y. */
  readonly yDim: number;
  /** Widths of the critic's hidden layers (1 to 3). */
  readonly hidden: readonly number[];
  readonly learningRate: number;
  /** Fixes the critics' initial weights (the same for every estimator). */
  readonly seed: number;
  /** The estimators trained side by side, each with its own critic. */
  readonly bounds: readonly BoundId[];
  readonly boundParams: BoundParams;
  /** Largest number of rows InfoNCE scores all combinations of. */
  readonly infoNceCap: number;
  /** Adam's epsilon; PyTorch's 1e-8 unless the backend stores floats in 16 bits. */
  readonly adamEpsilon?: number;
}

/** A training run that advances one optimiser step at a time. */
export interface Trainer {
  /**
   * Takes one Adam step per estimator on `batch` (on the negated objective in bits, as the reference
   * does) and returns each estimator's value on that batch in nats, [estimators], as a tensor the
   * caller must dispose (so reads can be batched).
   */
  step(batch: CriticBatch): tf.Tensor1D;
  /** Each estimator's value on `batch` without training, [estimators] in nats. */
  evaluate(batch: CriticBatch): tf.Tensor1D;
  /** Scores of each estimator's critic on rows of [x, y] pairs: [estimators, rows]. */
  score(pairs: Float32Array): tf.Tensor2D;
  /**
   * Stops training estimator number `index` (it diverged): from now on its value is NaN and its
   * critic is left alone, while the others train on.
   */
  deactivate(index: number): void;
  /** Number of steps taken so far. */
  readonly stepsDone: number;
  /** The critics, one per estimator, in the settings' order. */
  readonly critics: readonly Critic[];
  /** Frees the critics and optimiser state. */
  dispose(): void;
}

/** One estimator's critic and optimiser; pointwise estimators also carry their training state. */
type EstimatorRun = { readonly critic: Critic; readonly adam: FlatAdam } & (
  | { readonly kind: 'pointwise'; readonly bound: PointwiseBound; readonly training: PointwiseTraining }
  | { readonly kind: 'all-pairs'; readonly bound: AllPairsBound }
);

/** Creates a trainer; every critic starts from the same weights, drawn from the seed. */
export function createTrainer(settings: TrainerSettings): Trainer {
  const { xDim, yDim, hidden, learningRate, seed, boundParams, infoNceCap } = settings;
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new Error(`learningRate must be > 0, got ${learningRate}`);
  }
  if (settings.bounds.length === 0) throw new Error('bounds must name at least one estimator');
  const runs: EstimatorRun[] = [];
  try {
    for (const id of settings.bounds) {
      const bound = BOUNDS[id];
      if (!bound) throw new Error(`unknown bound "${id}"`);
      // The training state first: it validates the estimator's parameters before tensors exist.
      const training = bound.kind === 'pointwise' ? bound.createTraining(boundParams) : null;
      const critic = createMlpCritic({ xDim, yDim, hidden }, createRng(seed));
      const adam = createFlatAdam(critic.theta, {
        learningRate,
        epsilon: settings.adamEpsilon ?? ADAM_EPSILON,
      });
      runs.push(
        bound.kind === 'pointwise' && training
          ? { kind: 'pointwise', bound, training, critic, adam }
          : { kind: 'all-pairs', bound: bound as AllPairsBound, critic, adam },
      );
    }
  } catch (error) {
    disposeRuns(runs);
    throw error;
  }
  const width = xDim + yDim;
  let stepsDone = 0;
  const active = runs.map(() => true);
  const nan = () => tf.scalar(NaN);

  const upload = (batch: CriticBatch): tf.Tensor2D => {
    if (batch.xDim !== xDim || batch.yDim !== yDim) {
      throw new Error(`batch has dims ${batch.xDim} + ${batch.yDim}, expected ${xDim} + ${yDim}`);
    }
    if (batch.n < 2) throw new Error(`a batch needs at least 2 pairs, got ${batch.n}`);
    return tf.tensor2d(batch.pairs, [2 * batch.n, width]);
  };

  /** The first k joint rows of the pairs as x ([k, xDim]) and y ([k, yDim]). */
  const jointRows = (pairs: tf.Tensor2D, k: number) => ({
    x: tf.slice(pairs, [0, 0], [k, xDim]) as tf.Tensor2D,
    y: tf.slice(pairs, [0, xDim], [k, yDim]) as tf.Tensor2D,
  });

  const trainOne = (run: EstimatorRun, pairs: tf.Tensor2D, n: number): tf.Scalar => {
    const { critic, adam } = run;
    if (run.kind === 'pointwise') {
      const { training } = run;
      const weights = critic.weights();
      const forward = criticForward(pairs, weights);
      const scoresJoint = tf.slice(forward.scores, 0, n);
      const scoresMarginal = tf.slice(forward.scores, n, n);
      const { valueNats, objectiveGradient } = training.trainingStep(scoresJoint, scoresMarginal);
      // The loss is the negated objective in bits: Adam is scale-free but for its epsilon.
      adam.step(criticBackward(pairs, forward, weights, objectiveGradient), -BITS_PER_NAT);
      return valueNats;
    }
    const { x, y } = jointRows(pairs, infoNceRows(n, infoNceCap, hidden));
    const { value: lossBits, grads } = tf.variableGrads(
      () => tf.mul(run.bound.valueNats(criticScoresAllPairs(x, y, critic.weights())), -BITS_PER_NAT),
      [critic.theta],
    );
    adam.step(grads[critic.theta.name] as tf.Tensor1D);
    return tf.div(lossBits, -BITS_PER_NAT);
  };

  const evaluateOne = (run: EstimatorRun, pairs: tf.Tensor2D, n: number): tf.Scalar => {
    const weights = run.critic.weights();
    if (run.kind === 'all-pairs') {
      const { x, y } = jointRows(pairs, infoNceRows(n, infoNceCap, hidden));
      return run.bound.valueNats(criticScoresAllPairs(x, y, weights));
    }
    const { scores } = criticForward(pairs, weights);
    return run.bound.valueNats(tf.slice(scores, 0, n), tf.slice(scores, n, n), boundParams);
  };

  /**
   * Runs `work` for each active estimator on the uploaded batch, each in a tidy of its own, so one
   * critic's activations ([2N, h] and more) are freed before the next estimator's are made: peak
   * memory does not grow with the number of estimators. Returns the values, [estimators].
   */
  const eachEstimator = (
    batch: CriticBatch,
    work: (run: EstimatorRun, pairs: tf.Tensor2D) => tf.Scalar,
  ): tf.Tensor1D => {
    const pairs = upload(batch);
    const values: tf.Scalar[] = [];
    try {
      runs.forEach((run, e) => values.push(tf.tidy(() => (active[e] ? work(run, pairs) : nan()))));
      return tf.stack(values) as tf.Tensor1D;
    } finally {
      pairs.dispose();
      values.forEach((v) => v.dispose());
    }
  };

  return {
    step(batch) {
      const values = eachEstimator(batch, (run, pairs) => trainOne(run, pairs, batch.n));
      stepsDone++;
      return values;
    },
    evaluate: (batch) => eachEstimator(batch, (run, pairs) => evaluateOne(run, pairs, batch.n)),
    score: (pairs) =>
      tf.tidy(() => {
        const rows = tf.tensor2d(pairs, [pairs.length / width, width]);
        return tf.stack(runs.map((run) => criticForward(rows, run.critic.weights()).scores)) as tf.Tensor2D;
      }),
    deactivate(index) {
      if (index >= 0 && index < active.length) active[index] = false;
    },
    get stepsDone() {
      return stepsDone;
    },
    critics: runs.map((run) => run.critic),
    dispose: () => disposeRuns(runs),
  };
}

function disposeRuns(runs: readonly EstimatorRun[]): void {
  for (const run of runs) {
    run.critic.dispose();
    run.adam.dispose();
    if (run.kind === 'pointwise') run.training.dispose();
  }
}
