import { describe, expect, it } from 'vitest';
import { plotStyle } from '../../src/components/plot/plotStyle';

describe('plot style', () => {
  it('draws thicker lines and larger, darker ticks in presentation mode', () => {
    const normal = plotStyle(false);
    const presenting = plotStyle(true);
    expect(presenting.smoothedWidth).toBeGreaterThanOrEqual(2 * normal.smoothedWidth);
    expect(presenting.truthWidth).toBeGreaterThan(normal.truthWidth);
    expect(presenting.rawWidth).toBeGreaterThan(normal.rawWidth);
    expect(presenting.fontSize).toBeGreaterThanOrEqual(18);
    expect(presenting.tickColor).toBe('#000000');
    expect(presenting.margin.bottom).toBeGreaterThan(normal.margin.bottom);
  });
});
