/**
 * The worker's training loop: owns at most one run, steps it on batches drawn ahead of time, and
 * streams its estimates to the page at a bounded rate. Free of worker globals, so it is unit-tested
 * in Node with a recording `post` and an inline batch source.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createTrainer, type Trainer } from '../core/trainer';
import { BITS_PER_NAT } from '../core/units';
import { divergenceMessage, validateConfig, type RunConfig } from '../protocol/config';
import { errorDetail, message, MessageError } from '../protocol/message';
import type {
  FromWorker,
  RunInfoMessage,
  StepsMessage,
  ToWorker,
  WorkerRunState,
} from '../protocol/messages';
import type { BatchPlan, CriticBatch } from '../core/batches';
import type { SampleRows } from '../core/finiteSample';
import type { BatchSource } from './batchSource';
import { createEarlyStopping, type EarlyStopping } from './earlyStopping';
import { SNAPSHOT_INTERVAL_MS, snapshotTransferables, takeSnapshot } from './snapshot';

/** Sends a message to the page, transferring the listed buffers. */
export type PostToPage = (message: FromWorker, transfer?: Transferable[]) => void;

/** How often results are flushed to the page. */
export interface StreamingOptions {
  /** Flush after this many steps at most (one read-back per flush). */
  readonly maxStepsPerBatch: number;
  /**
   * Target time between flushes, in milliseconds: the page gets at most a few messages a second.
   * On a GPU the steps run asynchronously, so a batch is also capped at one interval's worth of
   * steps at the measured speed; that bounds how long a Pause waits for steps already queued.
   */
  readonly flushIntervalMs: number;
}

/** Defaults: about four messages a second. */
export const DEFAULT_STREAMING: StreamingOptions = { maxStepsPerBatch: 2000, flushIntervalMs: 250 };

/** What the session needs from the worker around it. */
export interface SessionEnvironment {
  /** Where batches come from (prefetched in a sampler worker, or inline). */
  readonly batches: BatchSource;
  /** Adam's epsilon on this backend. */
  readonly adamEpsilon: number;
}

interface HeldOutResult {
  readonly stepIdx: number;
  readonly valuesNats: tf.Tensor1D;
}

interface ActiveRun {
  readonly runId: number;
  readonly config: RunConfig;
  readonly trainer: Trainer;
  state: WorkerRunState;
  /** Per-step estimates, [estimators] in nats, computed but not yet read back. */
  pending: tf.Tensor1D[];
  heldOut: HeldOutResult[];
  /** Index of the first pending step. */
  firstPendingIdx: number;
  /** When the time of the pending steps began to count. */
  batchStartMs: number;
  /** Throughput of the last flushed batch; 0 until the first flush. */
  stepsPerSecond: number;
  /** Time spent training after the first step (which includes the backend's warm-up). */
  warmTrainingMs: number;
  /** Single steps asked for (Step) and not yet taken, while paused. */
  requestedSteps: number;
  /** The latest training batch, for snapshots. */
  lastBatch: CriticBatch | null;
  /** When the last snapshot was sent (the run's start before the first). */
  lastSnapshotMs: number;
  /** Per estimator, whether it diverged (and no longer trains). */
  diverged: boolean[];
  /** Per estimator, whether early stopping ended its training. */
  stoppedEarly: boolean[];
  readonly earlyStopping: EarlyStopping;
  /** A pump is driving this run; further pumps wait for it instead of starting. */
  busy: boolean;
  cancelled: boolean;
}

/** The trainer of a run: one critic and optimiser per estimator of `config`, on X and Y of these widths. */
export function trainerFor(config: RunConfig, xDim: number, yDim: number, adamEpsilon: number): Trainer {
  return createTrainer({
    xDim,
    yDim,
    hidden: config.hidden,
    learningRate: config.lr,
    seed: config.seed,
    bounds: config.estimator,
    boundParams: { alpha: config.alpha, tau: config.tau },
    infoNceCap: config.k,
    adamEpsilon,
  });
}

