import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { heldOutBatch, trainingBatch, type FreshBatchPlan } from '../../src/core/batches';
import { createTaskDistribution } from '../../src/core/tasks/distribution';
import type { BoundId } from '../../src/core/bounds';
import { createDistribution, type DistributionId } from '../../src/core/distributions';
import { createTrainer, type TrainerSettings } from '../../src/core/trainer';
import { natsToBits } from '../../src/core/units';
import { useCpuBackend } from './setupTf';

beforeAll(useCpuBackend);

const SETTINGS: TrainerSettings = {
  xDim: 1,
  yDim: 1,
  hidden: [10],
  learningRate: 0.01,
  seed: 1,
  bounds: ['mine'],
  boundParams: { alpha: 0.01, tau: 5 },
  infoNceCap: 256,
};

function plan(dist: DistributionId = 'channel', batchSize = 2000, seed = 1): FreshBatchPlan {
  const distribution = createDistribution({
    dist,
    power: 3,
    noise: 0.2,
    dim: 1,
    rho: 0.9,
    stairSteps: 100,
    task: '',
  });
  return { kind: 'fresh', distribution, batchSize, heldOutSize: 4 * batchSize, seed };
}

/** Trains for numSteps and returns every step's estimates in bits, [step][estimator]. */
function train(settings: TrainerSettings, batches: FreshBatchPlan, numSteps: number): number[][] {
  const trainer = createTrainer(settings);
  const estimates: number[][] = [];
  for (let i = 0; i < numSteps; i++) {
    const values = trainer.step(trainingBatch(batches, i));
    estimates.push(Array.from(values.dataSync(), natsToBits));
    values.dispose();
  }
  trainer.dispose();
  return estimates;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const tailMean = (rows: number[][], column: number, count: number) =>
  mean(rows.slice(-count).map((r) => r[column]));

describe('createTrainer', () => {
  it('moves the DV estimate from near 0 toward the true MI (2 bits for d = 1)', () => {
    const estimates = train(SETTINGS, plan(), 300);
    expect(Math.abs(mean(estimates.slice(0, 5).map((r) => r[0])))).toBeLessThan(0.5);
    // Measured: 0.15 bits over the first 5 steps, 1.97 over the last 30.
    const finalBits = tailMean(estimates, 0, 30);
    expect(finalBits).toBeGreaterThan(1.7);
    expect(finalBits).toBeLessThan(2.2);
  });

  it('trains every estimator toward its truth side by side on the same batches', () => {
    const bounds: BoundId[] = ['mine', 'mine-ema', 'nwj', 'infonce', 'smile'];
    // InfoNCE on k = 64 rows: its K² cost is slow on the CPU backend that unit tests use.
    const estimates = train({ ...SETTINGS, bounds, infoNceCap: 64 }, plan('correlated', 1000), 400);
    const truth = plan('correlated').distribution.trueMiBits(); // 1.20 bits at ρ = 0.9
    // Measured over the last 40 steps: MINE 1.200, MINE-EMA 1.195, NWJ 1.189, InfoNCE 1.165, SMILE 1.187.
    bounds.forEach((id, column) => {
      const final = tailMean(estimates, column, 40);
      expect(Math.abs(final - truth), id).toBeLessThan(id === 'nwj' ? 0.35 : 0.25);
    });
    // InfoNCE never exceeds log2 k = 6 bits.
    for (const row of estimates) expect(row[3]).toBeLessThanOrEqual(6 + 1e-4);
  });

  it('trains a two-layer critic on X and Y of different dimensions (bmi’s 2 × 1 Swiss roll) toward the truth', () => {
    const distribution = createTaskDistribution('swissroll_x-normal_cdf-1v1-normal-0.75');
    expect([distribution.xDim, distribution.yDim]).toEqual([2, 1]);
    const batches: FreshBatchPlan = {
      kind: 'fresh',
      distribution,
      batchSize: 1000,
      heldOutSize: 4000,
      seed: 3,
    };
    const settings = { ...SETTINGS, xDim: 2, yDim: 1, hidden: [16, 8], learningRate: 0.01 };
    const estimates = train(settings, batches, 400);
    const truth = distribution.trueMiBits(); // 0.596 bits
    // Measured: 0.002 bits over the first 5 steps, 0.49 over the last 60 (of 400).
    expect(Math.abs(mean(estimates.slice(0, 5).map((r) => r[0])))).toBeLessThan(0.1);
    expect(Math.abs(tailMean(estimates, 0, 60) - truth)).toBeLessThan(0.15);
  });

  it('gives each estimator the critic and numbers it would have alone (compare mode changes nothing)', () => {
    const together = train({ ...SETTINGS, bounds: ['nwj', 'mine'] }, plan(), 15);
    const alone = train({ ...SETTINGS, bounds: ['mine'] }, plan(), 15);
    expect(together.map((r) => r[1])).toEqual(alone.map((r) => r[0]));
    const first = createTrainer({ ...SETTINGS, bounds: ['mine', 'smile'] });
    const [a, b] = first.critics.map((c) => Array.from(c.theta.dataSync()));
    expect(a).toEqual(b);
    first.dispose();
  });

  it('is reproducible for a seed, differs across seeds, and leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const a = train(SETTINGS, plan(), 20);
    const b = train(SETTINGS, plan(), 20);
    const c = train({ ...SETTINGS, seed: 4 }, plan('channel', 2000, 4), 20);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const all = train(
      { ...SETTINGS, bounds: ['mine', 'mine-ema', 'nwj', 'infonce', 'smile'], infoNceCap: 64 },
      plan(),
      5,
    );
    expect(all[4]).toHaveLength(5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('evaluates held-out batches and scores grids without training or leaking', () => {
    const batches = plan();
    const trainer = createTrainer({ ...SETTINGS, bounds: ['mine', 'infonce'], infoNceCap: 64 });
    for (let i = 0; i < 50; i++) trainer.step(trainingBatch(batches, i)).dispose();
    const before = tf.memory().numTensors;
    const theta = Array.from(trainer.critics[0].theta.dataSync());
    const heldOut = trainer.evaluate(heldOutBatch(batches, 49));
    expect(heldOut.shape).toEqual([2]);
    for (const v of heldOut.dataSync()) expect(Number.isFinite(v)).toBe(true);
    const grid = trainer.score(new Float32Array([0, 0, 1, 1, -1, 2]));
    expect(grid.shape).toEqual([2, 3]);
    heldOut.dispose();
    grid.dispose();
    expect(Array.from(trainer.critics[0].theta.dataSync())).toEqual(theta);
    expect(trainer.stepsDone).toBe(50);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });

  it('holds one critic’s activations at a time: peak memory does not grow with the estimators', async () => {
    const batches = plan('channel', 4000);
    const peakOfStep = async (bounds: BoundId[]) => {
      const trainer = createTrainer({ ...SETTINGS, hidden: [64], bounds });
      const batch = trainingBatch(batches, 0);
      let values: tf.Tensor1D | null = null;
      const { peakBytes } = await tf.profile(() => {
        values = trainer.step(batch);
      });
      (values as tf.Tensor1D | null)?.dispose();
      trainer.dispose();
      return peakBytes;
    };
    const one = await peakOfStep(['mine']);
    const three = await peakOfStep(['mine', 'nwj', 'smile']);
    // One critic's [2N, h] activations alone are 2·4000·64·4 B = 2 MB; each extra one held adds that.
    expect(one).toBeGreaterThan(2 * 4000 * 64 * 4);
    // Measured: 1.35× before each estimator had a tidy of its own, 1.0005× after.
    expect(three / one).toBeLessThan(1.02);
  });

  it('rejects invalid settings with a message naming the field', () => {
    expect(() => createTrainer({ ...SETTINGS, learningRate: 0 })).toThrowError(/learningRate/);
    expect(() => createTrainer({ ...SETTINGS, hidden: [0] })).toThrowError(/hidden/);
    expect(() => createTrainer({ ...SETTINGS, hidden: [4, 4, 4, 4] })).toThrowError(/hidden/);
    expect(() => createTrainer({ ...SETTINGS, bounds: [] })).toThrowError(/bounds/);
    expect(() =>
      createTrainer({ ...SETTINGS, bounds: ['mine-ema'], boundParams: { alpha: 2, tau: 5 } }),
    ).toThrowError(/alpha/);
    const before = tf.memory().numTensors;
    expect(() =>
      createTrainer({ ...SETTINGS, bounds: ['mine', 'smile'], boundParams: { alpha: 0.1, tau: -1 } }),
    ).toThrow();
    expect(tf.memory().numTensors).toBe(before); // the first critic was freed
  });
});
