/**
 * Batches for the training loop. Fresh pairs are drawn ahead of time by a sampler worker on another
 * core (or inline, where the page could not start one); batches of a finite sample are slices of rows
 * the training worker already holds, taken inline. Every batch is a pure function of the
 * configuration and the step, so every path gives the same numbers.
 */
import type { CriticBatch, BatchPlan } from '../core/batches';
import type { FiniteSample, SampleRows } from '../core/finiteSample';
import type { RunConfig } from '../protocol/config';
import { message, type Message } from '../protocol/message';
import { batchPlanFor, drawBatch } from './batchPlan';
import type { BatchKind, SampledBatches, ToSampler } from './samplerProtocol';

/** Where the training loop takes its batches from. */
export interface BatchSource {
  /** Serves a new run's batches from now on (`data`: the user's rows, for a run on them). */
  setPlan(config: RunConfig, data?: SampleRows | null): BatchPlan;
  /** The training batch of step `stepIdx`; steps are taken in order. */
  training(stepIdx: number): Promise<CriticBatch>;
  /** The held-out batch evaluated after step `stepIdx`. */
  heldOut(stepIdx: number): Promise<CriticBatch>;
  dispose(): void;
}

/** Bytes of batches per sampler message: large enough to amortise messaging for small batches. */
const CHUNK_BYTES = 512 * 1024;
/** Training steps drawn ahead of the step being trained. */
const LOOKAHEAD_CHUNKS = 2;

interface Pending {
  readonly kind: BatchKind;
  readonly stepIdx: number;
  readonly promise: Promise<CriticBatch>;
  resolve(batch: CriticBatch): void;
  reject(error: Error): void;
}

function pending(kind: BatchKind, stepIdx: number): Pending {
  let resolve: (batch: CriticBatch) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<CriticBatch>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // batches drawn ahead for a replaced run are never awaited
  return { kind, stepIdx, promise, resolve, reject };
}

/** Rejects the batches a replaced run was still waiting for. */
export class SupersededError extends Error {
  constructor() {
    super('the run was replaced before its batch arrived');
    this.name = 'SupersededError';
  }
}

/**
 * The batch source's line to the sampler worker: a MessagePort the page handed over (the page
 * starts and ends the sampler worker; tests pass an in-process stand-in).
 */
export interface SamplerPort {
  postMessage(message: ToSampler): void;
  /** Calls `listener` with each reply. */
  onBatches(listener: (batches: SampledBatches) => void): void;
  /** Calls `listener` once the sampler worker has failed (the page saw its error event). */
  onFailure(listener: () => void): void;
  /** Hangs up: no more requests, no more replies. */
  close(): void;
}

/** Something that opens the line to a sampler worker; null where there is none. */
export type SamplerFactory = () => SamplerPort | null;

/**
 * The line to a sampler worker over `port` (ToWorker `init`'s `sampler`); `fail()` is called on
 * the page's `sampler-failed`, since a worker's error events reach only the page that started it.
 */
export function samplerOverPort(port: MessagePort): SamplerPort & { fail(): void } {
  const failureListeners: (() => void)[] = [];
  return {
    postMessage: (message) => port.postMessage(message),
    onBatches(listener) {
      port.onmessage = (event: MessageEvent<SampledBatches>) => listener(event.data);
    },
    onFailure: (listener) => void failureListeners.push(listener),
    close: () => port.close(),
    fail: () => failureListeners.forEach((listener) => listener()),
  };
}

/** How long the first batch may take to come from a new sampler worker before batches are drawn inline. */
export const SAMPLER_FIRST_BATCH_TIMEOUT_MS = 4000;

/** Options of a batch source. */
export interface BatchSourceOptions {
  /** A sampler worker silent this long after the first request is given up (it may never answer). */
  readonly firstBatchTimeoutMs: number;
  /** Told, in words for the user, when batches are drawn inline after the sampler worker failed. */
  readonly onFallback: (notice: Message) => void;
}

/** What a finite sample depends on besides the data: the settings that make, split and scale it. */
function finiteSampleKey(config: RunConfig): string {
  const { dist, task, power, noise, rho, dim, rows, holdout, standardise, seed, x, y } = config;
  return JSON.stringify({ dist, task, power, noise, rho, dim, rows, holdout, standardise, seed, x, y });
}

