/** The paired sample the baselines read: n rows of x (width xDim) and y (width yDim). */

/** n rows of x and y, row-major (row i of x is x[i·xDim … i·xDim + xDim − 1]). */
export interface PairedSample {
  readonly n: number;
  readonly xDim: number;
  readonly yDim: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
}
