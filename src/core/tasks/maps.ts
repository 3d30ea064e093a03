/**
 * The invertible maps bmi pushes its base distributions through, each applied to every row of X (or of
 * Y), with its inverse: normal CDF, half-cube, asinh, wiggly, spiral and the Swiss roll embedding.
 * Maps are injective, so I(f(X); g(Y)) = I(X; Y); each inverse recovers the base sample.
 */
import { solveIncreasing } from './roots';
import { normalCdf, normalQuantile } from './specialFunctions';
import { rowCount } from './types';

/** A map of the rows of an [n, dim] matrix to the rows of an [n, outDim(dim)] one, with its inverse. */
export interface RowMap {
  /** The width of a mapped row for an input row of `dim` columns. */
  outDim(dim: number): number;
  /** Maps every row of an [n, dim] matrix. */
  forward(values: Float64Array, dim: number): Float64Array;
  /** Maps every row of an [n, outDim(dim)] matrix back to the [n, dim] rows it came from. */
  inverse(values: ArrayLike<number>, dim: number): Float64Array;
}

/** The identity: a coordinate a task keeps as it is. */
export const IDENTITY: RowMap = {
  outDim: (dim) => dim,
  forward: (values) => values,
  inverse: (values) => Float64Array.from(values),
};

/** The same map of ℝ to ℝ, with its inverse, applied to every coordinate. */
export function coordinatewise(f: (t: number) => number, fInverse: (s: number) => number): RowMap {
  const apply = (values: ArrayLike<number>, g: (t: number) => number) => {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = g(values[i]);
    return out;
  };
  return {
    outDim: (dim) => dim,
    forward: (values) => apply(values, f),
    inverse: (values) => apply(values, fInverse),
  };
}

/**
 * Φ(z) kept strictly inside (0, 1) as a float32: the largest float32 below 1 is 1 − 2⁻²⁴, and Φ(z) would
 * round up to exactly 1 for z > 5.42 (about one coordinate in 3·10⁷). Clamping at 1 − 2⁻²⁴ (reached at
 * z ≈ 5.29) changes no stored value but those: the ones in between round to 1 − 2⁻²⁴ anyway. 2⁻¹²⁶, the
 * smallest normal float32, bounds it below (z < −13).
 */
const FLOAT32_BELOW_ONE = 1 - 2 ** -24;
const FLOAT32_SMALLEST_NORMAL = 2 ** -126;

/** bmi's `normal_cdf`: Φ, the standard normal CDF, on every coordinate (into (0, 1)). */
export const NORMAL_CDF: RowMap = coordinatewise(
  (z) => Math.min(Math.max(normalCdf(z), FLOAT32_SMALLEST_NORMAL), FLOAT32_BELOW_ONE),
  normalQuantile,
);

/** bmi's `half_cube`: t ↦ t·√|t|, a signed t^(3/2); inverse s ↦ sign(s)·|s|^(2/3). */
export const HALF_CUBE: RowMap = coordinatewise(
  (t) => t * Math.sqrt(Math.abs(t)),
  (s) => Math.sign(s) * Math.cbrt(s * s),
);

/** bmi's `asinh` task map: the inverse hyperbolic sine on every coordinate (inverse: sinh). */
export const ASINH: RowMap = coordinatewise(Math.asinh, Math.sinh);

/** bmi's wiggly map of X: t + 0.4 sin t + 0.2 sin(1.7t + 1) + 0.03 sin(3.3t − 2.5). */
export function wigglyX(t: number): number {
  return t + 0.4 * Math.sin(t) + 0.2 * Math.sin(1.7 * t + 1) + 0.03 * Math.sin(3.3 * t - 2.5);
}

/** The derivative of wigglyX: 1 + 0.4 cos t + 0.34 cos(1.7t + 1) + 0.099 cos(3.3t − 2.5) ≥ 0.161. */
export function wigglyXSlope(t: number): number {
  return 1 + 0.4 * Math.cos(t) + 0.34 * Math.cos(1.7 * t + 1) + 0.099 * Math.cos(3.3 * t - 2.5);
}

/** bmi's wiggly map of Y: t − 0.4 sin(0.4t) + 0.17 sin(1.3t + 3.5) + 0.02 sin(4.3t − 2.5). */
export function wigglyY(t: number): number {
  return t - 0.4 * Math.sin(0.4 * t) + 0.17 * Math.sin(1.3 * t + 3.5) + 0.02 * Math.sin(4.3 * t - 2.5);
}

