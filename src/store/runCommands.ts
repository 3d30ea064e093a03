/**
 * The run's lifecycle: start, pause, resume, single steps, reset, and the debounced restart after a
 * setting changes. Every new run gets a new id; results of older ids are dropped on arrival.
 */
import type { RunActions, RunState } from './types';
import { createRunResults } from './runResults';
import type { StoreContext } from './storeContext';

/** Lifecycle actions, plus the internal helpers settings changes use. */
export interface RunCommands extends Pick<RunActions, 'start' | 'pause' | 'resume' | 'stepOnce' | 'reset'> {
  /** Stops the run at once and starts a new one with the current settings when they settle. */
  scheduleRestart(): void;
}

/** Silence from a running worker after which a step counts as slow (and Reset restarts the worker). */
export const SLOW_STEP_MS = 2000;

/** Creates the lifecycle actions over `ctx`. */
export function createRunCommands(ctx: StoreContext): RunCommands {
  const { get, set, send } = ctx;
  const now = ctx.options.now ?? (() => performance.now());
  let pendingRestart: ReturnType<typeof setTimeout> | null = null;

  /** Begins a new run id and clears the shown results; later messages of older runs are dropped. */
  const beginRun = (runState: RunState): number => {
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
      lastWorkerMessageMs: now(), // silence is counted from here
    });
    return runId;
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
      send({ type: 'stop' });
      const runId = beginRun('running');
      pendingRestart = setTimeout(() => {
        pendingRestart = null;
        send({ type: 'start', runId, config: get().config, paused: false });
      }, ctx.options.restartDebounceMs);
    },

    start() {
      cancelPendingRestart();
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
      if (runState === 'running') return;
      cancelPendingRestart(); // only a stale one can be pending when not running
      if (runState !== 'paused') {
        const runId = beginRun('paused');
        send({ type: 'start', runId, config: get().config, paused: true });
      }
      send({ type: 'step', runId: get().runId });
    },

    reset() {
      cancelPendingRestart();
      ctx.retireRun();
      // A worker busy with a very slow step would only hear the stop after it: replace it now.
      if (get().runState === 'running' && get().stats && now() - get().lastWorkerMessageMs > SLOW_STEP_MS) {
        ctx.dropWorker([]);
      }
      if (ctx.hasWorker()) send({ type: 'stop' });
      const { config } = get();
      set({
        runId: get().runId + 1,
        runConfig: null,
        runState: 'idle',
        results: createRunResults(config.estimator, 0, config.eval),
        stats: null,
        snapshot: null,
      });
    },
  };
}
