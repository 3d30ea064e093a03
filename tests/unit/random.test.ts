import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, rngFromState } from '../../src/core/random';

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

/**
 * Outputs of the reference C implementation of xoshiro128** (Blackman & Vigna,
 * https://prng.di.unimi.it/xoshiro128starstar.c), compiled with gcc and run from each state.
 */
const REFERENCE_STREAMS = [
  {
    state: [1, 2, 3, 4] as const,
    outputs: {
      0: 11520,
      1: 0,
      2: 5927040,
      3: 70819200,
      4: 2031721883,
      5: 1637235492,
      6: 1287239034,
      7: 3734860849,
      8: 3729100597,
      9: 4258142804,
    },
  },
  {
    state: [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x12345678] as const,
    outputs: {
      0: 2463954730,
      1: 5524658,
      2: 3566893527,
      3: 3794986392,
      4: 933487703,
      5: 1623283725,
      6: 3548594022,
      7: 511429129,
      8: 3299251695,
      9: 2772948098,
      1995: 1133789738,
      1996: 1309256367,
      1997: 3034940074,
      1998: 2995696124,
      1999: 1329504738,
    },
  },
];

/** R, the start of the ziggurat's tail, and the area of each of its 128 layers (Marsaglia & Tsang). */
const R = 3.442619855899;
const LAYER_AREA = 9.91256303526217e-3;

/**
 * An independent, plain ziggurat over a stream of 32-bit words, written from Marsaglia & Tsang
 * (2000) and Doornik (2005) as the sampler documents it: the first word of each output picks its
 * layer (7 bits), sign (1 bit) and position (24 bits); outputs outside their rectangle are finished
 * after all first words are consumed, in order, each with the words it needs.
 */
function referenceNormals(next: () => number, length: number): Float64Array {
  const f = (x: number) => Math.exp(-0.5 * x * x);
  const xs = [LAYER_AREA / f(R), R];
  for (let i = 1; i < 127; i++) xs.push(Math.sqrt(-2 * Math.log(LAYER_AREA / xs[i] + f(xs[i]))));
  xs.push(0);
  const uniform = () => next() / 2 ** 32;
  const magnitude = (first: number, finish: boolean): number | null => {
    let r = first;
    for (;;) {
      const layer = r & 127;
      const u = (r >>> 8) / 2 ** 24;
      const z = u * xs[layer];
      if (z < xs[layer + 1]) return z;
      if (!finish) return null;
      if (layer === 0) {
        for (;;) {
          const x = -Math.log(1 - uniform()) / R;
          const y = -Math.log(1 - uniform());
          if (2 * y >= x * x) return R + x;
        }
      }
      if (f(xs[layer]) + uniform() * (f(xs[layer + 1]) - f(xs[layer])) < f(z)) return z;
      r = next();
    }
  };
  const firsts = Array.from({ length }, next);
  const out = new Float64Array(length);
  const signed = (r: number, m: number) => ((r >>> 7) & 1 ? -m : m);
  firsts.forEach((r, i) => (out[i] = signed(r, magnitude(r, false) ?? NaN)));
  firsts.forEach((r, i) => {
    if (Number.isNaN(out[i])) out[i] = signed(r, magnitude(r, true) as number);
  });
  return out;
}

describe('xoshiro128** against its reference implementation', () => {
  it('gives the reference outputs through uint32()', () => {
    for (const { state, outputs } of REFERENCE_STREAMS) {
      const rng = rngFromState(state);
      const drawn = Array.from({ length: 2000 }, () => rng.uint32());
      for (const [index, value] of Object.entries(outputs)) expect(drawn[Number(index)]).toBe(value);
    }
  });

  it('steps the same stream in fillNormal’s inlined loop, rare cases included', () => {
    for (const { state } of REFERENCE_STREAMS) {
      // ~1% of draws leave their rectangle; of those a few hundred are redrawn, a few into layer 0.
      const length = 200_000;
      const words = rngFromState(state);
      const expected = referenceNormals(() => words.uint32(), length);
      const rng = rngFromState(state);
      const normals = rng.fillNormal(new Float32Array(length));
      const reference = Float32Array.from(expected);
      const differing = Array.from(normals).flatMap((v, i) => (Object.is(v, reference[i]) ? [] : [i]));
      expect(differing.slice(0, 5), `${differing.length} of ${length} differ`).toEqual([]);
      // Afterwards both generators are at the same point of the reference stream.
      const after = rng.uint32();
      expect(after).toBe(words.uint32());
    }
  });

  it('rejects the all-zero state, which xoshiro never leaves', () => {
    expect(() => rngFromState([0, 0, 0, 0])).toThrowError(/all zero/);
  });
});

describe('the normal sampler’s tail and variance', () => {
  // 10⁷ draws: the tail count has a relative standard error of 1/√(n·p) ≈ 1.3%, the variance
  // 1/√(n/2) ≈ 0.045%.
  const n = 10_000_000;
  const samples = createRng(2026).fillNormal(new Float32Array(n));

  it('puts the right mass beyond R, where the tail method takes over (±5%)', () => {
    const expected = 2 * upperTail(R); // 5.7e-4
    let beyond = 0;
    for (let i = 0; i < n; i++) if (Math.abs(samples[i]) > R) beyond++;
    expect(Math.abs(beyond / n - expected) / expected).toBeLessThan(0.05);
  });

  it('has variance 1 within 0.1% and no bias in the mean', () => {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      sum += samples[i];
      squares += samples[i] * samples[i];
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(squares / n - mean * mean - 1)).toBeLessThan(1e-3);
  });
});

/** P(Z > t) for a standard normal, by Simpson's rule on [t, t + 12] (error far below 1e-12). */
function upperTail(t: number): number {
  const steps = 20_000;
  const h = 12 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const weight = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
    sum += weight * Math.exp(-0.5 * (t + i * h) ** 2);
  }
  return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
}

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
