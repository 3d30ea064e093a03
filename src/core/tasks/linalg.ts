/**
 * The little dense linear algebra the Gaussian tasks need, on row-major Float64Array matrices:
 * Cholesky factors, log-determinants, principal blocks and quadratic forms.
 */

/** The lower-triangular L with L Lᵀ = a for a symmetric positive-definite d × d matrix; throws otherwise. */
export function cholesky(a: ArrayLike<number>, d: number): Float64Array {
  if (a.length !== d * d) throw new Error(`expected a ${d} × ${d} matrix, got ${a.length} values`);
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * d + j];
      for (let k = 0; k < j; k++) sum -= l[i * d + k] * l[j * d + k];
      if (i === j) {
        if (!(sum > 0)) throw new Error('the matrix is not positive definite');
        l[i * d + i] = Math.sqrt(sum);
      } else {
        l[i * d + j] = sum / l[j * d + j];
      }
    }
  }
  return l;
}

/** ln det a from its Cholesky factor: 2 Σ ln L_ii. */
export function logDetFromCholesky(l: Float64Array, d: number): number {
  let sum = 0;
  for (let i = 0; i < d; i++) sum += Math.log(l[i * d + i]);
  return 2 * sum;
}

/** The principal block of a d × d matrix on rows and columns start … start + size − 1. */
export function principalBlock(a: ArrayLike<number>, d: number, start: number, size: number): Float64Array {
  const block = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) block[i * size + j] = a[(start + i) * d + start + j];
  }
  return block;
}

/**
 * vᵀ a⁻¹ v = |L⁻¹ v|² for the vector v = values[offset … offset + d − 1], by forward substitution
 * with the Cholesky factor L of a; `scratch` (length ≥ d) holds L⁻¹ v.
 */
export function inverseQuadraticForm(
  l: Float64Array,
  d: number,
  values: Float64Array,
  offset: number,
  scratch: Float64Array,
): number {
  let norm = 0;
  for (let i = 0; i < d; i++) {
    let sum = values[offset + i];
    for (let k = 0; k < i; k++) sum -= l[i * d + k] * scratch[k];
    const w = sum / l[i * d + i];
    scratch[i] = w;
    norm += w * w;
  }
  return norm;
}
