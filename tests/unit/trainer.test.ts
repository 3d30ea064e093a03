import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGaussianChannel } from '../../src/core/distributions';
import { createTrainer } from '../../src/core/trainer';
import { natsToBits } from '../../src/core/units';
import { useCpuBackend } from './setupTf';

beforeAll(useCpuBackend);

/** Trains for numSteps and returns every step's estimate in bits. */
function train(seed: number, numSteps: number): number[] {
  const distribution = createGaussianChannel({ power: 3, noise: 0.2, dim: 1 });
  const trainer = createTrainer({
    distribution,
    hidden: 10,
    batchSize: 2000,
    learningRate: 0.01,
    seed,
    bound: 'dv',
  });
  const estimates: number[] = [];
  for (let i = 0; i < numSteps; i++) {
    const estimate = trainer.step();
    estimates.push(natsToBits(estimate.dataSync()[0]));
    estimate.dispose();
  }
  trainer.dispose();
  return estimates;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe('createTrainer', () => {
  it('moves the DV estimate from near 0 toward the true MI (2 bits for d = 1)', () => {
    const estimates = train(1, 300);
    expect(Math.abs(mean(estimates.slice(0, 5)))).toBeLessThan(0.5);
    const finalBits = mean(estimates.slice(-30));
    // Measured: 0.15 bits over the first 5 steps, 2.00 bits over the last 30 (seed 1).
    expect(finalBits).toBeGreaterThan(1.7);
    expect(finalBits).toBeLessThan(2.2);
  });

  it('is reproducible for a seed and leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const a = train(3, 20);
    const b = train(3, 20);
    const c = train(4, 20);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects invalid settings with a message naming the field', () => {
    const distribution = createGaussianChannel({ power: 3, noise: 0.2, dim: 1 });
    const base = {
      distribution,
      hidden: 10,
      batchSize: 100,
      learningRate: 0.01,
      seed: 1,
      bound: 'dv' as const,
    };
    expect(() => createTrainer({ ...base, batchSize: 1 })).toThrowError(/batchSize/);
    expect(() => createTrainer({ ...base, learningRate: 0 })).toThrowError(/learningRate/);
    expect(() => createTrainer({ ...base, hidden: 0 })).toThrowError(/hidden/);
  });
});
