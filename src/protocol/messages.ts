/**
 * Messages between the page and the training worker, discriminated on `type`.
 * Settings go down as one validated RunConfig; results come up as small batches tagged with the
 * run's id, so the page can drop anything from a run it has moved on from.
 */
import type { TimedBackend, WebglProbe, WebgpuProbe } from './backendSpeed';
import type { BackendPreference, BoundId, RunConfig } from './config';
import type { Message } from './message';
import type { SampleRows } from '../core/finiteSample';
import type { Simulation } from './simulation';
import type { BatchScatter, GridRange } from './snapshot';

/** Lifecycle of a run as the worker reports it. */
export type WorkerRunState = 'running' | 'paused' | 'done';

/** tfjs backends the worker can train on. */
export type BackendId = Exclude<BackendPreference, 'auto'>;

/** The backend timed fastest on this machine for the run's size, and the sentence saying so. */
export interface MeasuredBackend {
  readonly backend: TimedBackend;
  readonly reason: Message;
  /** The WebGL renderer it was timed with: under another renderer the timing does not apply. */
  readonly renderer: string | null;
}

/** Page → worker. */
export type ToWorker =
  /**
   * First message: which backend to start (a worker keeps its backend for life), backends to
   * avoid (one that just failed), the name of a Web Lock the worker holds for as long as it
   * lives, so the page learns at once when it dies, and for `auto` the backend measured fastest
   * here at the coming run's size, if it has been measured.
   */
  | {
      readonly type: 'init';
      readonly backend: BackendPreference;
      readonly avoid: readonly BackendId[];
      readonly lifeLock: string | null;
      readonly measured: MeasuredBackend | null;
      /** A training worker runs sessions; a timing worker only answers `time` (no sampler worker). */
      readonly role: 'training' | 'timing';
      /**
       * A training worker's line to the sampler worker the page started beside it (transferred);
       * null or absent where there is none: batches are then drawn in the training worker.
       */
      readonly sampler?: MessagePort | null;
      /** Test builds only (see protocol/simulation.ts): a renderer or a slow backend to pretend. */
      readonly simulation?: Simulation | null;
    }
  /** Replaces any current run with a new one; `paused` creates it without stepping. */
  | { readonly type: 'start'; readonly runId: number; readonly config: RunConfig; readonly paused: boolean }
  /** Stops stepping after the step in flight; the run can be resumed. */
  | { readonly type: 'pause'; readonly runId: number }
  /** Continues a paused run. */
  | { readonly type: 'resume'; readonly runId: number }
  /** Takes exactly one step of a paused run. */
  | { readonly type: 'step'; readonly runId: number }
  /** Discards the current run and frees its tensors. */
  | { readonly type: 'stop' }
  /**
   * The user's rows (X and Y as chosen, rows with missing values dropped) for runs on `data`;
   * kept until replaced, and sent again to a fresh worker. Never leaves the browser.
   */
  | { readonly type: 'data'; readonly rows: SampleRows }
  /** Times a few training steps of `config` on this worker's backend (a worker started for it). */
  | { readonly type: 'time'; readonly config: RunConfig }
  /** The sampler worker failed (its error events reach only the page): draw batches inline. */
  | { readonly type: 'sampler-failed' };

/** Which tfjs backend the worker ended up on, and why. */
export interface BackendReport {
  /** tfjs backend actually in use. */
  readonly backend: BackendId;
  /** What was asked for. */
  readonly requested: BackendPreference;
  /** Why this backend: the automatic choice's reasoning, or the override. */
  readonly reason: Message;
  /** Renderer string of the WebGL context (or the WebGPU adapter), when one was probed. */
  readonly gpuRenderer: string | null;
  /** Why the requested (or preferred) backend could not be used; null when it was. */
  readonly fallbackReason: Message | null;
  /** Bits per float the backend really computes with (16 on WebGL without float32 textures). */
  readonly floatBits: 16 | 32;
  /** Adam's epsilon on this backend: PyTorch's 1e-8 where floats are 32-bit. */
  readonly adamEpsilon: number;
  /** What the worker found out about WebGL before choosing (the page decides what to time). */
  readonly webgl: WebglProbe;
  /** What it found out about WebGPU. */
  readonly webgpu: WebgpuProbe;
}

