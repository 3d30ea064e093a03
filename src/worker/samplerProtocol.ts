/** Messages between the training worker and its batch sampler, discriminated on `type`. */
import type { RunConfig } from '../protocol/config';

/** Which stream a batch belongs to. */
export type BatchKind = 'training' | 'heldOut';

/** Page → sampler, once: the port to the training worker rides along (in `ports`). */
export interface SamplerConnect {
  readonly type: 'connect';
}

/** Training worker → sampler. */
export type ToSampler =
  /** Batches for this plan (fresh pairs at every step) from now on; earlier plans' requests are dropped. */
  | { readonly type: 'plan'; readonly planId: number; readonly config: RunConfig }
  /** Draws `count` consecutive batches of one stream, from step `firstStepIdx`. */
  | {
      readonly type: 'draw';
      readonly planId: number;
      readonly kind: BatchKind;
      readonly firstStepIdx: number;
      readonly count: number;
    };

/** Sampler → training worker: `count` batches back to back in one buffer (transferred). */
export interface SampledBatches {
  readonly type: 'batches';
  readonly planId: number;
  readonly kind: BatchKind;
  readonly firstStepIdx: number;
  readonly count: number;
  /** Pairs per batch. */
  readonly n: number;
  readonly xDim: number;
  readonly yDim: number;
  readonly pairs: Float32Array;
}
