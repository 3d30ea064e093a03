/**
 * The user's data in the store: loading a table (file, drop, paste or bundled example) in the data
 * worker, choosing its X and Y columns, handing the chosen rows to the training worker, and the
 * baselines (linear MI, KSG, permutation test) of whatever finite sample the run trains on. The
 * values themselves live here, outside the reactive state; the state holds summaries.
 */
import type { SampleRows } from '../core/finiteSample';
import { selectDataset } from '../core/data/selectDataset';
import { DataError, type ParsedTable } from '../core/data/table';
import { sampledRows, trainsOnFiniteSample, type RunConfig } from '../protocol/config';
import { errorDetail, errorValue, message, type Message } from '../protocol/message';
import type { DataClient } from '../worker/dataClient';
import type { ColumnSummary, DataActions, DataOrigin, DataValues } from './dataTypes';
import type { ExampleEntry, ExampleSource } from './examples';
import type { StoreContext } from './storeContext';
import type { RunStoreState } from './types';

/** Fewest rows a run on the user's data accepts (after rows with missing values are dropped). */
export const MIN_DATA_ROWS = 20;

/** Shuffles of the permutation test: p can reach 1/(B + 1) = 0.01. */
export const PERMUTATION_SHUFFLES = 99;

/** Quiet time after the last change before the baselines are computed again. */
const BASELINE_DEBOUNCE_MS = 300;

/** What the data slice needs besides the store: the data worker and the bundled examples. */
export interface DataDependencies {
  readonly client: DataClient;
  readonly examples: ExampleSource;
}

/** Values before any data is loaded. */
export const EMPTY_DATA: DataValues = Object.freeze<DataValues>({
  dataLoad: { state: 'idle', read: 0, total: 0, name: null, message: null },
  dataSummary: null,
  dataSelection: null,
  selectionError: null,
  baselines: {
    state: 'idle',
    linear: null,
    ksg: null,
    permutation: null,
    progress: { ksg: 0, permutation: 0 },
    failures: [],
  },
});

/** The columns of a table as the data panel lists them. */
function columnSummaries(table: ParsedTable): ColumnSummary[] {
  return table.columns.map((column) =>
    column.kind === 'numeric'
      ? { name: column.name, numeric: true, missing: column.missing, reason: null }
      : { name: column.name, numeric: false, missing: 0, reason: column.reason },
  );
}

/**
 * The columns to start with: the link's (when the table has them all, numeric), else the example's
 * suggestion, else the first numeric column as X and the second as Y.
 */
function initialColumns(
  table: ParsedTable,
  config: RunConfig,
  example: ExampleEntry | null,
): { x: string[]; y: string[]; fromLink: boolean } {
  const numeric = table.columns.filter((c) => c.kind === 'numeric').map((c) => c.name);
  const usable = (names: readonly string[]) => names.length > 0 && names.every((n) => numeric.includes(n));
  if (usable(config.x) && usable(config.y)) return { x: [...config.x], y: [...config.y], fromLink: true };
  if (example && usable(example.x) && usable(example.y))
    return { x: [...example.x], y: [...example.y], fromLink: false };
  return { x: numeric.slice(0, 1), y: numeric.slice(1, 2), fromLink: false };
}

