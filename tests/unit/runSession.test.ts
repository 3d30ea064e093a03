import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, type RunConfig } from '../../src/protocol/config';
import type { FromWorker } from '../../src/protocol/messages';
import { createRunSession } from '../../src/worker/runSession';
import { useCpuBackend } from './setupTf';

beforeAll(useCpuBackend);

const SMALL: RunConfig = { ...DEFAULTS, dim: 1, hidden: 4, batch: 200, steps: 30 };

/** A session whose posted messages are recorded. */
function recordingSession(maxStepsPerBatch = 8) {
  const posted: FromWorker[] = [];
  const handle = createRunSession((m) => posted.push(m), { maxStepsPerBatch, flushIntervalMs: 1000 });
  return { posted, handle };
}

async function waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const stepsOf = (posted: FromWorker[], runId: number) =>
  posted.filter((m): m is Extract<FromWorker, { type: 'steps' }> => m.type === 'steps' && m.runId === runId);
const statesOf = (posted: FromWorker[], runId: number) =>
  posted
    .filter((m) => m.type === 'run-state' && m.runId === runId)
    .map((m) => (m as { state: string }).state);

describe('createRunSession', () => {
  it('streams every step once, in order, in bounded batches, then reports done and frees its tensors', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const { posted, handle } = recordingSession(8);
    handle({ type: 'start', runId: 1, config: SMALL, paused: false });
    await waitFor(() => statesOf(posted, 1).includes('done'));
    const batches = stepsOf(posted, 1);
    // The first step is sent alone (immediate feedback, first throughput reading); then batches
    // grow to one flush interval's worth, capped at maxStepsPerBatch.
    expect(batches.map((b) => b.firstStepIdx)).toEqual([0, 1, 9, 17, 25]);
    expect(batches.map((b) => b.estimatesBits.length)).toEqual([1, 8, 8, 8, 5]);
    for (const b of batches) {
      expect(b.stepsPerSecond).toBeGreaterThan(0);
      for (const v of b.estimatesBits) expect(Number.isFinite(v)).toBe(true);
    }
    expect(statesOf(posted, 1)).toEqual(['running', 'done']);
    expect(posted[posted.length - 1]).toEqual({ type: 'run-state', runId: 1, state: 'done' });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('pauses between batches, resumes where it stopped, and frees everything on stop', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const { posted, handle } = recordingSession(4);
    handle({ type: 'start', runId: 2, config: { ...SMALL, steps: 5000 }, paused: false });
    await waitFor(() => stepsOf(posted, 2).length >= 1);
    handle({ type: 'pause', runId: 2 });
    await waitFor(() => statesOf(posted, 2).includes('paused'));
    await new Promise((r) => setTimeout(r, 100));
    const countAtPause = stepsOf(posted, 2).length;
    await new Promise((r) => setTimeout(r, 200));
    expect(stepsOf(posted, 2).length).toBe(countAtPause);

    handle({ type: 'resume', runId: 2 });
    await waitFor(() => stepsOf(posted, 2).length >= countAtPause + 2);
    const batches = stepsOf(posted, 2);
    let expectedFirst = 0;
    for (const b of batches) {
      expect(b.firstStepIdx).toBe(expectedFirst);
      expectedFirst += b.estimatesBits.length;
    }
    handle({ type: 'stop' });
    await new Promise((r) => setTimeout(r, 100));
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('sends nothing more for a run once a new run replaces it', async () => {
    const { posted, handle } = recordingSession(4);
    handle({ type: 'start', runId: 3, config: { ...SMALL, steps: 5000 }, paused: false });
    await waitFor(() => stepsOf(posted, 3).length >= 1);
    handle({ type: 'start', runId: 4, config: SMALL, paused: false });
    const replacedAt = posted.length;
    await waitFor(() => statesOf(posted, 4).includes('done'));
    expect(posted.slice(replacedAt).filter((m) => 'runId' in m && m.runId === 3)).toEqual([]);
    expect(stepsOf(posted, 4)[0].firstStepIdx).toBe(0);
  });

  it('takes exactly one step per Step command on a paused run, and ignores stale run ids', async () => {
    const { posted, handle } = recordingSession();
    handle({ type: 'start', runId: 5, config: SMALL, paused: true });
    expect(statesOf(posted, 5)).toEqual(['paused']);
    for (let i = 0; i < 3; i++) {
      handle({ type: 'step', runId: 5 });
      await waitFor(() => stepsOf(posted, 5).length === i + 1);
    }
    handle({ type: 'step', runId: 99 });
    handle({ type: 'resume', runId: 99 });
    await new Promise((r) => setTimeout(r, 100));
    expect(stepsOf(posted, 5).map((b) => [b.firstStepIdx, b.estimatesBits.length])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    handle({ type: 'stop' });
  });

  it('keeps running when Pause and Resume arrive back to back while a batch is being read', async () => {
    const { posted, handle } = recordingSession(4);
    handle({ type: 'start', runId: 10, config: { ...SMALL, steps: 5000 }, paused: false });
    await waitFor(() => stepsOf(posted, 10).length >= 1);
    handle({ type: 'pause', runId: 10 });
    handle({ type: 'resume', runId: 10 });
    const countAtResume = stepsOf(posted, 10).length;
    await waitFor(() => stepsOf(posted, 10).length >= countAtResume + 3);
    expect(statesOf(posted, 10)).toEqual(['running', 'paused', 'running']);
    handle({ type: 'stop' });
  });

  it('takes every requested step when Step commands arrive faster than steps finish', async () => {
    const { posted, handle } = recordingSession();
    handle({ type: 'start', runId: 11, config: SMALL, paused: true });
    handle({ type: 'step', runId: 11 });
    handle({ type: 'step', runId: 11 });
    handle({ type: 'step', runId: 11 });
    await waitFor(() => stepsOf(posted, 11).length === 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(stepsOf(posted, 11).map((b) => b.firstStepIdx)).toEqual([0, 1, 2]);
    expect(statesOf(posted, 11)).toEqual(['paused']);
    handle({ type: 'stop' });
  });

  it('reports an invalid configuration as an error for that run instead of training', () => {
    const { posted, handle } = recordingSession();
    handle({ type: 'start', runId: 6, config: { ...SMALL, noise: 0 }, paused: false });
    expect(posted).toEqual([{ type: 'error', runId: 6, message: expect.stringMatching(/noise must be/) }]);
  });

  it('gives the same estimates for the same seed (reproducible on one backend)', async () => {
    const run = async (runId: number) => {
      const { posted, handle } = recordingSession(10);
      handle({ type: 'start', runId, config: { ...SMALL, steps: 10 }, paused: false });
      await waitFor(() => statesOf(posted, runId).includes('done'));
      return Array.from(stepsOf(posted, runId)[0].estimatesBits);
    };
    expect(await run(7)).toEqual(await run(8));
  });
});
