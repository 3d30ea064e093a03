import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';
import { BMI_TASKS, bmiTask } from '../../src/core/tasks/catalogue';
import { sparseCorrelation } from '../../src/core/tasks/normal';
import { studentEntropyNats } from '../../src/core/tasks/student';

/** The task with bmi's id, which the catalogue must hold. */
function task(id: string) {
  const found = bmiTask(id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

/**
 * ∫₀¹ f(b, 1 − b) db by the tanh-sinh rule (step 1/64, |t| ≤ 4.5): b = 1/(1 + e^(−2u)), u = (π/2) sinh t,
 * with 1 − b computed directly, so integrable singularities at either end cost no accuracy.
 */
function tanhSinhUnit(f: (b: number, complement: number) => number): number {
  const h = 1 / 64;
  let sum = 0;
  for (let k = -288; k <= 288; k++) {
    const t = k * h;
    const u = (Math.PI / 2) * Math.sinh(t);
    const b = 1 / (1 + Math.exp(-2 * u));
    const complement = 1 / (1 + Math.exp(2 * u));
    const weight = Math.PI * Math.cosh(t) * b * complement; // db/dt
    if (weight > 0) sum += f(b, complement) * weight;
  }
  return sum * h;
}

/** Γ at a positive integer or half-integer, exactly by Γ(x + 1) = x Γ(x) from Γ(1) = 1 and Γ(½) = √π. */
function gammaHalfInteger(x: number): number {
  let value = Number.isInteger(x) ? 1 : Math.sqrt(Math.PI);
  for (let y = Number.isInteger(x) ? 1 : 0.5; y < x; y += 1) value *= y;
  return value;
}

/**
 * The entropy of the standard k-dimensional t_ν computed without digamma: with B = |V|²/(ν + |V|²) ~
 * Beta(k/2, ν/2), ln(1 + |V|²/ν) = −ln(1 − B), so h = −ln c_k + ((ν+k)/2) E[−ln(1 − B)], the expectation by
 * tanh-sinh quadrature against the Beta density and the normaliser c_k from exact Γ values.
 */
function studentEntropyByQuadrature(k: number, nu: number): number {
  const a = k / 2;
  const b = nu / 2;
  const betaFunction = (gammaHalfInteger(a) * gammaHalfInteger(b)) / gammaHalfInteger(a + b);
  const expectation =
    tanhSinhUnit((x, complement) => -Math.log(complement) * x ** (a - 1) * complement ** (b - 1)) /
    betaFunction;
  const logNormaliser =
    Math.log(gammaHalfInteger((nu + k) / 2) / gammaHalfInteger(nu / 2)) - (k / 2) * Math.log(nu * Math.PI);
  return -logNormaliser + ((nu + k) / 2) * expectation;
}

describe('closed-form truths against independent computations', () => {
  it('bivariate normal: −½ ln(1 − ρ²) = 0.41334 nats for ρ = 0.75', () => {
    expect(task('1v1-normal-0.75').trueMiNats).toBeCloseTo(-0.5 * Math.log(1 - 0.75 ** 2), 15);
    expect(task('1v1-normal-0.75').trueMiNats).toBeCloseTo(0.4133, 4);
  });

  it('dense multinormal: from the eigenvalues of the equicorrelation matrix, 1 + (m − 1)c once and 1 − c (m − 1 times)', () => {
    const logDetEquicorrelation = (m: number, c: number) =>
      Math.log(1 + (m - 1) * c) + (m - 1) * Math.log(1 - c);
    for (const d of [2, 3, 5, 25, 50]) {
      const expected = 0.5 * (2 * logDetEquicorrelation(d, 0.5) - logDetEquicorrelation(2 * d, 0.5));
      expect(Math.abs(task(`multinormal-dense-${d}-${d}-0.5`).trueMiNats - expected)).toBeLessThan(1e-13);
    }
  });

  it('sparse 2-pair: the latent model gives two pairs with correlation λ²/(1 + λ²) = 0.8 and nothing else', () => {
    for (const d of [2, 3, 5, 25]) {
      const correlation = sparseCorrelation(d, d, 2, 2);
      for (let i = 0; i < 2 * d; i++) {
        for (let j = 0; j < 2 * d; j++) {
          const paired = (j === i + d || i === j + d) && Math.min(i, j) < 2;
          const expected = i === j ? 1 : paired ? 0.8 : 0;
          expect(Math.abs(correlation[i * 2 * d + j] - expected)).toBeLessThan(1e-15);
        }
      }
      // Independent pairs add: 2 · (−½ ln(1 − 0.8²)) = −ln 0.36.
      expect(task(`multinormal-sparse-${d}-${d}-2-2.0`).trueMiNats).toBeCloseTo(-Math.log(0.36), 13);
    }
  });

  it('additive uniform noise: I = −(1/2ε) ∫ L ln L dy, with L(y) = |[y − ε, y + ε] ∩ [0, 1]|, by quadrature', () => {
    for (const epsilon of [0.1, 0.75]) {
      const overlap = (y: number) => Math.min(1, y + epsilon) - Math.max(0, y - epsilon);
      // The kinks of L split [−ε, 1 + ε] into three pieces; each is integrated by tanh-sinh.
      const knots = [-epsilon, Math.min(epsilon, 1 - epsilon), Math.max(epsilon, 1 - epsilon), 1 + epsilon];
      let integral = 0;
      for (let k = 0; k < 3; k++) {
        const [lo, hi] = [knots[k], knots[k + 1]];
        integral +=
          (hi - lo) *
          tanhSinhUnit((b) => {
            const length = overlap(lo + b * (hi - lo));
            return length > 0 ? length * Math.log(length) : 0;
          });
      }
      const mi = -integral / (2 * epsilon);
      expect(Math.abs(task(`1v1-additive-${epsilon}`).trueMiNats - mi)).toBeLessThan(1e-12);
    }
    expect(task('1v1-additive-0.1').trueMiNats).toBeCloseTo(0.1 - Math.log(0.2), 15);
    expect(task('1v1-additive-0.75').trueMiNats).toBeCloseTo(1 / 3, 15);
  });

  it('Student-t entropies and MI: the digamma closed form agrees with quadrature of the Beta expectation', () => {
    for (const nu of [1, 2, 3]) {
      for (const k of [1, 2, 3, 4, 5, 6, 10]) {
        expect(
          Math.abs(studentEntropyNats(k, nu) - studentEntropyByQuadrature(k, nu)),
          `k=${k} ν=${nu}`,
        ).toBeLessThan(1e-12);
      }
    }
    const cases: readonly [number, number][] = [
      [1, 1],
      [2, 1],
      [2, 2],
      [3, 2],
      [3, 3],
      [5, 2],
      [5, 3],
    ];
    for (const [d, nu] of cases) {
      const byQuadrature = 2 * studentEntropyByQuadrature(d, nu) - studentEntropyByQuadrature(2 * d, nu);
      expect(Math.abs(task(`student-identity-${d}-${d}-${nu}`).trueMiNats - byQuadrature)).toBeLessThan(
        1e-12,
      );
    }
    // For ν = 2 and m = n = 2 the correction simplifies to ln 2 − ½ (h_2 = ln 2π + 2 and h_4 = ln 4π² + 3 − ln 2 …).
    expect(task('student-identity-2-2-2').trueMiNats).toBeCloseTo(Math.LN2 - 0.5, 14);
  });
});

/** The mean of the log density ratio over n joint draws, and its standard error (sample sd / √n). */
function monteCarloMi(id: string, n: number, seed: number): { mean: number; standardError: number } {
  const t = task(id);
  const { x, y } = t.sample(createRng(seed), n);
  const ratio = t.logDensityRatio?.(x, y);
  if (!ratio) throw new Error(`${id} has no density ratio`);
  let sum = 0;
  let sumSquares = 0;
  for (const value of ratio) {
    sum += value;
    sumSquares += value * value;
  }
  const mean = sum / n;
  const variance = (sumSquares - n * mean * mean) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}

describe('Monte-Carlo: E[log p(x, y)/(p(x) p(y))] over joint draws', () => {
  // Every base task (its own density); the transformed ones agree with their base row by row
  // (taskTransforms.test.ts). 10⁵ draws, or 2·10⁴ for the 50- and 100-dimensional Gaussians (whose
  // solves cost ~d² per row). Tolerance: 4 standard errors of the mean, a deviation that chance
  // produces with probability 6e-5 (the seed is fixed, so the test is deterministic).
  const baseTasks = BMI_TASKS.filter((t) => t.baseId === null);

  it('covers the 19 base tasks: 1v1 normal, two additive, 7 Student-t, 5 dense and 4 sparse multinormal', () => {
    expect(baseTasks).toHaveLength(19);
  });

  for (const [index, base] of baseTasks.entries()) {
    it(`${base.id}: within 4 standard errors of ${base.trueMiNats.toFixed(4)} nats`, () => {
      const draws = base.xDim + base.yDim > 10 ? 20_000 : 100_000;
      const { mean, standardError } = monteCarloMi(base.id, draws, 1000 + index);
      expect(standardError).toBeGreaterThan(0);
      expect(standardError).toBeLessThan(0.02);
      expect(Math.abs(mean - base.trueMiNats)).toBeLessThan(4 * standardError);
    });
  }
});
