/**
 * The app's one store: the configuration being edited, the run being shown and what the worker
 * reported. The worker client feeds `receive`; components read single fields with selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULTS, paramError, paramSpec, type ParamKey, type RunConfig } from '../protocol/config';
import type { BackendReport, FromWorker, ToWorker } from '../protocol/messages';
import { appendToSeries, createSeries, type EstimateSeries } from './series';

/** What the page shows as the run's state. */
export type RunState = 'idle' | 'running' | 'paused' | 'done' | 'error';

/** Anything that can carry messages to the training worker. */
export interface WorkerChannel {
  send(message: ToWorker): void;
}

/** The store's data. */
export interface RunValues {
  /** Settings as the sliders show them. */
  readonly config: RunConfig;
  /** Settings of the run whose results are shown; null before the first run. */
  readonly runConfig: RunConfig | null;
  /** Id of the run whose results are accepted; messages for any other id are dropped. */
  readonly runId: number;
  readonly runState: RunState;
  readonly series: EstimateSeries;
  /** Smoothed training throughput, or null before the first batch. */
  readonly stepsPerSecond: number | null;
  /** The worker's backend, once it has started. */
  readonly backend: BackendReport | null;
  /** Messages for the user (bad URL values, fallbacks, errors), oldest first. */
  readonly notices: readonly string[];
}

/** The store's operations. */
export interface RunActions {
  /** Changes one setting; restarts (debounced) a running or finished run, resets a paused one. */
  setParam(key: ParamKey, value: number): void;
  /** Replaces the whole configuration (e.g. from the URL) and resets the run. */
  loadConfig(config: RunConfig, notices?: readonly string[]): void;
  /** Starts a fresh run with the current settings. */
  start(): void;
  pause(): void;
  resume(): void;
  /** Takes one training step, creating a paused run first when there is none. */
  stepOnce(): void;
  /** Discards the run and clears the plot. */
  reset(): void;
  /** Applies a message from the worker. */
  receive(message: FromWorker): void;
  /** Shows messages to the user. */
  addNotices(notices: readonly string[]): void;
  /** Removes the notice at `index`. */
  dismissNotice(index: number): void;
}

/** Store state: values and actions. */
export type RunStoreState = RunValues & RunActions;

/** Options for timing that tests may shorten. */
export interface RunStoreOptions {
  /** Quiet time after the last slider move before a run restarts. */
  readonly restartDebounceMs: number;
}

const EMPTY_SERIES = createSeries(0);
/** Weight of the newest report in the displayed throughput. */
const THROUGHPUT_SMOOTHING = 0.3;

/** Creates the store, sending worker commands through `channel`. */
export function createRunStore(
  channel: WorkerChannel,
  options: RunStoreOptions = { restartDebounceMs: 300 },
): StoreApi<RunStoreState> {
  let pendingRestart: ReturnType<typeof setTimeout> | null = null;
  /** The last run whose divergence was reported, so it is reported once. */
  let divergenceReportedFor = -1;

  return createStore<RunStoreState>()((set, get) => {
    /** Begins a new run id and clears the shown results; later messages of older runs are dropped. */
    const beginRun = (runState: RunState): number => {
      const runId = get().runId + 1;
      const { config } = get();
      set({ runId, runConfig: config, runState, series: createSeries(config.steps), stepsPerSecond: null });
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
        channel.send({ type: 'start', runId: get().runId, config: get().config, paused: false });
    };

    const scheduleRestart = () => {
      cancelPendingRestart();
      channel.send({ type: 'stop' });
      const runId = beginRun('running');
      pendingRestart = setTimeout(() => {
        pendingRestart = null;
        channel.send({ type: 'start', runId, config: get().config, paused: false });
      }, options.restartDebounceMs);
    };

    const resetRun = () => {
      cancelPendingRestart();
      channel.send({ type: 'stop' });
      set({
        runId: get().runId + 1,
        runConfig: null,
        runState: 'idle',
        series: EMPTY_SERIES,
        stepsPerSecond: null,
      });
    };

    const addNotices = (texts: readonly string[]) => set({ notices: [...get().notices, ...texts] });
    const addNotice = (text: string) => addNotices([text]);

    return {
      config: DEFAULTS,
      runConfig: null,
      runId: 0,
      runState: 'idle',
      series: EMPTY_SERIES,
      stepsPerSecond: null,
      backend: null,
      notices: [],

      setParam(key, value) {
        const error = paramError(paramSpec(key), value);
        if (error) throw new Error(error);
        if (get().config[key] === value) return;
        set({ config: { ...get().config, [key]: value } });
        const { runState } = get();
        if (runState === 'running' || runState === 'done') scheduleRestart();
        else if (runState !== 'idle') resetRun();
      },

      loadConfig(config, notices = []) {
        resetRun();
        set({ config });
        addNotices(notices);
      },

      addNotices,

      start() {
        cancelPendingRestart();
        const runId = beginRun('running');
        channel.send({ type: 'start', runId, config: get().config, paused: false });
      },

      pause() {
        flushPendingRestart();
        if (get().runState !== 'running') return;
        channel.send({ type: 'pause', runId: get().runId });
        set({ runState: 'paused' });
      },

      resume() {
        if (get().runState !== 'paused') return;
        channel.send({ type: 'resume', runId: get().runId });
        set({ runState: 'running' });
      },

      stepOnce() {
        const { runState } = get();
        if (runState === 'running') return;
        cancelPendingRestart(); // only a stale one can be pending when not running
        if (runState !== 'paused') {
          const runId = beginRun('paused');
          channel.send({ type: 'start', runId, config: get().config, paused: true });
        }
        channel.send({ type: 'step', runId: get().runId });
      },

      reset: resetRun,

      receive(message) {
        switch (message.type) {
          case 'ready':
            set({
              backend: {
                backend: message.backend,
                gpuRenderer: message.gpuRenderer,
                fallbackReason: message.fallbackReason,
              },
            });
            if (message.fallbackReason) {
              addNotice(
                `${message.fallbackReason}. Training runs on the ${message.backend} backend instead, which is slower.`,
              );
            }
            return;
          case 'steps': {
            if (message.runId !== get().runId) return;
            const series = appendToSeries(get().series, message.firstStepIdx, message.estimatesBits);
            const badIdx = message.estimatesBits.findIndex((v) => !Number.isFinite(v));
            if (badIdx >= 0 && divergenceReportedFor !== message.runId) {
              divergenceReportedFor = message.runId;
              addNotice(
                `Training diverged: the estimate is not a finite number from step ${message.firstStepIdx + badIdx + 1}. ` +
                  'Try a lower learning rate.',
              );
            }
            const previous = get().stepsPerSecond;
            const stepsPerSecond =
              previous === null
                ? message.stepsPerSecond
                : previous + THROUGHPUT_SMOOTHING * (message.stepsPerSecond - previous);
            set({ series, stepsPerSecond });
            return;
          }
          case 'run-state':
            // The worker applies commands in order, so its latest report is the truth.
            if (message.runId === get().runId) set({ runState: message.state });
            return;
          case 'error':
            if (message.runId !== null && message.runId !== get().runId) return;
            set({ runState: 'error' });
            addNotice(`Training failed: ${message.message}`);
            return;
        }
      },

      dismissNotice(index) {
        set({ notices: get().notices.filter((_, i) => i !== index) });
      },
    };
  });
}
