/**
 * From a parsed table to the dataset the estimators train on: the chosen X and Y columns, the
 * rows with a value in every one of them (in file order), and why a choice cannot be used.
 */
import type { SampleRows } from '../finiteSample';
import { DataError, formatCount, type ParsedTable } from './table';

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

const fail = (code: DataError['code'], message: string): Selection => ({
  error: new DataError(code, message),
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
  if (xs.length === 0) return fail('no-x', 'Choose at least one X column.');
  if (ys.length === 0) return fail('no-y', 'Choose at least one Y column.');
  const shared = xs.filter((name) => ys.includes(name));
  if (shared.length > 0) {
    return fail(
      'shared-column',
      `Column ${shared.join(', ')} is chosen as both X and Y: choose it for one side only.`,
    );
  }
  const chosen: Float64Array[] = [];
  for (const name of [...xs, ...ys]) {
    const column = table.columns.find((c) => c.name === name);
    if (!column) return fail('unknown-column', `The file has no column named '${name}'.`);
    if (column.kind === 'text')
      return fail('text-column', `Column ${name} cannot be used: its ${column.reason}.`);
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
    return fail(
      'too-few-rows',
      `Only ${formatCount(used)} rows have a value in every chosen column (${formatCount(dropped)} dropped); ` +
        `at least ${formatCount(minRows)} are needed: choose other columns, or a file with more rows.`,
    );
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
    return fail(
      'constant-column',
      `Column ${constant} has the same value in every row used, so it carries no information: choose another.`,
    );
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
