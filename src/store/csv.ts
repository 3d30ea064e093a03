/** CSV export of a run: settings as header comments, then one row per training step, in bits. */
import { PARAMS, trueMiBits, type RunConfig } from '../protocol/config';
import type { RunResults } from './runResults';

/** What the CSV records about where the run happened. */
export interface CsvContext {
  readonly backend: string | null;
  readonly adamEpsilon: number | null;
  readonly exportedAt: Date;
}

/** Column names: part 1's three (plus held-out) for one estimator, `<id>_…` columns per estimator in compare mode. */
export function csvColumns(config: RunConfig): string[] {
  const perEstimator =
    config.estimator.length === 1
      ? ['estimate_bits', 'smoothed_bits', 'heldout_bits']
      : config.estimator.flatMap((id) => [`${id}_bits`, `${id}_smoothed_bits`, `${id}_heldout_bits`]);
  return ['step', ...perEstimator, ...(config.dist === 'staircase' ? ['true_mi_bits'] : [])];
}

/** The run as CSV: `# key=value` header lines, then one row per step (held-out cells empty between evaluations). */
export function runToCsv(config: RunConfig, results: RunResults, context: CsvContext): string {
  const lines = [
    `# MINE Lab run: estimates of I(X;Y) in bits (${config.estimator.join(', ')}) on the ${config.dist} distribution`,
    ...PARAMS.map((spec) => {
      const value = config[spec.key];
      return `# ${spec.key}=${Array.isArray(value) ? value.join(',') : String(value)}`;
    }),
    ...(config.dist === 'staircase'
      ? []
      : [`# true_mi_bits=${config.dist === 'data' ? 'unknown' : trueMiBits(config)}`]),
    `# backend=${context.backend ?? 'unknown'}`,
    `# adam_epsilon=${context.adamEpsilon ?? 'unknown'}`,
    `# exported_at=${context.exportedAt.toISOString()}`,
    csvColumns(config).join(','),
  ];
  const { heldOut } = results;
  let nextHeldOut = 0;
  for (let i = 0; i < results.length; i++) {
    const heldOutRow =
      nextHeldOut < heldOut.length && heldOut.stepIdx[nextHeldOut] === i ? nextHeldOut++ : -1;
    const cells: (number | string)[] = [i + 1];
    results.series.forEach((series, e) => {
      cells.push(
        cell(series.rawBits[i]),
        cell(series.smoothedBits[i]),
        heldOutRow >= 0 ? cell(heldOut.valuesBits[e][heldOutRow]) : '',
      );
    });
    if (config.dist === 'staircase') cells.push(trueMiBits(config, i));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A number as a CSV cell: empty where an estimator diverged (never "NaN" or "Infinity"). */
function cell(value: number): number | '' {
  return Number.isFinite(value) ? value : '';
}

/** A descriptive file name for a run's exports, without extension: estimators, data, critic, seed. */
export function runFileStem(config: RunConfig): string {
  const estimators = config.estimator.join('+');
  const critic = `h${config.hidden.join('-')}_seed${config.seed}`;
  switch (config.dist) {
    case 'task':
      return `mine-lab_${estimators}_task_${config.task}_${critic}`;
    case 'data':
      return `mine-lab_${estimators}_data_${config.x.length}x${config.y.length}_${critic}`;
    default: {
      const data =
        config.dist === 'channel'
          ? `P${config.power}_noise${config.noise}`
          : config.dist === 'staircase'
            ? `stair${config.stair}`
            : `rho${config.rho}`;
      return `mine-lab_${estimators}_${config.dist}_d${config.dim}_${data}_${critic}`;
    }
  }
}

/** A descriptive file name for a run's CSV. */
export function csvFileName(config: RunConfig): string {
  return `${runFileStem(config)}.csv`;
}

/** The same name for the plot saved as a PNG. */
export function pngFileName(config: RunConfig): string {
  return `${runFileStem(config)}.png`;
}
