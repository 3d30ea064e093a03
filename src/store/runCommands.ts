/**
 * The run's lifecycle: start, pause, resume, single steps, reset, and the debounced restart after a
 * setting changes. Every new run gets a new id; results of older ids are dropped on arrival.
 */
import { message } from '../protocol/message';
import type { RunActions, RunState, RunValues } from './types';
import { createRunResults } from './runResults';
import type { StoreContext } from './storeContext';

/** Lifecycle actions, plus the internal helpers settings changes use. */
export interface RunCommands extends Pick<RunActions, 'start' | 'pause' | 'resume' | 'stepOnce' | 'reset'> {
  /** Stops the run at once and starts a new one with the current settings when they settle. */
  scheduleRestart(): void;
}

/** Silence from a running worker after which a step counts as slow (and Reset restarts the worker). */
export const SLOW_STEP_MS = 2000;

/** Whether the worker has a step to compute: a running run, or a single step asked of a paused one. */
export function workerHasStep(state: Pick<RunValues, 'runState' | 'awaitingSingleStep'>): boolean {
  return state.runState === 'running' || (state.runState === 'paused' && state.awaitingSingleStep);
}

/** How long the worker has been silent while it has a step to compute (the first included), else 0. */
export function busySilenceMs(
  state: Pick<RunValues, 'runState' | 'awaitingSingleStep' | 'lastWorkerMessageMs'>,
  nowMs: number,
): number {
  return workerHasStep(state) ? Math.max(0, nowMs - state.lastWorkerMessageMs) : 0;
}

/** Creates the lifecycle actions over `ctx`. */
export function createRunCommands(ctx: StoreContext): RunCommands {
  const { get, set, send } = ctx;
  const now = ctx.options.now ?? (() => performance.now());
  let pendingRestart: ReturnType<typeof setTimeout> | null = null;

  /**
   * A worker that has been computing one step for long (the first step of a run included) would
   * hear a stop or a new run only after that step: it is replaced instead, so nothing waits for it.
   */
  const replaceWorkerIfStuck = () => {
    if (busySilenceMs(get(), now()) <= SLOW_STEP_MS) return;
    ctx.dropWorker([]);
    set({ lastWorkerMessageMs: now() }); // the next worker has not been silent yet
  };

  /** Begins a new run id and clears the shown results; later messages of older runs are dropped. */
  const beginRun = (runState: RunState): number => {
    replaceWorkerIfStuck();
    ctx.retireRun();
    ctx.prepareRun();
    const runId = get().runId + 1;
    const { config } = get();
    set({
      runId,
      runConfig: config,
      runState,
      results: createRunResults(config.estimator, config.steps, config.eval),
      stats: null,
      snapshot: null,
      runInfo: null,
      earlyStops: config.estimator.map(() => null),
      lastWorkerMessageMs: now(), // silence is counted from here
      awaitingSingleStep: false,
    });
    return runId;
  };

  /** A run on the user's data needs its rows: says so and refuses until they are chosen. */
  const refuseWithoutData = (): boolean => {
    if (get().config.dist !== 'data' || get().dataSelection !== null) return false;
    get().addNotices([message('notices.data.needed')]);
    return true;
  };

  const cancelPendingRestart = (): boolean => {
    if (pendingRestart === null) return false;
    clearTimeout(pendingRestart);
    pendingRestart = null;
    return true;
  };

  /** Sends a restart that is still waiting out the debounce now, so the next command has a run. */
  const flushPendingRestart = () => {
    if (cancelPendingRestart())
      send({ type: 'start', runId: get().runId, config: get().config, paused: false });
  };

  return {
    scheduleRestart() {
      cancelPendingRestart();
      replaceWorkerIfStuck();
      send({ type: 'stop' });
      const runId = beginRun('running');
      pendingRestart = setTimeout(() => {
        pendingRestart = null;
        send({ type: 'start', runId, config: get().config, paused: false });
      }, ctx.options.restartDebounceMs);
    },

    start() {
      cancelPendingRestart();
      if (refuseWithoutData()) return;
      const runId = beginRun('running');
      send({ type: 'start', runId, config: get().config, paused: false });
    },

    pause() {
      flushPendingRestart();
      if (get().runState !== 'running') return;
      send({ type: 'pause', runId: get().runId });
      set({ runState: 'paused' });
    },

    resume() {
      if (get().runState !== 'paused') return;
      send({ type: 'resume', runId: get().runId });
      set({ runState: 'running', lastWorkerMessageMs: now() });
    },

    stepOnce() {
      const { runState } = get();
      if (runState === 'running' || (runState !== 'paused' && refuseWithoutData())) return;
      cancelPendingRestart(); // only a stale one can be pending when not running
      if (runState !== 'paused') {
        const runId = beginRun('paused');
        send({ type: 'start', runId, config: get().config, paused: true });
      }
      send({ type: 'step', runId: get().runId });
      set({ awaitingSingleStep: true, lastWorkerMessageMs: now() });
    },

    reset() {
      cancelPendingRestart();
      ctx.retireRun();
      replaceWorkerIfStuck();
      if (ctx.hasWorker()) send({ type: 'stop' });
      const { config } = get();
      set({
        runId: get().runId + 1,
        runConfig: null,
        runState: 'idle',
        results: createRunResults(config.estimator, 0, config.eval),
        stats: null,
        snapshot: null,
        runInfo: null,
        earlyStops: [],
        awaitingSingleStep: false,
      });
    },
  };
}
