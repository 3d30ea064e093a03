/** The store's view of the user's data and of the baselines: summaries only, never the values. */
import type { KsgResult } from '../core/baselines/ksg';
import type { LinearMiResult } from '../core/baselines/linearMi';
import type { PermutationResult } from '../core/baselines/permutationTest';
import type { Message } from '../protocol/message';
import type { ExampleEntry } from './examples';

/** How the user's data reached the page. */
export type DataOrigin = 'file' | 'drop' | 'paste' | 'example';

/** One column as the data panel lists it. */
export interface ColumnSummary {
  readonly name: string;
  readonly numeric: boolean;
  /** Missing values (empty, NA, NaN, null…) in a numeric column. */
  readonly missing: number;
  /** Why a text column cannot be chosen; null for numeric columns. */
  readonly reason: Message | null;
}

/** A loaded table, without its values. */
export interface DataSummary {
  /** The file's name, "pasted text", or the example's title. */
  readonly name: string;
  readonly origin: DataOrigin;
  readonly rows: number;
  readonly columns: readonly ColumnSummary[];
  readonly delimiter: string;
  readonly hasHeader: boolean;
  readonly decimalComma: boolean;
  /** The bundled example this is, with its known truth, if it is one. */
  readonly example: ExampleEntry | null;
}

/** Loading a table: what is under way, how far it got, or what went wrong. */
export interface DataLoad {
  readonly state: 'idle' | 'loading' | 'ready' | 'error';
  /** Bytes (or characters) read, of `total`, while loading. */
  readonly read: number;
  readonly total: number;
  /** What is loading, for the progress line. */
  readonly name: string | null;
  /** What went wrong and what to do (state `error`). */
  readonly message: Message | null;
}

/** The rows chosen as X and Y, once selected. */
export interface DataSelection {
  readonly usedRows: number;
  /** Rows dropped for a missing or non-numeric value in a chosen column. */
  readonly droppedRows: number;
  readonly xDim: number;
  readonly yDim: number;
}

/** The baselines of the rows being trained on: linear MI, KSG and the permutation test. */
export interface BaselineValues {
  readonly state: 'idle' | 'running' | 'done';
  readonly linear: LinearMiResult | null;
  readonly ksg: KsgResult | null;
  readonly permutation: PermutationResult | null;
  /** How far KSG and the permutation test are (0–1). */
  readonly progress: { readonly ksg: number; readonly permutation: number };
  /** Baselines that could not be computed, with why. */
  readonly failures: readonly Message[];
}

/** The data slice's values. */
export interface DataValues {
  readonly dataLoad: DataLoad;
  readonly dataSummary: DataSummary | null;
  readonly dataSelection: DataSelection | null;
  /** Why the chosen columns cannot be used (null when they can, or before any table). */
  readonly selectionError: Message | null;
  readonly baselines: BaselineValues;
}

/** The data slice's actions. */
export interface DataActions {
  /** Loads a file chosen in the picker or dropped on the page, and switches to it. */
  loadDataFile(file: File | Blob, origin: 'file' | 'drop', name?: string): Promise<void>;
  /** Loads pasted text, and switches to it. */
  loadDataText(text: string): Promise<void>;
  /** Loads a bundled example by name, and switches to it. */
  loadExample(name: string): Promise<void>;
  /** Stops a load under way. */
  cancelDataLoad(): void;
  /** Chooses the X and Y columns of the loaded table. */
  chooseColumns(x: readonly string[], y: readonly string[]): void;
  /** The bundled examples. */
  listExamples(): Promise<readonly ExampleEntry[]>;
}
