/** The batch sampler's logic, apart from its worker shell, so tests can run it in process. */
import type { FreshBatchPlan } from '../core/batches';
import { drawBatch, freshBatchPlan } from './batchPlan';
import type { SampledBatches, ToSampler } from './samplerProtocol';

/** A sampler: takes requests, returns the batches to send back (or null for a stale request). */
export function createSampler(): (message: ToSampler) => SampledBatches | null {
  let planId = -1;
  let plan: FreshBatchPlan | null = null;
  return (message) => {
    if (message.type === 'plan') {
      planId = message.planId;
      plan = freshBatchPlan(message.config);
      return null;
    }
    if (message.planId !== planId || !plan) return null; // a request of a run that has been replaced
    const { kind, firstStepIdx, count } = message;
    const first = drawBatch(plan, kind, firstStepIdx);
    let pairs = first.pairs;
    if (count > 1) {
      pairs = new Float32Array(first.pairs.length * count);
      pairs.set(first.pairs);
      for (let i = 1; i < count; i++)
        pairs.set(drawBatch(plan, kind, firstStepIdx + i).pairs, i * first.pairs.length);
    }
    return {
      type: 'batches',
      planId,
      kind,
      firstStepIdx,
      count,
      n: first.n,
      xDim: first.xDim,
      yDim: first.yDim,
      pairs,
    };
  };
}
