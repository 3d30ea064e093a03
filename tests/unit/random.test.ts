import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';

describe('createRng', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = createRng(7).fillNormal(new Float32Array(5));
    const b = createRng(7).fillNormal(new Float32Array(5));
    const c = createRng(8).fillNormal(new Float32Array(5));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('draws normals with the requested mean and standard deviation', () => {
    const samples = createRng(1).fillNormal(new Float32Array(200_001), 2, 3);
    const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
    const variance = samples.reduce((s, v) => s + (v - mean) ** 2, 0) / samples.length;
    // Standard errors: 3/√n ≈ 0.0067 for the mean, 9·√(2/n) ≈ 0.028 for the variance.
    expect(mean).toBeCloseTo(2, 1);
    expect(Math.abs(variance - 9)).toBeLessThan(0.12);
  });

  it('draws uniform floats in [0, 1) with mean 1/2', () => {
    const rng = createRng(3);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });

  it('returns permutations of 0..n-1 with every position hit uniformly', () => {
    const rng = createRng(11);
    const counts = new Array(5).fill(0);
    for (let t = 0; t < 5000; t++) {
      const perm = rng.permutation(5);
      expect([...perm].sort()).toEqual([0, 1, 2, 3, 4]);
      counts[perm[0]]++;
    }
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });

  it('rejects a non-integer seed', () => {
    expect(() => createRng(1.5)).toThrowError(/seed/);
  });
});
