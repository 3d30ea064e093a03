import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, type RunConfig } from '../../src/protocol/config';
import type { FromWorker } from '../../src/protocol/messages';
import { createBatchSource, type SamplerPort } from '../../src/worker/batchSource';
import { createRunSession } from '../../src/worker/runSession';
import { createSampler } from '../../src/worker/sampler';
import type { SampledBatches } from '../../src/worker/samplerProtocol';
import { createRng } from '../../src/core/random';
import { useCpuBackend } from './setupTf';
import { message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

beforeAll(useCpuBackend);

const SMALL: RunConfig = { ...DEFAULTS, dim: 1, hidden: [4], batch: 200, steps: 30, eval: 1000 };

/**
 * The sampler worker's logic behind a port, answering asynchronously like a worker; `fail()`
 * reports its failure, as the page does when the sampler worker raises an error event.
 */
function inProcessSampler() {
  const sample = createSampler();
  const batchListeners: ((batches: SampledBatches) => void)[] = [];
  const failureListeners: (() => void)[] = [];
  let closed = false;
  const port: SamplerPort = {
    postMessage: (message) =>
      setTimeout(() => {
        const reply = closed ? null : sample(message);
        if (reply) batchListeners.forEach((l) => l(reply));
      }, 1),
    onBatches: (listener) => void batchListeners.push(listener),
    onFailure: (listener) => void failureListeners.push(listener),
    close: () => void (closed = true),
  };
  const fail = () => failureListeners.forEach((l) => l());
  return { port, fail };
}

/** A session whose posted messages are recorded; batches drawn inline unless a sampler is given. */
function recordingSession(maxStepsPerBatch = 8, sampler: SamplerPort | null = null) {
  const posted: FromWorker[] = [];
  const handle = createRunSession(
    (m) => posted.push(m),
    { batches: createBatchSource(() => sampler), adamEpsilon: 1e-8 },
    { maxStepsPerBatch, flushIntervalMs: 1000 },
  );
  return { posted, handle };
}

async function waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A count once it has stopped changing: the same in two reads 100 ms apart, however long that takes. */
async function settledCount(count: () => number): Promise<number> {
  for (;;) {
    const before = count();
    await new Promise((r) => setTimeout(r, 100));
    if (count() === before) return before;
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
    // The first step is sent alone (immediate feedback, first throughput reading); then batches of
    // up to maxStepsPerBatch (fewer where the machine is slow: about one flush interval's worth),
    // contiguous, every step exactly once.
    expect(batches[0]).toMatchObject({ firstStepIdx: 0, count: 1 });
    let next = 0;
    for (const b of batches) {
      expect(b.firstStepIdx).toBe(next);
      expect(b.count).toBeGreaterThanOrEqual(1);
      expect(b.count).toBeLessThanOrEqual(8);
      next += b.count;
    }
    expect(next).toBe(SMALL.steps);
    for (const b of batches) {
      expect(b.stepsPerSecond).toBeGreaterThan(0);
      for (const v of b.estimatesBits) expect(Number.isFinite(v)).toBe(true);
    }
    expect(statesOf(posted, 1)).toEqual(['running', 'done']);
    expect(posted[posted.length - 1]).toEqual({
      type: 'run-state',
      runId: 1,
      state: 'done',
      tensorCount: tensorsBefore, // reported after the run's tensors were freed
    });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(batches[batches.length - 1].tensorCount).toBe(tensorsBefore + 3); // the critic and Adam's two moments
  });

  it('pauses between batches, resumes where it stopped, and frees everything on stop', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const { posted, handle } = recordingSession(4);
    handle({ type: 'start', runId: 2, config: { ...SMALL, steps: 5000 }, paused: false });
    await waitFor(() => stepsOf(posted, 2).length >= 1);
    handle({ type: 'pause', runId: 2 });
    await waitFor(() => statesOf(posted, 2).includes('paused'));
    // Steps in flight when Pause arrived are still sent; then nothing more comes.
    const countAtPause = await settledCount(() => stepsOf(posted, 2).length);
    await new Promise((r) => setTimeout(r, 300));
    expect(stepsOf(posted, 2).length).toBe(countAtPause);

    handle({ type: 'resume', runId: 2 });
    await waitFor(() => stepsOf(posted, 2).length >= countAtPause + 2);
    const batches = stepsOf(posted, 2);
    let expectedFirst = 0;
    for (const b of batches) {
      expect(b.firstStepIdx).toBe(expectedFirst);
      expectedFirst += b.count;
    }
    handle({ type: 'stop' });
    await waitFor(() => tf.memory().numTensors === tensorsBefore); // once the step in flight ends
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
    // Commands are applied in order: had the stale ones done anything, it would show before the
    // result of this next Step.
    handle({ type: 'step', runId: 5 });
    await waitFor(() => stepsOf(posted, 5).length === 4);
    expect(stepsOf(posted, 5).map((b) => [b.firstStepIdx, b.count])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    expect(statesOf(posted, 5)).toEqual(['paused']);
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
    // One more Step, applied after the first three: an extra step would show before its result.
    handle({ type: 'step', runId: 11 });
    await waitFor(() => stepsOf(posted, 11).length === 4);
    expect(stepsOf(posted, 11).map((b) => b.firstStepIdx)).toEqual([0, 1, 2, 3]);
    expect(statesOf(posted, 11)).toEqual(['paused']);
    handle({ type: 'stop' });
  });

  it('reports an invalid configuration as an error for that run instead of training', () => {
    const { posted, handle } = recordingSession();
    handle({ type: 'start', runId: 6, config: { ...SMALL, noise: 0 }, paused: false });
    expect(posted).toEqual([
      {
        type: 'error',
        runId: 6,
        message: message('notices.worker.invalidConfig', {
          problems: [message('notices.param.number', { key: 'noise', min: 0.01, max: 10 })],
        }),
      },
    ]);
    const error = posted[0];
    expect(error.type === 'error' && inEnglish(error.message)).toBe(
      'invalid configuration: noise must be a number from 0.01 to 10',
    );
  });

  it('trains several estimators side by side and evaluates held-out batches every `eval` steps', async () => {
    const { posted, handle } = recordingSession(100);
    const config = { ...SMALL, steps: 12, eval: 5, estimator: ['mine', 'nwj', 'infonce'] as const, k: 16 };
    handle({ type: 'start', runId: 12, config, paused: false });
    await waitFor(() => statesOf(posted, 12).includes('done'));
    const batches = stepsOf(posted, 12);
    expect(batches.reduce((n, b) => n + b.count, 0)).toBe(12);
    for (const b of batches) expect(b.estimatesBits).toHaveLength(3 * b.count);
    expect(batches.flatMap((b) => Array.from(b.heldOutStepIdx))).toEqual([4, 9]);
    const heldOut = batches.flatMap((b) => Array.from(b.heldOutBits));
    expect(heldOut).toHaveLength(6);
    for (const v of heldOut) expect(Number.isFinite(v)).toBe(true);
    // InfoNCE (k = 16) never exceeds log2 16 = 4 bits, on training or held-out batches.
    for (const b of batches)
      for (let i = 0; i < b.count; i++) expect(b.estimatesBits[3 * i + 2]).toBeLessThanOrEqual(4);
  });

  it('gives the same numbers with batches prefetched by the sampler as drawn inline', async () => {
    const run = async (runId: number, sampler: SamplerPort | null) => {
      const { posted, handle } = recordingSession(100, sampler);
      handle({ type: 'start', runId, config: { ...SMALL, steps: 20, eval: 7 }, paused: false });
      await waitFor(() => statesOf(posted, runId).includes('done'));
      const batches = stepsOf(posted, runId);
      return [
        batches.flatMap((b) => Array.from(b.estimatesBits)),
        batches.flatMap((b) => Array.from(b.heldOutBits)),
      ];
    };
    const inline = await run(20, null);
    expect(await run(21, inProcessSampler().port)).toEqual(inline);
  });

  it('carries on inline when the sampler fails, and drops a replaced run’s batches', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const sampler = inProcessSampler();
    const { posted, handle } = recordingSession(4, sampler.port);
    handle({ type: 'start', runId: 30, config: { ...SMALL, steps: 5000 }, paused: false });
    await waitFor(() => stepsOf(posted, 30).length >= 2);
    handle({ type: 'start', runId: 31, config: { ...SMALL, steps: 40 }, paused: false }); // replaces 30 mid-prefetch
    await waitFor(() => stepsOf(posted, 31).length >= 1);
    sampler.fail();
    await waitFor(() => statesOf(posted, 31).includes('done'));
    expect(stepsOf(posted, 31).reduce((n, b) => n + b.count, 0)).toBe(40);
    expect(posted.filter((m) => m.type === 'error')).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('stops an estimator that diverges, keeps the others training, and says what to try', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const { posted, handle } = recordingSession(100);
    // NWJ's e^(T−1) overflows within two steps here (measured); MINE trains on.
    const wild = {
      ...DEFAULTS,
      power: 20,
      noise: 0.01,
      dim: 20,
      hidden: [256],
      batch: 50,
      lr: 0.5,
      steps: 12,
      eval: 1000,
    };
    handle({ type: 'start', runId: 40, config: { ...wild, estimator: ['mine', 'nwj'] }, paused: false });
    await waitFor(() => statesOf(posted, 40).includes('done'));
    const diverged = posted.filter((m) => m.type === 'diverged');
    expect(diverged).toEqual([
      {
        type: 'diverged',
        runId: 40,
        estimator: 'nwj',
        stepIdx: expect.any(Number),
        message: expect.anything(),
      },
    ]);
    expect(diverged[0].type === 'diverged' && inEnglish(diverged[0].message)).toMatch(
      /^NWJ \(MINE-f\) diverged at step \d+: .* Try a lower learning rate \(now 0\.5\), or a larger batch/,
    );
    const values = stepsOf(posted, 40).flatMap((b) => Array.from(b.estimatesBits));
    const mine = values.filter((_, i) => i % 2 === 0);
    expect(mine.every(Number.isFinite)).toBe(true);
    expect(tf.memory().numTensors).toBe(tensorsBefore);

    // With a single estimator, divergence ends the run in the error state.
    handle({ type: 'start', runId: 41, config: { ...wild, estimator: ['nwj'], steps: 500 }, paused: false });
    await waitFor(() => posted.some((m) => m.type === 'error' && m.runId === 41));
    expect(posted.find((m) => m.type === 'error' && m.runId === 41)).toEqual({
      type: 'error',
      runId: 41,
      message: message('notices.worker.allDiverged'),
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(tf.memory().numTensors).toBe(tensorsBefore);
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

describe('runs on a finite sample', () => {
  /** The user's rows: correlated Gaussians (ρ = 0.9 in one coordinate) with d_x = 2 and d_y = 1. */
  function userRows(n: number) {
    const rng = createRng(21);
    const x = rng.fillNormal(new Float32Array(2 * n));
    const noise = rng.fillNormal(new Float32Array(n));
    const y = Float32Array.from(noise, (e, r) => 0.9 * x[2 * r] + Math.sqrt(1 - 0.81) * e);
    return { n, xDim: 2, yDim: 1, x, y };
  }
  const onData: RunConfig = {
    ...SMALL,
    dist: 'data',
    x: ['a', 'b'],
    y: ['c'],
    holdout: 0.25,
    batch: 5000,
    steps: 12,
    eval: 4,
  };

  it('trains on the rows the page sent, says what it trains on, and clamps the batch to the training rows', async () => {
    const { posted, handle } = recordingSession(100);
    handle({ type: 'data', rows: userRows(400) });
    handle({ type: 'start', runId: 50, config: onData, paused: false });
    await waitFor(() => statesOf(posted, 50).includes('done'));
    expect(posted.find((m) => m.type === 'run-info' && m.runId === 50)).toMatchObject({
      xDim: 2,
      yDim: 1,
      batchSize: 300,
      finite: { trainRows: 300, heldOutRows: 100, heldOutEvaluated: 100 },
    });
    const batches = stepsOf(posted, 50);
    expect(batches.reduce((n, b) => n + b.count, 0)).toBe(12);
    expect(batches.flatMap((b) => Array.from(b.heldOutStepIdx))).toEqual([3, 7, 11]);
    for (const b of batches) for (const v of b.estimatesBits) expect(Number.isFinite(v)).toBe(true);
  });

  it('refuses a run on data that has not arrived, or whose columns do not match', async () => {
    const { posted, handle } = recordingSession();
    handle({ type: 'start', runId: 51, config: onData, paused: false });
    expect(posted).toContainEqual({
      type: 'error',
      runId: 51,
      message: message('notices.worker.noData'),
    });
    handle({ type: 'data', rows: userRows(50) });
    handle({ type: 'start', runId: 52, config: { ...onData, x: ['a'] }, paused: false });
    expect(posted.find((m) => m.type === 'error' && m.runId === 52)).toBeDefined();
  });

  it('samples a finite sample once from a distribution when rows > 0, with the same numbers every time', async () => {
    const run = async (runId: number) => {
      const { posted, handle } = recordingSession(100);
      handle({ type: 'start', runId, config: { ...SMALL, rows: 500, steps: 8, eval: 4 }, paused: false });
      await waitFor(() => statesOf(posted, runId).includes('done'));
      expect(posted.find((m) => m.type === 'run-info')).toMatchObject({ finite: { trainRows: 250 } });
      return stepsOf(posted, runId).flatMap((b) => [...b.estimatesBits, ...b.heldOutBits]);
    };
    expect(await run(53)).toEqual(await run(54));
  });
});

describe('early stopping', () => {
  it('stops each estimator once `patience` held-out evaluations in a row found nothing better, at the same step every time', async () => {
    const run = async (runId: number) => {
      const { posted, handle } = recordingSession(100);
      // A learning rate far too high: the held-out estimate soon stops improving.
      const config = {
        ...SMALL,
        estimator: ['mine', 'nwj'] as const,
        lr: 0.5,
        steps: 3000,
        eval: 5,
        patience: 2,
      };
      handle({ type: 'start', runId, config, paused: false });
      await waitFor(() => statesOf(posted, runId).includes('done'));
      return posted;
    };
    const posted = await run(60);
    const stops = posted.filter(
      (m): m is Extract<FromWorker, { type: 'stopped-early' }> => m.type === 'stopped-early',
    );
    expect(stops.map((s) => s.estimator).sort()).toEqual(['mine', 'nwj']);
    const steps = stepsOf(posted, 60);
    const taken = steps.reduce((n, b) => n + b.count, 0);
    expect(taken).toBeLessThan(3000);
    // The run ends with the later of the two stops: its evaluation is the last step taken.
    expect(Math.max(...stops.map((s) => s.stepIdx))).toBe(taken - 1);
    for (const stop of stops) {
      // The best came `patience` evaluations (of every 5 steps) before the stop, and is the highest.
      expect(stop.stepIdx - stop.bestStepIdx).toBe(2 * 5);
      const e = stop.estimator === 'mine' ? 0 : 1;
      const heldOut = steps.flatMap((b) =>
        Array.from(b.heldOutStepIdx, (stepIdx, j) => ({ stepIdx, bits: b.heldOutBits[2 * j + e] })),
      );
      const upToStop = heldOut.filter((h) => h.stepIdx <= stop.stepIdx);
      expect(stop.bestBits).toBeCloseTo(Math.max(...upToStop.map((h) => h.bits)), 5);
    }
    const again = await run(61);
    expect(
      again.filter((m) => m.type === 'stopped-early').map((m) => ('stepIdx' in m ? m.stepIdx : -1)),
    ).toEqual(stops.map((s) => s.stepIdx));
  });
});
