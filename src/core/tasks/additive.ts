/**
 * bmi's additive-noise tasks: X ~ U(0, 1), N ~ U(−ε, ε) independent, Y = X + N. The density of (X, Y)
 * is 1/(2ε) on its support, and that of Y is the length of [Y − ε, Y + ε] ∩ [0, 1] over 2ε.
 */
import type { Rng } from '../random';
import { pythonFloat, rowCount, type Draws, type TaskModel } from './types';
import { message } from '../../protocol/message';

/**
 * I(X; Y) in nats for Y = X + N, X ~ U(0, 1), N ~ U(−ε, ε): ε − ln(2ε) for ε ≤ ½ and 1/(4ε) for ε > ½
 * (I = h(Y) − h(N), with h(N) = ln(2ε) and h(Y) from Y's trapezoidal density).
 */
export function additiveUniformMiNats(epsilon: number): number {
  if (!(epsilon > 0)) throw new Error(`epsilon must be positive, got ${epsilon}`);
  return epsilon <= 0.5 ? epsilon - Math.log(2 * epsilon) : 1 / (4 * epsilon);
}

/**
 * How far a float32-stored (x, y) may lie outside the support and still count as on it: both are
 * below 2 in magnitude, so each was rounded by at most 2^−24 · 2 / 2.
 */
const SUPPORT_SLACK = 2 ** -23;

/** bmi's `1v1-additive-ε`. */
export function additiveNoiseTask(epsilon: number): TaskModel {
  const trueMiNats = additiveUniformMiNats(epsilon);

  function draw(rng: Rng, n: number): Draws {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let r = 0; r < n; r++) x[r] = rng.uniform();
    for (let r = 0; r < n; r++) y[r] = x[r] + epsilon * (2 * rng.uniform() - 1);
    return { n, x, y };
  }

  // p(x, y) / (p(x) p(y)) = (1/(2ε)) / (1 · |[y − ε, y + ε] ∩ [0, 1]| / (2ε)) on the support, 0 off it.
  function logRatio(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
    const n = rowCount(x, 1);
    if (rowCount(y, 1) !== n) throw new Error('x and y must have the same number of rows');
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const onSupport =
        x[r] >= -SUPPORT_SLACK &&
        x[r] <= 1 + SUPPORT_SLACK &&
        Math.abs(y[r] - x[r]) <= epsilon + SUPPORT_SLACK;
      const overlap = Math.min(1, y[r] + epsilon) - Math.max(0, y[r] - epsilon);
      out[r] = onSupport ? -Math.log(overlap) : -Infinity;
    }
    return out;
  }

  return {
    id: `1v1-additive-${pythonFloat(epsilon)}`,
    group: 'one-dimensional',
    xDim: 1,
    yDim: 1,
    trueMiNats,
    title: message('tasks.additive.title', { epsilon }),
    definition: message('tasks.additive.definition', { epsilon }),
    whyTruth: message('tasks.additive.whyTruth', { nats: trueMiNats.toFixed(4) }),
    baseId: null,
    bmiName: `Uniform 1 × 1 (additive noise=${epsilon})`,
    draw,
    logRatio,
  };
}
