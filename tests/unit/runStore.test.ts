import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULTS } from '../../src/protocol/config';
import type { ToWorker } from '../../src/protocol/messages';
import { createRunStore } from '../../src/store/runStore';

/** A store wired to a channel that records what it would send to the worker. */
function storeWithRecorder() {
  const sent: ToWorker[] = [];
  const store = createRunStore({ send: (m) => sent.push(m) }, { restartDebounceMs: 300 });
  return { store, sent, state: () => store.getState() };
}

const steps = (runId: number, firstStepIdx: number, values: number[]) =>
  ({
    type: 'steps',
    runId,
    firstStepIdx,
    estimatesBits: Float32Array.from(values),
    stepsPerSecond: 10,
  }) as const;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('run store', () => {
  it('starts a run with the current settings and accepts only that run’s results', () => {
    const { sent, state } = storeWithRecorder();
    state().start();
    expect(sent).toEqual([{ type: 'start', runId: 1, config: DEFAULTS, paused: false }]);
    expect(state().runState).toBe('running');
    state().receive(steps(1, 0, [0.5, 0.75]));
    state().receive(steps(0, 0, [9, 9, 9]));
    expect(state().series.length).toBe(2);
    expect(Array.from(state().series.rawBits.subarray(0, 2))).toEqual([0.5, 0.75]);
    expect(state().stepsPerSecond).toBe(10);
    state().receive({ type: 'run-state', runId: 1, state: 'done' });
    expect(state().runState).toBe('done');
  });

  it('restarts a running run once, after the sliders settle, and drops the old run’s points', () => {
    const { sent, state } = storeWithRecorder();
    state().start();
    state().receive(steps(1, 0, [1, 2, 3]));
    state().setParam('noise', 0.5);
    vi.advanceTimersByTime(100);
    state().setParam('noise', 1);
    // The old run is stopped at once and its plot cleared, even before the new run starts.
    expect(sent.slice(1)).toEqual([{ type: 'stop' }, { type: 'stop' }]);
    expect(state().series.length).toBe(0);
    state().receive(steps(1, 3, [4, 5]));
    expect(state().series.length).toBe(0);
    vi.advanceTimersByTime(299);
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const restarts = sent.filter((m) => m.type === 'start');
    expect(restarts).toHaveLength(2);
    expect(restarts[1]).toEqual({
      type: 'start',
      runId: 3,
      config: { ...DEFAULTS, noise: 1 },
      paused: false,
    });
    state().receive(steps(1, 5, [6]));
    state().receive(steps(3, 0, [0.1]));
    expect(Array.from(state().series.rawBits.subarray(0, state().series.length))).toEqual([Math.fround(0.1)]);
    expect(state().runConfig).toEqual({ ...DEFAULTS, noise: 1 });
  });

  it('restarts a finished run, and resets a paused or idle one without starting', () => {
    const { sent, state } = storeWithRecorder();
    state().setParam('dim', 4);
    expect(sent).toEqual([]);
    expect(state().runState).toBe('idle');

    state().start();
    state().receive({ type: 'run-state', runId: 1, state: 'done' });
    state().setParam('dim', 5);
    vi.advanceTimersByTime(300);
    expect(sent[sent.length - 1]).toEqual({
      type: 'start',
      runId: 2,
      config: { ...DEFAULTS, dim: 5 },
      paused: false,
    });

    state().pause();
    expect(state().runState).toBe('paused');
    state().setParam('dim', 6);
    expect(state().runState).toBe('idle');
    expect(state().series.length).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(2);
  });

  it('sends a pending restart at once when the user pauses during the debounce', () => {
    const { sent, state } = storeWithRecorder();
    state().start();
    state().setParam('hidden', 20);
    state().pause();
    expect(sent.slice(-2)).toEqual([
      { type: 'start', runId: 2, config: { ...DEFAULTS, hidden: 20 }, paused: false },
      { type: 'pause', runId: 2 },
    ]);
    vi.advanceTimersByTime(1000);
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(2);
  });

  it('steps once from idle by creating a paused run, and pauses, resumes and resets', () => {
    const { sent, state } = storeWithRecorder();
    state().stepOnce();
    expect(sent).toEqual([
      { type: 'start', runId: 1, config: DEFAULTS, paused: true },
      { type: 'step', runId: 1 },
    ]);
    expect(state().runState).toBe('paused');
    state().stepOnce();
    expect(sent[sent.length - 1]).toEqual({ type: 'step', runId: 1 });
    state().resume();
    expect(sent[sent.length - 1]).toEqual({ type: 'resume', runId: 1 });
    expect(state().runState).toBe('running');
    state().pause();
    expect(sent[sent.length - 1]).toEqual({ type: 'pause', runId: 1 });
    state().reset();
    expect(sent[sent.length - 1]).toEqual({ type: 'stop' });
    expect(state().runState).toBe('idle');
    state().receive(steps(1, 0, [1]));
    expect(state().series.length).toBe(0);
  });

  it('follows the worker’s state reports, which arrive in command order', () => {
    const { state } = storeWithRecorder();
    state().start();
    state().pause();
    state().resume();
    state().receive({ type: 'run-state', runId: 1, state: 'paused' });
    expect(state().runState).toBe('paused');
    state().receive({ type: 'run-state', runId: 1, state: 'running' });
    expect(state().runState).toBe('running');
    state().receive({ type: 'run-state', runId: 0, state: 'done' });
    expect(state().runState).toBe('running');
  });

  it('reports a backend fallback and a training error as notices', () => {
    const { state } = storeWithRecorder();
    state().receive({ type: 'ready', backend: 'webgl', gpuRenderer: 'ANGLE', fallbackReason: null });
    expect(state().notices).toEqual([]);
    state().receive({
      type: 'ready',
      backend: 'cpu',
      gpuRenderer: null,
      fallbackReason: 'WebGL failed to start: no context',
    });
    expect(state().backend?.backend).toBe('cpu');
    expect(state().notices[0]).toMatch(
      /WebGL failed to start: no context\. Training runs on the cpu backend/,
    );
    state().start();
    state().receive({ type: 'error', runId: 1, message: 'out of memory' });
    expect(state().runState).toBe('error');
    expect(state().notices[1]).toBe('Training failed: out of memory');
    state().dismissNotice(0);
    expect(state().notices).toEqual(['Training failed: out of memory']);
  });

  it('reports a diverged run once, naming the first bad step', () => {
    const { state } = storeWithRecorder();
    state().start();
    state().receive(steps(1, 0, [1, 2]));
    state().receive(steps(1, 2, [3, NaN, Infinity]));
    state().receive(steps(1, 5, [NaN]));
    expect(state().notices).toEqual([
      'Training diverged: the estimate is not a finite number from step 4. Try a lower learning rate.',
    ]);
  });

  it('never accepts an out-of-range setting', () => {
    const { state } = storeWithRecorder();
    expect(() => state().setParam('noise', 0)).toThrowError(/noise/);
    expect(() => state().setParam('dim', 2.5)).toThrowError(/dim/);
    expect(state().config).toEqual(DEFAULTS);
  });
});
