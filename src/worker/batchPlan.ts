/** The batches a configuration draws: shared by the training worker and its sampler. */
import { heldOutBatch, trainingBatch, type BatchPlan, type CriticBatch } from '../core/batches';
import { configuredDistribution, heldOutSize, type RunConfig } from '../protocol/config';
import type { BatchKind } from './samplerProtocol';

/** The batch plan of a configuration. */
export function batchPlanFor(config: RunConfig): BatchPlan {
  return {
    distribution: configuredDistribution(config),
    batchSize: config.batch,
    heldOutSize: heldOutSize(config),
    seed: config.seed,
  };
}

/** Draws one batch of a stream. */
export function drawBatch(plan: BatchPlan, kind: BatchKind, stepIdx: number): CriticBatch {
  return kind === 'training' ? trainingBatch(plan, stepIdx) : heldOutBatch(plan, stepIdx);
}
