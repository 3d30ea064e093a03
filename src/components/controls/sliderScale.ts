/** Maps between a setting's value and its slider's position (a tick index, or the value itself). */
import type { NumberSpec } from '../../protocol/config';

/** What a slider needs to know of a setting: its ticks, or its limits and step. */
export type SliderScale = Pick<NumberSpec, 'ticks' | 'min' | 'max' | 'step' | 'kind'>;

/** Index of the tick closest to `value` (in log space for positive ticks). */
export function nearestTickIndex(ticks: readonly number[], value: number): number {
  const distance = (tick: number) =>
    tick > 0 && value > 0 ? Math.abs(Math.log(tick / value)) : Math.abs(tick - value);
  let best = 0;
  for (let i = 1; i < ticks.length; i++) if (distance(ticks[i]) < distance(ticks[best])) best = i;
  return best;
}

/** Where the slider's thumb sits for `value`. */
export function sliderPosition(spec: SliderScale, value: number): number {
  return spec.ticks ? nearestTickIndex(spec.ticks, value) : value;
}

/**
 * The value a slider move to `position` selects, given the current `value`. A one-notch move from a
 * value between ticks (set through the URL) goes to the adjacent tick in that direction, so an arrow
 * key never skips a tick.
 */
export function valueAtPosition(spec: SliderScale, position: number, value: number): number {
  const { ticks } = spec;
  if (!ticks) {
    if (spec.kind === 'int') return Math.round(position);
    return Number(position.toFixed(decimals(spec.step ?? 1)));
  }
  const from = nearestTickIndex(ticks, value);
  if (Math.abs(position - from) === 1 && !ticks.includes(value)) {
    const adjacent =
      position > from ? ticks.find((t) => t > value) : [...ticks].reverse().find((t) => t < value);
    if (adjacent !== undefined) return adjacent;
  }
  return ticks[Math.min(ticks.length - 1, Math.max(0, Math.round(position)))];
}

/** Number of decimals in a step such as 0.1 or 0.25. */
function decimals(step: number): number {
  const text = String(step);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}
