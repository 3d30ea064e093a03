/// <reference lib="webworker" />
/**
 * Sampler worker: draws batches ahead of the training worker on another core, so that sampling
 * (a third of a step at N = 20,000 on WebAssembly) is off the critical path. No tfjs here.
 */
import { createSampler } from './sampler';
import type { ToSampler } from './samplerProtocol';

declare const self: DedicatedWorkerGlobalScope;

const sample = createSampler();
self.onmessage = (event: MessageEvent<ToSampler>) => {
  const reply = sample(event.data);
  if (reply) self.postMessage(reply, [reply.pairs.buffer]);
};
