/**
 * Joint distributions of (X, Y) with closed-form mutual information, sampled in plain JavaScript
 * from an explicit Rng so that a seed gives the same data on every backend.
 */
import type { Rng } from './random';

/** A batch of n pairs, each a row-major [n, dim] matrix. */
export interface JointSample {
  readonly n: number;
  readonly dim: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** A joint distribution whose mutual information and density ratio are known exactly. */
export interface JointDistribution {
  /** Stable identifier, e.g. "gaussian-channel". */
  readonly id: string;
  /** Dimension of X and of Y. */
  readonly dim: number;
  /** I(X; Y) in nats. */
  trueMiNats(): number;
  /** Draws n independent pairs. */
  sample(rng: Rng, n: number): JointSample;
  /** Per row, log p(x, y) / (p(x) p(y)): the optimal critic for the Donsker–Varadhan bound. */
  logDensityRatio(x: Float32Array, y: Float32Array): Float32Array;
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

/** The additive Gaussian channel X ~ N(0, P·I_d), Y = X + N(0, σ²·I_d). */
export function createGaussianChannel(params: GaussianChannelParams): JointDistribution {
  const { power, noise, dim } = params;
  if (!(power >= 0) || !Number.isFinite(power)) throw new Error(`power must be ≥ 0, got ${power}`);
  if (!(noise > 0) || !Number.isFinite(noise)) throw new Error(`noise must be > 0, got ${noise}`);
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`dim must be a positive integer, got ${dim}`);
  const signalStd = Math.sqrt(power);
  const noiseStd = Math.sqrt(noise);
  const outputVariance = power + noise;
  // log N(y; x, σ²) − log N(y; 0, P + σ²), per coordinate, up to the quadratic terms.
  const logNormaliserGap = 0.5 * Math.log(outputVariance / noise);

  return {
    id: 'gaussian-channel',
    dim,
    trueMiNats: () => gaussianChannelMiNats(params),
    sample(rng, n) {
      const x = rng.fillNormal(new Float32Array(n * dim), 0, signalStd);
      const y = rng.fillNormal(new Float32Array(n * dim), 0, noiseStd);
      for (let i = 0; i < y.length; i++) y[i] += x[i];
      return { n, dim, x, y };
    },
    logDensityRatio(x, y) {
      if (x.length !== y.length || x.length % dim !== 0) {
        throw new Error(`x and y must both be [n, ${dim}] matrices`);
      }
      const n = x.length / dim;
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = i * dim; j < (i + 1) * dim; j++) {
          const residual = y[j] - x[j];
          acc +=
            logNormaliserGap - (residual * residual) / (2 * noise) + (y[j] * y[j]) / (2 * outputVariance);
        }
        out[i] = acc;
      }
      return out;
    },
  };
}
