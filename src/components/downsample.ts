/** Reduces a long estimate series to a bounded number of plot points without hiding its spread. */
import type { EstimateSeries } from '../store/series';

/** One plotted point: a 1-based training step and the estimates there, in bits. */
export interface PlotPoint {
  readonly step: number;
  readonly estimateBits: number;
  readonly smoothedBits: number;
}

/**
 * At most about `maxPoints` points: every step when the series is short, otherwise, per bucket of
 * consecutive steps, the steps holding the bucket's minimum and maximum raw estimate, in step order,
 * so the thin line keeps the true envelope of the noise; the last step is always included.
 */
export function downsampleSeries(series: EstimateSeries, maxPoints: number): PlotPoint[] {
  const { length, rawBits, smoothedBits } = series;
  const point = (idx: number): PlotPoint => ({
    step: idx + 1,
    estimateBits: rawBits[idx],
    smoothedBits: smoothedBits[idx],
  });
  if (length <= maxPoints) return Array.from({ length }, (_, idx) => point(idx));

  const bucketSize = Math.ceil(length / Math.max(1, Math.floor(maxPoints / 2)));
  const points: PlotPoint[] = [];
  for (let first = 0; first < length; first += bucketSize) {
    const last = Math.min(first + bucketSize, length) - 1;
    let minIdx = first;
    let maxIdx = first;
    for (let idx = first + 1; idx <= last; idx++) {
      if (rawBits[idx] < rawBits[minIdx]) minIdx = idx;
      if (rawBits[idx] > rawBits[maxIdx]) maxIdx = idx;
    }
    const [a, b] = minIdx <= maxIdx ? [minIdx, maxIdx] : [maxIdx, minIdx];
    points.push(point(a));
    if (b !== a) points.push(point(b));
  }
  if (points[points.length - 1].step !== length) points.push(point(length - 1));
  return points;
}
