import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { infoNceRows, splitPairs, trainingBatch } from '../../src/core/batches';
import {
  BOUNDS,
  dvBoundNats,
  infoNceBoundNats,
  logMeanExp,
  smileBoundNats,
  type BoundId,
  type PointwiseBound,
} from '../../src/core/bounds';
import { createDistribution, type JointDistribution } from '../../src/core/distributions';
import { natsToBits } from '../../src/core/units';
import { useCpuBackend } from './setupTf';

beforeAll(useCpuBackend);

const PARAMS = { alpha: 0.01, tau: 5 };
const channel = createDistribution({
  dist: 'channel',
  power: 3,
  noise: 0.2,
  dim: 3,
  rho: 0,
  stairSteps: 1,
  task: '',
});

/** Scores of the optimal critic log p(x,y)/(p(x)p(y)) on a batch's joint and shuffled rows. */
function optimalScores(distribution: JointDistribution, n: number, seed: number) {
  const batch = trainingBatch({ kind: 'fresh', distribution, batchSize: n, heldOutSize: n, seed }, 0);
  const rows = { ...batch, n: 2 * n };
  const { x, y } = splitPairs(rows);
  const scores = distribution.logDensityRatio(x, y);
  return { joint: scores.subarray(0, n), marginal: scores.subarray(n), x, y };
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe('logMeanExp', () => {
  it('matches the naive formula on small inputs', () => {
    const values = [0.5, -1, 2, 3.25];
    const naive = Math.log(values.reduce((s, v) => s + Math.exp(v), 0) / values.length);
    expect(logMeanExp(tf.tensor1d(values)).arraySync()).toBeCloseTo(naive, 5);
  });

  it('stays finite where exp overflows float32', () => {
    // exp(1000) is Infinity; log mean exp of [1000, 1000 + ln 3] is 1000 + ln 2.
    expect(logMeanExp(tf.tensor1d([1000, 1000 + Math.log(3)])).arraySync()).toBeCloseTo(
      1000 + Math.log(2),
      3,
    );
    expect(tf.log(tf.mean(tf.exp(tf.tensor1d([1000, 1001])))).arraySync()).toBe(Infinity);
    expect(logMeanExp(tf.tensor1d([-1000, -1000])).arraySync()).toBeCloseTo(-1000, 3);
  });

  it('has the gradient softmax(t), finite where exp overflows', () => {
    const values = [1000, 1001, 998, -5];
    const grad = tf
      .grad((t: tf.Tensor) => logMeanExp(t))(tf.tensor1d(values))
      .arraySync() as number[];
    const shifted = values.map((v) => Math.exp(v - 1001));
    const total = shifted.reduce((s, v) => s + v, 0);
    grad.forEach((g, i) => expect(g).toBeCloseTo(shifted[i] / total, 4));
  });

  it('leaves only its result behind', () => {
    const t = tf.tensor1d([1, 2, 3]);
    const before = tf.memory().numTensors;
    const result = logMeanExp(t);
    expect(tf.memory().numTensors).toBe(before + 1);
    result.dispose();
    t.dispose();
  });
});

describe('bounds with the analytically optimal critic (Gaussian channel, 6 bits, N = 20000)', () => {
  const batches = [1, 2, 3, 4, 5].map((seed) => optimalScores(channel, 20_000, seed));
  const valueBits = (id: BoundId): number[] =>
    batches.map(({ joint, marginal }) => {
      const bound = BOUNDS[id] as PointwiseBound;
      return natsToBits(
        bound.valueNats(tf.tensor1d(joint), tf.tensor1d(marginal), PARAMS).arraySync() as number,
      );
    });

  // Measured (seeds 1–5): DV 6.09, 6.05, 5.97, 5.96, 6.03 bits; NWJ with T* 5.45–5.50 (T* + 1:
  // 5.96–6.08); SMILE τ = 5 6.18–6.28; InfoNCE (seeds 1–3) k = 16 3.26–3.90, k = 1024 5.81–6.03.
  it.each(['mine', 'mine-ema'] as const)('%s (the DV bound) lands near the true MI', (id) => {
    const values = valueBits(id);
    expect(Math.abs(mean(values) - 6)).toBeLessThan(0.15);
    for (const v of values) expect(Math.abs(v - 6)).toBeLessThan(0.4);
  });

  it('NWJ is tight at its own optimal critic T* + 1, and e⁻¹ nats below the truth at T*', () => {
    const shifted = batches.map(({ joint, marginal }) =>
      natsToBits(
        (BOUNDS.nwj as PointwiseBound)
          .valueNats(tf.add(tf.tensor1d(joint), 1), tf.add(tf.tensor1d(marginal), 1), PARAMS)
          .arraySync() as number,
      ),
    );
    expect(Math.abs(mean(shifted) - 6)).toBeLessThan(0.15);
    expect(Math.abs(mean(valueBits('nwj')) - (6 - Math.exp(-1) * Math.LOG2E))).toBeLessThan(0.15);
  });

  it('SMILE (τ = 5) clips the partition term: near the truth, above plain DV on the same batches', () => {
    const values = valueBits('smile');
    expect(Math.abs(mean(values) - 6)).toBeLessThan(0.4);
    const dv = valueBits('mine');
    values.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(dv[i] - 1e-4));
  });

  it('InfoNCE with all k×k pairs stays under log2 k and lands near min(true MI, log2 k)', () => {
    const infoNceBits = (k: number, seed: number) => {
      const { x, y } = optimalScores(channel, k, seed);
      const d = channel.xDim;
      const scores = new Float32Array(k * k);
      for (let i = 0; i < k; i++) {
        const xi = new Float32Array(k * d);
        for (let j = 0; j < k; j++) xi.set(x.subarray(i * d, (i + 1) * d), j * d);
        scores.set(channel.logDensityRatio(xi, y.subarray(0, k * d)), i * k);
      }
      return natsToBits(infoNceBoundNats(tf.tensor2d(scores, [k, k])).arraySync() as number);
    };
    for (const [k, tolerance] of [
      [16, 0.7], // ceiling log2 16 = 4 bits, below the true 6
      [1024, 0.3], // ceiling 10 bits, above the true 6
    ] as const) {
      const values = [1, 2, 3].map((seed) => infoNceBits(k, seed));
      for (const v of values) expect(v).toBeLessThanOrEqual(Math.log2(k) + 1e-5);
      expect(Math.abs(mean(values) - Math.min(6, Math.log2(k)))).toBeLessThan(tolerance);
    }
  });
});

