/**
 * The page's side of the data worker: starts it when first needed, sends typed requests and turns
 * the replies into promises and callbacks. A new parse (or baselines) request replaces the one
 * under way, whose promise rejects with a DataError of code 'cancelled'; replies to it are dropped.
 */
import type { KsgResult } from '../core/baselines/ksg';
import type { LinearMiResult } from '../core/baselines/linearMi';
import type { PermutationResult } from '../core/baselines/permutationTest';
import type { SampleRows } from '../core/finiteSample';
import { DataError, type ParsedTable } from '../core/data/table';
import type { BaselineKind, BaselineSettings, FromDataWorker, ToDataWorker } from '../protocol/dataMessages';
import { message } from '../protocol/message';

/** What the client needs of a worker (a real Worker, or an in-process stand-in in tests). */
export interface DataWorkerPort {
  postMessage(message: ToDataWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromDataWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** Where the baselines' results go as they arrive (linear MI first, then KSG, then the test). */
export interface BaselineCallbacks {
  readonly onLinear?: (result: LinearMiResult) => void;
  readonly onKsg?: (result: KsgResult) => void;
  readonly onPermutation?: (result: PermutationResult) => void;
  readonly onProgress?: (baseline: 'ksg' | 'permutation', fraction: number) => void;
  /** One baseline could not be computed (say, a singular covariance); the others go on. */
  readonly onFailed?: (baseline: BaselineKind, error: DataError) => void;
}

/** Parses files and computes baselines in the data worker. */
export interface DataClient {
  /** Parses a File; `onProgress` gets bytes read and the file's size about every 100 ms. */
  parseFile(file: Blob, onProgress?: (read: number, total: number) => void): Promise<ParsedTable>;
  /** Parses pasted text. */
  parseText(text: string, onProgress?: (read: number, total: number) => void): Promise<ParsedTable>;
  /** Computes the baselines of `sample`; resolves once all are answered (each through `callbacks`). */
  computeBaselines(
    sample: SampleRows,
    settings: BaselineSettings,
    callbacks: BaselineCallbacks,
  ): Promise<void>;
  /** Stops the parse under way (its promise rejects with code 'cancelled'). */
  cancelParse(): void;
  /** Stops the baselines under way. */
  cancelBaselines(): void;
  /** Ends the worker; pending promises reject. */
  dispose(): void;
}

/** Starts the module data worker. */
export function startDataWorker(): DataWorkerPort {
  return new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'mine-data' });
}

interface Pending {
  readonly requestId: number;
  readonly reject: (error: DataError) => void;
  readonly onMessage: (message: FromDataWorker) => void;
}

/** A client of a data worker made by `start` (the real one by default), started on first use. */
export function createDataClient(start: () => DataWorkerPort = startDataWorker): DataClient {
  let worker: DataWorkerPort | null = null;
  let lastId = 0;
  const pending: { parse: Pending | null; baselines: Pending | null } = { parse: null, baselines: null };

  const rejectAll = (error: DataError) => {
    for (const kind of ['parse', 'baselines'] as const) {
      pending[kind]?.reject(error);
      pending[kind] = null;
    }
  };

  const port = () => {
    if (worker) return worker;
    const next = start();
    worker = next;
    next.addEventListener('message', (event) => {
      if (worker !== next) return;
      const message = event.data;
      for (const job of [pending.parse, pending.baselines])
        if (job?.requestId === message.requestId) job.onMessage(message);
    });
    next.addEventListener('error', (event) => {
      event.preventDefault();
      if (worker !== next) return;
      worker = null;
      next.terminate();
      rejectAll(
        new DataError(
          'failed',
          event.message
            ? message('errors.dataWorker.failed', { detail: event.message })
            : message('errors.dataWorker.notLoaded'),
        ),
      );
    });
    return next;
  };

  /** Sends a request of `kind`, replacing the one under way; `settle` handles its replies. */
  const request = <T>(
    kind: keyof typeof pending,
    build: (requestId: number) => ToDataWorker,
    settle: (reply: FromDataWorker, resolve: (value: T) => void) => void,
  ) =>
    new Promise<T>((resolve, reject) => {
      pending[kind]?.reject(new DataError('cancelled', message('errors.replaced')));
      const requestId = ++lastId;
      const job: Pending = {
        requestId,
        reject,
        onMessage: (reply) => {
          if (reply.type === 'failed') {
            pending[kind] = null;
            reject(new DataError(reply.code, reply.message));
          } else {
            settle(reply, (value) => {
              pending[kind] = null;
              resolve(value);
            });
          }
        },
      };
      pending[kind] = job;
      port().postMessage(build(requestId));
    });

  const parse = (
    build: (requestId: number) => ToDataWorker,
    onProgress?: (read: number, total: number) => void,
  ) =>
    request<ParsedTable>('parse', build, (reply, resolve) => {
      if (reply.type === 'parse-progress') onProgress?.(reply.read, reply.total);
      else if (reply.type === 'parsed') resolve(reply.table);
    });

  const cancel = (kind: keyof typeof pending) => {
    const job = pending[kind];
    if (!job) return;
    worker?.postMessage({ type: 'cancel', requestId: job.requestId });
    pending[kind] = null;
    job.reject(new DataError('cancelled', message('errors.cancelled')));
  };

  return {
    parseFile: (file, onProgress) =>
      parse((requestId) => ({ type: 'parse-file', requestId, file }), onProgress),
    parseText: (text, onProgress) =>
      parse((requestId) => ({ type: 'parse-text', requestId, text }), onProgress),
    computeBaselines: (sample, settings, callbacks) =>
      request<undefined>(
        'baselines',
        (requestId) => ({ type: 'baselines', requestId, sample, settings }),
        (reply, resolve) => {
          if (reply.type === 'linear-mi') callbacks.onLinear?.(reply.result);
          else if (reply.type === 'ksg') callbacks.onKsg?.(reply.result);
          else if (reply.type === 'permutation') callbacks.onPermutation?.(reply.result);
          else if (reply.type === 'baseline-progress') callbacks.onProgress?.(reply.baseline, reply.fraction);
          else if (reply.type === 'baseline-failed')
            callbacks.onFailed?.(reply.baseline, new DataError(reply.code, reply.message));
          else if (reply.type === 'baselines-done') resolve(undefined);
        },
      ),
    cancelParse: () => cancel('parse'),
    cancelBaselines: () => cancel('baselines'),
    dispose() {
      worker?.terminate();
      worker = null;
      rejectAll(new DataError('cancelled', message('errors.dataWorker.closed')));
    },
  };
}
