/**
 * The mutual information a linear model sees: that of the Gaussian with the sample's covariance,
 * I = ½ ln(det Σ_xx · det Σ_yy / det Σ) = −½ Σ ln(1 − ρ_i²) over the canonical correlations ρ_i.
 * Exact for Gaussian data; blind to any dependence that is not linear (≈ 0 for y = sin 3x).
 * Computed on the correlation matrix (the same MI, better conditioned) with Cholesky factors.
 */
import { message, type Message } from '../../protocol/message';
import { DataError } from '../data/table';
import { cholesky, logDetFromCholesky, principalBlock } from '../tasks/linalg';
import type { SampleRows } from '../finiteSample';
import { symmetricEigenvalues } from './eigen';

/** Least pivot of a Cholesky factor of a correlation matrix (1 − R² of a column on the ones before it). */
const MIN_PIVOT = 1e-10;

/** The Gaussian MI in nats and the canonical correlations (min(d_x, d_y) of them, largest first). */
export interface LinearMiResult {
  readonly miNats: number;
  readonly canonicalCorrelations: Float64Array;
}

/** The (d_x + d_y)² correlation matrix of the columns [x, y]; throws for a constant column. */
function correlationMatrix(sample: SampleRows): Float64Array {
  const { n, xDim, yDim } = sample;
  const d = xDim + yDim;
  const value = (i: number, c: number) => (c < xDim ? sample.x[i * xDim + c] : sample.y[i * yDim + c - xDim]);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) mean[c] += value(i, c);
  for (let c = 0; c < d; c++) mean[c] /= n;
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d; c++) row[c] = value(i, c) - mean[c];
    for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) cov[a * d + b] += row[a] * row[b];
  }
  const std = Float64Array.from({ length: d }, (_, c) => Math.sqrt(cov[c * d + c]));
  std.forEach((s, c) => {
    if (!(s > 0)) {
      throw new DataError(
        'constant-column',
        c < xDim
          ? message('errors.linear.constantX', { column: c + 1 })
          : message('errors.linear.constantY', { column: c - xDim + 1 }),
      );
    }
  });
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      const r = a === b ? 1 : cov[a * d + b] / (std[a] * std[b]);
      cov[a * d + b] = r;
      cov[b * d + a] = r;
    }
  }
  return cov;
}

/** The Cholesky factor of a correlation matrix, or null when it is (numerically) singular. */
function stableCholesky(r: Float64Array, d: number): Float64Array | null {
  try {
    const l = cholesky(r, d);
    for (let i = 0; i < d; i++) if (l[i * d + i] ** 2 < MIN_PIVOT) return null;
    return l;
  } catch {
    return null;
  }
}

/** Solves L z = b in place for each of the `count` columns of the row-major d × count matrix b. */
function forwardSolveColumns(l: Float64Array, d: number, b: Float64Array, count: number): void {
  for (let col = 0; col < count; col++) {
    for (let i = 0; i < d; i++) {
      let sum = b[i * count + col];
      for (let k = 0; k < i; k++) sum -= l[i * d + k] * b[k * count + col];
      b[i * count + col] = sum / l[i * d + i];
    }
  }
}

const singular = (why: Message) =>
  new DataError('singular-covariance', message('errors.linear.singular', { why }));

/** The linear (Gaussian) MI of `sample` in nats, with its canonical correlations. */
export function linearMutualInformation(sample: SampleRows): LinearMiResult {
  const { xDim: dx, yDim: dy } = sample;
  const d = dx + dy;
  if (sample.n <= d) throw new DataError('too-few-rows', message('errors.linear.tooFewRows', { columns: d }));
  const r = correlationMatrix(sample);
  const lx = stableCholesky(principalBlock(r, d, 0, dx), dx);
  if (!lx) throw singular(message('errors.linear.dependentX'));
  const ly = stableCholesky(principalBlock(r, d, dx, dy), dy);
  if (!ly) throw singular(message('errors.linear.dependentY'));
  const l = stableCholesky(r, d);
  if (!l) throw singular(message('errors.linear.linearInX'));
  const miNats = 0.5 * (logDetFromCholesky(lx, dx) + logDetFromCholesky(ly, dy) - logDetFromCholesky(l, d));

  // M = Lx⁻¹ R_xy Ly⁻ᵀ: its singular values are the canonical correlations.
  const a = new Float64Array(dx * dy); // Lx⁻¹ R_xy, dx × dy
  for (let i = 0; i < dx; i++) for (let j = 0; j < dy; j++) a[i * dy + j] = r[i * d + dx + j];
  forwardSolveColumns(lx, dx, a, dy);
  const mt = new Float64Array(dy * dx); // Mᵀ = Ly⁻¹ (Lx⁻¹ R_xy)ᵀ, dy × dx
  for (let j = 0; j < dy; j++) for (let i = 0; i < dx; i++) mt[j * dx + i] = a[i * dy + j];
  forwardSolveColumns(ly, dy, mt, dx);
  const m = Math.min(dx, dy);
  const gram = new Float64Array(m * m); // MᵀM (dy ≤ dx) or MMᵀ: the squared correlations
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < m; q++) {
      let sum = 0;
      if (dy <= dx) for (let i = 0; i < dx; i++) sum += mt[p * dx + i] * mt[q * dx + i];
      else for (let j = 0; j < dy; j++) sum += mt[j * dx + p] * mt[j * dx + q];
      gram[p * m + q] = sum;
    }
  }
  const canonicalCorrelations = symmetricEigenvalues(gram, m)
    .map((lambda) => Math.sqrt(Math.min(1, Math.max(0, lambda))))
    .sort()
    .reverse();
  return { miNats, canonicalCorrelations };
}
