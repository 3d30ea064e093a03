import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../../src/core/random';

describe('createRng', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = createRng(7).fillNormal(new Float32Array(5));
    const b = createRng(7).fillNormal(new Float32Array(5));
    const c = createRng(8).fillNormal(new Float32Array(5));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('draws standard normals: a Kolmogorov–Smirnov test, the tails and the generator after a fill', () => {
    const n = 400_000;
    const samples = Float64Array.from(createRng(5).fillNormal(new Float32Array(n))).sort();
    let maxGap = 0;
    for (let i = 0; i < n; i++) {
      const cdf = normalCdf(samples[i]);
      maxGap = Math.max(maxGap, Math.abs(cdf - i / n), Math.abs(cdf - (i + 1) / n));
    }
    // The KS statistic's 1% critical value is 1.63/√n ≈ 0.0026.
    expect(maxGap).toBeLessThan(1.63 / Math.sqrt(n));
    // Tails, where a ziggurat's wedges and tail method act: P(|z| > 3) = 0.0027, P(|z| > 4) = 6.3e-5.
    const beyond = (t: number) => samples.filter((v) => Math.abs(v) > t).length / n;
    expect(Math.abs(beyond(3) - 0.0027) / 0.0027).toBeLessThan(0.1);
    expect(beyond(4)).toBeGreaterThan(0.3 * 6.3e-5);
    expect(beyond(4)).toBeLessThan(3 * 6.3e-5);
    // Filling moves the generator on: the next fill differs.
    const rng = createRng(9);
    const first = Array.from(rng.fillNormal(new Float32Array(3)));
    expect(Array.from(rng.fillNormal(new Float32Array(3)))).not.toEqual(first);
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

describe('deriveSeed', () => {
  it('names independent, reproducible streams', () => {
    expect(deriveSeed(1, 1, 0)).toBe(deriveSeed(1, 1, 0));
    const seeds = new Set<number>();
    for (let seed = 0; seed < 4; seed++)
      for (let stream = 1; stream <= 2; stream++)
        for (let step = 0; step < 500; step++) seeds.add(deriveSeed(seed, stream, step));
    expect(seeds.size).toBe(4 * 2 * 500);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });

  it('gives uncorrelated first draws on consecutive steps', () => {
    const firsts = Array.from({ length: 4000 }, (_, step) => createRng(deriveSeed(1, 1, step)).uniform());
    const mean = firsts.reduce((s, v) => s + v, 0) / firsts.length;
    let lag1 = 0;
    let variance = 0;
    for (let i = 0; i < firsts.length; i++) {
      variance += (firsts[i] - mean) ** 2;
      if (i > 0) lag1 += (firsts[i] - mean) * (firsts[i - 1] - mean);
    }
    expect(Math.abs(lag1 / variance)).toBeLessThan(0.05); // ~3 standard errors at n = 4000
  });
});

/** Φ(x) through erf (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