/** The store's data slice over `ctx`: its values, actions, and hooks for the rest of the store. */
export function createDataSlice(ctx: StoreContext, deps: DataDependencies) {
  const { get, set } = ctx;
  let table: ParsedTable | null = null;
  /** The chosen rows, and a counter that changes whenever they do. */
  let rows: SampleRows | null = null;
  let rowsVersion = 0;
  let baselineKey: string | null = null;
  let baselineTimer: ReturnType<typeof setTimeout> | null = null;

  /** Selects the chosen columns' rows and hands them to the training worker. */
  const select = (x: readonly string[], y: readonly string[]) => {
    if (!table) return;
    const selection = selectDataset(table, x, y, MIN_DATA_ROWS);
    rowsVersion++;
    if ('error' in selection) {
      rows = null;
      set({ dataSelection: null, selectionError: selection.error.detail });
      return;
    }
    const { dataset } = selection;
    rows = { n: dataset.n, xDim: dataset.xDim, yDim: dataset.yDim, x: dataset.x, y: dataset.y };
    set({
      dataSelection: {
        usedRows: dataset.usedRows,
        droppedRows: dataset.droppedRows,
        xDim: dataset.xDim,
        yDim: dataset.yDim,
      },
      selectionError: null,
    });
    ctx.send({ type: 'data', rows });
  };

  /** Loads a table through `parse`, then switches the run to it. */
  const loadTable = async (
    name: string,
    origin: DataOrigin,
    parse: (onProgress: (read: number, total: number) => void) => Promise<ParsedTable>,
    example: ExampleEntry | null = null,
  ) => {
    // Pasted rows have no name of their own: the page names them in the reader's language.
    const shownName = origin === 'paste' ? null : name;
    set({ dataLoad: { state: 'loading', read: 0, total: 0, name: shownName, message: null } });
    let parsed: ParsedTable;
    try {
      parsed = await parse((read, total) => {
        if (get().dataLoad.state === 'loading') set({ dataLoad: { ...get().dataLoad, read, total } });
      });
    } catch (error) {
      const cancelled = error instanceof DataError && error.code === 'cancelled';
      set({
        dataLoad: {
          state: cancelled ? (table ? 'ready' : 'idle') : 'error',
          read: 0,
          total: 0,
          name,
          message: cancelled ? null : errorDetail(error),
        },
      });
      return;
    }
    table = parsed;
    set({
      dataLoad: { state: 'ready', read: 0, total: 0, name, message: null },
      dataSummary: {
        name,
        origin,
        rows: parsed.rows,
        columns: columnSummaries(parsed),
        delimiter: parsed.delimiter,
        hasHeader: parsed.hasHeader,
        decimalComma: parsed.decimalComma,
        example,
      },
    });
    const { config } = get();
    const columns = initialColumns(parsed, config, example);
    if (!columns.fromLink && (config.x.length > 0 || config.y.length > 0)) {
      const named = [...config.x, ...config.y].map((n) => `“${n}”`).join(', ');
      get().addNotices([message('notices.data.linkColumns', { names: named })]);
    }
    actions.chooseColumns(columns.x, columns.y);
    if (get().config.dist !== 'data') get().setParam('dist', 'data');
  };

  const actions: DataActions = {
    loadDataFile: (file, origin, name) =>
      loadTable(name ?? (file instanceof File ? file.name : 'file'), origin, (onProgress) =>
        deps.client.parseFile(file, onProgress),
      ),
    loadDataText: (text) =>
      loadTable('pasted text', 'paste', (onProgress) => deps.client.parseText(text, onProgress)),
    async loadExample(name) {
      let entry: ExampleEntry | undefined;
      try {
        entry = (await deps.examples.manifest()).find((e) => e.name === name);
      } catch (error) {
        set({
          dataLoad: {
            state: 'error',
            read: 0,
            total: 0,
            name,
            message: message('notices.data.examplesUnavailable', { detail: errorValue(error) }),
          },
        });
        return;
      }
      if (!entry) {
        get().addNotices([message('notices.data.noExample', { name: name.slice(0, 40) })]);
        return;
      }
      const found = entry;
      await loadTable(
        found.title,
        'example',
        async (onProgress) => deps.client.parseFile(await deps.examples.file(found), onProgress),
        found,
      );
    },
    cancelDataLoad: () => deps.client.cancelParse(),
    listExamples: () => deps.examples.manifest(),
    chooseColumns(x, y) {
      select(x, y);
      get().setParam('x', [...x]);
      get().setParam('y', [...y]);
    },
  };

  /** What the baselines measure: the user's chosen rows, or the finite sample drawn from the distribution. */
  const baselineSample = (config: RunConfig): { key: string; sample: () => SampleRows | null } | null => {
    if (!trainsOnFiniteSample(config)) return null;
    const k = config['ksg-k'];
    if (config.dist === 'data') return { key: `data:${rowsVersion}:${k}:${config.seed}`, sample: () => rows };
    const { dist, task, power, noise, rho, dim, rows: count, seed } = config;
    return {
      key: JSON.stringify({ dist, task, power, noise, rho, dim, count, seed, k }),
      sample: () => sampledRows(config),
    };
  };

  const computeBaselines = (config: RunConfig, sample: SampleRows) => {
    set({ baselines: { ...EMPTY_DATA.baselines, state: 'running' } });
    const update = (partial: Partial<DataValues['baselines']>) =>
      set({ baselines: { ...get().baselines, ...partial } });
    deps.client
      .computeBaselines(
        sample,
        { k: config['ksg-k'], shuffles: PERMUTATION_SHUFFLES, seed: config.seed },
        {
          onLinear: (linear) => update({ linear }),
          onKsg: (ksg) => update({ ksg }),
          onPermutation: (permutation) => update({ permutation }),
          onProgress: (baseline, fraction) =>
            update({ progress: { ...get().baselines.progress, [baseline]: fraction } }),
          onFailed: (baseline, error) =>
            update({
              failures: [
                ...get().baselines.failures,
                message('errors.baselineFailed', { baseline, reason: error.detail }),
              ],
            }),
        },
      )
      .then(() => update({ state: 'done' }))
      .catch((error: unknown) => {
        if (error instanceof DataError && error.code === 'cancelled') return; // a newer request took over
        update({ state: 'done', failures: [...get().baselines.failures, errorDetail(error)] });
      });
  };

  /** Recomputes the baselines (debounced) when what they measure changes. */
  const onStateChange = (state: RunStoreState) => {
    const target = baselineSample(state.config);
    const key = target?.key ?? null;
    if (key === baselineKey) return;
    baselineKey = key;
    if (baselineTimer !== null) clearTimeout(baselineTimer);
    deps.client.cancelBaselines();
    set({ baselines: EMPTY_DATA.baselines });
    if (!target) return;
    baselineTimer = setTimeout(() => {
      baselineTimer = null;
      const sample = target.sample();
      if (sample) computeBaselines(get().config, sample);
    }, BASELINE_DEBOUNCE_MS);
  };

  return {
    values: EMPTY_DATA,
    actions,
    /** The chosen rows, for a fresh training worker (null before any). */
    rowsForWorker: () => rows,
    onStateChange,
  };
}

/** "1,234 rows used, 5 dropped": what the data panel's status line says of a selection. */
export function selectionText(usedRows: number, droppedRows: number): Message {
  return message(droppedRows === 0 ? 'errors.selection.noneDropped' : 'errors.selection.dropped', {
    count: usedRows,
    dropped: droppedRows,
  });
}
