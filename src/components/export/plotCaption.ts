/**
 * The words a saved plot image carries besides the plot itself: a title, the legend entries and a
 * line of settings (estimators, distribution, key settings, true MI), plus the line-wrapping used
 * to lay them out. Pure: text widths come from a measuring function.
 */
import { PARAMS, isApplicable, optionLabel, type ParamKey, type RunConfig } from '../../protocol/config';
import { formatInformation, formatSetting } from '../format';
import { ESTIMATOR_COLORS, REFERENCE_COLORS } from '../plot/colors';
import type { PlotModel } from '../plot/plotModel';

/** How a legend entry's sample line is drawn. */
export type LegendStroke = 'thick' | 'thin' | 'dashed' | 'dotted';

/** One legend entry: a sample line and its label. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly stroke: LegendStroke;
}

/** Short names of the settings the caption lists, in the order it lists them. */
const SHORT_NAMES: Readonly<Partial<Record<ParamKey, string>>> = Object.freeze({
  power: 'P',
  noise: 'σ²',
  rho: 'ρ',
  stair: 'steps per stair',
  dim: 'd',
  hidden: 'h',
  batch: 'N',
  lr: 'lr',
  steps: 'steps',
  seed: 'seed',
  alpha: 'α',
  k: 'k cap',
  tau: 'τ',
});

/** The true MI over a run as the legend states it: one value, or first → last on the staircase. */
export function truthText(model: PlotModel, units: string): string {
  const first = model.truth[0]?.value ?? 0;
  const last = model.truth[model.truth.length - 1]?.value ?? 0;
  return first === last
    ? `${formatInformation(first)} ${units}`
    : `${formatInformation(first)} → ${formatInformation(last)} ${units}`;
}

/** The settings line: estimators, distribution, the settings that apply, and the true MI. */
export function settingsLine(config: RunConfig, model: PlotModel): string {
  // "name = value" never breaks across lines (non-breaking spaces); the order is SHORT_NAMES'.
  const settings = (Object.keys(SHORT_NAMES) as ParamKey[])
    .flatMap((key) => PARAMS.filter((spec) => spec.key === key && isApplicable(spec, config)))
    .map((spec) => `${SHORT_NAMES[spec.key]}\u00a0=\u00a0${formatSetting(Number(config[spec.key]))}`);
  return [
    `${config.estimator.map(optionLabel).join(', ')} on ${optionLabel(config.dist)}`,
    settings.join(', '),
    `true MI ${truthText(model, config.units)}`,
  ].join(' · ');
}

/** The legend of the saved image, as the page's legend shows it. */
export function legendEntries(model: PlotModel, units: string): LegendEntry[] {
  const entries: LegendEntry[] = model.curves.map((curve) => ({
    label: optionLabel(curve.id),
    color: ESTIMATOR_COLORS[curve.id],
    stroke: 'thick',
  }));
  if (model.curves.length === 1)
    entries.push({
      label: 'per step · thick: smoothed · ◇ held out',
      color: ESTIMATOR_COLORS[model.curves[0].id],
      stroke: 'thin',
    });
  entries.push({
    label: `true MI (${truthText(model, units)})`,
    color: REFERENCE_COLORS.truth,
    stroke: 'dashed',
  });
  for (const ceiling of model.ceilings)
    entries.push({
      label: `batch ceiling ${ceiling.label} = ${formatInformation(ceiling.value)} ${units}`,
      color: REFERENCE_COLORS.ceiling,
      stroke: 'dotted',
    });
  return entries;
}

/** Splits items of the given widths into rows no wider than `maxWidth` (an item wider starts its own row). */
export function wrapRows(widths: readonly number[], maxWidth: number, gap: number): number[][] {
  const rows: number[][] = [];
  let used = 0;
  widths.forEach((width, index) => {
    const row = rows[rows.length - 1];
    if (row && used + gap + width <= maxWidth) {
      row.push(index);
      used += gap + width;
    } else {
      rows.push([index]);
      used = width;
    }
  });
  return rows;
}

/** Breaks text into lines no wider than `maxWidth`, at spaces. */
export function wrapText(text: string, measure: (text: string) => number, maxWidth: number): string[] {
  const words = text.split(' ');
  const rows = wrapRows(
    words.map((w) => measure(w)),
    maxWidth,
    measure(' '),
  );
  return rows.map((row) => row.map((i) => words[i]).join(' '));
}
