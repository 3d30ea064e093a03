/**
 * Messages between the page and the data worker (parsing files, computing the baselines),
 * discriminated on `type`. Every request carries a `requestId` chosen by the page; every reply
 * carries the id of the request it answers, so replies to a replaced request are dropped.
 */
import type { KsgResult } from '../core/baselines/ksg';
import type { LinearMiResult } from '../core/baselines/linearMi';
import type { PermutationResult } from '../core/baselines/permutationTest';
import type { SampleRows } from '../core/finiteSample';
import type { DataErrorCode, ParsedTable } from '../core/data/table';
import type { Message } from './message';

/** The baselines computed for a dataset. */
export type BaselineKind = 'linear' | 'ksg' | 'permutation';

/** How the baselines are computed. */
export interface BaselineSettings {
  /** KSG's neighbours (the permutation test uses the same k). */
  readonly k: number;
  /** B: shuffles of the permutation test; 0 skips it. */
  readonly shuffles: number;
  /** Seed of the subsamples, tie-breaking jitter and shuffles. */
  readonly seed: number;
  /** Rows KSG runs on at most (KSG_MAX_ROWS by default). */
  readonly ksgMaxRows?: number;
  /** Rows the permutation test runs on at most (PERMUTATION_MAX_ROWS by default). */
  readonly permutationMaxRows?: number;
}

/** Page → data worker. A new request of a kind (parse, baselines) replaces the one under way. */
export type ToDataWorker =
  /** Parse a File (streamed a slice at a time). */
  | { readonly type: 'parse-file'; readonly requestId: number; readonly file: Blob }
  /** Parse pasted text. */
  | { readonly type: 'parse-text'; readonly requestId: number; readonly text: string }
  /** Linear MI, then KSG, then (if shuffles > 0) the permutation test, for one sample. */
  | {
      readonly type: 'baselines';
      readonly requestId: number;
      readonly sample: SampleRows;
      readonly settings: BaselineSettings;
    }
  /** Stop the request with this id (answered by `failed` with code 'cancelled'). */
  | { readonly type: 'cancel'; readonly requestId: number };

/** Data worker → page. */
export type FromDataWorker =
  /** Bytes (or pasted characters) read so far, about every 100 ms. */
  | {
      readonly type: 'parse-progress';
      readonly requestId: number;
      readonly read: number;
      readonly total: number;
    }
  /** The parsed table (its columns' buffers transferred). */
  | { readonly type: 'parsed'; readonly requestId: number; readonly table: ParsedTable }
  /** The share of a baseline done, about every 100 ms. */
  | {
      readonly type: 'baseline-progress';
      readonly requestId: number;
      readonly baseline: 'ksg' | 'permutation';
      readonly fraction: number;
    }
  | { readonly type: 'linear-mi'; readonly requestId: number; readonly result: LinearMiResult }
  | { readonly type: 'ksg'; readonly requestId: number; readonly result: KsgResult }
  | { readonly type: 'permutation'; readonly requestId: number; readonly result: PermutationResult }
  /** One baseline could not be computed (the others still are). */
  | {
      readonly type: 'baseline-failed';
      readonly requestId: number;
      readonly baseline: BaselineKind;
      readonly code: DataErrorCode;
      readonly message: Message;
    }
  /** Every baseline of the request has been answered. */
  | { readonly type: 'baselines-done'; readonly requestId: number }
  /** The request failed or was cancelled (code 'cancelled'). */
  | {
      readonly type: 'failed';
      readonly requestId: number;
      readonly code: DataErrorCode;
      readonly message: Message;
    };
