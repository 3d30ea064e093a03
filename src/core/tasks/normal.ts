/**
 * Gaussian tasks of bmi: the bivariate normal, and the multinormal with a dense covariance or a sparse
 * "2-pair" correlation built from bmi's Gaussian latent-variable model. I(X; Y) in closed form,
 * ½ ln(det Σ_XX det Σ_YY / det Σ), and the log density ratio from Cholesky factors.
 */
import type { Rng } from '../random';
import { cholesky, inverseQuadraticForm, logDetFromCholesky, principalBlock } from './linalg';
import { pythonFloat, rowCount, type Draws, type TaskGroup, type TaskModel } from './types';
import { message, type Message } from '../../protocol/message';

/** The facts of a Gaussian task other than its covariance, which determines the rest. */
interface GaussianSpec {
  readonly id: string;
  readonly group: TaskGroup;
  readonly xDim: number;
  readonly yDim: number;
  /** The joint covariance of (X, Y), row-major, (xDim + yDim)². */
  readonly covariance: Float64Array;
  readonly title: Message;
  readonly definition: Message;
  readonly bmiName: string;
}

/** A zero-mean multinormal task: draws L z with L Lᵀ = Σ and z standard normal. */
export function gaussianTask(spec: GaussianSpec): TaskModel {
  const { xDim, yDim, covariance } = spec;
  const d = xDim + yDim;
  const l = cholesky(covariance, d);
  const lx = cholesky(principalBlock(covariance, d, 0, xDim), xDim);
  const ly = cholesky(principalBlock(covariance, d, xDim, yDim), yDim);
  const trueMiNats =
    0.5 * (logDetFromCholesky(lx, xDim) + logDetFromCholesky(ly, yDim) - logDetFromCholesky(l, d));

  function draw(rng: Rng, n: number): Draws {
    const z = rng.fillNormal(new Float32Array(n * d));
    const x = new Float64Array(n * xDim);
    const y = new Float64Array(n * yDim);
    for (let r = 0; r < n; r++) {
      const base = r * d;
      for (let i = 0; i < d; i++) {
        let sum = 0;
        for (let k = 0; k <= i; k++) sum += l[i * d + k] * z[base + k];
        if (i < xDim) x[r * xDim + i] = sum;
        else y[r * yDim + i - xDim] = sum;
      }
    }
    return { n, x, y };
  }

  // ln N(v; Σ) − ln N(x; Σ_XX) − ln N(y; Σ_YY) = I − ½ (vᵀΣ⁻¹v − xᵀΣ_XX⁻¹x − yᵀΣ_YY⁻¹y).
  function logRatio(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
    const n = rowCount(x, xDim);
    if (rowCount(y, yDim) !== n) throw new Error('x and y must have the same number of rows');
    const out = new Float64Array(n);
    // One row at a time in a Float64Array, so the solves see a single array type whatever x and y are.
    const joint = new Float64Array(d);
    const scratch = new Float64Array(d);
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < xDim; i++) joint[i] = x[r * xDim + i];
      for (let j = 0; j < yDim; j++) joint[xDim + j] = y[r * yDim + j];
      const q = inverseQuadraticForm(l, d, joint, 0, scratch);
      const qx = inverseQuadraticForm(lx, xDim, joint, 0, scratch);
      const qy = inverseQuadraticForm(ly, yDim, joint, xDim, scratch);
      out[r] = trueMiNats - 0.5 * (q - qx - qy);
    }
    return out;
  }

  return {
    id: spec.id,
    group: spec.group,
    xDim,
    yDim,
    trueMiNats,
    title: spec.title,
    definition: spec.definition,
    whyTruth: message('tasks.normal.whyTruth'),
    baseId: null,
    bmiName: spec.bmiName,
    draw,
    logRatio,
  };
}

