/**
 * The store's side of the measured backend choice: when to time the backends (for `auto`, once the
 * worker has said what this machine has, while no run is going, once per size class and renderer),
 * keeping the figures (in storage, so it happens once per machine), and which backend a run should
 * start on. The timing itself is the BackendTimer's (worker/calibration.ts).
 */
import {
  cachedMeasurement,
  measuredChoice,
  parseSpeedCache,
  sizeClassOf,
  timingPlan,
  withMeasurement,
  type SpeedMeasurement,
} from '../protocol/backendSpeed';
import type { MeasuredBackend } from '../protocol/messages';
import type { StoreContext } from './storeContext';
import type { RunStoreState } from './types';

/** The timing of the shown configuration's size class here, if there is one. */
export function currentMeasurement(state: RunStoreState): SpeedMeasurement | null {
  if (!state.backend) return null;
  return cachedMeasurement(state.speedCache, sizeClassOf(state.config), state.backend.webgl.renderer);
}

/**
 * Whether backends should be timed now: `auto`, a worker that has reported what this machine has,
 * no run going, nothing timed yet for this size class and renderer, and two backends to compare.
 */
export function timingDue(state: RunStoreState): boolean {
  if (state.config.backend !== 'auto' || !state.backend || state.runState === 'running') return false;
  if (state.timingBackends || currentMeasurement(state)) return false;
  return timingPlan(state.backend.webgl, state.backend.webgpu).timed.length >= 2;
}

/** The timings' state, and what the rest of the store calls. */
export interface BackendTimings {
  readonly values: Pick<RunStoreState, 'speedCache' | 'timingBackends'>;
  /** After every change of state: schedules a timing for when the page is idle, if one is due. */
  onChange(): void;
  /** A run starts: stops a timing in progress (it is tried again later) and says what to train on. */
  runStarts(): MeasuredBackend | null;
}

/** Creates the timings over `ctx` (the store's options give the timer and the storage). */
export function createBackendTimings(ctx: Pick<StoreContext, 'get' | 'set' | 'options'>): BackendTimings {
  const { get, set } = ctx;
  const { timer, speedStorage } = ctx.options;
  let cancelScheduled: (() => void) | null = null;
  let inProgress: AbortController | null = null;

  const time = async () => {
    cancelScheduled = null;
    const state = get();
    if (!timer || !state.backend || !timingDue(state)) return;
    const { webgl, webgpu } = state.backend;
    const plan = timingPlan(webgl, webgpu);
    const config = state.config;
    const controller = new AbortController();
    inProgress = controller;
    set({ timingBackends: true });
    try {
      const timings = await timer.time(plan.timed, config, controller.signal);
      const measurement: SpeedMeasurement = {
        sizeClass: sizeClassOf(config),
        timings: [...timings, ...plan.skipped],
        measuredAt: new Date().toISOString(),
        renderer: webgl.renderer,
      };
      const speedCache = withMeasurement(get().speedCache, measurement);
      speedStorage?.save(JSON.stringify(speedCache));
      set({ speedCache });
    } catch {
      // stopped for a run (or the timer failed): it is due again once the page is idle
    } finally {
      if (inProgress === controller) inProgress = null;
      set({ timingBackends: false });
    }
  };

  return {
    values: { speedCache: parseSpeedCache(speedStorage?.load() ?? null), timingBackends: false },
    onChange() {
      // A run (started, resumed or stepped) has the machine to itself.
      if (get().runState === 'running') inProgress?.abort();
      if (timer && cancelScheduled === null && inProgress === null && timingDue(get()))
        cancelScheduled = timer.whenIdle(() => void time());
    },
    runStarts() {
      cancelScheduled?.();
      cancelScheduled = null;
      inProgress?.abort();
      const { config, speedCache, backend } = get();
      if (config.backend !== 'auto') return null;
      const measurement = speedCache[String(sizeClassOf(config))];
      // The worker checks the renderer too; before it has reported, take the timing as it is.
      if (!measurement || (backend && measurement.renderer !== backend.webgl.renderer)) return null;
      const choice = measuredChoice(measurement);
      return choice ? { ...choice, renderer: measurement.renderer } : null;
    },
  };
}
