import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFlatAdam } from '../../src/core/adam';
import { createMlpCritic, criticBackward, criticForward, criticScoresAllPairs } from '../../src/core/critic';
import { logSumExpRows } from '../../src/core/bounds';
import { criticParameterCount } from '../../src/core/criticShape';
import { createRng } from '../../src/core/random';
import { useCpuBackend } from './setupTf';

beforeAll(useCpuBackend);

describe('MLP critic', () => {
  it('initialises like nn.Linear: each layer uniform in ±1/√fan_in, reproducibly', () => {
    const shape = { xDim: 3, yDim: 3, hidden: [10] };
    const theta = Array.from(createMlpCritic(shape, createRng(1)).theta.dataSync());
    expect(theta).toEqual(Array.from(createMlpCritic(shape, createRng(1)).theta.dataSync()));
    expect(theta).toHaveLength(criticParameterCount(shape));
    const w1AndB1 = theta.slice(0, 70);
    const w2AndB2 = theta.slice(70);
    for (const w of w1AndB1) expect(Math.abs(w)).toBeLessThanOrEqual(1 / Math.sqrt(6));
    for (const w of w2AndB2) expect(Math.abs(w)).toBeLessThanOrEqual(1 / Math.sqrt(10));
  });

  it('its hand-written backward pass equals tfjs autodiff', () => {
    const critic = createMlpCritic({ xDim: 2, yDim: 2, hidden: [5] }, createRng(3));
    const pairs = tf.tensor2d(createRng(4).fillNormal(new Float32Array(12 * 4)), [12, 4]);
    const weights = createRng(5).fillNormal(new Float32Array(12));
    const dScores = tf.tensor1d(weights);
    const manual = criticBackward(pairs, criticForward(pairs, critic.weights()), critic.weights(), dScores);
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(critic.apply(pairs), dScores)), [critic.theta]);
    const auto = grads[critic.theta.name].dataSync();
    Array.from(manual.dataSync()).forEach((g, i) => expect(g).toBeCloseTo(auto[i], 5));
  });

  it('scores all (x_i, y_j) combinations like the concatenated rows', () => {
    const critic = createMlpCritic({ xDim: 2, yDim: 2, hidden: [6] }, createRng(6));
    const k = 4;
    const x = createRng(7).fillNormal(new Float32Array(k * 2));
    const y = createRng(8).fillNormal(new Float32Array(k * 2));
    const all = criticScoresAllPairs(
      tf.tensor2d(x, [k, 2]),
      tf.tensor2d(y, [k, 2]),
      critic.weights(),
    ).arraySync();
    const rows: number[] = [];
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) rows.push(x[2 * i], x[2 * i + 1], y[2 * j], y[2 * j + 1]);
    const direct = critic.apply(tf.tensor2d(rows, [k * k, 4])).arraySync();
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) expect(all[i][j]).toBeCloseTo(direct[i * k + j], 5);
  });

  for (const shape of [
    { xDim: 3, yDim: 1, hidden: [5] },
    { xDim: 2, yDim: 3, hidden: [16, 8] },
    { xDim: 1, yDim: 2, hidden: [4, 6, 3] },
  ]) {
    const name = `${shape.xDim} + ${shape.yDim} → ${shape.hidden.join(' → ')}`;

    it(`with d_x ≠ d_y and ${shape.hidden.length} hidden layer(s) (${name}): backward pass equals autodiff`, () => {
      const critic = createMlpCritic(shape, createRng(11));
      const width = shape.xDim + shape.yDim;
      expect(critic.theta.size).toBe(criticParameterCount(shape));
      const pairs = tf.tensor2d(createRng(12).fillNormal(new Float32Array(20 * width)), [20, width]);
      const dScores = tf.tensor1d(createRng(13).fillNormal(new Float32Array(20)));
      const manual = criticBackward(pairs, criticForward(pairs, critic.weights()), critic.weights(), dScores);
      const { grads } = tf.variableGrads(() => tf.sum(tf.mul(critic.apply(pairs), dScores)), [critic.theta]);
      const auto = grads[critic.theta.name].dataSync();
      const values = manual.dataSync();
      expect(values.length).toBe(auto.length);
      let largest = 0;
      for (let i = 0; i < auto.length; i++) largest = Math.max(largest, Math.abs(values[i] - auto[i]));
      expect(largest).toBeLessThan(1e-5);
      critic.dispose();
    });

    it(`with d_x ≠ d_y and ${shape.hidden.length} hidden layer(s) (${name}): all-pairs scores match the rows`, () => {
      const critic = createMlpCritic(shape, createRng(14));
      const k = 5;
      const { xDim, yDim } = shape;
      const x = createRng(15).fillNormal(new Float32Array(k * xDim));
      const y = createRng(16).fillNormal(new Float32Array(k * yDim));
      const all = criticScoresAllPairs(
        tf.tensor2d(x, [k, xDim]),
        tf.tensor2d(y, [k, yDim]),
        critic.weights(),
      );
      const rows: number[] = [];
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++)
          rows.push(...x.subarray(i * xDim, (i + 1) * xDim), ...y.subarray(j * yDim, (j + 1) * yDim));
      const direct = critic.apply(tf.tensor2d(rows, [k * k, xDim + yDim])).dataSync();
      const scores = all.dataSync();
      for (let c = 0; c < k * k; c++) expect(scores[c]).toBeCloseTo(direct[c], 5);
      critic.dispose();
    });
  }

  it('initialises a deeper critic layer by layer like nn.Linear, the one-layer critic unchanged', () => {
    const one = createMlpCritic({ xDim: 3, yDim: 3, hidden: [10] }, createRng(1)).theta.dataSync();
    const again = createMlpCritic({ xDim: 3, yDim: 3, hidden: [10] }, createRng(1)).theta.dataSync();
    expect(Array.from(one)).toEqual(Array.from(again));
    const deep = createMlpCritic({ xDim: 2, yDim: 1, hidden: [16, 8] }, createRng(2)).theta.dataSync();
    // Blocks: W1 3·16, b1 16 (fan-in 3); W2 16·8, b2 8 (fan-in 16); w_out 8, b_out 1 (fan-in 8).
    const blocks = [
      [0, 64, 3],
      [64, 64 + 136, 16],
      [200, 209, 8],
    ];
    expect(deep.length).toBe(209);
    for (const [from, to, fanIn] of blocks) {
      const slice = Array.from(deep.subarray(from, to));
      expect(Math.max(...slice.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(fanIn));
      expect(Math.max(...slice.map(Math.abs))).toBeGreaterThan(0.8 / Math.sqrt(fanIn));
    }
  });

  it('rejects a non-positive dimension or width', () => {
    expect(() => createMlpCritic({ xDim: 0, yDim: 0, hidden: [3] }, createRng(1))).toThrowError(/xDim/);
    expect(() => createMlpCritic({ xDim: 1, yDim: 1, hidden: [0] }, createRng(1))).toThrowError(/hidden/);
    expect(() => createMlpCritic({ xDim: 1, yDim: 1, hidden: [] }, createRng(1))).toThrowError(/hidden/);
    expect(() => createMlpCritic({ xDim: 1, yDim: 1, hidden: [2, 2, 2, 2] }, createRng(1))).toThrowError(
      /hidden/,
    );
  });
});

