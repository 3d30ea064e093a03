import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/components/plot/axisTicks';
import { addToBuckets, bucketEnds, bucketExtremes, createPlotBuckets } from '../../src/store/plotBuckets';
import { appendStepsMessage, createRunResults } from '../../src/store/runResults';
import { appendToSeries, createSeries, smoothingSpan } from '../../src/store/series';
import { csvFileName, runToCsv } from '../../src/store/csv';
import { DEFAULTS } from '../../src/protocol/config';
import { inEnglish } from './inEnglish';

describe('estimate series', () => {
  it('appends batches in order and keeps a debiased moving average', () => {
    let series = createSeries(100);
    series = appendToSeries(series, 0, Float32Array.of(2, 2, 2));
    expect(series.length).toBe(3);
    // A constant input has a constant debiased average from the very first step.
    expect(Array.from(series.smoothedBits.subarray(0, 3))).toEqual([2, 2, 2]);
    series = appendToSeries(series, 3, Float32Array.of(12));
    const decay = 1 - 1 / smoothingSpan(100);
    const expected = (2 * (decay + decay ** 2 + decay ** 3) + 12) / (1 + decay + decay ** 2 + decay ** 3);
    expect(series.smoothedBits[3]).toBeCloseTo(expected, 5);
  });

  it('keeps a diverged (non-finite) step in the data but not in the average, and leaves a gap there', () => {
    let series = appendToSeries(createSeries(50), 0, Float32Array.of(NaN, 3));
    expect(series.smoothedBits[0]).toBeNaN();
    expect(series.smoothedBits[1]).toBe(3);
    series = appendToSeries(series, 2, Float32Array.of(Infinity, 3));
    expect(series.rawBits[2]).toBe(Infinity);
    expect(Array.from(series.smoothedBits.subarray(1, 4))).toEqual([3, NaN, 3]);
  });

  it('refuses out-of-order or overrunning batches', () => {
    const series = appendToSeries(createSeries(4), 0, Float32Array.of(1, 2));
    expect(() => appendToSeries(series, 1, Float32Array.of(3))).toThrowError(/expected step 2/);
    expect(() => appendToSeries(series, 2, Float32Array.of(3, 4, 5))).toThrowError(/overruns/);
  });

  it('smooths over 1/25 of the run, within 10 and 200 steps', () => {
    expect(smoothingSpan(100)).toBe(10);
    expect(smoothingSpan(500)).toBe(20);
    expect(smoothingSpan(20000)).toBe(200);
  });
});

