/**
 * A parsed table of the user's data: its columns (numeric ones with their values, text ones with
 * the reason they are not numeric), the limits a file must keep to, and the typed errors that
 * loading and selecting columns raise.
 */
import { MessageError, type Message } from '../../protocol/message';

/** What a file may hold: past any of these, loading stops with a message naming the limit. */
export const DATA_LIMITS = {
  /** Data rows (the header row not counted). */
  maxRows: 1_000_000,
  /** Columns, text ones included. */
  maxColumns: 200,
  /** Bytes of the file (200 MB). */
  maxBytes: 200_000_000,
  /** Rows × columns: 50 million values are 400 MB in double precision. */
  maxValues: 50_000_000,
} as const;

/** The limits a parser applies (DATA_LIMITS unless a test asks for smaller ones). */
export type DataLimits = { readonly [K in keyof typeof DATA_LIMITS]: number };

/** One column of a table: numeric (values, NaN where missing) or text (listed, never chosen). */
export type TableColumn =
  | {
      readonly name: string;
      readonly kind: 'numeric';
      readonly values: Float64Array;
      readonly missing: number;
    }
  | { readonly name: string; readonly kind: 'text'; readonly reason: Message };

/** A whole file, parsed: every column, the data rows, and what was detected. */
export interface ParsedTable {
  readonly columns: readonly TableColumn[];
  /** Data rows (the header row not counted; empty lines skipped). */
  readonly rows: number;
  /** ',', ';' or '\t'. */
  readonly delimiter: string;
  readonly hasHeader: boolean;
  /** Whether some value was read with a decimal comma ("3,14" → 3.14; never in comma-separated files). */
  readonly decimalComma: boolean;
}

/** Why loading a file, choosing columns or computing a baseline failed. */
export type DataErrorCode =
  | 'empty'
  | 'no-rows'
  | 'binary'
  | 'malformed'
  | 'one-column'
  | 'no-numeric-column'
  | 'too-large'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'too-many-values'
  | 'no-x'
  | 'no-y'
  | 'unknown-column'
  | 'shared-column'
  | 'text-column'
  | 'constant-column'
  | 'too-few-rows'
  | 'singular-covariance'
  | 'cancelled'
  | 'failed';

/** A failure with a code for tests and code, and a message for people: what was wrong, what to do. */
export class DataError extends MessageError {
  /** Which failure this is. */
  readonly code: DataErrorCode;

  constructor(code: DataErrorCode, detail: Message) {
    super(detail);
    this.name = 'DataError';
    this.code = code;
  }
}
