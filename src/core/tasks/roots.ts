/** Numerical inversion of strictly increasing functions (the mixture CDFs, the wiggly maps). */

/**
 * The x in [lo, hi] with f(x) = target, for f strictly increasing with f(lo) ≤ target ≤ f(hi):
 * Newton's method from `start`, kept inside a shrinking bracket, with a bisection step wherever a Newton
 * step would leave it. Converges quadratically near the root; stops when a Newton step is below 1e-14
 * relative (tested before the bracket, since a step below the rounding of x leaves x where it is) or the
 * bracket is that narrow.
 */
export function solveIncreasing(
  f: (x: number) => number,
  slope: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
  start = 0.5 * (lo + hi),
): number {
  let a = lo;
  let b = hi;
  let x = Math.min(Math.max(start, lo), hi);
  for (let iteration = 0; iteration < 200; iteration++) {
    const residual = f(x) - target;
    if (residual === 0) return x;
    if (residual < 0) a = x;
    else b = x;
    const step = residual / slope(x);
    const tolerance = 1e-14 * Math.max(1, Math.abs(x));
    if (Math.abs(step) <= tolerance) return x - step;
    if (b - a <= tolerance) return 0.5 * (a + b);
    const next = x - step;
    x = next > a && next < b ? next : 0.5 * (a + b);
  }
  return x;
}
