/**
 * bmi's bimodal task: the bivariate normal pushed through Φ (to uniforms) and then through the inverse
 * CDFs of two-component normal mixtures, so each marginal is bimodal while the copula stays Gaussian.
 */
import { coordinatewise, type RowMap } from './maps';
import { bivariateNormalTask } from './normal';
import { solveIncreasing } from './roots';
import { normalCdf, normalDensity, normalQuantile, normalSf } from './specialFunctions';
import { transformTask } from './transformed';
import { pythonFloat, type TaskModel } from './types';
import { message } from '../../protocol/message';

/** A mixture Σ_k w_k N(μ_k, 1) of unit-variance normals. */
export interface NormalMixture {
  readonly weights: readonly number[];
  readonly means: readonly number[];
}

/** bmi's mixture for X: 0.3 N(0, 1) + 0.7 N(5, 1) (its CDF is 0.3 Φ(x) + 0.7 Φ(x − 5)). */
export const BIMODAL_X: NormalMixture = { weights: [0.3, 0.7], means: [0, 5] };
/** bmi's mixture for Y: 0.5 N(−1, 1) + 0.5 N(3, 1) (its CDF is 0.5 Φ(x + 1) + 0.5 Φ(x − 3)). */
export const BIMODAL_Y: NormalMixture = { weights: [0.5, 0.5], means: [-1, 3] };

/** The sum over the components of w_k · term(x − μ_k). */
function mixtureSum(mixture: NormalMixture, x: number, term: (t: number) => number): number {
  let sum = 0;
  for (let k = 0; k < mixture.weights.length; k++) sum += mixture.weights[k] * term(x - mixture.means[k]);
  return sum;
}

/** The mixture's CDF F(x) = Σ w_k Φ(x − μ_k). */
export function mixtureCdf(mixture: NormalMixture, x: number): number {
  return mixtureSum(mixture, x, normalCdf);
}

/** The mixture's survival function 1 − F(x) = Σ w_k (1 − Φ(x − μ_k)), accurate in the upper tail. */
export function mixtureSf(mixture: NormalMixture, x: number): number {
  return mixtureSum(mixture, x, normalSf);
}

/** The mixture's density Σ w_k φ(x − μ_k). */
export function mixtureDensity(mixture: NormalMixture, x: number): number {
  return mixtureSum(mixture, x, normalDensity);
}

/**
 * z ↦ F⁻¹(Φ(z)): the mixture quantile at the normal probability of z. As every component CDF is
 * Φ(x − μ_k), the root lies in [min μ + z, max μ + z]. Safeguarded Newton solves ln F(x) = ln Φ(z) for
 * z ≤ 0 and ln(1 − F(x)) = ln(1 − Φ(z)) for z > 0: in logs the tails are nearly quadratic, so it takes
 * ~6 steps, and each tail keeps its relative precision.
 */
export function mixtureQuantileOfNormal(mixture: NormalMixture): (z: number) => number {
  const lowest = Math.min(...mixture.means);
  const highest = Math.max(...mixture.means);
  const meanShift = mixture.weights.reduce((sum, w, k) => sum + w * mixture.means[k], 0);
  const logCdf = (x: number) => Math.log(mixtureCdf(mixture, x));
  const logCdfSlope = (x: number) => mixtureDensity(mixture, x) / mixtureCdf(mixture, x);
  const minusLogSf = (x: number) => -Math.log(mixtureSf(mixture, x));
  const minusLogSfSlope = (x: number) => mixtureDensity(mixture, x) / mixtureSf(mixture, x);
  return (z) =>
    z <= 0
      ? solveIncreasing(logCdf, logCdfSlope, Math.log(normalCdf(z)), lowest + z, highest + z, meanShift + z)
      : solveIncreasing(
          minusLogSf,
          minusLogSfSlope,
          -Math.log(normalSf(z)),
          lowest + z,
          highest + z,
          meanShift + z,
        );
}

/** Φ⁻¹(F(x)): the normal score of a mixture draw, the inverse of mixtureQuantileOfNormal. */
export function normalScoreOfMixture(mixture: NormalMixture, x: number): number {
  const cdf = mixtureCdf(mixture, x);
  return cdf <= 0.5 ? normalQuantile(cdf) : -normalQuantile(mixtureSf(mixture, x));
}

/** z ↦ F⁻¹(Φ(z)) on every coordinate, for a mixture's CDF F. */
function mixtureMap(mixture: NormalMixture): RowMap {
  return coordinatewise(mixtureQuantileOfNormal(mixture), (x) => normalScoreOfMixture(mixture, x));
}

/** Describes a mixture as "0.3 N(0, 1) + 0.7 N(5, 1)". */
function describeMixture({ weights, means }: NormalMixture): string {
  return weights.map((w, k) => `${w} N(${means[k]}, 1)`).join(' + ');
}

/** bmi's `1v1-bimodal-ρ`: X = F_X⁻¹(Φ(Z_X)), Y = F_Y⁻¹(Φ(Z_Y)) for (Z_X, Z_Y) bivariate normal with correlation ρ. */
export function bimodalTask(rho: number): TaskModel {
  const base = bivariateNormalTask(rho);
  return transformTask(base, {
    id: `1v1-bimodal-${pythonFloat(rho)}`,
    mapX: mixtureMap(BIMODAL_X),
    mapY: mixtureMap(BIMODAL_Y),
    title: message('tasks.bimodal.title', { rho }),
    bmiName: 'Bimodal 1 × 1',
    definition: message('tasks.bimodal.definition', {
      rho,
      base: base.id,
      mixtureX: describeMixture(BIMODAL_X),
      mixtureY: describeMixture(BIMODAL_Y),
    }),
    mapsInvertible: message('tasks.bimodal.invertible'),
  });
}
