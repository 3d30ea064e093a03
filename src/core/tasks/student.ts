/**
 * bmi's Student-t tasks: (X, Y) multivariate Student-t with identity dispersion, whose coordinates are
 * uncorrelated yet dependent through one shared chi-square draw. The MI is the entropy identity
 * I = h(X) + h(Y) − h(X, Y) with the entropy of a standard multivariate t (Arellano-Valle, Contreras-Reyes
 * and Genton 2013, eq. 7), the formula bmi uses.
 */
import type { Rng } from '../random';
import { digamma, logGamma } from './specialFunctions';
import { rowCount, type Draws, type TaskModel } from './types';
import { message } from '../../protocol/message';

/**
 * The differential entropy in nats of the k-dimensional Student-t with ν degrees of freedom, zero location
 * and identity dispersion: ln Γ(ν/2) − ln Γ((ν+k)/2) + (k/2) ln(νπ) + ((ν+k)/2)(ψ((ν+k)/2) − ψ(ν/2)).
 */
export function studentEntropyNats(k: number, nu: number): number {
  const half = (nu + k) / 2;
  return (
    logGamma(nu / 2) -
    logGamma(half) +
    (k / 2) * Math.log(nu * Math.PI) +
    half * (digamma(half) - digamma(nu / 2))
  );
}

/**
 * I(X; Y) in nats for (X, Y) ∈ ℝ^m × ℝ^n multivariate t with identity dispersion: the Gaussian part
 * (zero for the identity) plus the correction h(m) + h(n) − h(m + n), which depends on ν and the
 * dimensions only.
 */
export function studentIdentityMiNats(xDim: number, yDim: number, nu: number): number {
  return studentEntropyNats(xDim, nu) + studentEntropyNats(yDim, nu) - studentEntropyNats(xDim + yDim, nu);
}

/**
 * A Gamma(shape, 1) draw by Marsaglia and Tsang (2000); for shape < 1 a Gamma(shape + 1) draw times
 * U^(1/shape), U uniform on (0, 1]. `scratch` is a one-element buffer for the normal proposals.
 */
export function sampleGamma(rng: Rng, shape: number, scratch: Float32Array): number {
  if (!(shape > 0)) throw new Error(`the gamma shape must be positive, got ${shape}`);
  if (shape < 1) {
    const boost = Math.pow(1 - rng.uniform(), 1 / shape);
    return sampleGamma(rng, shape + 1, scratch) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.fillNormal(scratch)[0];
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A chi-square draw with ν degrees of freedom: 2 · Gamma(ν/2, 1). */
export function sampleChiSquare(rng: Rng, nu: number, scratch: Float32Array): number {
  return 2 * sampleGamma(rng, nu / 2, scratch);
}

/** ln of the normaliser of the standard k-dimensional t density: ln Γ((ν+k)/2) − ln Γ(ν/2) − (k/2) ln(νπ). */
function logNormaliser(k: number, nu: number): number {
  return logGamma((nu + k) / 2) - logGamma(nu / 2) - (k / 2) * Math.log(nu * Math.PI);
}

/** Σ of the squares of values[offset … offset + k − 1]. */
function squaredNorm(values: ArrayLike<number>, offset: number, k: number): number {
  let sum = 0;
  for (let i = 0; i < k; i++) sum += values[offset + i] * values[offset + i];
  return sum;
}

/** bmi's `student-identity-m-n-ν`: (X, Y) = Z / √(W/ν), Z ~ N(0, I_{m+n}), one W ~ χ²_ν per row. */
export function studentIdentityTask(xDim: number, yDim: number, nu: number): TaskModel {
  if (!(nu > 0)) throw new Error(`the degrees of freedom must be positive, got ${nu}`);
  const d = xDim + yDim;
  const constant = logNormaliser(d, nu) - logNormaliser(xDim, nu) - logNormaliser(yDim, nu);

  function draw(rng: Rng, n: number): Draws {
    const z = rng.fillNormal(new Float32Array(n * d));
    const scratch = new Float32Array(1);
    const x = new Float64Array(n * xDim);
    const y = new Float64Array(n * yDim);
    for (let r = 0; r < n; r++) {
      const scale = 1 / Math.sqrt(sampleChiSquare(rng, nu, scratch) / nu);
      for (let i = 0; i < xDim; i++) x[r * xDim + i] = z[r * d + i] * scale;
      for (let j = 0; j < yDim; j++) y[r * yDim + j] = z[r * d + xDim + j] * scale;
    }
    return { n, x, y };
  }

  // ln p(v) = c_k − ((ν+k)/2) ln(1 + |v|²/ν) for the joint (k = m + n) and each marginal (itself a t).
  function logRatio(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
    const n = rowCount(x, xDim);
    if (rowCount(y, yDim) !== n) throw new Error('x and y must have the same number of rows');
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const sx = squaredNorm(x, r * xDim, xDim);
      const sy = squaredNorm(y, r * yDim, yDim);
      out[r] =
        constant -
        ((nu + d) / 2) * Math.log1p((sx + sy) / nu) +
        ((nu + xDim) / 2) * Math.log1p(sx / nu) +
        ((nu + yDim) / 2) * Math.log1p(sy / nu);
    }
    return out;
  }

  const oneDimensional = xDim === 1 && yDim === 1;
  return {
    id: `student-identity-${xDim}-${yDim}-${nu}`,
    group: oneDimensional ? 'one-dimensional' : 'student',
    xDim,
    yDim,
    trueMiNats: studentIdentityMiNats(xDim, yDim, nu),
    title: oneDimensional
      ? message('tasks.student.bivariateTitle', { nu })
      : message('tasks.student.title', { xDim, yDim, nu }),
    definition: message(nu <= 2 ? 'tasks.student.definitionInfinite' : 'tasks.student.definition', {
      xDim,
      yDim,
      nu,
      d,
    }),
    whyTruth: message('tasks.student.whyTruth'),
    baseId: null,
    bmiName: `Student-t ${xDim} × ${yDim} (dof=${nu})`,
    draw,
    logRatio,
  };
}
