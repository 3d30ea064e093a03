/**
 * An incrementally down-sampled view of a growing series: consecutive steps are grouped into at
 * most `maxBuckets` buckets, each remembering where its smallest and largest value are. Appending a
 * step is O(1); when the buckets fill, neighbours merge and each bucket covers twice as many steps
 * (O(maxBuckets), rarely). Drawing reads the buckets, never the whole history.
 */

/** Bucketed extremes of one series, mutated in place as steps arrive. */
export interface PlotBuckets {
  /** Most buckets kept. */
  readonly maxBuckets: number;
  /** Steps per bucket: a power of two. */
  bucketSize: number;
  /** Buckets in use (the last may be partly filled). */
  count: number;
  /** Per bucket, the step index of its smallest finite value, or −1 if it has none. */
  readonly minIdx: Int32Array;
  /** Per bucket, the step index of its largest finite value, or −1 if it has none. */
  readonly maxIdx: Int32Array;
}

/** Empty buckets for a series drawn with at most about 2·maxBuckets points. */
export function createPlotBuckets(maxBuckets: number): PlotBuckets {
  if (!Number.isInteger(maxBuckets) || maxBuckets < 2)
    throw new Error(`maxBuckets must be ≥ 2, got ${maxBuckets}`);
  return {
    maxBuckets,
    bucketSize: 1,
    count: 0,
    minIdx: new Int32Array(maxBuckets).fill(-1),
    maxIdx: new Int32Array(maxBuckets).fill(-1),
  };
}

/** The index, of a and b (either may be −1), whose value is smaller (`sign` 1) or larger (−1). */
function pick(values: Float32Array, a: number, b: number, sign: 1 | -1): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return sign * values[b] < sign * values[a] ? b : a;
}

/** Halves the number of buckets by merging neighbours. */
function mergePairs(buckets: PlotBuckets, values: Float32Array): void {
  const { minIdx, maxIdx } = buckets;
  const merged = Math.ceil(buckets.count / 2);
  for (let j = 0; j < merged; j++) {
    const a = 2 * j;
    const b = a + 1 < buckets.count ? a + 1 : -1;
    minIdx[j] = b < 0 ? minIdx[a] : pick(values, minIdx[a], minIdx[b], 1);
    maxIdx[j] = b < 0 ? maxIdx[a] : pick(values, maxIdx[a], maxIdx[b], -1);
  }
  minIdx.fill(-1, merged);
  maxIdx.fill(-1, merged);
  buckets.count = merged;
  buckets.bucketSize *= 2;
}

/** Adds steps [from, to) of `values` (which holds the whole series) to the buckets. */
export function addToBuckets(buckets: PlotBuckets, values: Float32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    let b = Math.floor(i / buckets.bucketSize);
    while (b >= buckets.maxBuckets) {
      mergePairs(buckets, values);
      b = Math.floor(i / buckets.bucketSize);
    }
    buckets.count = Math.max(buckets.count, b + 1);
    if (!Number.isFinite(values[i])) continue;
    buckets.minIdx[b] = pick(values, buckets.minIdx[b], i, 1);
    buckets.maxIdx[b] = pick(values, buckets.maxIdx[b], i, -1);
  }
}

/**
 * The step indices to draw, in order: each bucket's minimum and maximum, so the thin line keeps the
 * true envelope of the noise, and the last step received (`length − 1`).
 */
export function bucketExtremes(buckets: PlotBuckets, length: number): number[] {
  const indices: number[] = [];
  for (let b = 0; b < buckets.count; b++) {
    const lo = buckets.minIdx[b];
    const hi = buckets.maxIdx[b];
    if (lo < 0) continue;
    if (lo === hi) indices.push(lo);
    else indices.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  if (length > 0 && indices[indices.length - 1] !== length - 1) indices.push(length - 1);
  return indices;
}

/** One index per bucket (its last step), and the first step, for smooth curves such as a moving average. */
export function bucketEnds(buckets: PlotBuckets, length: number): number[] {
  const indices: number[] = length > 0 && buckets.bucketSize > 1 ? [0] : [];
  for (let b = 0; b < buckets.count; b++) indices.push(Math.min(length, (b + 1) * buckets.bucketSize) - 1);
  return indices.filter((i) => i >= 0);
}