describe('plot buckets', () => {
  it('keeps every step of a short series', () => {
    const series = appendToSeries(createSeries(5), 0, Float32Array.of(1, 2, 3, 4, 5));
    const buckets = createPlotBuckets(100);
    addToBuckets(buckets, series.rawBits, 0, 5);
    expect(bucketExtremes(buckets, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('bounds a 10,000-step series fed in batches, keeping each bucket’s extremes and the last step', () => {
    const values = Float32Array.from(
      { length: 10_000 },
      (_, i) => Math.sin(i) + (i === 4321 ? 50 : 0) - (i === 777 ? 50 : 0) + (i === 9000 ? NaN : 0),
    );
    let series = createSeries(10_000);
    const buckets = createPlotBuckets(400);
    for (let first = 0; first < 10_000; first += 137) {
      const chunk = values.subarray(first, Math.min(first + 137, 10_000));
      series = appendToSeries(series, first, chunk);
      addToBuckets(buckets, series.rawBits, first, first + chunk.length);
      expect(buckets.count).toBeLessThanOrEqual(400);
    }
    const points = bucketExtremes(buckets, 10_000);
    expect(points.length).toBeLessThanOrEqual(801);
    expect(points.length).toBeGreaterThan(500);
    expect(points).toContain(4321);
    expect(points).toContain(777);
    expect(points).not.toContain(9000); // a non-finite step is never an extreme
    expect(points[points.length - 1]).toBe(9999);
    for (let i = 1; i < points.length; i++) expect(points[i]).toBeGreaterThan(points[i - 1]);
    // Merged buckets hold the same extremes as buckets built at their final size in one go.
    const direct = createPlotBuckets(400);
    direct.bucketSize = buckets.bucketSize;
    addToBuckets(direct, series.rawBits, 0, 10_000);
    expect(bucketExtremes(direct, 10_000)).toEqual(points);
    expect(bucketEnds(buckets, 10_000)).toHaveLength(buckets.count + 1); // and the first step
  });
});

describe('niceTicks', () => {
  it('produces round steps covering the range', () => {
    expect(niceTicks(0, 500, 8)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(-0.3, 6.6, 6)).toEqual([-2, 0, 2, 4, 6, 8]);
    expect(niceTicks(0, 10_000, 8)).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
  });
});

describe('runToCsv', () => {
  const message = (estimators: number, values: number[], heldOut: [number, number[]][] = []) => ({
    type: 'steps' as const,
    runId: 1,
    firstStepIdx: 0,
    count: values.length / estimators,
    estimatesBits: Float32Array.from(values),
    heldOutStepIdx: Int32Array.from(heldOut.map(([s]) => s)),
    heldOutBits: Float32Array.from(heldOut.flatMap(([, v]) => v)),
    stepsPerSecond: 10,
    runStepsPerSecond: 10,
    tensorCount: 3,
    tensorBytes: 100,
  });
  const context = {
    render: inEnglish,
    backend: 'wasm',
    adamEpsilon: 1e-8,
    exportedAt: new Date('2026-01-02T03:04:05Z'),
  };

  it('keeps part 1’s columns for one estimator, plus held-out values, and the settings as comments', () => {
    const results = appendStepsMessage(
      createRunResults(['mine'], 3, 2),
      message(1, [0.5, 1.5], [[1, [1.25]]]),
    );
    const lines = runToCsv(DEFAULTS, results, context).trimEnd().split('\n');
    expect(lines[0]).toBe('# MINE Lab run: estimates of I(X;Y) in bits (mine) on the channel distribution');
    for (const line of [
      '# power=3',
      '# noise=0.2',
      '# estimator=mine',
      '# dist=channel',
      '# true_mi_bits=6',
      '# backend=wasm',
      '# adam_epsilon=1e-8',
    ])
      expect(lines).toContain(line);
    const header = lines.indexOf('step,estimate_bits,smoothed_bits,heldout_bits');
    expect(lines.slice(header + 1).map((l) => l.split(','))).toEqual([
      ['1', '0.5', '0.5', ''],
      ['2', '1.5', expect.any(String), '1.25'],
    ]);
    expect(csvFileName(DEFAULTS)).toBe('mine-lab_mine_channel_d3_P3_noise0.2_h10_seed1.csv');
  });

  it('has one set of columns per estimator in compare mode, and the true MI per step on the staircase', () => {
    const config = {
      ...DEFAULTS,
      estimator: ['mine-ema', 'infonce'] as const,
      dist: 'staircase' as const,
      stair: 1,
    };
    const results = appendStepsMessage(
      createRunResults(config.estimator, 2, 1),
      message(
        2,
        [1, 2, 3, 4],
        [
          [0, [5, 6]],
          [1, [7, 8]],
        ],
      ),
    );
    const lines = runToCsv(config, results, context).trimEnd().split('\n');
    const header =
      'step,mine-ema_bits,mine-ema_smoothed_bits,mine-ema_heldout_bits,infonce_bits,infonce_smoothed_bits,infonce_heldout_bits,true_mi_bits';
    expect(lines).toContain(header);
    const rows = lines.slice(lines.indexOf(header) + 1).map((l) => l.split(',').map(Number));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4], r[6]])).toEqual([
      [1, 1, 5, 2, 6],
      [2, 3, 7, 4, 8],
    ]);
    expect(rows[0][7]).toBeCloseTo(2 * Math.LOG2E, 6);
    expect(rows[1][7]).toBeCloseTo(4 * Math.LOG2E, 6);
  });
});
