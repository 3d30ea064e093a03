import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';
import { bmiTask } from '../../src/core/tasks/catalogue';
import { sampleChiSquare } from '../../src/core/tasks/student';
import type { TaskSample } from '../../src/core/tasks/types';

// Tolerances are k = 4 standard errors of the statistic at the sample size used: chance moves a
// statistic that far with probability 6e-5, so a failure means a wrong sampler (and the seeds are fixed).
const K = 4;

/** A task's sample for a seed; the catalogue must hold the id. */
function sampleOf(id: string, n: number, seed: number): TaskSample {
  const task = bmiTask(id);
  if (!task) throw new Error(`no task ${id}`);
  return task.sample(createRng(seed), n);
}

/** The columns of X then of Y, each as a Float64Array of n values. */
function columns({ n, x, y }: TaskSample): Float64Array[] {
  const dx = x.length / n;
  const dy = y.length / n;
  const out: Float64Array[] = [];
  for (let j = 0; j < dx; j++) out.push(Float64Array.from({ length: n }, (_, r) => x[r * dx + j]));
  for (let j = 0; j < dy; j++) out.push(Float64Array.from({ length: n }, (_, r) => y[r * dy + j]));
  return out;
}

const mean = (v: Float64Array) => v.reduce((s, a) => s + a, 0) / v.length;
const variance = (v: Float64Array) => {
  const m = mean(v);
  return v.reduce((s, a) => s + (a - m) ** 2, 0) / (v.length - 1);
};
function correlation(a: Float64Array, b: Float64Array): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
/** The fraction of values at or below t. */
const fractionBelow = (v: ArrayLike<number>, t: number) =>
  Array.from(v).filter((a) => a <= t).length / v.length;

/**
 * Checks zero means, unit variances and the correlation matrix `expected(i, j)` of a standardised
 * Gaussian sample within K standard errors: 1/√n for a mean, √(2/n) for a variance of 1,
 * (1 − ρ²)/√n for a correlation ρ. Returns the worst deviation as a fraction of its allowance.
 */
function worstGaussianDeviation({ n, x, y }: TaskSample, expected: (i: number, j: number) => number): number {
  const dx = x.length / n;
  const d = dx + y.length / n;
  const value = (r: number, i: number) => (i < dx ? x[r * dx + i] : y[r * (d - dx) + i - dx]);
  const sums = new Float64Array(d);
  const products = new Float64Array(d * d);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) {
      const vi = value(r, i);
      sums[i] += vi;
      for (let j = 0; j <= i; j++) products[i * d + j] += vi * value(r, j);
    }
  }
  const covariance = (i: number, j: number) => (products[i * d + j] - (sums[i] * sums[j]) / n) / (n - 1);
  let worst = 0;
  for (let i = 0; i < d; i++) {
    worst = Math.max(worst, Math.abs(sums[i] / n) / (K / Math.sqrt(n)));
    worst = Math.max(worst, Math.abs(covariance(i, i) - 1) / (K * Math.sqrt(2 / n)));
    for (let j = 0; j < i; j++) {
      const rho = expected(i, j);
      const sampleRho = covariance(i, j) / Math.sqrt(covariance(i, i) * covariance(j, j));
      worst = Math.max(worst, Math.abs(sampleRho - rho) / ((K * (1 - rho * rho)) / Math.sqrt(n)));
    }
  }
  return worst;
}

describe('Gaussian tasks', () => {
  it('1v1-normal-0.75: standard normal marginals with correlation 0.75', () => {
    expect(worstGaussianDeviation(sampleOf('1v1-normal-0.75', 100_000, 1), () => 0.75)).toBeLessThan(1);
  });

  it('dense multinormal: correlation 0.5 between every two coordinates (2 × 2, 5 × 5, 25 × 25)', () => {
    expect(worstGaussianDeviation(sampleOf('multinormal-dense-2-2-0.5', 100_000, 2), () => 0.5)).toBeLessThan(
      1,
    );
    expect(worstGaussianDeviation(sampleOf('multinormal-dense-5-5-0.5', 100_000, 3), () => 0.5)).toBeLessThan(
      1,
    );
    expect(
      worstGaussianDeviation(sampleOf('multinormal-dense-25-25-0.5', 20_000, 4), () => 0.5),
    ).toBeLessThan(1);
  });

  it('sparse 2-pair: X₁–Y₁ and X₂–Y₂ correlated 0.8, everything else uncorrelated (2 × 2, 5 × 5, 25 × 25)', () => {
    for (const [d, n] of [
      [2, 100_000],
      [5, 100_000],
      [25, 20_000],
    ]) {
      const paired = (i: number, j: number) => i - j === d && j < 2;
      const sample = sampleOf(`multinormal-sparse-${d}-${d}-2-2.0`, n, 5 + d);
      expect(
        worstGaussianDeviation(sample, (i, j) => (paired(i, j) ? 0.8 : 0)),
        `${d} × ${d}`,
      ).toBeLessThan(1);
    }
  });
});

