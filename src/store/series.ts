/** Per-step estimate series: a preallocated buffer plus its exponential moving average. */

/** Steps-long buffers for one run's raw and smoothed estimates, in bits. */
export interface EstimateSeries {
  /** Raw per-step estimates; only the first `length` entries are meaningful. */
  readonly rawBits: Float32Array;
  /** Bias-corrected exponential moving average of rawBits. */
  readonly smoothedBits: Float32Array;
  /** Steps received so far. */
  readonly length: number;
}

/** Smoothing span in steps for a run of numSteps: 1/25 of the run, between 10 and 200 steps. */
export function smoothingSpan(numSteps: number): number {
  return Math.min(200, Math.max(10, Math.round(numSteps / 25)));
}

/** An empty series with room for numSteps steps. */
export function createSeries(numSteps: number): EstimateSeries {
  return { rawBits: new Float32Array(numSteps), smoothedBits: new Float32Array(numSteps), length: 0 };
}

/**
 * Writes `valuesBits` at `firstStepIdx` (which must be the current length) and extends the moving
 * average; returns the series with its new length, reusing the buffers.
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
  for (let k = 0; k < valuesBits.length; k++) {
    const idx = firstStepIdx + k;
    rawBits[idx] = valuesBits[k];
    // Debiased EMA: weights decay^j normalised by their sum (1 − decay^(idx+1)) / (1 − decay).
    const previousWeight = 1 - decay ** idx;
    const weight = 1 - decay ** (idx + 1);
    const previous = idx === 0 ? 0 : smoothedBits[idx - 1] * previousWeight;
    smoothedBits[idx] = (decay * previous + (1 - decay) * valuesBits[k]) / weight;
  }
  return { rawBits, smoothedBits, length: firstStepIdx + valuesBits.length };
}
