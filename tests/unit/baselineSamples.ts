/** Samples with known mutual information for the baseline tests. */
import type { SampleRows } from '../../src/core/finiteSample';
import { createRng } from '../../src/core/random';

/** n draws of d independent pairs (x_i, y_i), each pair standard normal with correlation ρ: I = −(d/2) ln(1 − ρ²). */
export function correlatedGaussian(n: number, d: number, rho: number, seed: number): SampleRows {
  const rng = createRng(seed);
  const x = rng.fillNormal(new Float32Array(n * d));
  const noise = rng.fillNormal(new Float32Array(n * d));
  const y = x.map((v, i) => rho * v + Math.sqrt(1 - rho * rho) * noise[i]);
  return { n, xDim: d, yDim: d, x, y };
}

/** The mutual information of correlatedGaussian(·, d, ρ) in nats. */
export const gaussianMiNats = (d: number, rho: number) => -0.5 * d * Math.log(1 - rho * rho);

/** The sample with each coordinate of x and y passed through its own map. */
export function mapped(sample: SampleRows, fx: (v: number) => number, fy: (v: number) => number): SampleRows {
  return { ...sample, x: sample.x.map(fx), y: sample.y.map(fy) };
}