describe('InfoNCE', () => {
  it('is log k + mean(T_ii − logsumexp_j T_ij) and never exceeds log k', () => {
    const scores = [
      [5, 0, 1],
      [2, 4, -1],
      [0, 0, 9],
    ];
    const lse = (row: number[]) => Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
    const expected = Math.log(3) + mean(scores.map((row, i) => row[i] - lse(row)));
    expect(infoNceBoundNats(tf.tensor2d(scores)).arraySync()).toBeCloseTo(expected, 5);
    const huge = tf.tensor2d([
      [100, -100],
      [-100, 100],
    ]);
    expect(infoNceBoundNats(huge).arraySync()).toBeCloseTo(Math.log(2), 5);
  });

  it('caps its rows at k and at what the memory budget allows', () => {
    expect(infoNceRows(20_000, 256, [10])).toBe(256);
    expect(infoNceRows(64, 256, [10])).toBe(64);
    expect(infoNceRows(20_000, 4096, [256])).toBe(256); // 256²·256 = 2²⁴ activations
    expect(infoNceRows(20_000, 4096, [128, 128])).toBe(256); // both layers' activations count
  });
});

describe('SMILE clipping', () => {
  it('equals DV when no marginal score exceeds τ, and keeps the partition term within [−τ, τ]', () => {
    const joint = tf.tensor1d([1, 2, 3]);
    const calm = tf.tensor1d([0.5, -0.2, 1.1]);
    expect(smileBoundNats(joint, calm, 5).arraySync()).toBeCloseTo(
      dvBoundNats(joint, calm).arraySync() as number,
      6,
    );
    // One huge shuffled score dominates DV's partition term; SMILE's is at most τ.
    const wild = tf.tensor1d([60, -0.2, 1.1]);
    const dv = dvBoundNats(joint, wild).arraySync() as number;
    for (const tau of [1, 5, 20]) {
      const value = smileBoundNats(joint, wild, tau).arraySync() as number;
      expect(value).toBeGreaterThanOrEqual(2 - tau - 1e-5);
      expect(value).toBeLessThanOrEqual(2 + tau + 1e-5);
      expect(value).toBeGreaterThan(dv);
    }
    expect(dv).toBeLessThan(2 - 55);
  });
});

