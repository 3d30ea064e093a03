/** Per-step estimate series: a preallocated buffer plus its exponential moving average. */

/** Steps-long buffers for one run's raw and smoothed estimates, in bits (NaN marks a gap). */
export interface EstimateSeries {
  /** Raw per-step estimates; only the first `length` entries are meaningful. */
  readonly rawBits: Float32Array;
  /** Bias-corrected exponential moving average of the finite raw estimates. */
  readonly smoothedBits: Float32Array;
  /** Steps received so far. */
  readonly length: number;
  /** Running Σ decay^age · (1 − decay) · value over finite values (the EMA's numerator). */
  readonly emaSum: number;
  /** Running Σ decay^age · (1 − decay) over finite values (its weight, for bias correction). */
  readonly emaWeight: number;
}

/** Smoothing span in steps for a run of numSteps: 1/25 of the run, between 10 and 200 steps. */
export function smoothingSpan(numSteps: number): number {
  return Math.min(200, Math.max(10, Math.round(numSteps / 25)));
}

/** An empty series with room for numSteps steps. */
export function createSeries(numSteps: number): EstimateSeries {
  return {
    rawBits: new Float32Array(numSteps),
    smoothedBits: new Float32Array(numSteps),
    length: 0,
    emaSum: 0,
    emaWeight: 0,
  };
}

/**
 * Writes `valuesBits` at `firstStepIdx` (which must be the current length) and extends the moving
 * average; returns the series with its new length, reusing the buffers. A non-finite estimate (a
 * diverged step) is kept in the raw data but skipped by the average.
 */
export function appendToSeries(
  series: EstimateSeries,
  firstStepIdx: number,
  valuesBits: Float32Array,
): EstimateSeries {
  if (firstStepIdx !== series.length) {
    throw new Error(`expected step ${series.length}, got a batch starting at step ${firstStepIdx}`);
  }
  const capacity = series.rawBits.length;
  if (firstStepIdx + valuesBits.length > capacity) {
    throw new Error(`batch overruns the run's ${capacity} steps`);
  }
  const decay = 1 - 1 / smoothingSpan(capacity);
  const { rawBits, smoothedBits } = series;
  let { emaSum, emaWeight } = series;
  for (let k = 0; k < valuesBits.length; k++) {
    const value = valuesBits[k];
    rawBits[firstStepIdx + k] = value;
    if (Number.isFinite(value)) {
      emaSum = decay * emaSum + (1 - decay) * value;
      emaWeight = decay * emaWeight + (1 - decay);
    }
    // A non-finite step (a diverged estimator) is a gap in both curves, never a point.
    smoothedBits[firstStepIdx + k] = emaWeight > 0 && Number.isFinite(value) ? emaSum / emaWeight : NaN;
  }
  return { rawBits, smoothedBits, length: firstStepIdx + valuesBits.length, emaSum, emaWeight };
}