describe('flat Adam', () => {
  it('takes the same steps as tf.train.adam (PyTorch’s rule) on a quadratic', () => {
    const target = tf.tensor1d([1, -2, 0.5, 3]);
    const start = [0.3, 0.1, -0.2, 0.4];
    const ours = tf.variable(tf.tensor1d(start));
    const theirs = tf.variable(tf.tensor1d(start));
    const adam = createFlatAdam(ours, { learningRate: 0.05, epsilon: 1e-8 });
    const reference = tf.train.adam(0.05, 0.9, 0.999, 1e-8);
    const loss = (v: tf.Tensor) => tf.sum(tf.mul(tf.square(tf.sub(v, target)), tf.tensor1d([1, 10, 0.1, 3])));
    for (let step = 0; step < 25; step++) {
      const { grads } = tf.variableGrads(() => loss(ours) as tf.Scalar, [ours]);
      adam.step(grads[ours.name] as tf.Tensor1D);
      reference.minimize(() => loss(theirs) as tf.Scalar, false, [theirs]);
    }
    expect(adam.stepsDone).toBe(25);
    const a = ours.dataSync();
    // Same formula, float32 rounding in a different order: measured within 8e-6 after 25 steps.
    Array.from(theirs.dataSync()).forEach((v, i) => expect(a[i]).toBeCloseTo(v, 4));
  });

  it('scales the gradient first: a negative scale climbs the objective', () => {
    const v = tf.variable(tf.tensor1d([0, 0]));
    const adam = createFlatAdam(v, { learningRate: 0.1 });
    adam.step(tf.tensor1d([1, -2]), -1);
    // Adam's first step moves every coordinate by lr against the sign of the scaled gradient.
    Array.from(v.dataSync()).forEach((x, i) => expect(x).toBeCloseTo([0.1, -0.1][i], 5));
    expect(() => createFlatAdam(v, { learningRate: 0 })).toThrowError(/learningRate/);
  });
});

describe('InfoNCE gradients given directly', () => {
  it('match tfjs autodiff of the plain formulas', () => {
    const critic = createMlpCritic({ xDim: 2, yDim: 2, hidden: [5] }, createRng(9));
    const k = 6;
    const x = tf.tensor2d(createRng(10).fillNormal(new Float32Array(k * 2)), [k, 2]);
    const y = tf.tensor2d(createRng(11).fillNormal(new Float32Array(k * 2)), [k, 2]);
    const objective = (fast: boolean) => () => {
      const scores = fast
        ? criticScoresAllPairs(x, y, critic.weights())
        : (() => {
            const rows: tf.Tensor2D[] = [];
            for (let i = 0; i < k; i++)
              rows.push(tf.concat([tf.tile(tf.slice(x, [i, 0], [1, 2]), [k, 1]), y], 1));
            return tf.reshape(critic.apply(tf.concat(rows, 0)), [k, k]) as tf.Tensor2D;
          })();
      const lse = fast ? logSumExpRows(scores) : tf.log(tf.sum(tf.exp(scores), 1));
      return tf.sum(tf.mul(lse, tf.range(1, k + 1))) as tf.Scalar;
    };
    const grad = (fast: boolean) =>
      Array.from(tf.variableGrads(objective(fast), [critic.theta]).grads[critic.theta.name].dataSync());
    const plain = grad(false);
    grad(true).forEach((g, i) => expect(g).toBeCloseTo(plain[i], 4));
  });
});