describe('closed-form training gradients', () => {
  const sJ = tf.tensor1d([0.3, 1.2, -0.4, 2.0, 0.9]);
  const sM = tf.tensor1d([-0.5, 0.1, 1.7, -2.2, 0.4]);

  it.each(['mine', 'mine-ema', 'nwj', 'smile'] as const)(
    '%s: trainingStep’s gradient is the autodiff gradient of its objective',
    (id) => {
      const bound = BOUNDS[id] as PointwiseBound;
      const training = bound.createTraining(PARAMS);
      training.trainingStep(tf.mul(sJ, 0.5), tf.mul(sM, 0.7)); // move any running state off its start
      const { objectiveGradient, valueNats } = training.trainingStep(sJ, sM);
      const [gJ, gM] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        training.objectiveNats(a as tf.Tensor1D, b as tf.Tensor1D),
      )([sJ, sM]);
      const expected = [...gJ.dataSync(), ...gM.dataSync()];
      Array.from(objectiveGradient.dataSync()).forEach((g, i) => expect(g).toBeCloseTo(expected[i], 6));
      expect(valueNats.arraySync()).toBeCloseTo(bound.valueNats(sJ, sM, PARAMS).arraySync() as number, 6);
      training.dispose();
    },
  );

  it('MINE’s moving average differs from the plain DV gradient, and its log-space update is exact', () => {
    const alpha = 0.3;
    const ema = (BOUNDS['mine-ema'] as PointwiseBound).createTraining({ alpha, tau: 5 });
    const plain = (BOUNDS.mine as PointwiseBound).createTraining(PARAMS);
    const joint3 = tf.tensor1d([0.3, 1.2, -0.4]);
    const first = tf.tensor1d([0.2, -1, 3]);
    const second = tf.tensor1d([2, 0.5, -0.3]);
    const meanExp = (t: tf.Tensor1D) => tf.mean(tf.exp(t)).arraySync() as number;

    ema.trainingStep(joint3, first);
    expect(ema.logMovingAverage()?.arraySync()).toBeCloseTo(Math.log(meanExp(first)), 6);
    const { objectiveGradient } = ema.trainingStep(joint3, second);
    const direct = (1 - alpha) * meanExp(first) + alpha * meanExp(second);
    expect(ema.logMovingAverage()?.arraySync()).toBeCloseTo(Math.log(direct), 6);

    const emaGrad = Array.from(objectiveGradient.dataSync());
    const plainGrad = Array.from(plain.trainingStep(joint3, second).objectiveGradient.dataSync());
    expect(emaGrad.slice(0, 3)).toEqual(plainGrad.slice(0, 3)); // the joint term is the same
    const expectedMarginal = Array.from(second.dataSync()).map((s) => -Math.exp(s) / (3 * direct));
    emaGrad.slice(3).forEach((g, i) => expect(g).toBeCloseTo(expectedMarginal[i], 6));
    expect(Math.abs(emaGrad[3] - plainGrad[3])).toBeGreaterThan(0.01);
    ema.dispose();
  });

  it('MINE’s moving average stays finite where e^T overflows float32', () => {
    const ema = (BOUNDS['mine-ema'] as PointwiseBound).createTraining({ alpha: 0.5, tau: 5 });
    ema.trainingStep(tf.tensor1d([1, 1]), tf.tensor1d([200, 201]));
    const { objectiveGradient } = ema.trainingStep(tf.tensor1d([1, 1]), tf.tensor1d([300, 100]));
    expect(ema.logMovingAverage()?.arraySync()).toBeCloseTo(300 + Math.log(0.25), 3);
    for (const g of objectiveGradient.dataSync()) expect(Number.isFinite(g)).toBe(true);
    ema.dispose();
  });

  it('rejects α outside (0, 1] and τ ≤ 0', () => {
    expect(() => (BOUNDS['mine-ema'] as PointwiseBound).createTraining({ alpha: 0, tau: 5 })).toThrowError(
      /alpha/,
    );
    expect(() => (BOUNDS.smile as PointwiseBound).createTraining({ alpha: 0.1, tau: 0 })).toThrowError(/tau/);
  });
});
