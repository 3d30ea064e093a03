/**
 * Joint distributions of (X, Y) with closed-form mutual information, sampled in plain JavaScript
 * from an explicit Rng so that a seed gives the same data on every backend. A distribution may
 * change during a run (the staircase), so everything that depends on it takes the step index.
 */
import type { Rng } from './random';
import { createTaskDistribution } from './tasks/distribution';

/** A batch of n pairs: x is a row-major [n, xDim] matrix, y an [n, yDim] one. */
export interface JointSample {
  readonly n: number;
  readonly xDim: number;
  readonly yDim: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** Identifiers of the implemented distributions, as they appear in URLs (`task`: a bmi task). */
export type DistributionId = 'channel' | 'correlated' | 'cubic' | 'staircase' | 'task';

/** A joint distribution whose mutual information and density ratio are known exactly. */
export interface JointDistribution {
  readonly id: DistributionId;
  /** Dimension of X. */
  readonly xDim: number;
  /** Dimension of Y. */
  readonly yDim: number;
  /** I(X; Y) in nats at training step `stepIdx` (0-based). */
  trueMiNats(stepIdx?: number): number;
  /** I(X; Y) in bits at `stepIdx`, computed in base 2 (so 6 bits is exactly 6). */
  trueMiBits(stepIdx?: number): number;
  /** Draws n independent pairs from the distribution as it is at `stepIdx`. */
  sample(rng: Rng, n: number, stepIdx?: number): JointSample;
  /**
   * Per row, log p(x, y) / (p(x) p(y)) at `stepIdx`: the optimal critic, up to a constant, for the
   * Donsker–Varadhan bound.
   */
  logDensityRatio(x: Float32Array, y: Float32Array, stepIdx?: number): Float32Array;
}

/** Parameters of the additive Gaussian channel Y = X + Z. */
export interface GaussianChannelParams {
  /** Signal power P: X ~ N(0, P·I). */
  readonly power: number;
  /** Noise variance σ²: Z ~ N(0, σ²·I), strictly positive. */
  readonly noise: number;
  /** Dimension d of X and Y. */
  readonly dim: number;
}

/** Mutual information of the Gaussian channel in nats: d/2 · ln(1 + P/σ²). */
export function gaussianChannelMiNats({ power, noise, dim }: GaussianChannelParams): number {
  return (dim / 2) * Math.log1p(power / noise);
}

/** Mutual information of the Gaussian channel in bits, computed directly in base 2 (exact at 6 bits). */
export function gaussianChannelMiBits({ power, noise, dim }: GaussianChannelParams): number {
  return (dim / 2) * Math.log2(1 + power / noise);
}

/** Mutual information of correlated standard Gaussians in nats: −d/2 · ln(1 − ρ²). */
export function correlatedGaussianMiNats(rho: number, dim: number): number {
  return (dim / 2) * (0 - Math.log1p(-rho * rho)); // 0 − x: +0, not −0, at ρ = 0
}

/** Mutual information of correlated standard Gaussians in bits: −d/2 · log2(1 − ρ²). */
export function correlatedGaussianMiBits(rho: number, dim: number): number {
  return (dim / 2) * (0 - Math.log2(1 - rho * rho));
}

/** The correlation ρ at which d-dimensional correlated Gaussians share `miNats` nats. */
export function rhoForMiNats(miNats: number, dim: number): number {
  return Math.sqrt(-Math.expm1((-2 * miNats) / dim));
}

function checkDim(dim: number): void {
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`dim must be a positive integer, got ${dim}`);
}

function checkRho(rho: number): void {
  if (!(Math.abs(rho) < 1)) throw new Error(`rho must be strictly between -1 and 1, got ${rho}`);
}

/** Sum over each row of an [n, dim] pair of matrices (X and Y of one dimension) of f(x_j, y_j). */
function rowSums(
  x: Float32Array,
  y: Float32Array,
  dim: number,
  term: (xj: number, yj: number) => number,
): Float32Array {
  if (x.length !== y.length || x.length % dim !== 0) {
    throw new Error(`x and y must both be [n, ${dim}] matrices`);
  }
  const n = x.length / dim;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = i * dim; j < (i + 1) * dim; j++) acc += term(x[j], y[j]);
    out[i] = acc;
  }
  return out;
}

/** The additive Gaussian channel X ~ N(0, P·I_d), Y = X + N(0, σ²·I_d). */
export function createGaussianChannel(params: GaussianChannelParams): JointDistribution {
  const { power, noise, dim } = params;
  if (!(power >= 0) || !Number.isFinite(power)) throw new Error(`power must be ≥ 0, got ${power}`);
  if (!(noise > 0) || !Number.isFinite(noise)) throw new Error(`noise must be > 0, got ${noise}`);
  checkDim(dim);
  const signalStd = Math.sqrt(power);
  const noiseStd = Math.sqrt(noise);
  const outputVariance = power + noise;
  // log N(y; x, σ²) − log N(y; 0, P + σ²), per coordinate.
  const logNormaliserGap = 0.5 * Math.log(outputVariance / noise);

  return {
    id: 'channel',
    xDim: dim,
    yDim: dim,
    trueMiNats: () => gaussianChannelMiNats(params),
    trueMiBits: () => gaussianChannelMiBits(params),
    sample(rng, n) {
      const x = rng.fillNormal(new Float32Array(n * dim), 0, signalStd);
      const y = rng.fillNormal(new Float32Array(n * dim), 0, noiseStd);
      for (let i = 0; i < y.length; i++) y[i] += x[i];
      return { n, xDim: dim, yDim: dim, x, y };
    },
    logDensityRatio: (x, y) =>
      rowSums(
        x,
        y,
        dim,
        (xj, yj) =>
          logNormaliserGap - ((yj - xj) * (yj - xj)) / (2 * noise) + (yj * yj) / (2 * outputVariance),
      ),
  };
}

