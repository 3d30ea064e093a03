/// <reference lib="webworker" />
/**
 * Sampler worker: draws batches ahead of the training worker on another core, so that sampling
 * (a third of a step at N = 20,000 on WebAssembly) is off the critical path. No tfjs here. The
 * page starts it beside the training worker and sends it one end of a MessageChannel (the other
 * goes to the training worker): the two talk over that port only. The training worker does not
 * start it itself: in Firefox, `new Worker()` inside a worker now and then never returns, which
 * blocked the training worker for good (about one Firefox page load in thirty, in CI here).
 */
import { createSampler } from './sampler';
import type { SamplerConnect, ToSampler } from './samplerProtocol';

declare const self: DedicatedWorkerGlobalScope;

const sample = createSampler();
self.onmessage = (event: MessageEvent<SamplerConnect>) => {
  const [port] = event.ports;
  if (event.data.type !== 'connect' || !port) return;
  port.onmessage = (request: MessageEvent<ToSampler>) => {
    const reply = sample(request.data);
    if (reply) port.postMessage(reply, [reply.pairs.buffer]);
  };
};
