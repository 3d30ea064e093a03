/**
 * The app's one store: the configuration being edited, the run being shown, what the worker
 * reported, and the viewer's preferences. Its slices live beside it (runCommands, workerMessages,
 * preferences); the worker client feeds `receive`, and components read single fields with selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULTS, paramError, paramSpec, type BackendPreference } from '../protocol/config';
import { createRunCommands } from './runCommands';
import { createPreferences } from './preferences';
import { createRunResults } from './runResults';
import type { StoreContext } from './storeContext';
import type { RunStoreOptions, RunStoreState, WorkerHost } from './types';
import { createReceive } from './workerMessages';

export type {
  PreferencesValues,
  RunState,
  RunStats,
  RunStoreOptions,
  RunStoreState,
  RunValues,
  WorkerHost,
} from './types';

/** Creates the store, driving training workers through `host`. */
export function createRunStore(
  host: WorkerHost,
  options: RunStoreOptions = { restartDebounceMs: 300 },
): StoreApi<RunStoreState> {
  /** The backend preference the current worker was started with; null before the first. */
  let workerBackend: BackendPreference | null = null;

  return createStore<RunStoreState>()((set, get) => {
    const ensureWorker = () => {
      const { backend } = get().config;
      if (workerBackend === backend) return;
      workerBackend = backend;
      set({ backend: null });
      host.start(backend);
      host.send({ type: 'init', backend });
    };
    const ctx: StoreContext = {
      set,
      get,
      options,
      ensureWorker,
      hasWorker: () => workerBackend !== null,
      send(message) {
        ensureWorker();
        host.send(message);
      },
    };
    const { scheduleRestart, ...commands } = createRunCommands(ctx);

    return {
      config: DEFAULTS,
      runConfig: null,
      runId: 0,
      runState: 'idle',
      results: createRunResults(DEFAULTS.estimator, 0, DEFAULTS.eval),
      stats: null,
      backend: null,
      notices: [],
      applyUpdate: null,
      ...createPreferences(ctx),

      ...commands,
      receive: createReceive(ctx),
      connectWorker: ensureWorker,

      setParam(key, value) {
        const spec = paramSpec(key);
        const error = paramError(spec, value);
        if (error) throw new Error(error);
        if (get().config[key] === value) return;
        set({ config: { ...get().config, [key]: value } });
        if (spec.effect === 'view') return;
        if (spec.effect === 'worker' && ctx.hasWorker()) ensureWorker();
        const { runState } = get();
        if (runState === 'running' || runState === 'done') scheduleRestart();
        else if (runState === 'idle')
          set({ results: createRunResults(get().config.estimator, 0, get().config.eval) });
        else commands.reset();
      },

      loadConfig(config, notices = []) {
        set({ config });
        commands.reset();
        if (ctx.hasWorker()) ensureWorker();
        get().addNotices(notices);
      },

      addNotices: (texts) => set({ notices: [...get().notices, ...texts] }),
      dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
      offerUpdate: (applyUpdate) => set({ applyUpdate }),
    };
  });
}
