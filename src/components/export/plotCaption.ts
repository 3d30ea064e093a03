/**
 * The words a saved plot image carries besides the plot itself: a title, the legend entries and a
 * line of settings (estimators, distribution, key settings, true MI), plus the line-wrapping used
 * to lay them out. Pure: text widths come from a measuring function, words from `t` (catalogue
 * `caption.*`).
 */
import type { TFunction } from 'i18next';
import { PARAMS, isApplicable, type InfoUnit, type ParamKey, type RunConfig } from '../../protocol/config';
import { distKey, estimatorKey, unitsKey } from '../../protocol/paramText';
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

/** The settings the caption lists, in the order it lists them (short names: `caption.short.<key>`). */
const CAPTION_KEYS: readonly ParamKey[] = Object.freeze([
  'power',
  'noise',
  'rho',
  'stair',
  'dim',
  'hidden',
  'batch',
  'lr',
  'steps',
  'seed',
  'alpha',
  'k',
  'tau',
]);

/** The true MI over a run as the legend states it: one value, or first → last on the staircase. */
export function truthText(model: PlotModel, units: InfoUnit, t: TFunction): string {
  const first = model.truth[0]?.value ?? 0;
  const last = model.truth[model.truth.length - 1]?.value ?? 0;
  const unit = t(unitsKey(units));
  return first === last
    ? `${formatInformation(first)} ${unit}`
    : `${formatInformation(first)} → ${formatInformation(last)} ${unit}`;
}

/** The settings line: estimators, distribution, the settings that apply, and the true MI. */
export function settingsLine(config: RunConfig, model: PlotModel, t: TFunction): string {
  // "name = value" never breaks across lines (non-breaking spaces); the order is CAPTION_KEYS'.
  const settings = CAPTION_KEYS.flatMap((key) =>
    PARAMS.filter((spec) => spec.key === key && isApplicable(spec, config)),
  ).map(
    (spec) =>
      `${t(`caption.short.${spec.key}`).replace(/ /g, '\u00a0')}\u00a0=\u00a0${formatSetting(Number(config[spec.key]))}`,
  );
  const separator = t('list.separator');
  return [
    t('caption.on', {
      estimators: config.estimator.map((id) => t(estimatorKey(id))).join(separator),
      dist: t(distKey(config.dist)),
    }),
    settings.join(separator),
    t('caption.trueMi', { value: truthText(model, config.units, t) }),
  ].join(' · ');
}

/** The legend of the saved image, as the page's legend shows it. */
export function legendEntries(model: PlotModel, units: InfoUnit, t: TFunction): LegendEntry[] {
  const unit = t(unitsKey(units));
  const entries: LegendEntry[] = model.curves.map((curve) => ({
    label: t(estimatorKey(curve.id)),
    color: ESTIMATOR_COLORS[curve.id],
    stroke: 'thick',
  }));
  if (model.curves.length === 1)
    entries.push({
      label: t('legend.perStep'),
      color: ESTIMATOR_COLORS[model.curves[0].id],
      stroke: 'thin',
    });
  entries.push({
    label: t('legend.trueMi', { value: truthText(model, units, t) }),
    color: REFERENCE_COLORS.truth,
    stroke: 'dashed',
  });
  for (const ceiling of model.ceilings)
    entries.push({
      label: t('legend.ceiling', {
        ceiling: ceiling.label,
        value: formatInformation(ceiling.value),
        units: unit,
      }),
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
