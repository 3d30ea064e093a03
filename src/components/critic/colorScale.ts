/** A diverging colour scale for signed critic values (purple–white–orange, colour-blind safe). */

const NEGATIVE = [94, 60, 153] as const; // #5e3c99
const MIDDLE = [247, 247, 247] as const; // #f7f7f7
const POSITIVE = [230, 97, 1] as const; // #e66101

/**
 * The RGB colour of `value` on a scale running from `low` (< 0, purple) through 0 (white) to
 * `high` (> 0, orange); each side is scaled separately, since critic scores are lopsided.
 */
export function divergingColor(value: number, low: number, high: number): readonly [number, number, number] {
  const t = value < 0 ? Math.max(-1, low < 0 ? -value / low : 0) : Math.min(1, high > 0 ? value / high : 0);
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const w = Math.abs(t);
  return [0, 1, 2].map((k) => Math.round(MIDDLE[k] + w * (end[k] - MIDDLE[k]))) as unknown as readonly [
    number,
    number,
    number,
  ];
}

/** CSS gradients of the scale's two halves, for its legend. */
export const DIVERGING_GRADIENT_LOW = `linear-gradient(to right, rgb(${NEGATIVE.join(',')}), rgb(${MIDDLE.join(',')}))`;
/** The upper half: white to orange. */
export const DIVERGING_GRADIENT_HIGH = `linear-gradient(to right, rgb(${MIDDLE.join(',')}), rgb(${POSITIVE.join(',')}))`;

/**
 * RGBA pixels of a size×size grid (x fastest, y upwards) for a canvas, whose row 0 is the top:
 * each value on the diverging scale, and a cell that is not a finite number transparent (the
 * panel's hatched background shows through), never black.
 */
export function heatmapPixels(
  values: ArrayLike<number>,
  size: number,
  low: number,
  high: number,
): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(4 * size * size);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const value = values[j * size + i];
      if (!Number.isFinite(value)) continue; // transparent
      const [r, g, b] = divergingColor(value, low, high);
      const at = 4 * ((size - 1 - j) * size + i);
      pixels[at] = r;
      pixels[at + 1] = g;
      pixels[at + 2] = b;
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}
