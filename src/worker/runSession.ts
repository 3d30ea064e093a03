/**
 * The worker's training loop: owns at most one run, steps it, and streams its estimates in small
 * batches. Free of worker globals, so it is unit-tested in Node with a recording `post`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createGaussianChannel } from '../core/distributions';
import { createTrainer, type Trainer } from '../core/trainer';
import { BITS_PER_NAT } from '../core/units';
import { validateConfig, type RunConfig } from '../protocol/config';
import type { FromWorker, ToWorker, WorkerRunState } from '../protocol/messages';
import { errorMessage } from './errorMessage';

/** Sends a message to the page, transferring the listed buffers. */
export type PostToPage = (message: FromWorker, transfer?: Transferable[]) => void;

/** How often results are flushed to the page. */
export interface StreamingOptions {
  /** Flush after this many steps at most (one GPU read per flush). */
  readonly maxStepsPerBatch: number;
  /**
   * Target time between flushes, in milliseconds. GPU work is asynchronous, so the batch size is
   * set from the measured throughput (steps per interval), not from the time spent queuing steps;
   * this also bounds how long a Pause waits for the steps already queued.
   */
  readonly flushIntervalMs: number;
}

/** Defaults: a flush about every 0.4 s of GPU work, never more than 50 steps behind. */
export const DEFAULT_STREAMING: StreamingOptions = { maxStepsPerBatch: 50, flushIntervalMs: 400 };

interface ActiveRun {
  readonly runId: number;
  readonly numSteps: number;
  readonly trainer: Trainer;
  state: WorkerRunState;
  /** Per-step estimates (nats) computed but not yet read back. */
  pending: tf.Scalar[];
  /** Index of the first pending step. */
  firstPendingIdx: number;
  /** When throughput measurement for the pending steps began. */
  batchStartMs: number;
  /** Throughput of the last flushed batch; 0 until the first flush. */
  stepsPerSecond: number;
  /** Single steps asked for (Step) and not yet taken, while paused. */
  requestedSteps: number;
  /** A pump is driving this run; further pumps wait for it instead of starting. */
  busy: boolean;
  cancelled: boolean;
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

/** Handles page messages for one worker; returns the message handler. */
export function createRunSession(
  post: PostToPage,
  options: StreamingOptions = DEFAULT_STREAMING,
): (message: ToWorker) => void {
  let current: ActiveRun | null = null;

  const setState = (run: ActiveRun, state: WorkerRunState) => {
    run.state = state;
    post({ type: 'run-state', runId: run.runId, state });
  };

  const release = (run: ActiveRun) => {
    run.pending.forEach((t) => t.dispose());
    run.pending = [];
    run.trainer.dispose();
  };

  /** Reads the pending estimates back in one GPU sync and sends them as one batch. */
  const flush = async (run: ActiveRun) => {
    if (run.pending.length === 0) return;
    const batch = run.pending;
    const firstStepIdx = run.firstPendingIdx;
    run.pending = [];
    run.firstPendingIdx += batch.length;
    const stacked = tf.stack(batch);
    batch.forEach((t) => t.dispose());
    let nats: Float32Array;
    try {
      nats = await stacked.data<'float32'>();
    } finally {
      stacked.dispose();
    }
    const now = performance.now();
    const stepsPerSecond = (1000 * batch.length) / Math.max(now - run.batchStartMs, 1e-3);
    run.batchStartMs = now;
    run.stepsPerSecond = stepsPerSecond;
    if (run.cancelled) return;
    const estimatesBits = Float32Array.from(nats, (v) => v * BITS_PER_NAT);
    post({ type: 'steps', runId: run.runId, firstStepIdx, estimatesBits, stepsPerSecond }, [
      estimatesBits.buffer,
    ]);
  };

  const finishIfComplete = (run: ActiveRun) => {
    if (run.cancelled || run.trainer.stepsDone < run.numSteps) return;
    setState(run, 'done');
    release(run);
    if (current === run) current = null;
  };

  /** Steps to queue before a flush: about one flush interval's worth at the measured speed. */
  const batchLimit = (run: ActiveRun) =>
    Math.max(
      1,
      Math.min(options.maxStepsPerBatch, Math.round((run.stepsPerSecond * options.flushIntervalMs) / 1000)),
    );

  /** Whether the run has work to do: running, or paused with single steps requested. */
  const wantsSteps = (run: ActiveRun) =>
    !run.cancelled &&
    run.trainer.stepsDone < run.numSteps &&
    (run.state === 'running' || run.requestedSteps > 0);

  /**
   * Steps the run while it wants steps, flushing in batches (single steps are flushed at once).
   * Only one pump drives a run; commands that arrive while it awaits a read just change the run's
   * state or step count, and the pump re-checks them after every await, so none is lost.
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
          run.pending.push(run.trainer.step());
          const dueByTime = performance.now() - lastFlushMs >= options.flushIntervalMs;
          const full = run.pending.length >= batchLimit(run);
          if (single || full || dueByTime || run.trainer.stepsDone === run.numSteps) {
            await flush(run);
            await yieldToEventLoop();
            lastFlushMs = performance.now();
          }
        }
        await flush(run);
      } while (wantsSteps(run));
      finishIfComplete(run);
    } catch (error) {
      fail(run, error);
    } finally {
      run.busy = false;
      if (run.cancelled) release(run);
    }
  };

  const fail = (run: ActiveRun, error: unknown) => {
    post({ type: 'error', runId: run.runId, message: errorMessage(error) });
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
      post({ type: 'error', runId, message: `invalid configuration: ${problems.join('; ')}` });
      return;
    }
    const distribution = createGaussianChannel(config);
    const trainer = createTrainer({
      distribution,
      hidden: config.hidden,
      batchSize: config.batch,
      learningRate: config.lr,
      seed: config.seed,
      bound: 'dv',
    });
    const run: ActiveRun = {
      runId,
      numSteps: config.steps,
      trainer,
      state: paused ? 'paused' : 'running',
      pending: [],
      firstPendingIdx: 0,
      batchStartMs: performance.now(),
      stepsPerSecond: 0,
      requestedSteps: 0,
      busy: false,
      cancelled: false,
    };
    current = run;
    setState(run, run.state);
    if (!paused) void pump(run);
  };

  /** Applies one message from the page. */
  return function handle(message: ToWorker): void {
    const run = current;
    const forCurrent = 'runId' in message && run !== null && run.runId === message.runId;
    switch (message.type) {
      case 'start':
        try {
          start(message.runId, message.config, message.paused);
        } catch (error) {
          post({ type: 'error', runId: message.runId, message: errorMessage(error) });
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
    }
  };
}
