/**
 * Streams a File (any Blob) through the CSV parser a slice at a time, reporting progress and
 * stopping when cancelled. Each slice is awaited, so the worker answers messages (Cancel) in
 * between; only one slice of the file is in memory at once.
 */
import { createCsvParser } from './csvParser';
import { message } from '../../protocol/message';
import { DataError, type DataLimits, type ParsedTable } from './table';

/** How a blob is read: slice size, progress cadence, cancellation, the clock. */
export interface ParseBlobOptions {
  /** Called with bytes read and the blob's size, at most every `progressIntervalMs` and once at the end. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Aborting it stops the parse with a DataError of code 'cancelled'. */
  readonly signal?: AbortSignal;
  /** Bytes per slice (1 MiB by default). */
  readonly chunkBytes?: number;
  /** Least time between progress calls (100 ms by default). */
  readonly progressIntervalMs?: number;
  /** Milliseconds from some origin (performance.now by default). */
  readonly now?: () => number;
  /** Limits other than DATA_LIMITS (tests). */
  readonly limits?: DataLimits;
}

/** Parses `blob` (a File) as CSV. Rejects with a DataError when it cannot be used or is cancelled. */
export async function parseCsvBlob(blob: Blob, options: ParseBlobOptions = {}): Promise<ParsedTable> {
  const { onProgress, signal, chunkBytes = 1 << 20, progressIntervalMs = 100 } = options;
  const now = options.now ?? (() => performance.now());
  const cancelled = () => new DataError('cancelled', message('errors.cancelled'));
  if (signal?.aborted) throw cancelled();
  const parser = createCsvParser({ totalBytes: blob.size, limits: options.limits });
  let lastReport = now();
  for (let start = 0; start < blob.size; start += chunkBytes) {
    const bytes = new Uint8Array(
      await blob.slice(start, Math.min(start + chunkBytes, blob.size)).arrayBuffer(),
    );
    if (signal?.aborted) throw cancelled();
    parser.pushBytes(bytes);
    if (onProgress && now() - lastReport >= progressIntervalMs) {
      lastReport = now();
      onProgress(parser.consumed, blob.size);
    }
  }
  const table = parser.finish();
  onProgress?.(blob.size, blob.size);
  return table;
}
