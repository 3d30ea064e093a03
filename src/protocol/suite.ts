/**
 * The Beyond Normal suite (Czyż et al., 2023): tasks × estimators × seeds, each cell run with bmi's
 * neural protocol (or, for KSG and the linear MI, computed on the same rows), summarised as bmi
 * does — mean over seeds, "solved" when |log(estimate / truth)| < log 1.5. Pure: the page's suite
 * view and the command-line runner share every definition here.
 */
import type { BoundId } from '../core/bounds';
import { BMI_TASKS, bmiTask } from '../core/tasks/catalogue';
import { BITS_PER_NAT } from '../core/units';
import { DEFAULTS, PARAMS, type ListSpec, type RunConfig } from './config';
import { message, type Message } from './message';

/** An estimator of the suite: a neural one (trained), or a baseline computed on the same rows. */
export type SuiteEstimator = BoundId | 'ksg' | 'linear';

/** The neural estimators, in the settings table's order. */
export const NEURAL_ESTIMATORS: readonly BoundId[] = (
  PARAMS.find((p) => p.key === 'estimator') as ListSpec
).options.map((o) => o.id);

/** Every estimator the suite can run: the neural ones, then KSG and the linear (Gaussian) MI. */
export const SUITE_ESTIMATORS: readonly SuiteEstimator[] = [...NEURAL_ESTIMATORS, 'ksg', 'linear'];

/** Display names of the suite's estimators (messages: "Linear" is translated, the acronyms are not). */
export const SUITE_ESTIMATOR_LABELS: Readonly<Record<SuiteEstimator, Message>> = {
  mine: message('tasks.estimator.mine'),
  'mine-ema': message('tasks.estimator.mine-ema'),
  nwj: message('tasks.estimator.nwj'),
  infonce: message('tasks.estimator.infonce'),
  smile: message('tasks.estimator.smile'),
  ksg: message('tasks.estimator.ksg'),
  linear: message('tasks.estimator.linear'),
};

/** What a suite runs: which tasks and estimators, how many seeds, and how many rows per sample. */
export interface SuiteDefinition {
  readonly tasks: readonly string[];
  readonly estimators: readonly SuiteEstimator[];
  readonly seeds: number;
  readonly rows: number;
}

/** Most seeds a suite runs per cell. */
export const MAX_SUITE_SEEDS = 10;

/** bmi's sample size for a cell, as the issue's protocol sets it (its paper's figure uses up to 10,000). */
export const SUITE_ROWS = 5000;

/** A small suite to start from: one task of each family, the three classic neural estimators and KSG. */
export const DEFAULT_SUITE: SuiteDefinition = Object.freeze<SuiteDefinition>({
  tasks: ['1v1-normal-0.75', 'multinormal-sparse-3-3-2-2.0', 'student-identity-2-2-2'],
  estimators: ['mine', 'nwj', 'infonce', 'ksg', 'linear'],
  seeds: 1,
  rows: SUITE_ROWS,
});

/**
 * bmi's neural protocol: a finite sample standardised and split 50/50, batches of 256, a critic with
 * hidden layers (16, 8), Adam at 0.1, up to 10,000 steps, a held-out ("test") estimate every 250
 * steps, early stopping after two evaluations without a better one; the best test estimate is
 * reported.
 */
export const BMI_PROTOCOL = Object.freeze({
  rows: SUITE_ROWS,
  holdout: 0.5,
  standardise: 'on',
  batch: 256,
  hidden: [16, 8],
  lr: 0.1,
  steps: 10_000,
  eval: 250,
  patience: 2,
} satisfies Partial<RunConfig>);

/** The run configuration of a suite cell: a task, the neural estimators trained side by side, a seed. */
export function cellConfig(
  task: string,
  estimators: readonly BoundId[],
  seed: number,
  rows = SUITE_ROWS,
): RunConfig {
  return { ...DEFAULTS, ...BMI_PROTOCOL, dist: 'task', task, estimator: estimators, seed, rows };
}

