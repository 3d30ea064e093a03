import { describe, expect, it } from 'vitest';
import {
  legendEntries,
  settingsLine,
  truthText,
  wrapRows,
  wrapText,
} from '../../src/components/export/plotCaption';
import { buildPlotModel } from '../../src/components/plot/plotModel';
import { DEFAULTS, type RunConfig } from '../../src/protocol/config';
import { csvFileName, pngFileName } from '../../src/store/csv';
import { createRunResults } from '../../src/store/runResults';
import { t } from './englishT';

/** The plot model of an empty run of `config`. */
const modelOf = (config: RunConfig) =>
  buildPlotModel(createRunResults(config.estimator, config.steps, config.eval), config);

describe('saved plot caption', () => {
  it('lists the estimators, the distribution, the settings that apply and the true MI', () => {
    // Non-breaking spaces keep each "name = value" on one line.
    const line = (config: RunConfig) => settingsLine(config, modelOf(config), t).replace(/\u00a0/g, ' ');
    expect(line(DEFAULTS)).toBe(
      'MINE (DV) on Gaussian channel Y = X + noise · P = 3, σ² = 0.2, d = 3, h = 10, N = 20,000, lr = 0.01, steps = 500, seed = 1 · true MI 6.00 bits',
    );
    expect(settingsLine(DEFAULTS, modelOf(DEFAULTS), t)).toContain('σ²\u00a0=\u00a00.2');
    const compare: RunConfig = {
      ...DEFAULTS,
      estimator: ['mine-ema', 'infonce'],
      dist: 'staircase',
      units: 'nats',
      batch: 64,
    };
    const text = line(compare);
    expect(text).toMatch(
      /^MINE, moving average, InfoNCE on Staircase \(MI steps up\) · steps per stair = 400, /,
    );
    expect(text).toContain(', α = 0.01, k cap = 256 · ');
    expect(text).not.toContain('σ²');
    expect(text).toMatch(/ · true MI 2\.00 → 4\.00 nats$/);
  });

  it('mirrors the page legend: curves, the per-step key, the truth and ceilings in view', () => {
    const entries = legendEntries(modelOf(DEFAULTS), 'bits', t);
    expect(entries.map((e) => [e.label, e.stroke])).toEqual([
      ['MINE (DV)', 'thick'],
      ['per step · thick: smoothed · ◇ held out', 'thin'],
      ['true MI (6.00 bits)', 'dashed'],
    ]);
    const ceiling: RunConfig = { ...DEFAULTS, estimator: ['mine', 'nwj'], noise: 0.01, batch: 256 };
    const labels = legendEntries(modelOf(ceiling), 'bits', t).map((e) => e.label);
    expect(labels).toEqual([
      'MINE (DV)',
      'NWJ (MINE-f)',
      'true MI (12.35 bits)',
      'batch ceiling log N = 8.00 bits',
    ]);
    expect(truthText(modelOf(ceiling), 'bits', t)).toBe('12.35 bits');
  });

  it('wraps legend entries and words into rows that fit', () => {
    expect(wrapRows([100, 100, 100], 250, 20)).toEqual([[0, 1], [2]]);
    expect(wrapRows([300, 50], 250, 20)).toEqual([[0], [1]]);
    expect(wrapRows([], 250, 20)).toEqual([]);
    const measure = (text: string) => text.length * 10;
    expect(wrapText('aa bb cc dd', measure, 55)).toEqual(['aa bb', 'cc dd']);
  });

  it('is saved under the CSV’s name with .png', () => {
    expect(pngFileName(DEFAULTS)).toBe('mine-lab_mine_channel_d3_P3_noise0.2_h10_seed1.png');
    expect(pngFileName(DEFAULTS).replace(/\.png$/, '.csv')).toBe(csvFileName(DEFAULTS));
  });
});
