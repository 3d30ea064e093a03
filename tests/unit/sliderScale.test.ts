import { describe, expect, it } from 'vitest';
import { nearestTickIndex, sliderPosition, valueAtPosition } from '../../src/components/controls/sliderScale';
import { numberSpec as paramSpec } from '../../src/protocol/config';

describe('slider scale', () => {
  const lr = paramSpec('lr');
  const ticks = lr.ticks ?? [];

  it('finds the nearest tick in log space', () => {
    expect(ticks[nearestTickIndex(ticks, 0.01)]).toBe(0.01);
    expect(ticks[nearestTickIndex(ticks, 0.004)]).toBe(0.005);
    expect(ticks[nearestTickIndex(ticks, 0.0024)]).toBe(0.002);
    expect(ticks[nearestTickIndex(ticks, 100)]).toBe(0.5);
  });

  it('moves one tick per notch from a tick value', () => {
    const at = sliderPosition(lr, 0.01);
    expect(valueAtPosition(lr, at + 1, 0.01)).toBe(0.015);
    expect(valueAtPosition(lr, at - 1, 0.01)).toBe(0.007);
    expect(valueAtPosition(lr, at + 3, 0.01)).toBe(0.03);
  });

  it('steps from an off-tick value to the adjacent tick, never skipping one', () => {
    const at = sliderPosition(lr, 0.004); // drawn at 0.005
    expect(valueAtPosition(lr, at + 1, 0.004)).toBe(0.005);
    expect(valueAtPosition(lr, at - 1, 0.004)).toBe(0.003);
  });

  it('maps linear sliders to integers or to the step’s decimals', () => {
    expect(valueAtPosition(paramSpec('dim'), 4, 3)).toBe(4);
    expect(valueAtPosition(paramSpec('power'), 0.30000000000000004, 0.2)).toBe(0.3);
    expect(sliderPosition(paramSpec('power'), 2.5)).toBe(2.5);
  });

  it('lets the steps slider reach a single step', () => {
    expect(paramSpec('steps').ticks?.[0]).toBe(1);
  });
});
