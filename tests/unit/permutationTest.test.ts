import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/core/baselines/ksg';
import { permutationTestSteps, type PermutationOptions } from '../../src/core/baselines/permutationTest';
import type { SampleRows } from '../../src/core/finiteSample';
import { correlatedGaussian } from './baselineSamples';

const test = (sample: SampleRows, options: PermutationOptions) =>
  runToEnd(permutationTestSteps(sample, options));

describe('the permutation test', () => {
  it('gives the smallest p-value, 1/(B + 1), for clearly dependent data, every null below the observed', () => {
    const result = test(correlatedGaussian(300, 1, 0.6, 1), { k: 3, shuffles: 19, seed: 2 });
    expect(result.pValue).toBe(1 / 20);
    expect(result.nullNats).toHaveLength(19);
    expect(Math.max(...result.nullNats)).toBeLessThan(result.observedNats);
    expect(result).toMatchObject({ shuffles: 19, k: 3, rowsUsed: 300, totalRows: 300 });
    // The null of KSG under independence is centred near 0: its spread at n = 300 is a few hundredths.
    const mean = result.nullNats.reduce((a, b) => a + b) / 19;
    expect(Math.abs(mean)).toBeLessThan(0.05);
  });

  it('gives roughly uniform p-values for independent data (200 seeds, B = 19)', () => {
    const pValues: number[] = [];
    for (let seed = 0; seed < 200; seed++) {
      pValues.push(test(correlatedGaussian(60, 1, 0, 1000 + seed), { k: 3, shuffles: 19, seed }).pValue);
    }
    // Under the null p is uniform on {1/20, …, 20/20}: mean 0.525, sd 0.288; over 200 seeds the mean
    // has a standard error of 0.020 and the share at p ≤ 0.05 (expected 0.05) one of 0.015.
    const mean = pValues.reduce((a, b) => a + b) / pValues.length;
    expect(Math.abs(mean - 0.525)).toBeLessThan(0.08);
    const small = pValues.filter((p) => p <= 0.05).length / pValues.length;
    expect(small).toBeLessThan(0.11);
    const low = pValues.filter((p) => p <= 0.5).length / pValues.length; // expected 0.5
    expect(Math.abs(low - 0.5)).toBeLessThan(0.15);
    expect(pValues.every((p) => p >= 1 / 20 && p <= 1)).toBe(true);
  });

  it('runs on a seeded subsample of at most maxRows, and says so', () => {
    const sample = correlatedGaussian(2500, 2, 0.3, 3);
    const options = { k: 3, shuffles: 5, maxRows: 400, seed: 7 };
    const result = test(sample, options);
    expect(result).toMatchObject({ rowsUsed: 400, totalRows: 2500 });
    expect(test(sample, options)).toEqual(result);
  });

  it('yields increasing fractions of the B + 1 runs done, ending at 1', () => {
    const steps = permutationTestSteps(correlatedGaussian(1000, 1, 0.3, 4), { k: 3, shuffles: 4 });
    const fractions: number[] = [];
    let next = steps.next();
    for (; !next.done; next = steps.next()) fractions.push(next.value);
    expect(fractions.length).toBeGreaterThanOrEqual(5);
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1])).toBe(true);
    expect(fractions).toContain(1 / 5);
    expect(fractions.at(-1)).toBe(1);
  });

  it('refuses fewer than one shuffle', () => {
    expect(() => test(correlatedGaussian(50, 1, 0.3, 1), { k: 3, shuffles: 0 })).toThrow(
      /shuffles must be ≥ 1/,
    );
  });
});
