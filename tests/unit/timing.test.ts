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
 * (at the end of a chunk, the second reading of the clock) `readBackMs`.
 */
function simulatedBackend(msPerStep: number, readBackMs = 0) {
  let clockMs = 0;
  let readings = 0;
  return {
    now: () => (++readings % 2 === 0 ? (clockMs += readBackMs) : clockMs),
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

  it('takes a single step when one step is slower than the budget', async () => {
    const timing = await timeSteps(SMALL, 1e-8, { budgetMs: 150, ...simulatedBackend(400) });
    expect(timing).toEqual({ stepsPerSecond: 2.5, steps: 1, warmUpMs: 400 }); // one size: the mean
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
