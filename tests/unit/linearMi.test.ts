import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../../src/core/baselines/eigen';
import { linearMutualInformation } from '../../src/core/baselines/linearMi';
import type { SampleRows } from '../../src/core/finiteSample';
import { createRng } from '../../src/core/random';
import { correlatedGaussian, gaussianMiNats, mapped } from './baselineSamples';
import { MessageError } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

/** The English message of the MessageError `run` throws. */
function englishError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MessageError) return inEnglish(error.detail);
    throw error;
  }
  throw new Error('expected a MessageError');
}

/** `count` columns of n values that are exactly centred and orthonormal over the sample (Gram–Schmidt). */
function orthonormalColumns(n: number, count: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  const columns: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    const v = Float64Array.from(rng.fillNormal(new Float32Array(n)));
    const centre = v.reduce((a, b) => a + b) / n;
    v.forEach((_, i) => (v[i] -= centre));
    for (const u of columns) {
      const along = v.reduce((a, b, i) => a + b * u[i], 0) / n; // u has Σu² = n
      v.forEach((_, i) => (v[i] -= along * u[i]));
    }
    const norm = Math.sqrt(v.reduce((a, b) => a + b * b, 0) / n);
    columns.push(v.map((x) => x / norm));
  }
  return columns;
}

/** A sample of n rows whose columns are the given ones (x first), stored row-major. */
function sampleOf(xColumns: Float64Array[], yColumns: Float64Array[]): SampleRows {
  const n = xColumns[0].length;
  const pack = (columns: Float64Array[]) => {
    const out = new Float32Array(n * columns.length);
    columns.forEach((column, c) => column.forEach((v, i) => (out[i * columns.length + c] = v)));
    return out;
  };
  return { n, xDim: xColumns.length, yDim: yColumns.length, x: pack(xColumns), y: pack(yColumns) };
}

describe('the linear (Gaussian) MI', () => {
  it('is −½ Σ ln(1 − ρᵢ²) for a sample built with canonical correlations 0.8 and 0.3 (d_x = 2, d_y = 3)', () => {
    const z = orthonormalColumns(4000, 5, 1);
    const mix = (a: Float64Array, b: Float64Array, rho: number) =>
      a.map((v, i) => rho * v + Math.sqrt(1 - rho * rho) * b[i]);
    const sample = sampleOf([z[0], z[1]], [mix(z[0], z[2], 0.8), mix(z[1], z[3], 0.3), z[4]]);
    const { miNats, canonicalCorrelations } = linearMutualInformation(sample);
    expect(miNats).toBeCloseTo(-0.5 * (Math.log(1 - 0.64) + Math.log(1 - 0.09)), 5); // float32 storage
    expect(Array.from(canonicalCorrelations)).toHaveLength(2);
    expect(canonicalCorrelations[0]).toBeCloseTo(0.8, 5);
    expect(canonicalCorrelations[1]).toBeCloseTo(0.3, 5);
  });

  it('does not change when columns are scaled, shifted or mixed within a side', () => {
    const sample = correlatedGaussian(3000, 2, 0.6, 4);
    const plain = linearMutualInformation(sample);
    const moved = linearMutualInformation(
      mapped(
        sample,
        (v) => 50 * v - 3,
        (v) => 0.01 * v + 7,
      ),
    );
    expect(moved.miNats).toBeCloseTo(plain.miNats, 4);
    const x = sample.x.map((v, i) => (i % 2 === 0 ? v + sample.x[i + 1] : v)); // x₁ + x₂, x₂
    expect(linearMutualInformation({ ...sample, x }).miNats).toBeCloseTo(plain.miNats, 4);
  });

  it('equals −½ Σ ln(1 − ρᵢ²) of its own canonical correlations, on non-Gaussian data too', () => {
    const base = correlatedGaussian(2000, 3, 0.5, 2);
    const sample = { ...mapped(base, (v) => v ** 3, Math.exp), yDim: 2, y: base.y.slice(0, 4000) };
    const { miNats, canonicalCorrelations } = linearMutualInformation(sample);
    const fromRho = -0.5 * Array.from(canonicalCorrelations).reduce((a, r) => a + Math.log(1 - r * r), 0);
    expect(miNats).toBeCloseTo(fromRho, 10);
    expect(canonicalCorrelations).toHaveLength(2);
  });

  it('lands within sampling error of the truth for Gaussian samples', () => {
    // ρ̂ has a standard error of (1 − ρ²)/√n ≈ 0.0086 at ρ = 0.7, n = 5000: ±0.03 nats on the MI is over 3 of them.
    const { miNats } = linearMutualInformation(correlatedGaussian(5000, 2, 0.7, 3));
    expect(Math.abs(miNats - gaussianMiNats(2, 0.7))).toBeLessThan(0.03);
  });

  it('is near 0 for y = sin(3x) + noise, whose dependence is not linear', () => {
    // In the population, corr(x, sin 3x + 0.1ε) = 3e^(−9/2) / √(½(1 − e^(−18)) + 0.01) = 0.0466: I = 0.0011 nats.
    const rng = createRng(12);
    const n = 5000;
    const x = rng.fillNormal(new Float32Array(n));
    const noise = rng.fillNormal(new Float32Array(n));
    const y = x.map((v, i) => Math.sin(3 * v) + 0.1 * noise[i]);
    const { miNats } = linearMutualInformation({ n, xDim: 1, yDim: 1, x, y });
    expect(miNats).toBeLessThan(0.005);
  });

  it('refuses singular covariances: Y a linear function of X, repeated X columns, a constant column', () => {
    const sample = correlatedGaussian(500, 1, 0.5, 1);
    const exact = { ...sample, y: sample.x.map((v) => 2 * v + 1) };
    expect(englishError(() => linearMutualInformation(exact))).toMatch(
      /Y is \(almost\) a linear function of X/,
    );
    const twice = {
      ...sample,
      xDim: 2,
      x: Float32Array.from(Array.from(sample.x).flatMap((v) => [v, -3 * v])),
    };
    expect(englishError(() => linearMutualInformation(twice))).toMatch(/X columns are linearly dependent/);
    const flat = { ...sample, y: new Float32Array(500).fill(4) };
    expect(englishError(() => linearMutualInformation(flat))).toMatch(/Y column 1 is constant/);
    expect(englishError(() => linearMutualInformation({ ...sample, n: 2 }))).toMatch(
      /needs more than 2 rows/,
    );
  });
});

describe('symmetric eigenvalues', () => {
  it('finds the eigenvalues of known matrices', () => {
    expect(Array.from(symmetricEigenvalues([2, 1, 0, 1, 2, 0, 0, 0, 5], 3)).sort()).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(3, 12),
      expect.closeTo(5, 12),
    ]);
    // A random symmetric 6 × 6: the eigenvalues keep the trace and the Frobenius norm.
    const rng = createRng(3);
    const a = new Float64Array(36);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j <= i; j++) a[i * 6 + j] = a[j * 6 + i] = rng.uniform() - 0.5;
    const lambda = symmetricEigenvalues(a, 6);
    const trace = [0, 1, 2, 3, 4, 5].reduce((s, i) => s + a[i * 7], 0);
    expect(lambda.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 12);
    expect(lambda.reduce((s, v) => s + v * v, 0)).toBeCloseTo(
      a.reduce((s, v) => s + v * v, 0),
      12,
    );
  });
});