/** Draws correlated standard Gaussian pairs: X ~ N(0, I), Y = ρX + √(1−ρ²)·ε. */
function sampleCorrelated(rng: Rng, n: number, dim: number, rho: number): JointSample {
  const x = rng.fillNormal(new Float32Array(n * dim));
  const y = rng.fillNormal(new Float32Array(n * dim), 0, Math.sqrt(1 - rho * rho));
  for (let i = 0; i < y.length; i++) y[i] += rho * x[i];
  return { n, xDim: dim, yDim: dim, x, y };
}

/** Per-coordinate log density ratio of correlated standard Gaussians. */
function correlatedLogRatioTerm(rho: number): (xj: number, yj: number) => number {
  const residualVariance = 1 - rho * rho;
  const logNormaliserGap = -0.5 * Math.log(residualVariance);
  return (xj, yj) =>
    logNormaliserGap - ((yj - rho * xj) * (yj - rho * xj)) / (2 * residualVariance) + (yj * yj) / 2;
}

/** Correlated Gaussians X ~ N(0, I_d), Y = ρX + √(1−ρ²)·ε: MI = −d/2 · log(1 − ρ²). */
export function createCorrelatedGaussian(rho: number, dim: number): JointDistribution {
  checkRho(rho);
  checkDim(dim);
  const term = correlatedLogRatioTerm(rho);
  return {
    id: 'correlated',
    xDim: dim,
    yDim: dim,
    trueMiNats: () => correlatedGaussianMiNats(rho, dim),
    trueMiBits: () => correlatedGaussianMiBits(rho, dim),
    sample: (rng, n) => sampleCorrelated(rng, n, dim, rho),
    logDensityRatio: (x, y) => rowSums(x, y, dim, term),
  };
}

/**
 * The correlated Gaussian with Y mapped through y ↦ y³ elementwise. An invertible map of Y leaves
 * the MI unchanged, but the critic must now learn a curved dependence.
 */
export function createCubicGaussian(rho: number, dim: number): JointDistribution {
  checkRho(rho);
  checkDim(dim);
  const term = correlatedLogRatioTerm(rho);
  return {
    id: 'cubic',
    xDim: dim,
    yDim: dim,
    trueMiNats: () => correlatedGaussianMiNats(rho, dim),
    trueMiBits: () => correlatedGaussianMiBits(rho, dim),
    sample(rng, n) {
      const sample = sampleCorrelated(rng, n, dim, rho);
      const { y } = sample;
      for (let i = 0; i < y.length; i++) y[i] = y[i] * y[i] * y[i];
      return sample;
    },
    // The density ratio is invariant under the map: evaluate it at the cube root of y.
    logDensityRatio: (x, y) => rowSums(x, y, dim, (xj, yj) => term(xj, Math.cbrt(yj))),
  };
}

/** The staircase of Poole et al. (2019): the true MI in nats on each stair, lowest first. */
export const STAIRCASE_LEVELS_NATS: readonly number[] = Object.freeze([2, 4, 6, 8, 10]);

/**
 * Correlated Gaussians whose ρ steps up every `stairSteps` training steps, so that the true MI
 * climbs 2, 4, 6, 8, 10 nats and then stays on the top stair.
 */
export function createStaircase(dim: number, stairSteps: number): JointDistribution {
  checkDim(dim);
  if (!Number.isInteger(stairSteps) || stairSteps < 1) {
    throw new Error(`stairSteps must be a positive integer, got ${stairSteps}`);
  }
  const levelAt = (stepIdx = 0) =>
    STAIRCASE_LEVELS_NATS[Math.min(STAIRCASE_LEVELS_NATS.length - 1, Math.floor(stepIdx / stairSteps))];
  const rhoAt = (stepIdx?: number) => rhoForMiNats(levelAt(stepIdx), dim);
  return {
    id: 'staircase',
    xDim: dim,
    yDim: dim,
    trueMiNats: (stepIdx) => levelAt(stepIdx),
    trueMiBits: (stepIdx) => levelAt(stepIdx) * Math.LOG2E,
    sample: (rng, n, stepIdx) => sampleCorrelated(rng, n, dim, rhoAt(stepIdx)),
    logDensityRatio: (x, y, stepIdx) => rowSums(x, y, dim, correlatedLogRatioTerm(rhoAt(stepIdx))),
  };
}

/** Everything that selects and shapes a distribution. */
export interface DistributionParams extends GaussianChannelParams {
  readonly dist: DistributionId;
  /** Correlation ρ of the correlated and cubic distributions. */
  readonly rho: number;
  /** Steps per stair of the staircase. */
  readonly stairSteps: number;
  /** bmi's id of the task, for `task`. */
  readonly task: string;
}

/** Creates the distribution a configuration names. */
export function createDistribution(params: DistributionParams): JointDistribution {
  switch (params.dist) {
    case 'channel':
      return createGaussianChannel(params);
    case 'correlated':
      return createCorrelatedGaussian(params.rho, params.dim);
    case 'cubic':
      return createCubicGaussian(params.rho, params.dim);
    case 'staircase':
      return createStaircase(params.dim, params.stairSteps);
    case 'task':
      return createTaskDistribution(params.task);
  }
}
