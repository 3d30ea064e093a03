import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCriticInputs } from '../../src/core/batches';
import { donskerVaradhanBound, logMeanExp } from '../../src/core/bounds';
import { createGaussianChannel } from '../../src/core/distributions';
import { createRng } from '../../src/core/random';
import { natsToBits } from '../../src/core/units';
import { useCpuBackend } from './setupTf';

beforeAll(useCpuBackend);

describe('logMeanExp', () => {
  it('matches the naive formula on small inputs', () => {
    const values = [0.5, -1, 2, 3.25];
    const naive = Math.log(values.reduce((s, v) => s + Math.exp(v), 0) / values.length);
    expect(logMeanExp(tf.tensor1d(values)).arraySync()).toBeCloseTo(naive, 5);
  });

  it('stays finite where exp overflows float32', () => {
    // exp(1000) is Infinity; log mean exp of [1000, 1000 + ln 3] is 1000 + ln 2.
    const result = logMeanExp(tf.tensor1d([1000, 1000 + Math.log(3)])).arraySync();
    expect(result).toBeCloseTo(1000 + Math.log(2), 3);
    const naive = tf.log(tf.mean(tf.exp(tf.tensor1d([1000, 1001])))).arraySync();
    expect(naive).toBe(Infinity);
    expect(logMeanExp(tf.tensor1d([-1000, -1000])).arraySync()).toBeCloseTo(-1000, 3);
  });
});

describe('Donsker–Varadhan bound', () => {
  it('is zero for a constant critic', () => {
    const value = donskerVaradhanBound.lowerBoundNats(
      tf.fill([100], 4) as tf.Tensor1D,
      tf.fill([100], 4) as tf.Tensor1D,
    );
    expect(value.arraySync()).toBeCloseTo(0, 5);
  });

  it('with the analytically optimal critic lands near the true MI (6 bits, N = 20000)', () => {
    const channel = createGaussianChannel({ power: 3, noise: 0.2, dim: 3 });
    const batchSize = 20_000;
    const estimatesBits: number[] = [];
    for (let seed = 1; seed <= 5; seed++) {
      const rng = createRng(seed);
      const sample = channel.sample(rng, batchSize);
      const pairs = buildCriticInputs(sample, rng.permutation(batchSize));
      const width = 2 * channel.dim;
      const xs = new Float32Array(2 * batchSize * 3);
      const ys = new Float32Array(2 * batchSize * 3);
      for (let row = 0; row < 2 * batchSize; row++) {
        xs.set(pairs.subarray(row * width, row * width + 3), row * 3);
        ys.set(pairs.subarray(row * width + 3, row * width + 6), row * 3);
      }
      const scores = channel.logDensityRatio(xs, ys);
      const joint = tf.tensor1d(scores.subarray(0, batchSize));
      const marginal = tf.tensor1d(scores.subarray(batchSize));
      estimatesBits.push(natsToBits(donskerVaradhanBound.lowerBoundNats(joint, marginal).arraySync()));
    }
    const mean = estimatesBits.reduce((s, v) => s + v, 0) / estimatesBits.length;
    // Measured for seeds 1–5: 6.24, 5.92, 5.87, 6.07, 5.97 bits (mean 6.01). The in-batch shuffle and
    // the heavy-tailed e^T* on product pairs make single batches scatter by ~0.15 bits.
    expect(Math.abs(mean - 6)).toBeLessThan(0.15);
    for (const e of estimatesBits) expect(Math.abs(e - 6)).toBeLessThan(0.4);
  });
});

describe('logMeanExp gradient', () => {
  it('is softmax(t) and stays finite where exp overflows', () => {
    const values = [1000, 1001, 998, -5];
    const grad = tf
      .grad((t: tf.Tensor) => logMeanExp(t))(tf.tensor1d(values))
      .arraySync() as number[];
    const shifted = values.map((v) => Math.exp(v - 1001));
    const total = shifted.reduce((s, v) => s + v, 0);
    // float32 near 1000 resolves ~6e-5, so the softmax weights agree to about 1e-5.
    grad.forEach((g, i) => expect(g).toBeCloseTo(shifted[i] / total, 4));
  });

  it('matches the gradient of the naive formula on small inputs', () => {
    const t = tf.tensor1d([0.3, -1.2, 2.0, 0.7, 0.1]);
    const custom = tf
      .grad((x: tf.Tensor) => logMeanExp(x))(t)
      .arraySync() as number[];
    const naive = tf
      .grad((x: tf.Tensor) => tf.log(tf.mean(tf.exp(x))))(t)
      .arraySync() as number[];
    custom.forEach((g, i) => expect(g).toBeCloseTo(naive[i], 6));
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
