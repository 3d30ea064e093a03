import { describe, expect, it } from 'vitest';
import {
  cholesky,
  inverseQuadraticForm,
  logDetFromCholesky,
  principalBlock,
} from '../../src/core/tasks/linalg';
import { solveIncreasing } from '../../src/core/tasks/roots';
import {
  digamma,
  erf,
  erfc,
  logGamma,
  normalCdf,
  normalDensity,
  normalQuantile,
  normalSf,
} from '../../src/core/tasks/specialFunctions';

// Reference values: mpmath 1.3.0 at mp.dps = 40, rounded to the nearest double, computed independently of
// this code (erfc, erf, ncdf, loggamma, digamma; Φ⁻¹(p) as the root of log Φ(z) = log p, for p the double
// nearest the decimal shown, since 0.9999999 as a double is not 0.9999999 and Φ⁻¹ is ill-conditioned there).

/** |actual − expected| / |expected|. */
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('erf and erfc', () => {
  const cases: readonly [number, number, number][] = [
    // x, erfc(x), erf(x)
    [0.1, 0.8875370839817152, 0.1124629160182849],
    [0.5, 0.4795001221869535, 0.5204998778130465],
    [1, 0.15729920705028513, 0.8427007929497149],
    [1.5, 0.033894853524689274, 0.9661051464753108],
    [2, 0.004677734981047266, 0.9953222650189527],
    [3, 2.209049699858544e-5, 0.9999779095030014],
    [5, 1.537459794428035e-12, 0.9999999999984626],
    [10, 2.088487583762545e-45, 1],
    [26, 5.663192408856143e-296, 1],
  ];

  it('match mpmath to 1e-15 relative from the centre to deep in the tail', () => {
    let worst = 0;
    for (const [x, erfcValue, erfValue] of cases) {
      worst = Math.max(worst, relativeError(erfc(x), erfcValue), relativeError(erf(x), erfValue));
      expect(relativeError(erfc(x), erfcValue)).toBeLessThan(1e-15);
      expect(relativeError(erf(x), erfValue)).toBeLessThan(1e-15);
      // Odd and reflected: erf(−x) = −erf(x), erfc(−x) = 2 − erfc(x).
      expect(erf(-x)).toBe(-erf(x));
      expect(relativeError(erfc(-x), 2 - erfcValue)).toBeLessThan(2e-16);
    }
    expect(worst).toBeGreaterThan(0); // the comparison is against values the code did not produce
    expect(erfc(0)).toBe(1);
    expect(erf(0)).toBe(0);
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
    expect(Number.isNaN(erfc(NaN))).toBe(true);
  });

  it('is continuous where the method changes (x = 0.5, series below, Taylor about nodes above)', () => {
    const below = erfc(0.5 - 1e-12);
    const above = erfc(0.5 + 1e-12);
    // erfc′(0.5) = −2/√π e^(−1/4): over 2e-12 the function moves by 1.757e-12; a jump between the two
    // methods would show beyond the rounding of the two values (an ulp of erfc(0.5) ≈ 0.48 is 5.6e-17).
    const slope = (2 / Math.sqrt(Math.PI)) * Math.exp(-0.25);
    expect(Math.abs(below - above - 2e-12 * slope)).toBeLessThan(3 * 5.6e-17);
  });

  it('gives Φ and 1 − Φ to 1e-14 relative in both tails, and the density', () => {
    const cases: readonly [number, number, number][] = [
      // z, Φ(z), 1 − Φ(z)
      [-37, 5.725571222524577e-300, 1],
      [-20, 2.7536241186062337e-89, 1],
      [-10.5, 4.3190063178092304e-26, 1],
      [-1.6, 0.05479929169955798, 0.945200708300442],
      [-1.4, 0.08075665923377107, 0.9192433407662289],
      [2, 0.9772498680518208, 0.02275013194817921],
      [6, 0.9999999990134123, 9.86587645037698e-10],
    ];
    for (const [z, cdf, sf] of cases) {
      expect(relativeError(normalCdf(z), cdf)).toBeLessThan(1e-14);
      expect(relativeError(normalSf(z), sf)).toBeLessThan(1e-14);
      expect(normalSf(-z)).toBe(normalCdf(z));
    }
    expect(normalCdf(0)).toBe(0.5);
    expect(relativeError(normalDensity(1), Math.exp(-0.5) / Math.sqrt(2 * Math.PI))).toBeLessThan(1e-16);
  });
});

describe('normalQuantile (Φ⁻¹)', () => {
  const cases: readonly [number, number][] = [
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798407],
    [1e-10, -6.361340902404057],
    [0.001, -3.0902323061678136],
    [0.02425, -1.972961051311885], // where Acklam's central and tail regions meet
    [0.1, -1.2815515655446004],
    [0.3, -0.5244005127080408],
    [0.75, 0.6744897501960817],
    [0.975, 1.9599639845400538],
    [0.999, 3.090232306167813],
    [0.9999999, 5.199337582290661],
  ];

  it('matches mpmath to 1e-15 relative, tails included', () => {
    for (const [p, z] of cases) expect(relativeError(normalQuantile(p), z)).toBeLessThan(1e-15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(Number.isNaN(normalQuantile(1.5))).toBe(true);
  });

  it('inverts Φ across the range', () => {
    let worst = 0;
    for (let z = -8; z <= 8; z += 0.0625) {
      const back = z < 0 ? normalQuantile(normalCdf(z)) : -normalQuantile(normalSf(z));
      worst = Math.max(worst, Math.abs(back - z));
    }
    expect(worst).toBeLessThan(1e-13);
  });
});

