import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, type RunConfig } from '../../src/protocol/config';
import type { FromWorker } from '../../src/protocol/messages';
import { createBatchSource, samplerOverPort, type SamplerPort } from '../../src/worker/batchSource';
import { batchPlanFor, drawBatch } from '../../src/worker/batchPlan';
import { createRunSession } from '../../src/worker/runSession';
import { createSampler } from '../../src/worker/sampler';
import type { SampledBatches, ToSampler } from '../../src/worker/samplerProtocol';
import { useCpuBackend } from './setupTf';
import { message, type Message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

beforeAll(useCpuBackend);

const SMALL: RunConfig = { ...DEFAULTS, dim: 1, hidden: [4], batch: 200, steps: 12, eval: 5 };

/** A sampler worker that loaded but never runs: it takes messages and never answers. */
function silentSampler() {
  const received: ToSampler[] = [];
  let closed = false;
  const port: SamplerPort = {
    postMessage: (message) => void received.push(message),
    onBatches: () => undefined,
    onFailure: () => undefined,
    close: () => void (closed = true),
  };
  return { port, received, closed: () => closed };
}

/** The sampler's logic behind a port, answering after `delayMs` like a worker would. */
function answeringSampler(delayMs: number) {
  const sample = createSampler();
  const listeners: ((batches: SampledBatches) => void)[] = [];
  let closed = false;
  const port: SamplerPort = {
    postMessage: (message) =>
      setTimeout(() => {
        const reply = sample(message);
        if (reply) listeners.forEach((l) => l(reply));
      }, delayMs),
    onBatches: (listener) => void listeners.push(listener),
    onFailure: () => undefined,
    close: () => void (closed = true),
  };
  return { port, closed: () => closed };
}

describe('batch source', () => {
  it('gives up on a sampler worker that never answers, draws the batches inline and says so', async () => {
    const sampler = silentSampler();
    const notices: Message[] = [];
    const source = createBatchSource(() => sampler.port, {
      firstBatchTimeoutMs: 50,
      onFallback: (message) => notices.push(message),
    });
    source.setPlan(SMALL);
    const first = await source.training(0);
    expect(sampler.received.length).toBeGreaterThan(0); // it was asked
    expect(sampler.closed()).toBe(true);
    expect(notices).toEqual([message('notices.sampler.silent', { seconds: 0.05 })]);
    expect(notices.map(inEnglish)).toEqual([
      'The batch sampler worker did not answer within 0.05 s, so batches are drawn in the training worker instead (the same numbers, a little slower).',
    ]);
    const plan = batchPlanFor(SMALL);
    expect(Array.from(first.pairs)).toEqual(Array.from(drawBatch(plan, 'training', 0).pairs));
    // From now on inline, at once, with the same numbers.
    expect(Array.from((await source.training(1)).pairs)).toEqual(
      Array.from(drawBatch(plan, 'training', 1).pairs),
    );
    expect(Array.from((await source.heldOut(4)).pairs)).toEqual(
      Array.from(drawBatch(plan, 'heldOut', 4).pairs),
    );
    expect(notices).toHaveLength(1);
  });

  it('keeps a sampler worker that answers, however long the run', async () => {
    const notices: Message[] = [];
    const sampler = answeringSampler(2);
    const source = createBatchSource(() => sampler.port, {
      firstBatchTimeoutMs: 50,
      onFallback: (message) => notices.push(message),
    });
    source.setPlan(SMALL);
    for (let step = 0; step < SMALL.steps; step++) await source.training(step);
    await new Promise((resolve) => setTimeout(resolve, 120)); // past the timeout
    expect(sampler.closed()).toBe(false);
    expect(notices).toEqual([]);
    source.dispose();
  });

  it('a run whose sampler never answers still trains to the end, to the inline numbers', async () => {
    const run = async (sampler: SamplerPort | null) => {
      const posted: FromWorker[] = [];
      const handle = createRunSession(
        (m) => posted.push(m),
        {
          batches: createBatchSource(() => sampler, {
            firstBatchTimeoutMs: 50,
            onFallback: (message) => posted.push({ type: 'notice', runId: null, message }),
          }),
          adamEpsilon: 1e-8,
        },
        { maxStepsPerBatch: 4, flushIntervalMs: 1000 },
      );
      handle({ type: 'start', runId: 1, config: SMALL, paused: false });
      const deadline = Date.now() + 20_000;
      while (!posted.some((m) => m.type === 'run-state' && m.state === 'done')) {
        if (Date.now() > deadline) throw new Error('the run never finished');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const values = posted.flatMap((m) => (m.type === 'steps' ? Array.from(m.estimatesBits) : []));
      return { values, notices: posted.filter((m) => m.type === 'notice') };
    };
    const hung = await run(silentSampler().port);
    const inline = await run(null);
    expect(hung.values).toHaveLength(SMALL.steps);
    expect(hung.values).toEqual(inline.values);
    expect(hung.notices).toHaveLength(1);
    expect(inline.notices).toEqual([]);
  });

  it('over a real MessageChannel: batches come from the sampler on the other end; a failure moves them inline', async () => {
    // The sampler worker's side, as sampler.worker.ts sets it up on the port the page sends it.
    const channel = new MessageChannel();
    const sample = createSampler();
    const served: number[] = [];
    channel.port2.onmessage = (event: MessageEvent<ToSampler>) => {
      const reply = sample(event.data);
      if (!reply) return;
      served.push(reply.firstStepIdx);
      channel.port2.postMessage(reply, [reply.pairs.buffer]);
    };
    const sampler = samplerOverPort(channel.port1);
    const notices: Message[] = [];
    const source = createBatchSource(() => sampler, {
      firstBatchTimeoutMs: 10_000,
      onFallback: (notice) => notices.push(notice),
    });
    const plan = batchPlanFor(SMALL);
    source.setPlan(SMALL);
    for (let step = 0; step < 3; step++) {
      expect(Array.from((await source.training(step)).pairs)).toEqual(
        Array.from(drawBatch(plan, 'training', step).pairs),
      );
    }
    expect(served).toContain(0); // drawn over there, not here
    await new Promise((resolve) => setTimeout(resolve, 20)); // what was asked for ahead is served
    sampler.fail(); // the page saw the sampler worker's error event
    expect(notices).toEqual([message('notices.sampler.failed')]);
    const servedBefore = served.length;
    for (let step = 3; step < SMALL.steps; step++) {
      expect(Array.from((await source.training(step)).pairs)).toEqual(
        Array.from(drawBatch(plan, 'training', step).pairs),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(served).toHaveLength(servedBefore); // the line is closed: nothing more was asked for
    sampler.fail();
    expect(notices).toHaveLength(1);
    source.dispose();
    channel.port2.close();
  });
});