/** bmi's `1v1-normal-ρ`: X, Y standard normal with correlation ρ; MI = −½ ln(1 − ρ²). */
export function bivariateNormalTask(rho: number): TaskModel {
  if (!(Math.abs(rho) < 1)) throw new Error(`rho must be strictly between -1 and 1, got ${rho}`);
  return gaussianTask({
    id: `1v1-normal-${pythonFloat(rho)}`,
    group: 'one-dimensional',
    xDim: 1,
    yDim: 1,
    covariance: Float64Array.of(1, rho, rho, 1),
    title: message('tasks.bivariateNormal.title', { rho }),
    definition: message('tasks.bivariateNormal.definition', { rho }),
    bmiName: 'Bivariate normal 1 × 1',
  });
}

/** The dense covariance of bmi: 1 on the diagonal and `offDiag` everywhere else, over all of (X, Y). */
export function denseCovariance(d: number, offDiag: number): Float64Array {
  const covariance = new Float64Array(d * d).fill(offDiag);
  for (let i = 0; i < d; i++) covariance[i * d + i] = 1;
  return covariance;
}

/** bmi's `multinormal-dense-m-n-c`: every pair of the m + n coordinates has correlation c. */
export function multinormalDenseTask(xDim: number, yDim: number, offDiag = 0.5): TaskModel {
  return gaussianTask({
    id: `multinormal-dense-${xDim}-${yDim}-${pythonFloat(offDiag)}`,
    group: 'multinormal',
    xDim,
    yDim,
    covariance: denseCovariance(xDim + yDim, offDiag),
    title: message('tasks.dense.title', { xDim, yDim }),
    definition: message('tasks.dense.definition', { xDim, yDim, offDiag, d: xDim + yDim }),
    bmiName: `Multinormal ${xDim} × ${yDim} (dense)`,
  });
}

/**
 * The correlation matrix of bmi's sparse Gaussian latent-variable model with α = β = 0, ε = 1 and
 * λ = η = `strength`: X_i = ε E_i + λ Z_i and Y_i = ε F_i + λ Z_i for i < k (the interacting pairs
 * share Z_i), and X_i = ε E_i + η V_i, Y_i = ε F_i + η W_i otherwise, all latents i.i.d. N(0, 1).
 * So Var = ε² + λ² for every coordinate, Cov(X_i, Y_i) = λ² for i < k, and nothing else correlates.
 */
export function sparseCorrelation(
  xDim: number,
  yDim: number,
  nInteracting: number,
  strength: number,
): Float64Array {
  if (!(nInteracting >= 0 && nInteracting <= Math.min(xDim, yDim))) {
    throw new Error(`nInteracting must be between 0 and min(xDim, yDim), got ${nInteracting}`);
  }
  const d = xDim + yDim;
  const epsilon = 1;
  const covariance = new Float64Array(d * d);
  for (let i = 0; i < d; i++) covariance[i * d + i] = epsilon ** 2 + strength ** 2;
  for (let i = 0; i < nInteracting; i++) {
    covariance[i * d + xDim + i] = strength ** 2;
    covariance[(xDim + i) * d + i] = strength ** 2;
  }
  const correlation = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      correlation[i * d + j] =
        covariance[i * d + j] / Math.sqrt(covariance[i * d + i] * covariance[j * d + j]);
    }
  }
  return correlation;
}

/** bmi's `multinormal-sparse-m-n-k-λ` ("2-pair" for k = 2): k pairs (X_i, Y_i) correlated, all else independent. */
export function multinormalSparseTask(xDim: number, yDim: number, nInteracting = 2, strength = 2): TaskModel {
  const rho = strength ** 2 / (1 + strength ** 2);
  const kind = nInteracting === 2 ? '2-pair' : 'sparse';
  return gaussianTask({
    id: `multinormal-sparse-${xDim}-${yDim}-${nInteracting}-${pythonFloat(strength)}`,
    group: 'multinormal',
    xDim,
    yDim,
    covariance: sparseCorrelation(xDim, yDim, nInteracting, strength),
    title: message('tasks.sparse.title', { xDim, yDim, count: nInteracting }),
    definition: message('tasks.sparse.definition', { xDim, yDim, count: nInteracting, rho, strength }),
    bmiName: `Multinormal ${xDim} × ${yDim} (${kind})`,
  });
}
