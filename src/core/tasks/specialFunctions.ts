/**
 * Special functions the tasks need, in double precision and without a library: erf/erfc, the normal
 * CDF Φ and its inverse, log-gamma and digamma (for positive arguments). Worst errors against mpmath on
 * fine grids: erfc 5e-16 relative on [0, 27]; Φ 2.2e-15 relative on [−38, 38]; Φ⁻¹ 1e-15 (1.3e-12 only
 * for p < 1e-300, where φ is denormal); ln Γ 4e-15 and ψ 9e-16 (absolute, or relative above 1).
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** Below this |x|, erf comes from its series and erfc = 1 − erf (≥ 0.48, so no digits are lost). */
const ERF_SERIES_LIMIT = 0.5;

/**
 * e^(−c·x²) for c = 1 or ½ without the error of rounding x² first: x is split into a multiple of 1/16
 * (whose square is exact) and a remainder, as Cody does. Matters for large x, where the tails are tiny.
 */
function expMinusSquare(x: number, c = 1): number {
  const head = Math.round(x * 16) / 16;
  return Math.exp(-c * head * head) * Math.exp(-c * (x - head) * (x + head));
}

/**
 * erf(x) for |x| ≤ ERF_SERIES_LIMIT by the series of positive terms
 * erf(x) = 2/√π · e^(−x²) · Σₙ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), which has no cancellation.
 */
