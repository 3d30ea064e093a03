/**
 * Messages between the page and the training worker, discriminated on `type`.
 * Settings go down as one validated RunConfig; results come up as small batches tagged with the
 * run's id, so the page can drop anything from a run it has moved on from.
 */
import type { RunConfig } from './config';

/** Lifecycle of a run as the worker reports it. */
export type WorkerRunState = 'running' | 'paused' | 'done';

/** Page → worker. */
export type ToWorker =
  /** Replaces any current run with a new one; `paused` creates it without stepping. */
  | { readonly type: 'start'; readonly runId: number; readonly config: RunConfig; readonly paused: boolean }
  /** Stops stepping after the batch in flight; the run can be resumed. */
  | { readonly type: 'pause'; readonly runId: number }
  /** Continues a paused run. */
  | { readonly type: 'resume'; readonly runId: number }
  /** Takes exactly one step of a paused run. */
  | { readonly type: 'step'; readonly runId: number }
  /** Discards the current run and frees its tensors. */
  | { readonly type: 'stop' };

/** Which tfjs backend the worker ended up on. */
export interface BackendReport {
  /** tfjs backend name actually in use: "webgl", "cpu", … */
  readonly backend: string;
  /** Renderer string of the WebGL context, e.g. "ANGLE (Google, SwiftShader …)"; null off WebGL. */
  readonly gpuRenderer: string | null;
  /** Why the preferred backend could not be used; null when it was. */
  readonly fallbackReason: string | null;
}

/** Worker → page. */
export type FromWorker =
  /** The backend is initialised; sent once, before any other message. */
  | ({ readonly type: 'ready' } & BackendReport)
  /** Per-step estimates for steps firstStepIdx … firstStepIdx + n − 1 of a run (0-based). */
  | {
      readonly type: 'steps';
      readonly runId: number;
      readonly firstStepIdx: number;
      readonly estimatesBits: Float32Array;
      /** Training throughput over this batch. */
      readonly stepsPerSecond: number;
    }
  /** The run changed state. */
  | { readonly type: 'run-state'; readonly runId: number; readonly state: WorkerRunState }
  /** Something failed; runId is null when it is not tied to a run. */
  | { readonly type: 'error'; readonly runId: number | null; readonly message: string };