/** What a run trains on, for the page: dimensions, the batch size used, a finite sample's split. */
function runInfoOf(runId: number, plan: BatchPlan): RunInfoMessage {
  if (plan.kind === 'fresh') {
    const { xDim, yDim } = plan.distribution;
    return { type: 'run-info', runId, xDim, yDim, batchSize: plan.batchSize, finite: null };
  }
  const { sample } = plan;
  return {
    type: 'run-info',
    runId,
    xDim: sample.xDim,
    yDim: sample.yDim,
    batchSize: plan.batchSize,
    finite: {
      trainRows: sample.train.n,
      heldOutRows: sample.heldOut.n,
      heldOutEvaluated: Math.min(sample.heldOut.n, plan.heldOutSize),
      scaling: sample.scaling
        ? { mean: Array.from(sample.scaling.mean), std: Array.from(sample.scaling.std) }
        : null,
    },
  };
}

/** Lets queued messages (pause, new run) be handled between batches. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Reads a stack of [estimators] tensors back as one step-major Float32Array in bits. */
async function readBits(rows: tf.Tensor1D[]): Promise<Float32Array> {
  if (rows.length === 0) return new Float32Array(0);
  const stacked = tf.stack(rows);
  try {
    const nats = await stacked.data<'float32'>();
    return Float32Array.from(nats, (v) => v * BITS_PER_NAT);
  } finally {
    stacked.dispose();
  }
}

