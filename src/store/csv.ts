/** CSV export of a run: settings as header comments, then one row per training step, in bits. */
import { PARAMS, trueMiBits, type RunConfig } from '../protocol/config';
import type { RunResults } from './runResults';
import { message, type Message } from '../protocol/message';

/** What the CSV records about where the run happened, and what it trained on, and its language. */
export interface CsvContext {
  /** Puts the header's prose (its first line) in the exporting reader's language. */
  readonly render: (text: Message) => string;
  readonly backend: string | null;
  readonly adamEpsilon: number | null;
  readonly exportedAt: Date;
  /**
   * For a run on the user's data: the file's name and the rows used and dropped (never a value);
   * for any finite sample: its split.
   */
  readonly data?: { readonly name: string; readonly usedRows: number; readonly droppedRows: number } | null;
  readonly split?: {
    readonly trainRows: number;
    readonly heldOutRows: number;
    readonly batchSize: number;
  } | null;
  /** The user's data's true MI in bits, where it is known (a generated example). */
  readonly dataTruthBits?: number | null;
  /** The baselines on the same rows, in bits, where they were computed. */
  readonly baselines?: {
    readonly ksgBits: number | null;
    readonly linearBits: number | null;
    readonly pValue: number | null;
  };
}

/** `# key=value` lines for what the context knows of the data and the baselines. */
function contextLines(context: CsvContext): string[] {
  const lines: string[] = [];
  const { data, split, baselines } = context;
  if (data) {
    // A file name is the user's own text: one line, no control characters.
    const name = Array.from(data.name, (c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
    lines.push(
      `# data_file=${name}`,
      `# data_rows_used=${data.usedRows}`,
      `# data_rows_dropped=${data.droppedRows}`,
    );
  }
  if (split)
    lines.push(
      `# train_rows=${split.trainRows}`,
      `# heldout_rows=${split.heldOutRows}`,
      `# batch_used=${split.batchSize}`,
    );
  if (baselines) {
    const value = (v: number | null) => (v === null || !Number.isFinite(v) ? 'unknown' : String(v));
    lines.push(
      `# ksg_bits=${value(baselines.ksgBits)}`,
      `# linear_mi_bits=${value(baselines.linearBits)}`,
      `# permutation_p=${value(baselines.pValue)}`,
    );
  }
  return lines;
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
    `# ${context.render(message('exported.csv.title', { estimators: config.estimator.join(', '), dist: config.dist }))}`,
    ...PARAMS.map((spec) => {
      const value = config[spec.key];
      return `# ${spec.key}=${Array.isArray(value) ? value.join(',') : String(value)}`;
    }),
    ...(config.dist === 'staircase'
      ? []
      : [
          `# true_mi_bits=${config.dist === 'data' ? (context.dataTruthBits ?? 'unknown') : trueMiBits(config)}`,
        ]),
    ...contextLines(context),
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