describe('Student-t tasks', () => {
  // Closed-form t CDFs at 1 (scipy.stats.t.cdf(1, ν)): ν = 1: ½ + atan(1)/π; ν = 2: ½ + 1/(2√3).
  const T_CDF_AT_1: Readonly<Record<number, number>> = {
    1: 0.75,
    2: 0.7886751345948129,
    3: 0.8044988905221148,
  };
  const n = 100_000;
  const fractionError = (p: number) => K * Math.sqrt((p * (1 - p)) / n);

  for (const [d, nu] of [
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 3],
  ]) {
    it(`student-identity-${d}-${d}-${nu}: t_${nu} marginals, symmetric signs, and |V|²/(ν + |V|²) ~ Beta(k/2, ν/2)`, () => {
      const sample = sampleOf(`student-identity-${d}-${d}-${nu}`, n, 20 + d);
      const cols = columns(sample);
      for (const col of cols) {
        expect(Math.abs(fractionBelow(col, 1) - T_CDF_AT_1[nu])).toBeLessThan(fractionError(T_CDF_AT_1[nu]));
      }
      // The signs of the normal numerators are independent: P(X₁ > 0, Y₁ > 0) = ¼ although W is shared.
      const bothPositive = cols[0].filter((v, r) => v > 0 && cols[d][r] > 0).length / n;
      expect(Math.abs(bothPositive - 0.25)).toBeLessThan(fractionError(0.25));
      // One W per row: B = |V|²/(ν + |V|²) is Beta(k/2, ν/2) with mean k/(k + ν) (k = 2d). Were W drawn
      // per coordinate, |V|² would have another law.
      const k = 2 * d;
      const b = Float64Array.from({ length: n }, (_, r) => {
        let squared = 0;
        for (const col of cols) squared += col[r] ** 2;
        return squared / (nu + squared);
      });
      const [alpha, beta] = [k / 2, nu / 2];
      const betaVariance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
      expect(Math.abs(mean(b) - k / (k + nu))).toBeLessThan(K * Math.sqrt(betaVariance / n));
    });
  }

  it('draws chi-square variables with mean ν and the right CDF at 1 and 4 (ν = 1, 2, 3)', () => {
    // scipy.stats.chi2.cdf(w, ν).
    const cdf: Readonly<Record<number, readonly [number, number]>> = {
      1: [0.6826894921370859, 0.9544997361036415],
      2: [0.3934693402873665, 0.8646647167633873],
      3: [0.19874804309879915, 0.7385358700508888],
    };
    const scratch = new Float32Array(1);
    for (const nu of [1, 2, 3]) {
      const rng = createRng(30 + nu);
      const draws = Float64Array.from({ length: n }, () => sampleChiSquare(rng, nu, scratch));
      expect(draws.every((w) => w > 0 && Number.isFinite(w))).toBe(true);
      expect(Math.abs(mean(draws) - nu)).toBeLessThan(K * Math.sqrt((2 * nu) / n));
      for (const [index, w] of [1, 4].entries()) {
        const p = cdf[nu][index];
        expect(Math.abs(fractionBelow(draws, w) - p)).toBeLessThan(fractionError(p));
      }
    }
  });
});

describe('additive noise', () => {
  for (const epsilon of [0.1, 0.75]) {
    it(`1v1-additive-${epsilon}: X ~ U(0, 1), Y − X ~ U(−ε, ε), independent`, () => {
      const n = 100_000;
      const { x, y } = sampleOf(`1v1-additive-${epsilon}`, n, 40);
      const noise = Float64Array.from(y, (v, r) => v - x[r]);
      const xs = Float64Array.from(x);
      expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
      expect(noise.every((v) => Math.abs(v) <= epsilon * (1 + 1e-6))).toBe(true);
      expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(K * Math.sqrt(1 / 12 / n));
      expect(Math.abs(variance(xs) - 1 / 12)).toBeLessThan(K * Math.sqrt(1 / 180 / n));
      // Var N = ε²/3, and Var(N²) = ε⁴/5 − ε⁴/9 bounds the error of its estimate.
      expect(Math.abs(variance(noise) - epsilon ** 2 / 3)).toBeLessThan(
        K * Math.sqrt((4 * epsilon ** 4) / 45 / n),
      );
      expect(Math.abs(correlation(xs, noise))).toBeLessThan(K / Math.sqrt(n));
    });
  }
});

