/**
 * Critic inputs for one training step: joint pairs [x_i, y_i] stacked over product-of-marginals
 * pairs [x_i, y_π(i)], where π shuffles y within the batch (the reference's torch.randperm).
 */
import type { JointSample } from './distributions';

/**
 * Builds the row-major [2n, 2·dim] matrix whose first n rows are joint pairs and whose last n rows
 * pair each x_i with y_perm[i].
 */
export function buildCriticInputs(sample: JointSample, perm: Int32Array): Float32Array {
  const { n, dim, x, y } = sample;
  if (perm.length !== n) throw new Error(`perm has length ${perm.length}, expected ${n}`);
  const width = 2 * dim;
  const out = new Float32Array(2 * n * width);
  for (let i = 0; i < n; i++) {
    const jointRow = i * width;
    const marginalRow = (n + i) * width;
    const xi = i * dim;
    const yi = i * dim;
    const yShuffled = perm[i] * dim;
    for (let k = 0; k < dim; k++) {
      out[jointRow + k] = x[xi + k];
      out[jointRow + dim + k] = y[yi + k];
      out[marginalRow + k] = x[xi + k];
      out[marginalRow + dim + k] = y[yShuffled + k];
    }
  }
  return out;
}