describe('logGamma and digamma', () => {
  const cases: readonly [number, number, number][] = [
    // x, ln Γ(x), ψ(x)
    [1e-5, 11.512919692895826, -100000.57719921568],
    [0.1, 2.252712651734206, -10.423754940411078],
    [0.5, 0.5723649429247001, -1.9635100260214235],
    [1, 0, -0.5772156649015329],
    [1.5, -0.12078223763524522, 0.03648997397857652],
    [2.5, 0.2846828704729192, 0.7031566406452432],
    [3.5, 1.2009736023470743, 1.103156640645243],
    [7, 6.579251212010101, 1.8727843350984672],
    [10.5, 13.940625219403763, 2.3030010342976865],
    [30, 71.25703896716801, 3.384438132685525],
    [200, 857.9336698258575, 5.295815283219912],
  ];

  it('match mpmath to 4e-15 absolute (and relative for large values)', () => {
    for (const [x, lg, psi] of cases) {
      expect(Math.abs(logGamma(x) - lg)).toBeLessThan(4e-15 * Math.max(1, Math.abs(lg)));
      expect(Math.abs(digamma(x) - psi)).toBeLessThan(4e-15 * Math.max(1, Math.abs(psi)));
    }
  });

  it('obey the half-integer identities Γ(n + ½) = (2n)! √π / (4ⁿ n!) and ψ(n + ½) = −γ − 2 ln 2 + Σ 2/(2k − 1)', () => {
    const eulerGamma = 0.5772156649015329;
    let factorialN = 1;
    let factorial2N = 1;
    let harmonicOdd = 0;
    for (let n = 0; n <= 12; n++) {
      if (n > 0) {
        factorialN *= n;
        factorial2N *= 2 * n * (2 * n - 1);
        harmonicOdd += 2 / (2 * n - 1);
      }
      const logGammaHalf =
        Math.log(factorial2N) + 0.5 * Math.log(Math.PI) - n * Math.log(4) - Math.log(factorialN);
      expect(Math.abs(logGamma(n + 0.5) - logGammaHalf)).toBeLessThan(1e-14 * Math.max(1, logGammaHalf));
      expect(Math.abs(digamma(n + 0.5) - (-eulerGamma - 2 * Math.LN2 + harmonicOdd))).toBeLessThan(4e-15);
    }
  });

  it('reject non-positive arguments', () => {
    expect(() => logGamma(0)).toThrowError(/positive/);
    expect(() => digamma(-1)).toThrowError(/positive/);
  });
});

describe('solveIncreasing', () => {
  it('inverts x³ + x to full precision, also from a start outside the bracket', () => {
    const f = (x: number) => x ** 3 + x;
    const slope = (x: number) => 3 * x ** 2 + 1;
    for (const target of [-30, -1e-9, 0, 2, 1000]) {
      const root = solveIncreasing(f, slope, target, -20, 20, 19);
      expect(Math.abs(f(root) - target)).toBeLessThan(1e-13 * Math.max(1, Math.abs(target)));
    }
  });

  it('falls back on bisection where Newton overshoots (a flat then steep function)', () => {
    const f = (x: number) => Math.atan(50 * x);
    const slope = (x: number) => 50 / (1 + 2500 * x * x);
    const root = solveIncreasing(f, slope, 1.5, -1, 1, -0.9);
    expect(Math.abs(root - Math.tan(1.5) / 50)).toBeLessThan(1e-15);
  });
});

describe('linalg', () => {
  // Σ = [[4, 2, 0.4], [2, 5, 1], [0.4, 1, 3]]: det by cofactors 4·14 − 2·5.6 + 0.4·0 = 44.8 − ... (below).
  const sigma = Float64Array.of(4, 2, 0.4, 2, 5, 1, 0.4, 1, 3);
  const det = 4 * (5 * 3 - 1 * 1) - 2 * (2 * 3 - 1 * 0.4) + 0.4 * (2 * 1 - 5 * 0.4);

  it('factors Σ = L Lᵀ, gives ln det Σ and vᵀ Σ⁻¹ v', () => {
    const l = cholesky(sigma, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += l[i * 3 + k] * l[j * 3 + k];
        expect(sum).toBeCloseTo(sigma[i * 3 + j], 14);
      }
    }
    expect(l[1]).toBe(0); // lower triangular
    expect(logDetFromCholesky(l, 3)).toBeCloseTo(Math.log(det), 14);
    // Σ⁻¹ v for v = Σ·(1, −1, 2) is (1, −1, 2), so vᵀ Σ⁻¹ v = (1, −1, 2)·Σ·(1, −1, 2).
    const w = [1, -1, 2];
    const v = [0, 1, 2].map((i) => sigma[i * 3] * w[0] + sigma[i * 3 + 1] * w[1] + sigma[i * 3 + 2] * w[2]);
    const expected = v[0] * w[0] + v[1] * w[1] + v[2] * w[2];
    expect(inverseQuadraticForm(l, 3, Float64Array.of(9, ...v), 1, new Float64Array(3))).toBeCloseTo(
      expected,
      12,
    );
    expect(Array.from(principalBlock(sigma, 3, 1, 2))).toEqual([5, 1, 1, 3]);
  });

  it('rejects a matrix that is not positive definite', () => {
    expect(() => cholesky(Float64Array.of(1, 2, 2, 1), 2)).toThrowError(/positive definite/);
  });
});
