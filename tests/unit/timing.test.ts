import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { measuredChoice } from '../../src/protocol/backendSpeed';
import { DEFAULTS, type RunConfig } from '../../src/protocol/config';
import { timeSteps } from '../../src/worker/timing';
import { useCpuBackend } from './setupTf';

beforeAll(useCpuBackend);

const SMALL: RunConfig = { ...DEFAULTS, dim: 1, hidden: [4], batch: 100 };

/**
 * A backend simulated on a clock of its own: each step takes `msPerStep` of it, and each read-back
 * (at the end of a chunk, the second reading of the clock) `readBackMs`, or the read-backs of
 * `readBacksMs` in turn.
 */
function simulatedBackend(msPerStep: number, readBackMs = 0, readBacksMs: readonly number[] = [readBackMs]) {
  let clockMs = 0;
  let readings = 0;
  let readBacks = 0;
  return {
    now: () => (++readings % 2 === 0 ? (clockMs += readBacksMs[readBacks++ % readBacksMs.length]) : clockMs),
    afterStep: () => void (clockMs += msPerStep),
  };
}

describe('timing steps', () => {
  it('times chunks that double until they are long enough, and counts only the timed steps', async () => {
    const backend = simulatedBackend(5);
    const timing = await timeSteps(SMALL, 1e-8, { budgetMs: 150, ...backend });
    // Warm-up 5 ms; then chunks of 1, 2, 4, 8, 16 steps (16 · 5 ms ≥ 150 / 3): 31 steps in 155 ms.
    expect(timing.steps).toBe(31);
    expect(timing.warmUpMs).toBe(5);
    expect(timing.stepsPerSecond).toBeCloseTo(200, 9);
  });

  it('leaves the read-back latency out: a step costs what it costs in a run', async () => {
    // Like SwiftShader's WebGL here: ~9 ms a step, ~26 ms to read a result back.
    const timing = await timeSteps(SMALL, 1e-8, { budgetMs: 150, ...simulatedBackend(9, 26) });
    expect(timing.stepsPerSecond).toBeCloseTo(1000 / 9, 9);
    expect(timing.warmUpMs).toBe(35);
  });

  it('a read-back whose jitter outweighs a few steps: the chunks grow until stepping dominates', async () => {
    // SwiftShader's WebGL on a busy machine: 9 ms a step, read-backs of 26 ± 15 ms. Chunks of 1, 2
    // and 4 steps alone differ by less than the jitter: timed so, these read-backs give 1.5 ms a step.
    const jittered = simulatedBackend(9, 0, [11, 41, 26, 11, 11, 11, 26, 11]);
    const timing = await timeSteps(SMALL, 1e-8, { budgetMs: 150, ...jittered });
    expect(timing.steps).toBe(63); // chunks of 1 to 32 steps: the last takes over 4× the first
    expect(1000 / timing.stepsPerSecond).toBeGreaterThan(9 * 0.85);
    expect(1000 / timing.stepsPerSecond).toBeLessThan(9 * 1.15);
  });

  it('a backend slower than the budget: a chunk of one step and one of two, then the cap stops it', async () => {
    const timing = await timeSteps(SMALL, 1e-8, { budgetMs: 150, ...simulatedBackend(400) });
    // Chunks of 1 and 2 steps take 1.2 s; one of 4 would pass the cap (10 × 150 ms).
    expect(timing).toEqual({ stepsPerSecond: 2.5, steps: 3, warmUpMs: 400 });
  });

  it('leaves no tensor behind, and the faster of two simulated backends is chosen', async () => {
    const before = tf.memory().numTensors;
    const fast = await timeSteps(SMALL, 1e-8, { budgetMs: 50, ...simulatedBackend(1) });
    const slow = await timeSteps(SMALL, 1e-8, { budgetMs: 50, ...simulatedBackend(10) });
    expect(tf.memory().numTensors).toBe(before);
    expect(fast.stepsPerSecond).toBeCloseTo(1000, 6);
    expect(slow.stepsPerSecond).toBeCloseTo(100, 6);
    const choice = measuredChoice({
      sizeClass: 3,
      measuredAt: '2026-01-01T00:00:00.000Z',
      renderer: 'Apple GPU',
      timings: [
        { backend: 'wasm', stepsPerSecond: slow.stepsPerSecond, problem: null },
        { backend: 'webgl', stepsPerSecond: fast.stepsPerSecond, problem: null },
      ],
    });
    expect(choice?.backend).toBe('webgl');
  });

  it('times the real CPU backend in Node', async () => {
    const timing = await timeSteps(SMALL, 1e-8, { budgetMs: 30 });
    expect(timing.steps).toBeGreaterThanOrEqual(1);
    expect(timing.stepsPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(timing.warmUpMs)).toBe(true);
    console.log(
      `[measured] tfjs CPU backend in Node, N=100 h=4 d=1: ${timing.stepsPerSecond.toFixed(0)} steps/s`,
    );
  });
});