/** A batch of per-step results for steps firstStepIdx … firstStepIdx + count − 1 (0-based). */
export interface StepsMessage {
  readonly type: 'steps';
  readonly runId: number;
  readonly firstStepIdx: number;
  readonly count: number;
  /** Each estimator's value on its training batch, in bits: [count × estimators], step-major. */
  readonly estimatesBits: Float32Array;
  /** Steps (0-based) after which held-out batches were evaluated, in this batch of steps. */
  readonly heldOutStepIdx: Int32Array;
  /** Held-out values in bits, [heldOutStepIdx.length × estimators], step-major. */
  readonly heldOutBits: Float32Array;
  /** Training throughput over this batch. */
  readonly stepsPerSecond: number;
  /**
   * Mean throughput of the run so far, leaving out the first step (which includes the backend's
   * warm-up: shader compilation, first allocations); 0 after a single step.
   */
  readonly runStepsPerSecond: number;
  /** tfjs tensors alive in the worker after this batch (constant during a healthy run). */
  readonly tensorCount: number;
  /** Bytes those tensors hold. */
  readonly tensorBytes: number;
}

/** What a run trains on, sent as it starts: the dimensions, the batch size used, a finite sample's split. */
export interface RunInfoMessage {
  readonly type: 'run-info';
  readonly runId: number;
  readonly xDim: number;
  readonly yDim: number;
  /** Pairs per training batch (N, or the training rows of a smaller finite sample). */
  readonly batchSize: number;
  /** The split of a finite sample; null when fresh pairs are drawn every step. */
  readonly finite: {
    readonly trainRows: number;
    readonly heldOutRows: number;
    /** Held-out rows scored at each evaluation (at most 50,000). */
    readonly heldOutEvaluated: number;
    /** Per column (X's, then Y's), the training rows' mean and standard deviation; null if unscaled. */
    readonly scaling: { readonly mean: readonly number[]; readonly std: readonly number[] } | null;
  } | null;
}

/** A look at the run now and then (about once a second): the critic on a grid, and a batch. */
export interface SnapshotMessage {
  readonly type: 'snapshot';
  readonly runId: number;
  /** Steps taken when the snapshot was made. */
  readonly stepsDone: number;
  readonly scatter: BatchScatter;
  /** For d = 1: each estimator's critic on the grid, [estimators × size²] (x fastest). */
  readonly grid: {
    readonly range: GridRange;
    readonly size: number;
    readonly scores: Float32Array;
  } | null;
}

/** Worker → page. */
export type FromWorker =
  /**
   * The worker's first message, before its backend starts: whether it holds its life lock (so the
   * page can now learn at once of its death), or could not take it.
   */
  | { readonly type: 'life-lock'; readonly held: boolean }
  /** The backend is initialised; sent once, before any other message. */
  | ({ readonly type: 'ready' } & BackendReport)
  | StepsMessage
  | SnapshotMessage
  | RunInfoMessage
  /** Early stopping ended an estimator's training (the others, if any, train on). */
  | {
      readonly type: 'stopped-early';
      readonly runId: number;
      readonly estimator: BoundId;
      /** The evaluation (0-based step) after which it stopped. */
      readonly stepIdx: number;
      /** Its best held-out estimate, in bits, and the step (0-based) it was reached at. */
      readonly bestBits: number;
      readonly bestStepIdx: number;
    }
  /**
   * The run changed state; `tensorCount` is the worker's tfjs tensors after the change (a finished
   * run's are freed, so it returns to the same baseline after every run).
   */
  | {
      readonly type: 'run-state';
      readonly runId: number;
      readonly state: WorkerRunState;
      readonly tensorCount: number;
    }
  /** An estimator's value stopped being a finite number; it no longer trains (the others do). */
  | {
      readonly type: 'diverged';
      readonly runId: number;
      readonly estimator: BoundId;
      /** The first step (0-based) whose value was not finite. */
      readonly stepIdx: number;
      /** What happened and what to try, for the user. */
      readonly message: Message;
    }
  /**
   * The worker cannot be used any more: its GPU context was lost (`recoverable`: the run restarts
   * on a fresh worker), or it crashed, ran out of memory or was closed (the run ends in error).
   */
  | {
      readonly type: 'worker-failed';
      readonly reason: Message;
      readonly recoverable: boolean;
      readonly lost?: BackendId;
    }
  /** The answer to `time`: steps per second on this backend after a warm-up step. */
  | {
      readonly type: 'timed';
      readonly stepsPerSecond: number;
      readonly steps: number;
      readonly warmUpMs: number;
    }
  /** Something the user should know that is not a failure (e.g. batches drawn inline after all). */
  | { readonly type: 'notice'; readonly runId: number | null; readonly message: Message }
  /** Something failed; runId is null when it is not tied to a run. */
  | { readonly type: 'error'; readonly runId: number | null; readonly message: Message };
