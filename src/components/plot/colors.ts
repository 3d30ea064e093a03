/** Colours of the plot: the Okabe–Ito palette, told apart with any colour-vision deficiency. */
import type { BoundId } from '../../protocol/config';

/** One colour per estimator, the same in the legend, the checkboxes and the readouts. */
export const ESTIMATOR_COLORS: Readonly<Record<BoundId, string>> = Object.freeze({
  mine: '#0072B2',
  'mine-ema': '#D55E00',
  nwj: '#009E73',
  infonce: '#CC79A7',
  smile: '#E69F00',
});

/**
 * Reference lines: the true MI (black, dashed), the batch ceiling (grey, dotted), and the baselines
 * on the user's rows: KSG (sky blue) and the linear MI (dark grey).
 */
export const REFERENCE_COLORS = Object.freeze({
  truth: '#1b1b1b',
  ceiling: '#7a7a7a',
  grid: '#e3e7ee',
  ksg: '#56B4E9',
  linear: '#4d4d4d',
});

/** How each baseline's level line is dashed (the truth's is plain dashes). */
export const BASELINE_DASHES = Object.freeze({ ksg: '10 3 2 3', linear: '2 3' });
