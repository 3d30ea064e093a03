import { describe, expect, it } from 'vitest';
import { createGaussianChannel, gaussianChannelMiNats } from '../../src/core/distributions';
import { createRng } from '../../src/core/random';
import { natsToBits } from '../../src/core/units';

describe('Gaussian channel', () => {
  it('has the closed-form MI d/2·log2(1 + P/σ²): 6 bits at the reference defaults', () => {
    expect(natsToBits(gaussianChannelMiNats({ power: 3, noise: 0.2, dim: 3 }))).toBeCloseTo(6, 12);
    expect(natsToBits(gaussianChannelMiNats({ power: 1, noise: 1, dim: 2 }))).toBeCloseTo(1, 12);
    expect(gaussianChannelMiNats({ power: 0, noise: 0.5, dim: 4 })).toBe(0);
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
    const { x, y } = channel.sample(createRng(9), 50_000);
    const ratio = channel.logDensityRatio(x, y);
    const mean = ratio.reduce((s, v) => s + v, 0) / ratio.length;
    expect(Math.abs(mean - channel.trueMiNats())).toBeLessThan(0.03);
  });

  it('rejects a non-positive noise variance and a non-integer dimension', () => {
    expect(() => createGaussianChannel({ power: 3, noise: 0, dim: 3 })).toThrowError(/noise/);
    expect(() => createGaussianChannel({ power: 3, noise: 0.2, dim: 1.5 })).toThrowError(/dim/);
  });
});
