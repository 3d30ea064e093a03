/**
 * The suite view's state: a suite definition, its finished cells (kept across reloads), and the run
 * of the cells still to do — a queue of units on training workers of the suite's own, with progress,
 * an estimate of the time left, and Cancel.
 */
import { type SuiteCellResult, type SuiteDefinition, DEFAULT_SUITE, suiteSeeds } from '../protocol/suite';
import {
  cellKey,
  pendingUnits,
  runSuiteUnit,
  suiteCellCount,
  type SuiteUnit,
  type SuiteWorkers,
} from '../protocol/suiteRun';
import type { CellStore } from './suiteCells';
import type { StoreContext } from './storeContext';
import { errorDetail, type Message } from '../protocol/message';

/** The state of the suite view. */
export interface SuiteValues {
  readonly suiteDefinition: SuiteDefinition;
  /** Finished cells of the definition (kept ones included), in the order they finished. */
  readonly suiteResults: readonly SuiteCellResult[];
  readonly suiteState: 'idle' | 'loading' | 'running' | 'done' | 'cancelled' | 'error';
  /** What each lane is on: a unit and its training step. */
  readonly suiteCurrent: readonly { readonly task: string; readonly seed: number; readonly step: number }[];
  /** Seconds left, from the mean time of the units finished in this run (null until one has). */
  readonly suiteSecondsLeft: number | null;
  readonly suiteError: Message | null;
}

/** The suite view's actions. */
export interface SuiteActions {
  /** Shows a suite: its definition, with the cells already finished for it. */
  openSuite(definition: SuiteDefinition): Promise<void>;
  /** Runs the cells still to do. */
  runSuite(): Promise<void>;
  /** Stops the run: cells under way are abandoned, finished ones kept. */
  cancelSuite(): void;
  /** Forgets every kept cell. */
  clearSuiteResults(): Promise<void>;
}

/** What the suite needs besides the store: a place for cells, and lanes to run units on. */
export interface SuiteDependencies {
  readonly cells: CellStore;
  /** Lanes of workers (as many as may run at once); each is disposed when the run ends. */
  lanes(): readonly (SuiteWorkers & { dispose(): void })[];
}

/** The suite view's values before any suite is opened. */
export const EMPTY_SUITE: SuiteValues = Object.freeze<SuiteValues>({
  suiteDefinition: DEFAULT_SUITE,
  suiteResults: [],
  suiteState: 'idle',
  suiteCurrent: [],
  suiteSecondsLeft: null,
  suiteError: null,
});

/** Every cell key of a suite. */
function allKeys(definition: SuiteDefinition): string[] {
  return suiteSeeds(definition.seeds).flatMap((seed) =>
    definition.tasks.flatMap((task) =>
      definition.estimators.map((e) => cellKey(definition.rows, task, e, seed)),
    ),
  );
}

/** The suite slice over `ctx`. */
export function createSuiteSlice(
  ctx: StoreContext,
  deps: SuiteDependencies,
): { values: SuiteValues; actions: SuiteActions } {
  const { get, set } = ctx;
  let controller: AbortController | null = null;

  const actions: SuiteActions = {
    async openSuite(definition) {
      controller?.abort();
      set({ ...EMPTY_SUITE, suiteDefinition: definition, suiteState: 'loading' });
      const kept = await deps.cells.load(allKeys(definition));
      if (get().suiteDefinition !== definition) return; // another suite was opened meanwhile
      set({ suiteResults: [...kept.values()], suiteState: 'idle' });
    },

    async runSuite() {
      if (get().suiteState === 'running') return;
      const definition = get().suiteDefinition;
      const done = new Set(
        get().suiteResults.map((r) => cellKey(definition.rows, r.task, r.estimator, r.seed)),
      );
      const queue: SuiteUnit[] = pendingUnits(definition, done);
      const run = new AbortController();
      controller = run;
      const lanes = deps.lanes();
      set({ suiteState: 'running', suiteError: null, suiteSecondsLeft: null, suiteCurrent: [] });
      const started = performance.now();
      let finishedUnits = 0;
      const total = queue.length;
      const current = new Map<number, { task: string; seed: number; step: number }>();
      const showCurrent = () => set({ suiteCurrent: [...current.values()] });
      const work = async (lane: SuiteWorkers, index: number) => {
        for (let unit = queue.shift(); unit && !run.signal.aborted; unit = queue.shift()) {
          const { task, seed } = unit;
          current.set(index, { task, seed, step: 0 });
          showCurrent();
          const results = await runSuiteUnit(
            lane,
            unit,
            definition.rows,
            (step) => {
              current.set(index, { task, seed, step });
              showCurrent();
            },
            run.signal,
          );
          for (const result of results)
            await deps.cells.save(
              cellKey(definition.rows, result.task, result.estimator, result.seed),
              result,
            );
          if (run.signal.aborted || get().suiteDefinition !== definition) return;
          finishedUnits++;
          const perUnit = (performance.now() - started) / 1000 / finishedUnits;
          set({
            suiteResults: [...get().suiteResults, ...results],
            suiteSecondsLeft: (perUnit * (total - finishedUnits)) / lanes.length,
          });
        }
        current.delete(index);
        showCurrent();
      };
      try {
        await Promise.all(lanes.map((lane, i) => work(lane, i)));
        if (!run.signal.aborted) set({ suiteState: 'done', suiteCurrent: [], suiteSecondsLeft: 0 });
      } catch (error) {
        if (!run.signal.aborted) {
          run.abort();
          set({
            suiteState: 'error',
            suiteCurrent: [],
            suiteError: errorDetail(error),
          });
        }
      } finally {
        lanes.forEach((lane) => lane.dispose());
        if (controller === run) controller = null;
      }
    },

    cancelSuite() {
      if (!controller) return;
      controller.abort();
      controller = null;
      set({ suiteState: 'cancelled', suiteCurrent: [], suiteSecondsLeft: null });
    },

    async clearSuiteResults() {
      actions.cancelSuite();
      await deps.cells.clear();
      set({ suiteResults: [], suiteState: 'idle' });
    },
  };
  return { values: EMPTY_SUITE, actions };
}

/** Cells finished and cells in all, for the progress bar. */
export function suiteProgress(
  definition: SuiteDefinition,
  results: readonly SuiteCellResult[],
): { done: number; total: number } {
  return { done: results.length, total: suiteCellCount(definition) };
}
