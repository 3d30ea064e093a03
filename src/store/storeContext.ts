/** What the store's slices share: state access and the link to the training worker. */
import type { BackendId, ToWorker } from '../protocol/messages';
import type { RunStoreOptions, RunStoreState } from './types';

/** State access and worker messaging, handed to each slice. */
export interface StoreContext {
  readonly set: (partial: Partial<RunStoreState>) => void;
  readonly get: () => RunStoreState;
  /** Sends a message to the worker, starting one on the configured backend first if needed. */
  send(message: ToWorker): void;
  /** Starts a fresh worker when none runs on the configured backend. */
  ensureWorker(): void;
  /** Whether workers are in use yet (the first starts once the URL has been read). */
  hasWorker(): boolean;
  /** Forgets the current worker (it failed): the next message starts a fresh one, avoiding `avoid`. */
  dropWorker(avoid: readonly BackendId[]): void;
  /**
   * A run is about to start: stops any backend timing (it would slow the run) and, for `auto`, moves
   * to a fresh worker on the backend timed fastest at this size when the current one is another.
   */
  prepareRun(): void;
  /** Keeps the shown run as a ghost before it is replaced or reset. */
  retireRun(): void;
  /** Tells the history that the run `runId` finished. */
  runFinished(runId: number): void;
  readonly options: RunStoreOptions;
}
