import { describe, expect, it } from 'vitest';
import { valueRange, type PlotPoint } from '../../src/components/plot/plotModel';

const curve = (values: number[]): PlotPoint[] => values.map((value, i) => ({ step: i + 1, value }));
const around = (level: number, count: number) =>
  Array.from({ length: count }, (_, i) => level + 0.3 * Math.sin(i));

describe('valueRange', () => {
  it('spans the values and the truth when nothing is wild', () => {
    expect(valueRange([curve(around(5, 500))], 6.6)).toEqual({ low: 0, high: 6.6 });
    const { low, high } = valueRange([curve([...around(5, 500), 9])], 6.6);
    expect([low, high]).toEqual([0, 9]);
  });

  it('clips one huge finite value at the top instead of flattening every curve', () => {
    const { high } = valueRange([curve([...around(5, 500), 1e6])], 6.6);
    expect(high).toBeLessThan(2 * 5.3 + 1e-9);
    expect(high).toBeGreaterThanOrEqual(6.6);
  });

  it('clips a wild value at the bottom to half the view’s height, and ignores non-finite ones', () => {
    expect(valueRange([curve([...around(5, 500), -1e6, NaN, Infinity])], 6.6)).toEqual({
      low: -3.3,
      high: 6.6,
    });
  });

  it('shows the truth alone before any value arrived', () => {
    expect(valueRange([], 6.6)).toEqual({ low: 0, high: 6.6 });
  });
});