/** Creates a batch source that prefetches through `startSampler`'s worker, inline without one. */
export function createBatchSource(
  startSampler: SamplerFactory = () => null,
  options: BatchSourceOptions = {
    firstBatchTimeoutMs: SAMPLER_FIRST_BATCH_TIMEOUT_MS,
    onFallback: () => undefined,
  },
): BatchSource {
  let sampler = startSampler();
  /** Whether the sampler worker has ever answered (a worker that loads but never runs never does). */
  let samplerAnswered = false;
  let silenceTimer: ReturnType<typeof setTimeout> | null = null;
  let planId = 0;
  let plan: BatchPlan | null = null;
  let config: RunConfig | null = null;
  /** The last finite sample made, kept for runs that differ only in training settings. */
  let lastSample: { key: string; data: SampleRows | null; sample: FiniteSample } | null = null;
  /** Batches requested and not yet taken by the loop, by kind and step. */
  const requested = new Map<string, Pending>();
  /** Batches requested and not yet delivered, taken or not: a new plan rejects them all. */
  const undelivered = new Map<string, Pending>();
  const keyOf = (kind: BatchKind, stepIdx: number) => `${kind}:${stepIdx}`;
  /** The next training step not yet requested from the sampler. */
  let nextTrainingRequest = 0;
  let chunkSteps = 1;

  const inlinePlan = (): BatchPlan => {
    if (!plan) throw new Error('no batch plan: setPlan() first');
    return plan;
  };

  const deliver = (entry: Pending, batch: CriticBatch) => {
    undelivered.delete(keyOf(entry.kind, entry.stepIdx));
    entry.resolve(batch);
  };

  /** Resolves everything outstanding inline; the sampler is gone from now on. */
  const abandonSampler = () => {
    if (silenceTimer !== null) clearTimeout(silenceTimer);
    silenceTimer = null;
    sampler?.close();
    sampler = null;
    for (const entry of [...undelivered.values()])
      deliver(entry, drawBatch(inlinePlan(), entry.kind, entry.stepIdx));
  };

  const request = (kind: BatchKind, firstStepIdx: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const entry = pending(kind, firstStepIdx + i);
      undelivered.set(keyOf(kind, entry.stepIdx), entry);
      requested.set(keyOf(kind, entry.stepIdx), entry);
    }
    const message: ToSampler = { type: 'draw', planId, kind, firstStepIdx, count };
    sampler?.postMessage(message);
  };

  const receive = (batches: SampledBatches) => {
    samplerAnswered = true;
    if (silenceTimer !== null) clearTimeout(silenceTimer);
    silenceTimer = null;
    const { planId: id, kind, firstStepIdx, count, n, xDim, yDim, pairs } = batches;
    if (id !== planId || !plan) return;
    const size = pairs.length / count;
    for (let i = 0; i < count; i++) {
      const batch = { n, xDim, yDim, pairs: pairs.subarray(i * size, (i + 1) * size) };
      const entry = undelivered.get(keyOf(kind, firstStepIdx + i));
      if (entry) deliver(entry, batch);
    }
  };

  sampler?.onBatches(receive);
  sampler?.onFailure(() => {
    if (!sampler) return;
    abandonSampler();
    options.onFallback(message('notices.sampler.failed'));
  });

  /** Gives the sampler worker until the timeout to send its first batches; then draws inline. */
  const watchFirstAnswer = () => {
    if (samplerAnswered || silenceTimer !== null) return;
    silenceTimer = setTimeout(() => {
      silenceTimer = null;
      if (samplerAnswered || !sampler) return;
      abandonSampler();
      options.onFallback(message('notices.sampler.silent', { seconds: options.firstBatchTimeoutMs / 1000 }));
    }, options.firstBatchTimeoutMs);
  };

  /** Keeps LOOKAHEAD_CHUNKS chunks of training batches, and their held-out batches, requested. */
  const prefetch = (stepIdx: number) => {
    if (!config) return;
    const horizon = Math.min(config.steps, stepIdx + 1 + LOOKAHEAD_CHUNKS * chunkSteps);
    while (nextTrainingRequest < horizon) {
      const count = Math.min(chunkSteps, horizon - nextTrainingRequest);
      for (let s = nextTrainingRequest; s < nextTrainingRequest + count; s++) {
        if ((s + 1) % config.eval === 0) request('heldOut', s, 1);
      }
      request('training', nextTrainingRequest, count);
      nextTrainingRequest += count;
    }
  };

  const take = (kind: BatchKind, stepIdx: number): Promise<CriticBatch> => {
    if (!sampler || plan?.kind === 'finite') return Promise.resolve(drawBatch(inlinePlan(), kind, stepIdx));
    watchFirstAnswer();
    if (kind === 'training') prefetch(stepIdx);
    const key = keyOf(kind, stepIdx);
    if (!requested.has(key)) request(kind, stepIdx, 1);
    const entry = requested.get(key) as Pending;
    requested.delete(key);
    return entry.promise;
  };

  return {
    setPlan(next, data = null) {
      planId++;
      config = next;
      for (const entry of undelivered.values()) entry.reject(new SupersededError());
      undelivered.clear();
      requested.clear();
      nextTrainingRequest = 0;
      const key = finiteSampleKey(next);
      const reusable =
        lastSample && lastSample.key === key && lastSample.data === data ? lastSample.sample : undefined;
      plan = batchPlanFor(next, data, reusable);
      if (plan.kind === 'finite') {
        lastSample = { key, data, sample: plan.sample };
        return plan; // batches are slices of rows held here: nothing to draw ahead
      }
      const { xDim, yDim } = plan.distribution;
      const batchBytes = 2 * next.batch * (xDim + yDim) * 4;
      chunkSteps = Math.max(1, Math.min(32, Math.floor(CHUNK_BYTES / batchBytes)));
      const message: ToSampler = { type: 'plan', planId, config: next };
      sampler?.postMessage(message);
      return plan;
    },
    training: (stepIdx) => take('training', stepIdx),
    heldOut: (stepIdx) => take('heldOut', stepIdx),
    dispose() {
      if (silenceTimer !== null) clearTimeout(silenceTimer);
      sampler?.close();
      sampler = null;
    },
  };
}
