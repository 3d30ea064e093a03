/**
 * The store's history slice: ghost runs kept when a run is replaced, and sweeps that run one
 * setting over a list of values, one run after another.
 */
import { sweptValue, withSweptValue, type SweepKey } from '../protocol/sweeps';
import { addGhost, finalEstimates, ghostOf, sweepConfig, type Sweep } from './history';
import type { StoreContext } from './storeContext';
import type { RunActions } from './types';

/** History actions, and the hooks the run lifecycle calls. */
export interface HistorySlice {
  readonly actions: Pick<
    RunActions,
    'pinGhost' | 'clearGhosts' | 'prepareSweep' | 'runSweep' | 'stopSweep' | 'clearSweep'
  >;
  /** Keeps the shown run as a ghost before it is replaced or reset. */
  retireRun(): void;
  /** Records a finished run (a sweep moves on to its next value). */
  runFinished(runId: number): void;
  /** A user's own command: a running sweep stops rather than be overridden. */
  userAction(): void;
}

/** Creates the history slice over `ctx`; `start` begins a run with the current settings. */
export function createHistorySlice(ctx: StoreContext, start: () => void): HistorySlice {
  const { get, set } = ctx;
  let nextGhostId = 1;
  /** The run id of the sweep's current run; −1 when no sweep run is in flight. */
  let sweepRunId = -1;
  /** True while the sweep itself changes settings or starts runs. */
  let internal = false;

  const runValue = (sweep: Sweep, index: number) => {
    internal = true;
    try {
      get().loadConfig(sweepConfig(sweep, index));
      start();
      sweepRunId = get().runId;
    } finally {
      internal = false;
    }
  };

  const stopSweep = () => {
    const { sweep } = get();
    sweepRunId = -1;
    if (sweep?.state === 'running') set({ sweep: { ...sweep, state: 'stopped' } });
  };

  return {
    actions: {
      pinGhost(id) {
        set({ ghosts: get().ghosts.map((g) => (g.id === id ? { ...g, pinned: !g.pinned } : g)) });
      },
      clearGhosts: () => set({ ghosts: [] }),
      prepareSweep(key: SweepKey, values) {
        stopSweep();
        set({ sweep: { key, values, finals: [], base: get().config, state: 'ready' } });
      },
      runSweep() {
        const { sweep } = get();
        if (!sweep) return;
        const next: Sweep = {
          ...sweep,
          finals: [],
          base: withSweptValue(get().config, sweep.key, sweptValue(sweep.base, sweep.key)),
          state: 'running',
        };
        set({ sweep: next });
        runValue(next, 0);
      },
      stopSweep,
      clearSweep() {
        stopSweep();
        set({ sweep: null });
      },
    },

    retireRun() {
      const { runConfig, results, ghosts } = get();
      if (!runConfig) return;
      set({ ghosts: addGhost(ghosts, ghostOf(nextGhostId++, runConfig, results)) });
    },

    runFinished(runId) {
      const { sweep, results } = get();
      if (!sweep || sweep.state !== 'running' || runId !== sweepRunId) return;
      const finals = [...sweep.finals, finalEstimates(results)];
      const done = finals.length >= sweep.values.length;
      const next: Sweep = { ...sweep, finals, state: done ? 'done' : 'running' };
      set({ sweep: next });
      if (done) sweepRunId = -1;
      else runValue(next, finals.length);
    },

    userAction() {
      if (!internal) stopSweep();
    },
  };
}
