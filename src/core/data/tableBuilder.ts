/**
 * Builds a ParsedTable from rows of strings as a CSV parser delivers them, a chunk at a time:
 * decides whether the first row is a header once it has seen enough rows, reads every cell as a
 * number (or marks its column as text, with the reason), and keeps each numeric column in a
 * typed array that grows geometrically, within the limits.
 */
import { NOT_A_NUMBER, notNumberReason, readCell } from './cells';
import { message, type Message } from '../../protocol/message';
import { DataError, type DataLimits, type ParsedTable, type TableColumn } from './table';

/** Rows seen before deciding whether the first one is a header. */
const HEADER_SAMPLE_ROWS = 100;
/** First capacity of a column's values; it doubles from there. */
const INITIAL_CAPACITY = 1024;

/** Receives a file's rows in order and builds its table. */
export interface TableBuilder {
  /** Adds the next rows (each a list of fields); throws a DataError past a limit or on a bad row. */
  addRows(rows: readonly (readonly string[])[]): void;
  /** The table of every row added; throws a DataError when it cannot be used at all. */
  finish(): ParsedTable;
}

interface ColumnState {
  readonly name: string;
  values: Float64Array | null;
  missing: number;
  reason: Message | null;
}

const isEmptyLine = (fields: readonly string[]) => fields.length === 1 && fields[0].trim() === '';

/** Column names: the header's (trimmed; blanks become c1, c2…; repeats get " (2)"), or c1, c2…. */
function columnNames(header: readonly string[] | null, count: number): string[] {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, c) => {
    const base = header?.[c]?.trim() || `c${c + 1}`;
    let name = base;
    for (let copy = 2; used.has(name); copy++) name = `${base} (${copy})`;
    used.add(name);
    return name;
  });
}

/**
 * Whether `first` is a header: some cell of it is text over a column whose later sampled values
 * are all numbers (at least one present), or no sampled column is numeric and none of its cells is.
 */
function looksLikeHeader(
  first: readonly string[],
  later: readonly (readonly string[])[],
  decimalComma: boolean,
) {
  let anyNumericColumn = false;
  for (let c = 0; c < first.length; c++) {
    let numbers = 0;
    let text = 0;
    for (const row of later) {
      const value = readCell(row[c] ?? '', decimalComma);
      if (value === NOT_A_NUMBER) text++;
      else if (!Number.isNaN(value)) numbers++;
    }
    const numericColumn = numbers > 0 && text === 0;
    anyNumericColumn ||= numericColumn;
    if (numericColumn && readCell(first[c], decimalComma) === NOT_A_NUMBER) return true;
  }
  return !anyNumericColumn && first.every((cell) => readCell(cell, decimalComma) === NOT_A_NUMBER);
}

/** A builder for a file separated by `delimiter` (decimal commas are read unless it is ','). */
export function createTableBuilder(delimiter: string, limits: DataLimits): TableBuilder {
  const decimalComma = delimiter !== ',';
  let line = 0; // records seen, as a spreadsheet numbers its rows (the header is row 1)
  let pending: { fields: readonly string[]; line: number }[] | null = [];
  let columns: ColumnState[] = [];
  let hasHeader = false;
  let rows = 0;
  let capacity = 0;
  let maxRows: number = limits.maxRows;
  let usedDecimalComma = false;

  const grow = () => {
    capacity = Math.min(Math.max(INITIAL_CAPACITY, capacity * 2), maxRows);
    for (const column of columns) {
      if (!column.values) continue;
      const values = new Float64Array(capacity);
      values.set(column.values);
      column.values = values;
    }
  };

  const addDataRow = (fields: readonly string[], at: number) => {
    if (fields.length > columns.length && fields.slice(columns.length).some((f) => f.trim() !== '')) {
      throw new DataError(
        'malformed',
        message(hasHeader ? 'errors.malformedHeader' : 'errors.malformedFirstRow', {
          row: at,
          fields: fields.length,
          columns: columns.length,
        }),
      );
    }
    if (rows === maxRows) {
      throw maxRows === limits.maxRows
        ? new DataError('too-many-rows', message('errors.tooManyRows', { limit: limits.maxRows }))
        : new DataError(
            'too-many-values',
            message('errors.tooManyValues', { limit: limits.maxValues, columns: columns.length }),
          );
    }
    if (rows === capacity) grow();
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      if (!column.values) continue;
      const raw = c < fields.length ? fields[c] : '';
      const value = readCell(raw, decimalComma);
      if (value === NOT_A_NUMBER) {
        column.reason = notNumberReason(raw, at, decimalComma);
        column.values = null;
        continue;
      }
      if (Number.isNaN(value)) column.missing++;
      else if (decimalComma && !usedDecimalComma && raw.includes(',')) usedDecimalComma = true;
      column.values[rows] = value;
    }
    rows++;
  };

  /** Decides the header and the columns from the rows held back, then adds them. */
  const decide = () => {
    const held = pending ?? [];
    pending = null;
    if (held.length === 0) return;
    const first = held[0].fields;
    if (first.length > limits.maxColumns) {
      throw new DataError(
        'too-many-columns',
        message('errors.tooManyColumns', { columns: first.length, limit: limits.maxColumns }),
      );
    }
    hasHeader = looksLikeHeader(
      first,
      held.slice(1).map((r) => r.fields),
      decimalComma,
    );
    columns = columnNames(hasHeader ? first : null, first.length).map((name) => ({
      name,
      values: new Float64Array(0),
      missing: 0,
      reason: null,
    }));
    maxRows = Math.min(limits.maxRows, Math.floor(limits.maxValues / columns.length));
    for (const row of hasHeader ? held.slice(1) : held) addDataRow(row.fields, row.line);
  };

  return {
    addRows(batch) {
      for (const fields of batch) {
        line++;
        if (isEmptyLine(fields)) continue;
        if (!pending) addDataRow(fields, line);
        else if (pending.push({ fields, line }) >= HEADER_SAMPLE_ROWS) decide();
      }
    },
    finish() {
      if (pending) decide();
      if (columns.length === 0) {
        throw new DataError('empty', message('errors.empty'));
      }
      if (columns.length === 1) {
        throw new DataError('one-column', message('errors.oneColumn'));
      }
      if (rows === 0) {
        throw new DataError('no-rows', message('errors.noRows'));
      }
      const table: TableColumn[] = columns.map((c) =>
        c.values
          ? { name: c.name, kind: 'numeric', values: c.values.slice(0, rows), missing: c.missing }
          : { name: c.name, kind: 'text', reason: c.reason ?? message('errors.cell.notNumber') },
      );
      if (!table.some((c) => c.kind === 'numeric')) {
        const reasons = table
          .slice(0, 3)
          .map((c) =>
            message('errors.columnReason', { name: c.name, reason: c.kind === 'text' ? c.reason : '' }),
          );
        throw new DataError(
          'no-numeric-column',
          message(table.length > 3 ? 'errors.noNumericColumnMore' : 'errors.noNumericColumn', { reasons }),
        );
      }
      return { columns: table, rows, delimiter, hasHeader, decimalComma: usedDecimalComma };
    },
  };
}