/** Handles page messages for one worker; returns the message handler. */
export function createRunSession(
  post: PostToPage,
  environment: SessionEnvironment,
  options: StreamingOptions = DEFAULT_STREAMING,
): (message: ToWorker) => void {
  const { batches } = environment;
  let current: ActiveRun | null = null;
  /** The user's rows, as the page last sent them (kept for every run on them). */
  let data: SampleRows | null = null;

  const setState = (run: ActiveRun, state: WorkerRunState) => {
    run.state = state;
    post({ type: 'run-state', runId: run.runId, state, tensorCount: tf.memory().numTensors });
  };

  const release = (run: ActiveRun) => {
    run.pending.forEach((t) => t.dispose());
    run.heldOut.forEach((h) => h.valuesNats.dispose());
    run.pending = [];
    run.heldOut = [];
    run.trainer.dispose();
  };

  /** Reads the pending results back in one sync and sends them as one message. */
  const flush = async (run: ActiveRun) => {
    if (run.pending.length === 0) return;
    const steps = run.pending;
    const heldOut = run.heldOut;
    const firstStepIdx = run.firstPendingIdx;
    run.pending = [];
    run.heldOut = [];
    run.firstPendingIdx += steps.length;
    let estimatesBits: Float32Array;
    let heldOutBits: Float32Array;
    try {
      [estimatesBits, heldOutBits] = await Promise.all([
        readBits(steps),
        readBits(heldOut.map((h) => h.valuesNats)),
      ]);
    } finally {
      steps.forEach((t) => t.dispose());
      heldOut.forEach((h) => h.valuesNats.dispose());
    }
    const now = performance.now();
    const elapsedMs = Math.max(now - run.batchStartMs, 1e-3);
    run.stepsPerSecond = (1000 * steps.length) / elapsedMs;
    if (firstStepIdx > 0) run.warmTrainingMs += elapsedMs;
    run.batchStartMs = now;
    if (run.cancelled) return;
    const memory = tf.memory();
    const warmSteps = firstStepIdx + steps.length - 1;
    const message: StepsMessage = {
      type: 'steps',
      runId: run.runId,
      firstStepIdx,
      count: steps.length,
      estimatesBits,
      heldOutStepIdx: Int32Array.from(heldOut, (h) => h.stepIdx),
      heldOutBits,
      stepsPerSecond: run.stepsPerSecond,
      runStepsPerSecond: run.warmTrainingMs > 0 ? (1000 * warmSteps) / run.warmTrainingMs : 0,
      tensorCount: memory.numTensors,
      tensorBytes: memory.numBytes,
    };
    const divergences = findDivergences(run, firstStepIdx, estimatesBits); // before the transfer
    post(message, [estimatesBits.buffer, heldOutBits.buffer]);
    if (stopDiverged(run, divergences)) return;
    await sendSnapshotIfDue(run, now);
  };

  /** Each estimator (not yet stopped) whose value stopped being finite in this batch, with the step. */
  const findDivergences = (run: ActiveRun, firstStepIdx: number, valuesBits: Float32Array) => {
    const count = run.config.estimator.length;
    const found: { e: number; stepIdx: number }[] = [];
    for (let e = 0; e < count; e++) {
      if (run.diverged[e] || run.stoppedEarly[e]) continue; // a stopped estimator's values are NaN
      for (let i = e; i < valuesBits.length; i += count) {
        if (!Number.isFinite(valuesBits[i])) {
          found.push({ e, stepIdx: firstStepIdx + (i - e) / count });
          break;
        }
      }
    }
    return found;
  };

  /**
   * Stops the estimators that diverged and says so; once none is left, the run ends in the error
   * state. Returns whether the run ended.
   */
  const stopDiverged = (run: ActiveRun, divergences: readonly { e: number; stepIdx: number }[]): boolean => {
    for (const { e, stepIdx } of divergences) {
      run.diverged[e] = true;
      run.trainer.deactivate(e);
      const estimator = run.config.estimator[e];
      post({
        type: 'diverged',
        runId: run.runId,
        estimator,
        stepIdx,
        message: divergenceMessage(run.config, estimator, stepIdx),
      });
    }
    if (!run.diverged.every(Boolean)) return false;
    fail(run, new MessageError(message('notices.worker.allDiverged')));
    return true;
  };

  /** Sends a snapshot when one is due: every SNAPSHOT_INTERVAL_MS, after single steps, at the end. */
  const sendSnapshotIfDue = async (run: ActiveRun, now: number) => {
    const last = run.trainer.stepsDone === run.config.steps || run.state !== 'running';
    if (!run.lastBatch || (!last && now - run.lastSnapshotMs < SNAPSHOT_INTERVAL_MS)) return;
    run.lastSnapshotMs = now;
    const snapshot = await takeSnapshot(run.runId, run.config, run.trainer, run.lastBatch);
    if (!run.cancelled) post(snapshot, snapshotTransferables(snapshot));
  };

  const finishIfComplete = (run: ActiveRun) => {
    if (run.cancelled || (run.trainer.stepsDone < run.config.steps && !allStoppedEarly(run))) return;
    release(run); // first, so the reported tensor count is the worker's baseline
    setState(run, 'done');
    if (current === run) current = null;
  };

  /** Steps to queue before a flush: about one flush interval's worth at the measured speed. */
  const batchLimit = (run: ActiveRun) =>
    Math.max(
      1,
      Math.min(options.maxStepsPerBatch, Math.round((run.stepsPerSecond * options.flushIntervalMs) / 1000)),
    );

  /** Whether every estimator has stopped early (the run is then complete, before its last step). */
  const allStoppedEarly = (run: ActiveRun) => run.stoppedEarly.every((s, e) => s || run.diverged[e]);

  /** Whether the run has work to do: running, or paused with single steps requested. */
  const wantsSteps = (run: ActiveRun) =>
    !run.cancelled &&
    run.trainer.stepsDone < run.config.steps &&
    !allStoppedEarly(run) &&
    (run.state === 'running' || run.requestedSteps > 0);

  /**
   * With early stopping on, reads an evaluation back at once (so where a run stops depends only on
   * its numbers, never on timing) and stops each estimator whose patience has run out.
   */
  const applyEarlyStopping = async (run: ActiveRun, stepIdx: number, valuesNats: tf.Tensor1D) => {
    if (run.config.patience === 0) return;
    const values = await valuesNats.data();
    for (const e of run.earlyStopping.observe(values, stepIdx)) {
      if (run.diverged[e]) continue;
      run.stoppedEarly[e] = true;
      run.trainer.deactivate(e);
      const best = run.earlyStopping.best(e);
      post({
        type: 'stopped-early',
        runId: run.runId,
        estimator: run.config.estimator[e],
        stepIdx,
        bestBits: best ? best.valueNats * BITS_PER_NAT : NaN,
        bestStepIdx: best?.stepIdx ?? -1,
      });
    }
  };

  /** Takes one training step, and the held-out evaluation after it when one is due. */
  const stepOnce = async (run: ActiveRun): Promise<boolean> => {
    const stepIdx = run.trainer.stepsDone;
    const batch = await batches.training(stepIdx);
    if (run.cancelled) return false;
    run.pending.push(run.trainer.step(batch));
    run.lastBatch = batch;
    if ((stepIdx + 1) % run.config.eval === 0) {
      const heldOut = await batches.heldOut(stepIdx);
      if (run.cancelled) return false;
      const valuesNats = run.trainer.evaluate(heldOut);
      run.heldOut.push({ stepIdx, valuesNats });
      await applyEarlyStopping(run, stepIdx, valuesNats);
      if (run.cancelled) return false;
    }
    return true;
  };

  /**
   * Steps the run while it wants steps, flushing in batches (single steps are flushed at once).
   * Only one pump drives a run; commands that arrive while it awaits just change the run's state
   * or step count, and the pump re-checks them after every await, so none is lost.
   */
  const pump = async (run: ActiveRun) => {
    if (run.busy) return;
    run.busy = true;
    run.batchStartMs = performance.now();
    try {
      let lastFlushMs = run.batchStartMs;
      do {
        while (wantsSteps(run)) {
          const single = run.state !== 'running';
          if (single) run.requestedSteps--;
          if (!(await stepOnce(run))) break;
          const dueByTime = performance.now() - lastFlushMs >= options.flushIntervalMs;
          const full = run.pending.length >= batchLimit(run);
          if (single || full || dueByTime || run.trainer.stepsDone === run.config.steps) {
            await flush(run);
            await yieldToEventLoop();
            lastFlushMs = performance.now();
          }
        }
        await flush(run);
      } while (wantsSteps(run));
      finishIfComplete(run);
    } catch (error) {
      if (!run.cancelled) fail(run, error);
    } finally {
      run.busy = false;
      if (run.cancelled) release(run);
    }
  };

  const fail = (run: ActiveRun, error: unknown) => {
    post({ type: 'error', runId: run.runId, message: errorDetail(error) });
    run.cancelled = true;
    if (current === run) current = null;
  };

  const cancelCurrent = () => {
    const run = current;
    current = null;
    if (!run) return;
    run.cancelled = true;
    if (!run.busy) release(run);
  };

  const start = (runId: number, config: RunConfig, paused: boolean) => {
    cancelCurrent();
    const problems = validateConfig(config);
    if (problems.length > 0) {
      post({ type: 'error', runId, message: message('notices.worker.invalidConfig', { problems }) });
      return;
    }
    const plan = batches.setPlan(config, data);
    const { xDim, yDim } = plan.kind === 'fresh' ? plan.distribution : plan.sample;
    const trainer = trainerFor(config, xDim, yDim, environment.adamEpsilon);
    const run: ActiveRun = {
      runId,
      config,
      trainer,
      state: paused ? 'paused' : 'running',
      pending: [],
      heldOut: [],
      firstPendingIdx: 0,
      batchStartMs: performance.now(),
      stepsPerSecond: 0,
      warmTrainingMs: 0,
      requestedSteps: 0,
      lastBatch: null,
      // The first snapshot comes a quarter of a second into the run, not with the first step: the
      // page's first render of results and of the critic panel then fall in different frames.
      lastSnapshotMs: performance.now() - SNAPSHOT_INTERVAL_MS + 250,
      diverged: config.estimator.map(() => false),
      stoppedEarly: config.estimator.map(() => false),
      earlyStopping: createEarlyStopping(config.estimator.length, config.patience),
      busy: false,
      cancelled: false,
    };
    current = run;
    post(runInfoOf(runId, plan));
    setState(run, run.state);
    if (!paused) void pump(run);
  };

  /** Applies one message from the page. */
  return function handle(message: ToWorker): void {
    const run = current;
    const forCurrent = 'runId' in message && run !== null && run.runId === message.runId;
    switch (message.type) {
      case 'init':
      case 'time':
      case 'sampler-failed':
        break; // handled by the worker entry
      case 'start':
        try {
          start(message.runId, message.config, message.paused);
        } catch (error) {
          post({ type: 'error', runId: message.runId, message: errorDetail(error) });
        }
        break;
      case 'pause':
        if (forCurrent && run.state === 'running') setState(run, 'paused');
        break;
      case 'resume':
        if (forCurrent && run.state === 'paused') {
          run.requestedSteps = 0; // running subsumes any single steps still queued
          setState(run, 'running');
          void pump(run);
        }
        break;
      case 'step':
        if (forCurrent && run.state === 'paused') {
          run.requestedSteps++;
          void pump(run);
        }
        break;
      case 'stop':
        cancelCurrent();
        break;
      case 'data':
        data = message.rows;
        break;
    }
  };
}
