import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULTS, divergenceMessage } from '../../src/protocol/config';
import type { BackendReport, StepsMessage, ToWorker } from '../../src/protocol/messages';
import { MAX_NOTICES } from '../../src/store/notices';
import { SLOW_STEP_MS } from '../../src/store/runCommands';
import { createRunStore, type WorkerHost } from '../../src/store/runStore';
import { MessageError, message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

/** A store wired to a channel that records what it would send to the worker. */
function storeWithRecorder() {
  const sent: ToWorker[] = [];
  /** Backends the store started workers on. */
  const workers: string[] = [];
  const host: WorkerHost = {
    start: (backend) => workers.push(backend),
    send: (m) => sent.push(m),
  };
  const store = createRunStore(host, { restartDebounceMs: 300, now: () => 1234 });
  return { store, sent, workers, state: () => store.getState() };
}

/** A batch of one-estimator results. */
const steps = (runId: number, firstStepIdx: number, values: number[], estimators = 1): StepsMessage => ({
  type: 'steps',
  runId,
  firstStepIdx,
  count: values.length / estimators,
  estimatesBits: Float32Array.from(values),
  heldOutStepIdx: new Int32Array(0),
  heldOutBits: new Float32Array(0),
  stepsPerSecond: 10,
  runStepsPerSecond: 9,
  tensorCount: 3,
  tensorBytes: 400,
});

const REPORT: BackendReport = {
  backend: 'wasm',
  requested: 'auto',
  reason: message('notices.backend.softwareWebgl', { renderer: 'SwiftShader' }),
  gpuRenderer: null,
  fallbackReason: null,
  floatBits: 32,
  adamEpsilon: 1e-8,
  webgl: { available: true, renderer: 'Google SwiftShader', problem: null },
  webgpu: { available: false, adapter: null, fallback: false },
};

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
    expect(state().results.length).toBe(2);
    expect(Array.from(state().results.series[0].rawBits.subarray(0, 2))).toEqual([0.5, 0.75]);
    expect(state().stats).toEqual({
      stepsPerSecond: 10,
      runStepsPerSecond: 9,
      tensorCount: 3,
      tensorBytes: 400,
      firstStepAtMs: 1234,
    });
    state().receive({ type: 'run-state', runId: 1, state: 'done', tensorCount: 0 });
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
    expect(state().results.length).toBe(0);
    state().receive(steps(1, 3, [4, 5]));
    expect(state().results.length).toBe(0);
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
    expect(Array.from(state().results.series[0].rawBits.subarray(0, state().results.length))).toEqual([
      Math.fround(0.1),
    ]);
    expect(state().runConfig).toEqual({ ...DEFAULTS, noise: 1 });
  });

  it('restarts a finished run, and resets a paused or idle one without starting', () => {
    const { sent, state } = storeWithRecorder();
    state().setParam('dim', 4);
    expect(sent).toEqual([]);
    expect(state().runState).toBe('idle');

    state().start();
    state().receive({ type: 'run-state', runId: 1, state: 'done', tensorCount: 0 });
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
    expect(state().results.length).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(2);
  });

  it('sends a pending restart at once when the user pauses during the debounce', () => {
    const { sent, state } = storeWithRecorder();
    state().start();
    state().setParam('hidden', [20]);
    state().pause();
    expect(sent.slice(-2)).toEqual([
      { type: 'start', runId: 2, config: { ...DEFAULTS, hidden: [20] }, paused: false },
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
    expect(state().results.length).toBe(0);
  });

  it('follows the worker’s state reports, which arrive in command order', () => {
    const { state } = storeWithRecorder();
    state().start();
    state().pause();
    state().resume();
    state().receive({ type: 'run-state', runId: 1, state: 'paused', tensorCount: 0 });
    expect(state().runState).toBe('paused');
    state().receive({ type: 'run-state', runId: 1, state: 'running', tensorCount: 0 });
    expect(state().runState).toBe('running');
    state().receive({ type: 'run-state', runId: 0, state: 'done', tensorCount: 0 });
    expect(state().runState).toBe('running');
  });

  it('reports a backend fallback and a training error as notices', () => {
    const { state } = storeWithRecorder();
    state().receive({ type: 'ready', ...REPORT });
    expect(state().backend).toEqual(REPORT);
    expect(state().notices).toEqual([]);
    state().receive({
      type: 'ready',
      ...REPORT,
      requested: 'webgl',
      backend: 'wasm',
      fallbackReason: message('notices.backend.couldNotStart', { id: 'webgl', detail: 'no context' }),
    });
    expect(state().backend?.backend).toBe('wasm');
    expect(inEnglish(state().notices[0])).toMatch(
      /webgl could not start \(no context\)\. Training runs on the wasm backend/,
    );
    state().start();
    const outOfMemory = message('errors.detail', { detail: 'out of memory' });
    state().receive({ type: 'error', runId: 1, message: outOfMemory });
    expect(state().runState).toBe('error');
    expect(inEnglish(state().notices[1])).toBe('Training failed: out of memory');
    state().dismissNotice(0);
    expect(state().notices).toEqual([message('notices.worker.trainingFailed', { reason: outOfMemory })]);
  });

  it('shows the worker’s divergence message, and updates the tensor count when a run ends', () => {
    const { state } = storeWithRecorder();
    state().start();
    state().receive(steps(1, 0, [1, 2]));
    state().receive({
      type: 'diverged',
      runId: 1,
      estimator: 'mine',
      stepIdx: 2,
      message: divergenceMessage(DEFAULTS, 'mine', 2),
    });
    state().receive({ type: 'diverged', runId: 0, estimator: 'mine', stepIdx: 2, message: message('stale') });
    expect(state().notices).toEqual([divergenceMessage(DEFAULTS, 'mine', 2)]);
    expect(inEnglish(state().notices[0])).toMatch(/^MINE \(DV\) diverged at step 3: /);
    state().receive({ type: 'run-state', runId: 1, state: 'done', tensorCount: 0 });
    expect(state().stats?.tensorCount).toBe(0);
  });

  it('starts the worker on the configured backend, and a fresh one when the backend changes', () => {
    const { sent, workers, state } = storeWithRecorder();
    state().setParam('backend', 'cpu'); // before connecting: nothing starts yet
    expect(workers).toEqual([]);
    state().connectWorker();
    expect(workers).toEqual(['cpu']);
    state().start();
    state().receive({ type: 'ready', ...REPORT, backend: 'cpu', requested: 'cpu' });
    state().setParam('backend', 'wasm');
    expect(workers).toEqual(['cpu', 'wasm']);
    expect(state().backend).toBeNull(); // the new worker has not reported yet
    vi.advanceTimersByTime(300);
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(2); // the run restarts on the new worker
    state().setParam('units', 'nats'); // display only: no restart, no new worker
    vi.advanceTimersByTime(300);
    expect(sent.filter((m) => m.type === 'start')).toHaveLength(2);
    expect(workers).toHaveLength(2);
  });

  it('restarts a run on a fresh worker when its GPU context is lost, avoiding that backend', () => {
    const starts: [string, readonly string[]][] = [];
    const sent: ToWorker[] = [];
    const store = createRunStore({ start: (b, avoid) => starts.push([b, avoid]), send: (m) => sent.push(m) });
    const state = () => store.getState();
    state().start();
    state().receive({
      type: 'worker-failed',
      reason: message('notices.worker.contextLost'),
      recoverable: true,
      lost: 'webgl',
    });
    expect(starts).toEqual([
      ['auto', []],
      ['auto', ['webgl']],
    ]);
    expect(state().runState).toBe('running');
    expect(sent.filter((m) => m.type === 'start').map((m) => (m as { runId: number }).runId)).toEqual([1, 2]);
    expect(inEnglish(state().notices[0])).toMatch(
      /context was lost \(the GPU was reset or reclaimed\)\. The run restarted from step 1 on a fresh worker/,
    );
  });

  it('shows an error when the worker dies, and starts a fresh one on Reset and Start', () => {
    const starts: string[] = [];
    const store = createRunStore({ start: (b) => starts.push(b), send: () => undefined });
    const state = () => store.getState();
    state().start();
    state().receive({
      type: 'worker-failed',
      reason: message('notices.worker.died'),
      recoverable: false,
    });
    expect(state().runState).toBe('error');
    expect(inEnglish(state().notices[0])).toMatch(/or was closed\)\. Reset or Start again/);
    state().reset();
    expect(starts).toHaveLength(2);
    state().start();
    expect(state().runState).toBe('running');
    expect(starts).toHaveLength(2);
  });

  it('replaces a worker silent in a slow step on Reset, the first step of a run included', () => {
    let clock = 0;
    const starts: string[] = [];
    const sent: ToWorker[] = [];
    const store = createRunStore(
      { start: (b) => starts.push(b), send: (m) => sent.push(m) },
      { restartDebounceMs: 300, now: () => clock },
    );
    const state = () => store.getState();
    state().start();
    state().receive({ type: 'ready', ...REPORT });
    expect(starts).toHaveLength(1);
    // No result has arrived yet (stats is null): the worker is still in its first step.
    clock = SLOW_STEP_MS + 1;
    expect(state().stats).toBeNull();
    state().reset();
    expect(starts).toHaveLength(2); // a fresh worker, which gets the stop and the next start
    expect(state().runState).toBe('idle');
    // A quick Reset, while results keep arriving, keeps the worker.
    state().start();
    clock += 100;
    state().receive(steps(state().runId, 0, [1]));
    clock += 100;
    state().reset();
    expect(starts).toHaveLength(2);
    // A single step of a paused run that takes long counts too; a paused run with none does not.
    state().stepOnce();
    clock += SLOW_STEP_MS + 1;
    state().reset();
    expect(starts).toHaveLength(3);
    state().stepOnce();
    state().receive(steps(state().runId, 0, [1]));
    clock += SLOW_STEP_MS + 1;
    state().reset();
    expect(starts).toHaveLength(3);
    // A slider moved while a step has been running for long restarts the run on a fresh worker.
    state().start();
    clock += SLOW_STEP_MS + 1;
    state().setParam('seed', 2);
    expect(starts).toHaveLength(4);
    expect(sent.filter((m) => m.type === 'stop').length).toBeGreaterThanOrEqual(4);
  });

  it('keeps one series per estimator in compare mode', () => {
    const { state } = storeWithRecorder();
    state().setParam('estimator', ['nwj', 'infonce']);
    state().start();
    state().receive(steps(1, 0, [1, 10, 2, 20], 2));
    expect(state().results.estimators).toEqual(['nwj', 'infonce']);
    expect(Array.from(state().results.series[1].rawBits.subarray(0, 2))).toEqual([10, 20]);
    expect(state().results.length).toBe(2);
  });

  it('never accepts an out-of-range setting', () => {
    const { state } = storeWithRecorder();
    expect(() => state().setParam('noise', 0)).toThrowError(MessageError);
    expect(() => state().setParam('dim', 2.5)).toThrowError('notices.param.integer');
    expect(() => state().setParam('estimator', [])).toThrowError('notices.param.list');
    expect(state().config).toEqual(DEFAULTS);
  });
});

describe('notices', () => {
  it('shows a repeated notice once and keeps only the newest MAX_NOTICES', () => {
    const { state } = storeWithRecorder();
    const fellBack = message('notices.backend.fellBack', { reason: 'webgl could not start', id: 'wasm' });
    state().addNotices([fellBack, { ...fellBack, values: { id: 'wasm', reason: 'webgl could not start' } }]);
    state().addNotices([
      message('notices.backend.fellBack', { reason: 'webgl could not start', id: 'wasm' }),
    ]);
    // The same key with other values is another notice.
    state().addNotices([message('notices.backend.fellBack', { reason: 'webgl could not start', id: 'cpu' })]);
    expect(state().notices.map(inEnglish)).toEqual([
      'webgl could not start. Training runs on the wasm backend instead.',
      'webgl could not start. Training runs on the cpu backend instead.',
    ]);
    state().addNotices(
      Array.from({ length: 3 * MAX_NOTICES }, (_, i) => message('errors.detail', { detail: i })),
    );
    expect(state().notices).toHaveLength(MAX_NOTICES);
    expect(state().notices.at(-1)).toEqual(message('errors.detail', { detail: 3 * MAX_NOTICES - 1 }));
    expect(state().notices).not.toContainEqual(fellBack);
  });
});
