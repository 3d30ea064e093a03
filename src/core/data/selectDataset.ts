/**
 * From a parsed table to the dataset the estimators train on: the chosen X and Y columns, the
 * rows with a value in every one of them (in file order), and why a choice cannot be used.
 */
import type { SampleRows } from '../finiteSample';
import { message, type Message } from '../../protocol/message';
import { DataError, type ParsedTable } from './table';

/** The chosen columns as a paired sample, with the names and how many rows were kept and dropped. */
export interface Dataset extends SampleRows {
  readonly xNames: readonly string[];
  readonly yNames: readonly string[];
  /** Rows with a finite value in every chosen column (= n). */
  readonly usedRows: number;
  /** Rows left out for a missing value in some chosen column. */
  readonly droppedRows: number;
}

/** A dataset, or the reason the choice cannot be used. */
export type Selection = { readonly dataset: Dataset } | { readonly error: DataError };

const fail = (code: DataError['code'], detail: Message): Selection => ({
  error: new DataError(code, detail),
});

/**
 * The dataset of columns `xNames` (X) and `yNames` (Y) of `table`; rows with a missing value in any
 * of them are dropped and counted. Fails when a side is empty, a column is unknown, text, on both
 * sides or constant, or fewer than `minRows` rows are left.
 */
export function selectDataset(
  table: ParsedTable,
  xNames: readonly string[],
  yNames: readonly string[],
  minRows: number,
): Selection {
  const xs = [...new Set(xNames)];
  const ys = [...new Set(yNames)];
  if (xs.length === 0) return fail('no-x', message('errors.select.noX'));
  if (ys.length === 0) return fail('no-y', message('errors.select.noY'));
  const shared = xs.filter((name) => ys.includes(name));
  if (shared.length > 0) {
    return fail('shared-column', message('errors.select.shared', { names: shared.join(', ') }));
  }
  const chosen: Float64Array[] = [];
  for (const name of [...xs, ...ys]) {
    const column = table.columns.find((c) => c.name === name);
    if (!column) return fail('unknown-column', message('errors.select.unknown', { name }));
    if (column.kind === 'text')
      return fail('text-column', message('errors.select.text', { name, reason: column.reason }));
    chosen.push(column.values);
  }

  const keep = new Uint8Array(table.rows);
  let used = 0;
  for (let r = 0; r < table.rows; r++) {
    let finite = true;
    for (const values of chosen) finite &&= Number.isFinite(values[r]);
    keep[r] = finite ? 1 : 0;
    used += keep[r];
  }
  const dropped = table.rows - used;
  if (used < minRows) {
    return fail('too-few-rows', message('errors.select.tooFewRows', { count: used, dropped, minRows }));
  }

  /** Packs columns row-major as float32; names the first one that is constant in the rows kept. */
  const pack = (columns: readonly Float64Array[], names: readonly string[]) => {
    const d = columns.length;
    const values = new Float32Array(used * d);
    let constant: string | null = null;
    for (let c = 0; c < d; c++) {
      const column = columns[c];
      for (let r = 0, i = 0; r < table.rows; r++) if (keep[r]) values[i++ * d + c] = column[r];
      let varies = false;
      for (let i = 1; i < used && !varies; i++) varies = values[i * d + c] !== values[c];
      constant ??= varies ? null : names[c];
    }
    return { values, constant };
  };
  const x = pack(chosen.slice(0, xs.length), xs);
  const y = pack(chosen.slice(xs.length), ys);
  const constant = x.constant ?? y.constant;
  if (constant !== null) {
    return fail('constant-column', message('errors.select.constant', { name: constant }));
  }
  return {
    dataset: {
      n: used,
      xDim: xs.length,
      yDim: ys.length,
      x: x.values,
      y: y.values,
      xNames: xs,
      yNames: ys,
      usedRows: used,
      droppedRows: dropped,
    },
  };
}
