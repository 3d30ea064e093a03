/**
 * The data worker's logic, apart from the worker so tests run it in Node: parses files and
 * pasted text, computes the baselines for a dataset, reports progress about every 100 ms, and
 * stops a request when it is cancelled or replaced (one parse and one baselines job at a time).
 */
import { ksgSteps } from '../core/baselines/ksg';
import { linearMutualInformation } from '../core/baselines/linearMi';
import { permutationTestSteps } from '../core/baselines/permutationTest';
import { createCsvParser } from '../core/data/csvParser';
import { parseCsvBlob } from '../core/data/parseBlob';
import { DataError, type ParsedTable } from '../core/data/table';
import type { FromDataWorker, ToDataWorker } from '../protocol/dataMessages';
import { errorDetail, errorValue, message } from '../protocol/message';

/** Sends a message to the page, transferring `transfer`. */
export type PostData = (message: FromDataWorker, transfer: Transferable[]) => void;

/** Timing of the session (tests shorten it). */
export interface DataSessionOptions {
  /** Least time between progress messages of one request (100 ms). */
  readonly progressIntervalMs?: number;
  /** Longest computation between two chances to hear Cancel (20 ms). */
  readonly sliceMs?: number;
  /** Characters of pasted text parsed per slice (1 Mi). */
  readonly textSliceChars?: number;
  /** Milliseconds from some origin (performance.now). */
  readonly now?: () => number;
}

/** A job under way: its request and whether it has been stopped. */
interface Job {
  readonly requestId: number;
  readonly controller: AbortController;
}

const CANCELLED = () => new DataError('cancelled', message('errors.cancelled'));

/** What to tell the user of a failure: a data error or a guard's RangeError as it reads, else "something went wrong". */
const failureDetail = (error: unknown) =>
  error instanceof DataError || error instanceof RangeError
    ? errorDetail(error)
    : message('errors.unexpected', { detail: errorValue(error) });
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The message handler of a data worker that posts its replies through `post`. */
export function createDataSession(
  post: PostData,
  options: DataSessionOptions = {},
): (message: ToDataWorker) => void {
  const { progressIntervalMs = 100, sliceMs = 20, textSliceChars = 1 << 20 } = options;
  const now = options.now ?? (() => performance.now());
  const jobs: { parse: Job | null; baselines: Job | null } = { parse: null, baselines: null };

  /** Starts a job of `kind`, stopping the one it replaces. */
  const begin = (kind: keyof typeof jobs, requestId: number): Job => {
    jobs[kind]?.controller.abort();
    const job = { requestId, controller: new AbortController() };
    jobs[kind] = job;
    return job;
  };
  const end = (kind: keyof typeof jobs, job: Job) => {
    if (jobs[kind] === job) jobs[kind] = null;
  };
  const fail = (requestId: number, error: unknown) => {
    const code = error instanceof DataError ? error.code : 'failed';
    post({ type: 'failed', requestId, code, message: failureDetail(error) }, []);
  };
  const posted = (requestId: number, table: ParsedTable) => {
    const buffers = table.columns.flatMap((c) => (c.kind === 'numeric' ? [c.values.buffer] : []));
    post({ type: 'parsed', requestId, table }, buffers);
  };

  /** Parses pasted text a slice at a time, yielding to messages in between. */
  const parseText = async (text: string, signal: AbortSignal, requestId: number) => {
    const parser = createCsvParser();
    let lastReport = now();
    for (let start = 0; start < text.length; start += textSliceChars) {
      parser.pushText(text.slice(start, start + textSliceChars));
      if (now() - lastReport >= progressIntervalMs) {
        lastReport = now();
        post({ type: 'parse-progress', requestId, read: parser.consumed, total: text.length }, []);
      }
      await nextTask();
      if (signal.aborted) throw CANCELLED();
    }
    return parser.finish();
  };

  const parse = async (message: Extract<ToDataWorker, { type: 'parse-file' | 'parse-text' }>) => {
    const job = begin('parse', message.requestId);
    const { signal } = job.controller;
    const { requestId } = message;
    try {
      const table =
        message.type === 'parse-text'
          ? await parseText(message.text, signal, requestId)
          : await parseCsvBlob(message.file, {
              signal,
              progressIntervalMs,
              now,
              onProgress: (read, total) => post({ type: 'parse-progress', requestId, read, total }, []),
            });
      if (signal.aborted) throw CANCELLED();
      posted(requestId, table);
    } catch (error) {
      fail(requestId, signal.aborted ? CANCELLED() : error);
    } finally {
      end('parse', job);
    }
  };

  /** Runs a baseline's steps in slices of sliceMs, posting progress; throws when the job stops. */
  const drive = async <T>(
    steps: Generator<number, T>,
    signal: AbortSignal,
    report: (fraction: number) => void,
  ) => {
    let sliceStart = now();
    let lastReport = now();
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (now() - lastReport >= progressIntervalMs) {
        lastReport = now();
        report(next.value);
      }
      if (now() - sliceStart >= sliceMs) {
        await nextTask();
        if (signal.aborted) throw CANCELLED();
        sliceStart = now();
      }
    }
  };

  const baselines = async (message: Extract<ToDataWorker, { type: 'baselines' }>) => {
    const job = begin('baselines', message.requestId);
    const { signal } = job.controller;
    const { requestId, sample, settings } = message;
    const progress = (baseline: 'ksg' | 'permutation') => (fraction: number) =>
      post({ type: 'baseline-progress', requestId, baseline, fraction }, []);
    const failed = (baseline: 'linear' | 'ksg' | 'permutation', error: unknown) => {
      if (signal.aborted || (error instanceof DataError && error.code === 'cancelled')) throw CANCELLED();
      const code = error instanceof DataError ? error.code : 'failed';
      post({ type: 'baseline-failed', requestId, baseline, code, message: failureDetail(error) }, []);
    };
    try {
      try {
        post({ type: 'linear-mi', requestId, result: linearMutualInformation(sample) }, []);
      } catch (error) {
        failed('linear', error);
      }
      await nextTask();
      if (signal.aborted) throw CANCELLED();
      const { k, seed } = settings;
      try {
        const steps = ksgSteps(sample, { k, seed, maxRows: settings.ksgMaxRows });
        post({ type: 'ksg', requestId, result: await drive(steps, signal, progress('ksg')) }, []);
      } catch (error) {
        failed('ksg', error);
      }
      if (settings.shuffles > 0) {
        try {
          const steps = permutationTestSteps(sample, {
            k,
            seed,
            shuffles: settings.shuffles,
            maxRows: settings.permutationMaxRows,
          });
          post(
            { type: 'permutation', requestId, result: await drive(steps, signal, progress('permutation')) },
            [],
          );
        } catch (error) {
          failed('permutation', error);
        }
      }
      post({ type: 'baselines-done', requestId }, []);
    } catch (error) {
      fail(requestId, error);
    } finally {
      end('baselines', job);
    }
  };

  return (message) => {
    switch (message.type) {
      case 'parse-file':
      case 'parse-text':
        void parse(message);
        return;
      case 'baselines':
        void baselines(message);
        return;
      case 'cancel':
        for (const job of [jobs.parse, jobs.baselines])
          if (job?.requestId === message.requestId) job.controller.abort();
        return;
    }
  };
}
