/** CSV export of a run: settings as header comments, then one row per training step. */
import { PARAMS, trueMiBits, type RunConfig } from '../protocol/config';
import type { EstimateSeries } from './series';

/** What the CSV records about where the run happened. */
export interface CsvContext {
  readonly backend: string | null;
  readonly exportedAt: Date;
}

/** The run as CSV: `# key=value` header lines, then `step,estimate_bits,smoothed_bits`. */
export function runToCsv(config: RunConfig, series: EstimateSeries, context: CsvContext): string {
  const lines = [
    '# MINE Lab run: Donsker-Varadhan estimate of I(X;Y) in bits, Gaussian channel Y = X + N(0, noise*I)',
    ...PARAMS.map((spec) => `# ${spec.key}=${config[spec.key]}`),
    `# true_mi_bits=${trueMiBits(config)}`,
    `# backend=${context.backend ?? 'unknown'}`,
    `# exported_at=${context.exportedAt.toISOString()}`,
    'step,estimate_bits,smoothed_bits',
  ];
  for (let i = 0; i < series.length; i++) {
    lines.push(`${i + 1},${series.rawBits[i]},${series.smoothedBits[i]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A descriptive file name for a run's CSV. */
export function csvFileName(config: RunConfig): string {
  return `mine-lab_d${config.dim}_P${config.power}_noise${config.noise}_h${config.hidden}_seed${config.seed}.csv`;
}
