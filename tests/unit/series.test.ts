import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/components/axisTicks';
import { downsampleSeries } from '../../src/components/downsample';
import { appendToSeries, createSeries, smoothingSpan } from '../../src/store/series';
import { csvFileName, runToCsv } from '../../src/store/csv';
import { DEFAULTS } from '../../src/protocol/config';

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

  it('keeps a diverged (non-finite) step in the data but not in the average', () => {
    let series = appendToSeries(createSeries(50), 0, Float32Array.of(NaN, 3));
    expect(series.smoothedBits[0]).toBeNaN();
    expect(series.smoothedBits[1]).toBe(3);
    series = appendToSeries(series, 2, Float32Array.of(Infinity, 3));
    expect(series.rawBits[2]).toBe(Infinity);
    expect(Array.from(series.smoothedBits.subarray(1, 4))).toEqual([3, 3, 3]);
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

describe('downsampleSeries', () => {
  it('keeps every step of a short series', () => {
    const series = appendToSeries(createSeries(5), 0, Float32Array.of(1, 2, 3, 4, 5));
    expect(downsampleSeries(series, 100).map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
  });

  it('bounds a 10,000-step series while keeping each bucket’s extremes and the last step', () => {
    const values = Float32Array.from(
      { length: 10_000 },
      (_, i) => Math.sin(i) + (i === 4321 ? 50 : 0) - (i === 777 ? 50 : 0),
    );
    const series = appendToSeries(createSeries(10_000), 0, values);
    const points = downsampleSeries(series, 800);
    expect(points.length).toBeLessThanOrEqual(802);
    expect(points.length).toBeGreaterThan(700);
    expect(points.some((p) => p.step === 4322 && p.estimateBits > 49)).toBe(true);
    expect(points.some((p) => p.step === 778 && p.estimateBits < -49)).toBe(true);
    expect(points[points.length - 1].step).toBe(10_000);
    for (let i = 1; i < points.length; i++) expect(points[i].step).toBeGreaterThan(points[i - 1].step);
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
  it('writes the settings as comments and one row per step', () => {
    const series = appendToSeries(createSeries(3), 0, Float32Array.of(0.5, 1.5));
    const csv = runToCsv(DEFAULTS, series, {
      backend: 'webgl',
      exportedAt: new Date('2026-01-02T03:04:05Z'),
    });
    const lines = csv.trimEnd().split('\n');
    expect(lines).toContain('# power=3');
    expect(lines).toContain('# noise=0.2');
    expect(lines).toContain('# true_mi_bits=6');
    expect(lines).toContain('# backend=webgl');
    const header = lines.indexOf('step,estimate_bits,smoothed_bits');
    expect(lines.slice(header + 1).map((l) => l.split(',').slice(0, 2))).toEqual([
      ['1', '0.5'],
      ['2', '1.5'],
    ]);
    expect(csvFileName(DEFAULTS)).toBe('mine-lab_d3_P3_noise0.2_h10_seed1.csv');
  });
});