/** The derivative of wigglyY: 1 − 0.16 cos(0.4t) + 0.221 cos(1.3t + 3.5) + 0.086 cos(4.3t − 2.5) ≥ 0.533. */
export function wigglyYSlope(t: number): number {
  return 1 - 0.16 * Math.cos(0.4 * t) + 0.221 * Math.cos(1.3 * t + 3.5) + 0.086 * Math.cos(4.3 * t - 2.5);
}

/**
 * A strictly increasing map of ℝ whose distance from the identity is below `reach`, inverted by
 * safeguarded Newton within [s − reach, s + reach].
 */
function nearIdentity(f: (t: number) => number, slope: (t: number) => number, reach: number): RowMap {
  return coordinatewise(f, (s) => solveIncreasing(f, slope, s, s - reach, s + reach, s));
}

/** The wiggly map of X (|wigglyX(t) − t| ≤ 0.4 + 0.2 + 0.03). */
export const WIGGLY_X: RowMap = nearIdentity(wigglyX, wigglyXSlope, 0.64);
/** The wiggly map of Y (|wigglyY(t) − t| ≤ 0.4 + 0.17 + 0.02). */
export const WIGGLY_Y: RowMap = nearIdentity(wigglyY, wigglyYSlope, 0.6);

/**
 * bmi's spiral x ↦ exp(θ A) x with θ = speed·|x|² and A the so(n) generator of the plane of
 * coordinates i < j (A_ij = −1, A_ji = 1): a rotation of that plane by θ, so
 * x_i' = cos θ x_i − sin θ x_j and x_j' = sin θ x_i + cos θ x_j. A rotation keeps |x|, so the inverse
 * reads θ off the image and rotates back.
 */
export function spiralMap(i: number, j: number, speed: number): RowMap {
  if (!(Number.isInteger(i) && Number.isInteger(j) && 0 <= i && i < j)) {
    throw new Error(`the plane needs coordinates 0 ≤ i < j, got ${i}, ${j}`);
  }
  const rotateRows = (values: ArrayLike<number>, dim: number, sign: number) => {
    if (j >= dim) throw new Error(`the spiral's plane (${i}, ${j}) needs ${j + 1} coordinates, got ${dim}`);
    const n = rowCount(values, dim);
    const out = Float64Array.from(values);
    for (let r = 0; r < n; r++) {
      let squaredNorm = 0;
      for (let k = 0; k < dim; k++) squaredNorm += out[r * dim + k] ** 2;
      const theta = sign * speed * squaredNorm;
      const cos = Math.cos(theta);
      const sin = Math.sin(theta);
      const xi = out[r * dim + i];
      const xj = out[r * dim + j];
      out[r * dim + i] = cos * xi - sin * xj;
      out[r * dim + j] = sin * xi + cos * xj;
    }
    return out;
  };
  return {
    outDim: (dim) => dim,
    forward: (values, dim) => rotateRows(values, dim, 1),
    inverse: (values, dim) => rotateRows(values, dim, -1),
  };
}

/** The parameter of the Swiss roll at u ∈ [0, 1]: t = 1.5π (1 + 2u), so t runs over [1.5π, 4.5π]. */
const swissRollAngle = (u: number) => 1.5 * Math.PI * (1 + 2 * u);

/**
 * bmi's `swissroll2d`, from one coordinate u ∈ (0, 1) to two: (t cos t, t sin t)/21 with t = 1.5π(1 + 2u).
 * The radius t/21 grows with u, so the curve never meets itself and u = (21|x'|/(1.5π) − 1)/2.
 */
export const SWISS_ROLL: RowMap = {
  outDim(dim) {
    if (dim !== 1) throw new Error(`the Swiss roll maps one coordinate, got ${dim}`);
    return 2;
  },
  forward(values, dim) {
    const n = rowCount(values, dim);
    const out = new Float64Array(2 * n);
    for (let r = 0; r < n; r++) {
      const t = swissRollAngle(values[r]);
      out[2 * r] = (t * Math.cos(t)) / 21;
      out[2 * r + 1] = (t * Math.sin(t)) / 21;
    }
    return out;
  },
  inverse(values) {
    const n = rowCount(values, 2);
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const t = 21 * Math.hypot(values[2 * r], values[2 * r + 1]);
      out[r] = (t / (1.5 * Math.PI) - 1) / 2;
    }
    return out;
  },
};
