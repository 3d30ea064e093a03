/** The batches a configuration draws: shared by the training worker and its sampler. */
import {
  finiteBatchPlan,
  heldOutBatch,
  trainingBatch,
  type BatchPlan,
  type CriticBatch,
  type FreshBatchPlan,
} from '../core/batches';
import { createFiniteSample, type FiniteSample, type SampleRows } from '../core/finiteSample';
import {
  configuredDistribution,
  heldOutSize,
  sampledRows,
  trainsOnFiniteSample,
  type RunConfig,
} from '../protocol/config';
import type { BatchKind } from './samplerProtocol';
import { MessageError, message } from '../protocol/message';

/** Most held-out rows of a finite sample scored at each evaluation (the first ones, in random order). */
export const FINITE_HELD_OUT_MAX = 50_000;

/** The plan of a configuration that draws fresh pairs every step (what the sampler worker serves). */
export function freshBatchPlan(config: RunConfig): FreshBatchPlan {
  return {
    kind: 'fresh',
    distribution: configuredDistribution(config),
    batchSize: config.batch,
    heldOutSize: heldOutSize(config),
    seed: config.seed,
  };
}

/**
 * The rows a finite-sample run trains on: the user's data (`data`), or `rows` rows drawn once
 * from the configured distribution.
 */
function finiteRows(config: RunConfig, data: SampleRows | null): SampleRows {
  if (config.dist === 'data') {
    if (!data) throw new MessageError(message('notices.worker.noData'));
    if (data.xDim !== config.x.length || data.yDim !== config.y.length) {
      throw new MessageError(message('notices.worker.otherColumns'));
    }
    return data;
  }
  return sampledRows(config);
}

/** The finite sample of a configuration: its rows, split and standardised as the settings say. */
export function finiteSampleFor(config: RunConfig, data: SampleRows | null): FiniteSample {
  return createFiniteSample(finiteRows(config, data), {
    heldOutFraction: config.holdout,
    standardise: config.standardise === 'on',
    seed: config.seed,
  });
}

/** The batch plan of a configuration (a finite sample's given, when it has been made already). */
export function batchPlanFor(
  config: RunConfig,
  data: SampleRows | null = null,
  sample?: FiniteSample,
): BatchPlan {
  if (!trainsOnFiniteSample(config)) return freshBatchPlan(config);
  return finiteBatchPlan(
    sample ?? finiteSampleFor(config, data),
    config.batch,
    FINITE_HELD_OUT_MAX,
    config.seed,
  );
}

/** Draws one batch of a stream. */
export function drawBatch(plan: BatchPlan, kind: BatchKind, stepIdx: number): CriticBatch {
  return kind === 'training' ? trainingBatch(plan, stepIdx) : heldOutBatch(plan, stepIdx);
}