describe('bimodal marginals', () => {
  it('1v1-bimodal-0.75: X has the CDF 0.3 Φ(x) + 0.7 Φ(x − 5), Y the CDF 0.5 Φ(x + 1) + 0.5 Φ(x − 3)', () => {
    const n = 100_000;
    const { x, y } = sampleOf('1v1-bimodal-0.75', n, 50);
    // scipy.stats.norm: F_X(2.5), F_X(6), F_Y(−1), F_Y(1).
    const checks: readonly [ArrayLike<number>, number, number][] = [
      [x, 2.5, 0.3024838661303104],
      [x, 6, 0.8889413219520037],
      [y, -1, 0.25001583562091656],
      [y, 1, 0.5],
    ];
    for (const [values, t, p] of checks) {
      expect(Math.abs(fractionBelow(values, t) - p), `F(${t})`).toBeLessThan(
        K * Math.sqrt((p * (1 - p)) / n),
      );
    }
    // bmi's test of the inversion: almost no repeated values.
    expect(new Set(x).size).toBeGreaterThan(0.99 * n);
    expect(new Set(y).size).toBeGreaterThan(0.99 * n);
  });
});

describe('transformed samples: support', () => {
  it('normal_cdf tasks lie strictly inside (0, 1), uniform in each coordinate', () => {
    for (const id of ['normal_cdf-1v1-normal-0.75', 'normal_cdf-multinormal-sparse-5-5-2-2.0']) {
      const sample = sampleOf(id, 50_000, 60);
      for (const col of columns(sample)) {
        expect(
          col.every((v) => v > 0 && v < 1),
          id,
        ).toBe(true);
        expect(Math.abs(mean(col) - 0.5), id).toBeLessThan(K * Math.sqrt(1 / 12 / sample.n));
        expect(Math.abs(variance(col) - 1 / 12), id).toBeLessThan(K * Math.sqrt(1 / 180 / sample.n));
      }
    }
  });

  it('half_cube keeps every sign and maps |t| to |t|^(3/2)', () => {
    const base = sampleOf('multinormal-sparse-5-5-2-2.0', 5_000, 61);
    const mapped = sampleOf('half_cube-multinormal-sparse-5-5-2-2.0', 5_000, 61);
    let signFlips = 0;
    let worst = 0; // relative gap |image| vs |t|^(3/2), against float32 rounding (6e-8) of both sides
    for (const [original, image] of [
      [base.x, mapped.x],
      [base.y, mapped.y],
    ]) {
      for (let i = 0; i < original.length; i++) {
        if (Math.sign(image[i]) !== Math.sign(original[i])) signFlips++;
        worst = Math.max(
          worst,
          Math.abs(Math.abs(image[i]) - Math.abs(original[i]) ** 1.5) / (1e-30 + Math.abs(image[i])),
        );
      }
    }
    expect(signFlips).toBe(0);
    expect(worst).toBeLessThan(1e-6);
  });

  it('the Swiss roll lies on its curve: radius t/21 with t ∈ [1.5π, 4.5π], at polar angle t', () => {
    const { n, x, y } = sampleOf('swissroll_x-normal_cdf-1v1-normal-0.75', 20_000, 62);
    let [smallest, largest, worstAngle] = [Infinity, 0, 0];
    for (let r = 0; r < n; r++) {
      const t = 21 * Math.hypot(x[2 * r], x[2 * r + 1]);
      smallest = Math.min(smallest, t);
      largest = Math.max(largest, t);
      const angleGap = Math.atan2(x[2 * r + 1], x[2 * r]) - t;
      worstAngle = Math.max(
        worstAngle,
        Math.abs(angleGap - 2 * Math.PI * Math.round(angleGap / (2 * Math.PI))),
      );
    }
    expect(smallest).toBeGreaterThanOrEqual(1.5 * Math.PI * (1 - 1e-6));
    expect(largest).toBeLessThanOrEqual(4.5 * Math.PI * (1 + 1e-6));
    expect(largest - smallest).toBeGreaterThan(2.9 * Math.PI); // the whole roll is used
    expect(worstAngle).toBeLessThan(1e-5);
    expect(y.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('asinh shortens the Cauchy tails: asinh-student-identity-1-1-1 is asinh of the base sample', () => {
    const base = sampleOf('student-identity-1-1-1', 5_000, 63);
    const mapped = sampleOf('asinh-student-identity-1-1-1', 5_000, 63);
    const gaps = Array.from(
      base.x,
      (b, i) => Math.abs(mapped.x[i] - Math.asinh(b)) / (1 + Math.abs(mapped.x[i])),
    );
    expect(Math.max(...gaps)).toBeLessThan(1e-6);
    const largest = (v: Float32Array) => v.reduce((m, a) => Math.max(m, Math.abs(a)), 0);
    expect(largest(base.x)).toBeGreaterThan(100); // Cauchy: some draws are huge
    expect(largest(mapped.x)).toBeLessThan(Math.asinh(largest(base.x)) * (1 + 1e-6));
  });
});
