/** Round-number axis ticks, so the plot reads 0, 100, 200 … rather than 1, 151, 301 … */

/** The smallest "nice" step (1, 2 or 5 × 10^k) that covers `span` in at most `maxTicks` intervals. */
export function niceStep(span: number, maxTicks: number): number {
  const raw = span / Math.max(1, maxTicks);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const mantissa = [1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10;
  return mantissa * magnitude;
}

/** Multiples of a nice step from the one at or below `min` to the one at or above `max`. */
export function niceTicks(min: number, max: number, maxTicks = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [0, 1];
  const step = niceStep(max - min, maxTicks);
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let value = first; value < max + step * 0.999; value += step)
    ticks.push(Number(value.toPrecision(12)));
  return ticks;
}
