import { describe, expect, it } from 'vitest';
import {
  correlatedGaussianMiBits,
  createDistribution,
  createGaussianChannel,
  createStaircase,
  gaussianChannelMiNats,
  rhoForMiNats,
  STAIRCASE_LEVELS_NATS,
  type DistributionParams,
  type JointDistribution,
} from '../../src/core/distributions';
import { createRng } from '../../src/core/random';
import { natsToBits } from '../../src/core/units';

const BASE: DistributionParams = {
  dist: 'channel',
  power: 3,
  noise: 0.2,
  dim: 2,
  rho: 0.8,
  stairSteps: 100,
  task: '',
};

/** Mean over joint samples of the log density ratio: a Monte-Carlo estimate of the MI in nats. */
function monteCarloMiNats(distribution: JointDistribution, n: number, seed: number, stepIdx = 0): number {
  const { x, y } = distribution.sample(createRng(seed), n, stepIdx);
  const ratio = distribution.logDensityRatio(x, y, stepIdx);
  return ratio.reduce((s, v) => s + v, 0) / ratio.length;
}

describe('Gaussian channel', () => {
  it('has the closed-form MI d/2·log2(1 + P/σ²): 6 bits at the reference defaults', () => {
    expect(natsToBits(gaussianChannelMiNats({ power: 3, noise: 0.2, dim: 3 }))).toBeCloseTo(6, 12);
    expect(natsToBits(gaussianChannelMiNats({ power: 1, noise: 1, dim: 2 }))).toBeCloseTo(1, 12);
    expect(gaussianChannelMiNats({ power: 0, noise: 0.5, dim: 4 })).toBe(0);
    expect(createGaussianChannel({ power: 3, noise: 0.2, dim: 3 }).trueMiBits()).toBe(6);
  });

  it('samples X with variance P and Y − X with variance σ²', () => {
    const channel = createGaussianChannel({ power: 3, noise: 0.2, dim: 2 });
    const { x, y, n } = channel.sample(createRng(5), 100_000);
    expect(x.length).toBe(2 * n);
    let xx = 0;
    let zz = 0;
    for (let i = 0; i < x.length; i++) {
      xx += x[i] * x[i];
      zz += (y[i] - x[i]) ** 2;
    }
    expect(Math.abs(xx / x.length - 3)).toBeLessThan(0.05);
    expect(Math.abs(zz / x.length - 0.2)).toBeLessThan(0.004);
  });

  it('log density ratio averages to the true MI over joint samples', () => {
    const channel = createGaussianChannel({ power: 3, noise: 0.2, dim: 3 });
    expect(Math.abs(monteCarloMiNats(channel, 50_000, 9) - channel.trueMiNats())).toBeLessThan(0.03);
  });

  it('rejects a non-positive noise variance and a non-integer dimension', () => {
    expect(() => createGaussianChannel({ power: 3, noise: 0, dim: 3 })).toThrowError(/noise/);
    expect(() => createGaussianChannel({ power: 3, noise: 0.2, dim: 1.5 })).toThrowError(/dim/);
  });
});

describe('correlated Gaussians', () => {
  const correlated = createDistribution({ ...BASE, dist: 'correlated', rho: 0.8, dim: 2 });

  it('has MI −d/2·log2(1 − ρ²)', () => {
    expect(correlated.trueMiBits()).toBeCloseTo(-Math.log2(1 - 0.64), 12);
    expect(Object.is(correlatedGaussianMiBits(0, 5), 0)).toBe(true); // +0, shown as "0.00"
    expect(natsToBits(correlated.trueMiNats())).toBeCloseTo(correlated.trueMiBits(), 12);
  });

  it('samples unit-variance X and Y with correlation ρ per coordinate', () => {
    const { x, y } = correlated.sample(createRng(2), 100_000);
    let xx = 0;
    let yy = 0;
    let xy = 0;
    for (let i = 0; i < x.length; i++) {
      xx += x[i] * x[i];
      yy += y[i] * y[i];
      xy += x[i] * y[i];
    }
    // Standard errors ≈ √(2/n) ≈ 0.003 for the variances, ≈ 0.002 for the covariance.
    expect(Math.abs(xx / x.length - 1)).toBeLessThan(0.015);
    expect(Math.abs(yy / y.length - 1)).toBeLessThan(0.015);
    expect(Math.abs(xy / x.length - 0.8)).toBeLessThan(0.01);
  });

  it('log density ratio averages to the true MI', () => {
    expect(Math.abs(monteCarloMiNats(correlated, 50_000, 3) - correlated.trueMiNats())).toBeLessThan(0.02);
  });

  it('rejects |ρ| ≥ 1', () => {
    expect(() => createDistribution({ ...BASE, dist: 'correlated', rho: 1 })).toThrowError(/rho/);
    expect(() => createDistribution({ ...BASE, dist: 'cubic', rho: -1.5 })).toThrowError(/rho/);
  });
});

describe('cubic map', () => {
  it('keeps the MI of the correlated pairs it maps, and its density ratio still averages to it', () => {
    const params = { ...BASE, rho: 0.9, dim: 2 };
    const cubic = createDistribution({ ...params, dist: 'cubic' });
    const plain = createDistribution({ ...params, dist: 'correlated' });
    expect(cubic.trueMiBits()).toBe(plain.trueMiBits());
    // Same seed, same draws: y is exactly the cube of the correlated y.
    const a = cubic.sample(createRng(4), 1000);
    const b = plain.sample(createRng(4), 1000);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    for (let i = 0; i < 50; i++) expect(a.y[i]).toBeCloseTo(b.y[i] ** 3, 4);
    expect(Math.abs(monteCarloMiNats(cubic, 50_000, 8) - cubic.trueMiNats())).toBeLessThan(0.03);
  });
});

describe('staircase', () => {
  it('steps the true MI through 2, 4, 6, 8, 10 nats every S steps, then stays on top', () => {
    const stairs = createStaircase(20, 100);
    expect([0, 99, 100, 250, 399, 400, 499, 10_000].map((step) => stairs.trueMiNats(step))).toEqual([
      2, 2, 4, 6, 8, 10, 10, 10,
    ]);
    expect(stairs.trueMiBits(100)).toBeCloseTo(4 * Math.LOG2E, 12);
    expect(STAIRCASE_LEVELS_NATS).toEqual([2, 4, 6, 8, 10]);
  });

  it('samples each stair at the correlation that gives its MI', () => {
    const stairs = createStaircase(20, 100);
    for (const [step, level] of [
      [0, 2],
      [350, 8],
    ]) {
      const rho = rhoForMiNats(level, 20);
      expect(-10 * Math.log(1 - rho * rho)).toBeCloseTo(level, 10);
      const { x, y } = stairs.sample(createRng(step), 20_000, step);
      let xy = 0;
      for (let i = 0; i < x.length; i++) xy += x[i] * y[i];
      expect(Math.abs(xy / x.length - rho)).toBeLessThan(0.01);
      expect(Math.abs(monteCarloMiNats(stairs, 20_000, 5, step) - level)).toBeLessThan(0.1);
    }
  });
});
