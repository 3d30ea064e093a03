/**
 * The app's one store: the configuration being edited, the run being shown, what the worker
 * reported, and the viewer's preferences. Its slices live beside it (runCommands, workerMessages,
 * preferences); the worker client feeds `receive`, and components read single fields with selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULTS, paramError, paramSpec, type BackendPreference } from '../protocol/config';
import type { BackendId, MeasuredBackend } from '../protocol/messages';
import { createDataClient, type DataClient } from '../worker/dataClient';
import { createSuiteLane, suiteLanes } from '../worker/suiteClient';
import { createBackendTimings } from './backendTimings';
import { indexedDbCells } from './suiteCells';
import { createSuiteSlice, type SuiteDependencies } from './suiteSlice';
import { createDataSlice, type DataDependencies } from './dataSlice';
import { siteExamples } from './examples';
import { createHistorySlice } from './historySlice';
import { NO_LESSON, createLessonSlice, siteLessons, type LessonDependencies } from './lessonSlice';
import { createRunCommands } from './runCommands';
import { createPreferences } from './preferences';
import { mergeNotices } from './notices';
import { createRunResults } from './runResults';
import type { StoreContext } from './storeContext';
import type { RunStoreOptions, RunStoreState, WorkerHost } from './types';
import { createReceive } from './workerMessages';

export type { RunStoreOptions, RunStoreState, WorkerHost } from './types';

/** The suite's cells in IndexedDB, and lanes of workers of its own (with a data worker for KSG). */
function pageSuite(): SuiteDependencies {
  let data: DataClient | null = null;
  return {
    cells: indexedDbCells(),
    lanes: () => {
      data ??= createDataClient();
      const client = data;
      return Array.from({ length: suiteLanes() }, () => createSuiteLane(client));
    },
  };
}

/**
 * Creates the store, driving training workers through `host`, and loading data and computing
 * baselines through `data` (the data worker and the bundled examples), and the site's lessons
 * through `lessons`.
 */
export function createRunStore(
  host: WorkerHost,
  options: RunStoreOptions = { restartDebounceMs: 300 },
  data: DataDependencies = { client: createDataClient(), examples: siteExamples() },
  suite: SuiteDependencies = pageSuite(),
  lessons: LessonDependencies = siteLessons(),
): StoreApi<RunStoreState> {
  /** The backend preference the current worker was started with; null before the first. */
  let workerBackend: BackendPreference | null = null;
  /** Backends the next worker tries last (one that just failed). */
  let avoidNext: readonly BackendId[] = [];
  /** Whether the page has started workers at all (after the URL was read). */
  let connected = false;

  /** The backend timed fastest that the current worker was started with, if any. */
  let workerMeasured: BackendId | null = null;
  let timings: ReturnType<typeof createBackendTimings> | null = null;
  let onStateChange: (state: RunStoreState) => void = () => undefined;
  const store = createStore<RunStoreState>()((set, get) => {
    const startWorker = (backend: BackendPreference, measured: MeasuredBackend | null) => {
      connected = true;
      workerBackend = backend;
      workerMeasured = measured?.backend ?? null;
      set({ backend: null });
      host.start(backend, avoidNext, measured);
      avoidNext = [];
      // A fresh worker gets the user's rows again (it holds them for every run on them).
      const rows = dataSlice.rowsForWorker();
      if (rows) host.send({ type: 'data', rows });
    };
    const ensureWorker = () => {
      const { backend } = get().config;
      if (workerBackend !== backend) startWorker(backend, timings?.runStarts() ?? null);
    };
    const ctx: StoreContext = {
      set,
      get,
      options,
      ensureWorker,
      hasWorker: () => connected,
      prepareRun() {
        const measured = timings?.runStarts() ?? null;
        if (!connected || !measured || workerMeasured === measured.backend) return;
        const report = get().backend;
        // A worker keeps its backend for life: a run that should train elsewhere gets a fresh one;
        // one already on the measured winner stays, and now says why.
        if (report?.backend === measured.backend) {
          workerMeasured = measured.backend;
          set({ backend: { ...report, reason: measured.reason } });
        } else startWorker(get().config.backend, measured);
      },
      dropWorker(avoid) {
        workerBackend = null;
        avoidNext = avoid;
        set({ backend: null });
      },
      send(message) {
        ensureWorker();
        host.send(message);
      },
      retireRun: () => history.retireRun(),
      runFinished: (runId) => history.runFinished(runId),
    };
    timings = createBackendTimings(ctx);
    const { scheduleRestart, ...commands } = createRunCommands(ctx);
    const dataSlice = createDataSlice(ctx, data);
    const suiteSlice = createSuiteSlice(ctx, suite);
    onStateChange = dataSlice.onStateChange;
    const history = createHistorySlice(ctx, commands.start);
    /** A command from the user (not from a sweep): a running sweep stops first. */
    const byUser =
      <A extends unknown[]>(action: (...args: A) => void) =>
      (...args: A) => {
        history.userAction();
        action(...args);
      };

    return {
      config: DEFAULTS,
      runConfig: null,
      runId: 0,
      runState: 'idle',
      results: createRunResults(DEFAULTS.estimator, 0, DEFAULTS.eval),
      stats: null,
      snapshot: null,
      runInfo: null,
      earlyStops: [],
      backend: null,
      notices: [],
      applyUpdate: null,
      lastWorkerMessageMs: 0,
      awaitingSingleStep: false,
      ghosts: [],
      sweep: null,
      ...timings.values,
      ...createPreferences(ctx),
      ...dataSlice.values,
      ...dataSlice.actions,
      ...suiteSlice.values,
      ...suiteSlice.actions,
      ...NO_LESSON,
      ...createLessonSlice(ctx, lessons),

      ...commands,
      ...history.actions,
      start: byUser(commands.start),
      reset: byUser(commands.reset),
      stepOnce: byUser(commands.stepOnce),
      receive: createReceive(ctx),
      connectWorker: ensureWorker,

      setParam(key, value) {
        const spec = paramSpec(key);
        const error = paramError(spec, value);
        if (error) throw new Error(error);
        if (get().config[key] === value) return;
        set({ config: { ...get().config, [key]: value } });
        if (spec.effect === 'view') return; // e.g. units: a running sweep goes on
        history.userAction();
        if (spec.effect === 'worker' && ctx.hasWorker()) ensureWorker();
        const { runState } = get();
        if (runState === 'running' || runState === 'done') scheduleRestart();
        else if (runState === 'idle')
          set({ results: createRunResults(get().config.estimator, 0, get().config.eval) });
        else commands.reset();
      },

      loadConfig(config, notices = []) {
        history.userAction();
        set({ config });
        commands.reset();
        if (ctx.hasWorker()) ensureWorker();
        get().addNotices(notices);
      },

      addNotices: (texts) => set({ notices: mergeNotices(get().notices, texts) }),
      dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
      offerUpdate: (applyUpdate) => set({ applyUpdate }),
    };
  });
  store.subscribe((state) => {
    onStateChange(state);
    timings?.onChange();
  });
  return store;
}
