/**
 * Running the suite: its work split into units (a task and a seed: one run of the neural
 * estimators side by side, then the baselines on the same rows), each cell kept under a key of its
 * own so finished cells are never run again, and a neural run driven over the training worker's
 * messages. The page (through a worker) and the command line (in process) drive the same code.
 */
import type { BoundId } from '../core/bounds';
import type { SampleRows } from '../core/finiteSample';
import { BITS_PER_NAT } from '../core/units';
import { sampledRows, type RunConfig } from './config';
import { MessageError } from './message';
import type { FromWorker, ToWorker } from './messages';
import {
  NEURAL_ESTIMATORS,
  cellConfig,
  suiteSeeds,
  type SuiteCellResult,
  type SuiteDefinition,
  type SuiteEstimator,
} from './suite';

/** KSG's neighbours in the suite (bmi runs KSG with k = 5). */
export const SUITE_KSG_K = 5;

/** One unit of work: a task and a seed, and the estimators still to run on it. */
export interface SuiteUnit {
  readonly task: string;
  readonly seed: number;
  readonly neural: readonly BoundId[];
  readonly baselines: readonly ('ksg' | 'linear')[];
}

/** The key a cell's result is kept under: it depends on the sample size, the task, the estimator and the seed. */
export function cellKey(rows: number, task: string, estimator: SuiteEstimator, seed: number): string {
  return `${rows}|${task}|${estimator}|${seed}`;
}

/** The units of a suite that still have cells to run (those in `done`, by cellKey, are skipped). */
export function pendingUnits(definition: SuiteDefinition, done: ReadonlySet<string>): SuiteUnit[] {
  const units: SuiteUnit[] = [];
  for (const seed of suiteSeeds(definition.seeds)) {
    for (const task of definition.tasks) {
      const missing = definition.estimators.filter((e) => !done.has(cellKey(definition.rows, task, e, seed)));
      const neural = NEURAL_ESTIMATORS.filter((e) => missing.includes(e));
      const baselines = (['ksg', 'linear'] as const).filter((e) => missing.includes(e));
      if (neural.length + baselines.length > 0) units.push({ task, seed, neural, baselines });
    }
  }
  return units;
}

/** Cells of a suite in all: tasks × estimators × seeds. */
export function suiteCellCount(definition: SuiteDefinition): number {
  return definition.tasks.length * definition.estimators.length * definition.seeds;
}

/** A link to a training session: send it commands, hear its reports (page: a worker; Node: in process). */
export interface TrainingChannel {
  send(message: ToWorker): void;
  /** Listens to its reports until the returned function is called. */
  listen(listener: (message: FromWorker) => void): () => void;
}

/** Each neural estimator's result of one run: the best and the last held-out estimate, and the steps taken. */
export interface NeuralOutcome {
  readonly bestBits: number;
  readonly finalBits: number;
  readonly steps: number;
}

/**
 * Trains `config` (its estimators side by side) over `channel` as run `runId`, and resolves with
 * each estimator's outcome once the run is done; rejects on an error. The best held-out estimate
 * is bmi's reported value: the run's held-out evaluations are all read here.
 */
export function trainOverChannel(
  channel: TrainingChannel,
  config: RunConfig,
  runId: number,
  onStep?: (stepsDone: number) => void,
  signal?: AbortSignal,
): Promise<NeuralOutcome[]> {
  const count = config.estimator.length;
  const best = new Array<number>(count).fill(-Infinity);
  const last = new Array<number>(count).fill(NaN);
  const stoppedAt = new Array<number | null>(count).fill(null);
  let stepsDone = 0;
  return new Promise((resolve, reject) => {
    const abort = () => {
      stop();
      channel.send({ type: 'stop' });
      reject(new DOMException('The suite was cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    const stop = channel.listen((message) => {
      if (!('runId' in message) || message.runId !== runId) return;
      if (message.type === 'steps') {
        stepsDone = message.firstStepIdx + message.count;
        message.heldOutStepIdx.forEach((_, j) => {
          for (let e = 0; e < count; e++) {
            // Evaluations arrive in batches, after an estimator's stop has been announced; an
            // estimator that stopped (or diverged) evaluates to NaN from then on.
            const value = message.heldOutBits[j * count + e];
            if (!Number.isFinite(value)) continue;
            last[e] = value;
            best[e] = Math.max(best[e], value);
          }
        });
        onStep?.(stepsDone);
      } else if (message.type === 'stopped-early') {
        stoppedAt[config.estimator.indexOf(message.estimator)] = message.stepIdx + 1;
      } else if (message.type === 'run-state' && message.state === 'done') {
        stop();
        signal?.removeEventListener('abort', abort);
        resolve(
          config.estimator.map((_, e) => ({
            bestBits: Number.isFinite(best[e]) ? best[e] : NaN,
            finalBits: last[e],
            steps: stoppedAt[e] ?? stepsDone,
          })),
        );
      } else if (message.type === 'error') {
        stop();
        signal?.removeEventListener('abort', abort);
        reject(new MessageError(message.message));
      }
    });
    channel.send({ type: 'start', runId, config, paused: false });
  });
}

/** Computes the baselines on a sample, in nats (page: the data worker; Node: the core directly). */
export type BaselineComputer = (
  sample: SampleRows,
  k: number,
  seed: number,
) => Promise<{ readonly ksgNats: number; readonly linearNats: number }>;

/** What a suite needs to run a unit: a way to train, a way to compute baselines, and a run id source. */
export interface SuiteWorkers {
  readonly channel: TrainingChannel;
  readonly baselines: BaselineComputer;
  nextRunId(): number;
}

/**
 * Runs one unit: trains its neural estimators side by side on the task's finite sample (bmi's
 * protocol), then computes its baselines on the same rows. Resolves with a result per cell.
 */
export async function runSuiteUnit(
  workers: SuiteWorkers,
  unit: SuiteUnit,
  rows: number,
  onStep?: (stepsDone: number) => void,
  signal?: AbortSignal,
): Promise<SuiteCellResult[]> {
  const results: SuiteCellResult[] = [];
  const { task, seed } = unit;
  if (unit.neural.length > 0) {
    const config = cellConfig(task, unit.neural, seed, rows);
    const outcomes = await trainOverChannel(workers.channel, config, workers.nextRunId(), onStep, signal);
    outcomes.forEach((o, e) =>
      results.push({
        task,
        estimator: unit.neural[e],
        seed,
        bits: o.bestBits,
        finalBits: o.finalBits,
        steps: o.steps,
      }),
    );
  }
  if (unit.baselines.length > 0) {
    signal?.throwIfAborted();
    const sample = sampledRows(cellConfig(task, ['mine'], seed, rows));
    const { ksgNats, linearNats } = await workers.baselines(sample, SUITE_KSG_K, seed);
    const values = { ksg: ksgNats * BITS_PER_NAT, linear: linearNats * BITS_PER_NAT };
    for (const estimator of unit.baselines) {
      results.push({
        task,
        estimator,
        seed,
        bits: values[estimator],
        finalBits: values[estimator],
        steps: 0,
      });
    }
  }
  return results;
}
