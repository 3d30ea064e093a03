/** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations (canonical correlations). */

/** The eigenvalues of the symmetric d × d row-major matrix `a` (unsorted; `a` is not changed). */
export function symmetricEigenvalues(a: ArrayLike<number>, d: number): Float64Array {
  const m = Float64Array.from(a);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += m[p * d + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q];
        if (apq === 0) continue;
        // The rotation that zeroes m[p][q]: t = tan θ, the smaller root of t² + 2τt − 1 = 0.
        const tau = (m[q * d + q] - m[p * d + p]) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const mkp = m[k * d + p];
          const mkq = m[k * d + q];
          m[k * d + p] = c * mkp - s * mkq;
          m[k * d + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < d; k++) {
          const mpk = m[p * d + k];
          const mqk = m[q * d + k];
          m[p * d + k] = c * mpk - s * mqk;
          m[q * d + k] = s * mpk + c * mqk;
        }
      }
    }
  }
  return Float64Array.from({ length: d }, (_, i) => m[i * d + i]);
}
