/**
 * The critic's shape, apart from tfjs: how wide x, y and each hidden layer are. The protocol
 * validates settings against it; the critic is built from it.
 */

/** Most hidden layers a critic may have. */
export const MAX_HIDDEN_LAYERS = 3;

/** Shape of the critic: the widths of x and y, and of each hidden ReLU layer (1 to 3 of them). */
export interface CriticShape {
  readonly xDim: number;
  readonly yDim: number;
  readonly hidden: readonly number[];
}

/** Widths of every layer's input and output: d_x + d_y, h₁, …, h_last, 1. */
export function layerWidths({ xDim, yDim, hidden }: CriticShape): number[] {
  return [xDim + yDim, ...hidden, 1];
}

/** Number of parameters of a critic of this shape. */
export function criticParameterCount(shape: CriticShape): number {
  const widths = layerWidths(shape);
  let count = 0;
  for (let l = 1; l < widths.length; l++) count += widths[l - 1] * widths[l] + widths[l];
  return count;
}

/** Why a critic shape is unusable, or null when it is fine. */
export function criticShapeError({ xDim, yDim, hidden }: CriticShape): string | null {
  const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;
  if (!positiveInt(xDim) || !positiveInt(yDim)) {
    return `xDim and yDim must be positive integers, got ${xDim} and ${yDim}`;
  }
  if (hidden.length < 1 || hidden.length > MAX_HIDDEN_LAYERS || !hidden.every(positiveInt)) {
    return `hidden must be 1 to ${MAX_HIDDEN_LAYERS} positive integer widths, got [${hidden.join(', ')}]`;
  }
  return null;
}