/** The seeds of a suite with `count` seeds: 1, 2, …, count. */
export function suiteSeeds(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** The true MI of a task, in bits. */
export function taskTruthBits(task: string): number {
  const found = bmiTask(task);
  if (!found) throw new Error(`unknown task "${task}"`);
  return found.trueMiNats * BITS_PER_NAT;
}

/** bmi's criterion: an estimate within a factor 1.5 of the truth, |log(estimate / truth)| < log 1.5. */
export function isSolved(estimateBits: number, truthBits: number): boolean {
  return estimateBits > 0 && truthBits > 0 && Math.abs(Math.log(estimateBits / truthBits)) < Math.log(1.5);
}

/** One finished cell: an estimator's estimate of a task for one seed. */
export interface SuiteCellResult {
  readonly task: string;
  readonly estimator: SuiteEstimator;
  readonly seed: number;
  /** The reported estimate in bits: the best held-out estimate for a neural estimator, the value for a baseline. */
  readonly bits: number;
  /** The last held-out estimate (the same as `bits` for a baseline). */
  readonly finalBits: number;
  /** Training steps taken (0 for a baseline). */
  readonly steps: number;
}

/** Over the seeds of one task and estimator: the mean estimate, its spread, and whether it is solved. */
export interface SuiteSummaryCell {
  readonly task: string;
  readonly estimator: SuiteEstimator;
  /** Seeds with a finite estimate. */
  readonly seeds: number;
  readonly meanBits: number;
  /** Standard deviation over seeds (0 for one seed). */
  readonly sdBits: number;
  readonly truthBits: number;
  /** Whether the mean estimate is within a factor 1.5 of the truth. */
  readonly solved: boolean;
  /** log(mean / truth), the colour of bmi's heatmap (NaN where the mean is not positive). */
  readonly logRatio: number;
}

/** The cells of `results` that belong to task `task` and estimator `estimator`, summarised. */
function summariseCell(
  task: string,
  estimator: SuiteEstimator,
  results: readonly SuiteCellResult[],
): SuiteSummaryCell {
  const values = results
    .filter((r) => r.task === task && r.estimator === estimator && Number.isFinite(r.bits))
    .map((r) => r.bits);
  const truthBits = taskTruthBits(task);
  const meanBits = values.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN;
  const sdBits =
    values.length > 1
      ? Math.sqrt(values.reduce((s, v) => s + (v - meanBits) ** 2, 0) / (values.length - 1))
      : 0;
  return {
    task,
    estimator,
    seeds: values.length,
    meanBits,
    sdBits,
    truthBits,
    solved: values.length > 0 && isSolved(meanBits, truthBits),
    logRatio: meanBits > 0 ? Math.log(meanBits / truthBits) : NaN,
  };
}

/** The suite's table: a row per task (in bmi's order), a cell per estimator, and solved counts. */
export function summariseSuite(definition: SuiteDefinition, results: readonly SuiteCellResult[]) {
  const rows = definition.tasks.map((task) => ({
    task,
    truthBits: taskTruthBits(task),
    cells: definition.estimators.map((estimator) => summariseCell(task, estimator, results)),
  }));
  const solved = definition.estimators.map((_, e) => rows.filter((row) => row.cells[e].solved).length);
  return { rows, solved };
}

/** Every cell result as CSV: one row per task, estimator and seed, in bits. */
export function suiteResultsCsv(results: readonly SuiteCellResult[]): string {
  const lines = ['task,estimator,seed,estimate_bits,final_bits,steps,true_mi_bits,solved'];
  for (const r of results) {
    const truth = taskTruthBits(r.task);
    lines.push(
      [r.task, r.estimator, r.seed, r.bits, r.finalBits, r.steps, truth, isSolved(r.bits, truth)].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The suite as JSON: its definition, the protocol, every cell and the summary. */
export function suiteResultsJson(definition: SuiteDefinition, results: readonly SuiteCellResult[]): string {
  return JSON.stringify(
    { definition, protocol: BMI_PROTOCOL, results, summary: summariseSuite(definition, results) },
    null,
    2,
  );
}

/**
 * The summary as a markdown table: estimate ± spread per cell (✓ where solved), and the solved counts;
 * `render` puts the estimators' names and the headings in the reader's language.
 */
export function suiteMarkdown(
  definition: SuiteDefinition,
  results: readonly SuiteCellResult[],
  render: (text: Message) => string,
): string {
  const { rows, solved } = summariseSuite(definition, results);
  const names = definition.estimators.map((e) => render(SUITE_ESTIMATOR_LABELS[e]));
  const cell = (c: SuiteSummaryCell) => {
    if (c.seeds === 0) return '—';
    const spread = c.seeds > 1 ? ` ± ${c.sdBits.toFixed(2)}` : '';
    return `${c.meanBits.toFixed(2)}${spread}${c.solved ? ' ✓' : ''}`;
  };
  return [
    `| ${render(message('exported.suite.task'))} | ${render(message('exported.suite.truth'))} | ${names.join(' | ')} |`,
    `| --- | ---: | ${names.map(() => '---:').join(' | ')} |`,
    ...rows.map(
      (row) => `| \`${row.task}\` | ${row.truthBits.toFixed(2)} | ${row.cells.map(cell).join(' | ')} |`,
    ),
    `| **${render(message('exported.suite.solved'))}** | | ${solved.map((n) => `**${n} / ${rows.length}**`).join(' | ')} |`,
  ].join('\n');
}

/** Every task id, in bmi's order ("all" in a suite link). */
export const ALL_TASKS: readonly string[] = BMI_TASKS.map((t) => t.id);

/** A suite as its link spells it: `view=suite&tasks=…&estimator=…&seeds=…` (and `rows` when not 5,000). */
export function suiteToHash(definition: SuiteDefinition): string {
  const tasks = definition.tasks.length === ALL_TASKS.length ? 'all' : definition.tasks.join(',');
  const rows = definition.rows === SUITE_ROWS ? '' : `&rows=${definition.rows}`;
  return `#view=suite&tasks=${tasks}&estimator=${definition.estimators.join(',')}&seeds=${definition.seeds}${rows}`;
}

/** Reads a suite link; unusable parts fall back to the default suite's, each with a notice. */
export function suiteFromHash(hash: string): { definition: SuiteDefinition; notices: Message[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const notices: Message[] = [];
  params.delete('lang'); // the page's language, not the suite's
  const list = <T extends string>(
    key: string,
    known: readonly T[],
    fallback: readonly T[],
    all?: readonly T[],
  ) => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    if (raw === 'all' && all) return all;
    const wanted = raw.split(',').filter((id) => id !== '');
    const kept = known.filter((id) => wanted.includes(id)); // known order, no repeats
    const unknown = wanted.filter((id) => !(known as readonly string[]).includes(id));
    if (unknown.length > 0)
      notices.push(
        message('notices.suite.unknown', {
          key,
          ids: unknown
            .slice(0, 3)
            .map((u) => `“${u.slice(0, 40)}”`)
            .join(', '),
        }),
      );
    return kept.length > 0 ? kept : fallback;
  };
  const tasks = list('tasks', ALL_TASKS, DEFAULT_SUITE.tasks, ALL_TASKS);
  const estimators = list('estimator', SUITE_ESTIMATORS, DEFAULT_SUITE.estimators);
  const integer = (key: string, min: number, max: number, fallback: number) => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    const value = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (value >= min && value <= max) return value;
    notices.push(message('notices.suite.integer', { key, min, max, fallback }));
    return fallback;
  };
  const seeds = integer('seeds', 1, MAX_SUITE_SEEDS, DEFAULT_SUITE.seeds);
  const rows = integer('rows', 100, 100_000, SUITE_ROWS);
  return { definition: { tasks, estimators, seeds, rows }, notices };
}
