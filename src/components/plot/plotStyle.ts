/** Line widths and type sizes of the estimate plot, normally and in presentation mode. */
import { REFERENCE_COLORS } from './colors';

/** How thick and how large the plot draws. */
export interface PlotStyle {
  /** Per-step estimates (the noise band). */
  readonly rawWidth: number;
  /** Opacity of the per-step lines: one estimator, several. */
  readonly rawOpacity: { readonly single: number; readonly compare: number };
  /** The moving averages. */
  readonly smoothedWidth: number;
  readonly truthWidth: number;
  readonly truthDash: string;
  readonly ceilingWidth: number;
  /** Outline of the held-out diamonds. */
  readonly heldOutWidth: number;
  /** Axis tick and axis label size, px. */
  readonly fontSize: number;
  readonly tickColor: string;
  readonly gridColor: string;
  /** Room around the plotting area, px, for the ticks and axis labels. */
  readonly margin: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
  /** How far below the x axis its label sits, px (negative: down). */
  readonly xLabelOffset: number;
}

/** The plot on a screen at arm's length. */
const NORMAL: PlotStyle = Object.freeze({
  rawWidth: 1,
  rawOpacity: Object.freeze({ single: 0.35, compare: 0.25 }),
  smoothedWidth: 2.5,
  truthWidth: 2,
  truthDash: '8 5',
  ceilingWidth: 2,
  heldOutWidth: 1.5,
  fontSize: 13,
  tickColor: '#4a5565',
  gridColor: REFERENCE_COLORS.grid,
  margin: Object.freeze({ top: 12, right: 24, bottom: 28, left: 8 }),
  xLabelOffset: -16,
});

/** The plot from the back of a lecture hall: thicker lines, larger ticks, darker grid and text. */
const PRESENTATION: PlotStyle = Object.freeze({
  rawWidth: 1.5,
  rawOpacity: Object.freeze({ single: 0.45, compare: 0.3 }),
  smoothedWidth: 5,
  truthWidth: 3.5,
  truthDash: '12 7',
  ceilingWidth: 3,
  heldOutWidth: 2.5,
  fontSize: 18,
  tickColor: '#000000',
  gridColor: '#c9ced8',
  margin: Object.freeze({ top: 14, right: 28, bottom: 38, left: 18 }),
  xLabelOffset: -24,
});

/** The plot's style for presentation mode or not. */
export function plotStyle(presentation: boolean): PlotStyle {
  return presentation ? PRESENTATION : NORMAL;
}