function erfSeries(x: number): number {
  const twoXSquared = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 60; n++) {
    term *= twoXSquared / (2 * n + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
}

/**
 * The continued fraction 1/(b + a/(b + 2a/(b + 3a/(b + …)))) for b > 0, truncated after `terms` terms
 * and evaluated from the bottom up (which keeps its rounding error near 2e-16; the Lentz method
 * accumulated 1.5e-15 at b = 1). With a = ½ it gives erfc(x) = e^(−x²)/√π · K(x, ½) (Laplace); with
 * a = 1 Mills' ratio of the normal, 1 − Φ(z) = φ(z) · K(z, 1). 30 terms converge to the last bit at
 * b = 4 (a = 1) or b = 2.83 (a = ½), 1,000 at b = 0.5 (a = ½).
 */
function tailContinuedFraction(b: number, a: number, terms: number): number {
  let t = b;
  for (let k = terms; k >= 1; k--) t = b + (k * a) / t;
  return 1 / t;
}

/** Terms of the tails' continued fraction at run time: where it is used, b ≥ 4 and 30 would do. */
const TAIL_TERMS = 50;

/**
 * erfc on [0.5, 4.06) comes from Taylor series about nodes every 1/8, whose values the continued fraction
 * gives once, at load (1,000 terms: converged to the last bit at x = 0.5).
 */
const NODE_FIRST = 0.5;
const NODE_STEP = 1 / 8;
const NODE_COUNT = 29;
const NODE_LIMIT = NODE_FIRST + (NODE_COUNT - 0.5) * NODE_STEP;
const NODE_X = Float64Array.from({ length: NODE_COUNT }, (_, k) => NODE_FIRST + k * NODE_STEP);
const NODE_ERFC = NODE_X.map((x) => INV_SQRT_PI * expMinusSquare(x) * tailContinuedFraction(x, 0.5, 1000));
/** −erfc′ at the nodes: 2/√π · e^(−x²) (x² is exact for a multiple of 1/8). */
const NODE_SLOPE = NODE_X.map((x) => TWO_OVER_SQRT_PI * Math.exp(-x * x));

/**
 * erfc(x₀ + h) = erfc(x₀) − 2/√π e^(−x₀²) Σₙ (−1)ⁿ Hₙ(x₀) h^(n+1)/(n+1)! about the nearest node x₀
 * (|h| ≤ 1/16), with the Hermite polynomials Hₙ by their recurrence: about 15 terms, no exp, and no
 * cancellation (erfc changes by at most a factor 1.7 over a half-step).
 */
function erfcNearNode(x: number): number {
  const k = Math.round((x - NODE_FIRST) / NODE_STEP);
  const x0 = NODE_X[k];
  const h = x - x0;
  let power = h; // h^(n+1)/(n+1)!
  let sum = h; // the n = 0 term (H₀ = 1)
  let hermitePrevious = 1;
  let hermite = 2 * x0;
  let sign = -1;
  for (let n = 1; n < 40; n++) {
    power *= h / (n + 1);
    const term = sign * hermite * power;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    const next = 2 * x0 * hermite - 2 * n * hermitePrevious;
    hermitePrevious = hermite;
    hermite = next;
    sign = -sign;
  }
  return NODE_ERFC[k] - NODE_SLOPE[k] * sum;
}

/** The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms in both tails. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < ERF_SERIES_LIMIT) return 1 - erfSeries(x);
  if (x < NODE_LIMIT) return erfcNearNode(x);
  if (x > 27.3) return 0; // erfc(27.3) < 1e-325: below the smallest double
  return INV_SQRT_PI * expMinusSquare(x) * tailContinuedFraction(x, 0.5, TAIL_TERMS);
}

/** The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  const value = ax < ERF_SERIES_LIMIT ? erfSeries(ax) : 1 - erfc(ax);
  return x < 0 ? -value : value;
}

/**
 * Where the normal's upper tail switches from erfc(z/√2) to Mills' ratio: below it the rounding of z/√2
 * costs at most 2(z/√2)² · 1.1e-16 ≈ 1.8e-15 relative.
 */
const NORMAL_TAIL_START = 4;

/**
 * The standard normal survival function 1 − Φ(z), accurate in relative terms in the upper tail. Beyond
 * z = 4 it is φ(z) times Mills' ratio, with e^(−z²/2) split as in expMinusSquare, so the rounding of
 * z/√2 (which would cost 1e-13 relative at z = 37) never enters.
 */
export function normalSf(z: number): number {
  if (z < NORMAL_TAIL_START) return 0.5 * erfc(z * Math.SQRT1_2);
  if (z > 38.5) return 0; // below the smallest double
  return INV_SQRT_2PI * expMinusSquare(z, 0.5) * tailContinuedFraction(z, 1, TAIL_TERMS);
}

/** The standard normal CDF Φ(z) = 1 − Φ(−z), accurate in relative terms in the lower tail. */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/** The standard normal density φ(z) = e^(−z²/2)/√(2π). */
export function normalDensity(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

// Acklam's rational approximation of Φ⁻¹ (relative error < 1.2e-9), refined below by one Halley step.
const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const ACKLAM_B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const ACKLAM_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const ACKLAM_LOW = 0.02425;

/** Acklam's approximation of Φ⁻¹(p) for 0 < p ≤ 1/2. */
function acklamLowerHalf(p: number): number {
  const [a0, a1, a2, a3, a4, a5] = ACKLAM_A;
  const [b0, b1, b2, b3, b4] = ACKLAM_B;
  if (p < ACKLAM_LOW) {
    const [c0, c1, c2, c3, c4, c5] = ACKLAM_C;
    const [d0, d1, d2, d3] = ACKLAM_D;
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * The standard normal quantile Φ⁻¹(p): Acklam's approximation and one Halley step on Φ(z) − p, with Φ
 * from erfc. The upper half is computed as −Φ⁻¹(1 − p) (1 − p is exact there), so both tails keep
 * their relative accuracy. Φ⁻¹(0) = −∞, Φ⁻¹(1) = ∞; NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  const z = acklamLowerHalf(p);
  const density = normalDensity(z);
  if (density === 0) return z; // p below ~1e-320: the approximation is all the precision there is
  const u = (normalCdf(z) - p) / density;
  return z - u / (1 + 0.5 * z * u);
}

/**
 * ln Γ(x) for x > 0: Stirling's series (Bernoulli terms up to B₁₆) at x + n ≥ 10, shifted back by
 * ln Γ(x) = ln Γ(x + n) − ln(x (x+1) ⋯ (x+n−1)).
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma needs a positive argument, got ${x}`);
  if (x === Infinity) return Infinity;
  let shift = 1;
  let y = x;
  while (y < 10) {
    shift *= y;
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  const series =
    inv *
    (1 / 12 +
      inv2 *
        (-1 / 360 +
          inv2 *
            (1 / 1260 +
              inv2 *
                (-1 / 1680 +
                  inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156 - inv2 * (3617 / 122400))))))));
  return (y - 0.5) * Math.log(y) - y + HALF_LOG_2PI + series - Math.log(shift);
}

/**
 * The digamma function ψ(x) = d/dx ln Γ(x) for x > 0: its asymptotic series (Bernoulli terms up to
 * B₁₄) at x + n ≥ 10, shifted back by ψ(x) = ψ(x + 1) − 1/x.
 */
export function digamma(x: number): number {
  if (!(x > 0)) throw new Error(`digamma needs a positive argument, got ${x}`);
  if (x === Infinity) return Infinity;
  let correction = 0;
  let y = x;
  while (y < 10) {
    correction -= 1 / y;
    y += 1;
  }
  const inv2 = 1 / (y * y);
  const series =
    inv2 *
    (-1 / 12 +
      inv2 *
        (1 / 120 +
          inv2 * (-1 / 252 + inv2 * (1 / 240 + inv2 * (-1 / 132 + inv2 * (691 / 32760 - inv2 / 12))))));
  return Math.log(y) - 0.5 / y + series + correction;
}
