/**
 * The measured backend choice in the store, with simulated backends: a timer whose backends run at
 * chosen speeds (one slow on purpose), a storage in memory, and a recording worker host.
 */
import { describe, expect, it } from 'vitest';
import { SPEED_CACHE_KEY, type TimedBackend, type WebglProbe } from '../../src/protocol/backendSpeed';
import { DEFAULTS, type BackendPreference, type RunConfig } from '../../src/protocol/config';
import type { BackendReport, MeasuredBackend, ToWorker } from '../../src/protocol/messages';
import { currentMeasurement } from '../../src/store/backendTimings';
import { createRunStore } from '../../src/store/runStore';
import type { BackendTimer, SpeedStorage } from '../../src/store/types';
import { message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

/** Simulated backends: each "measures" at its set speed; `time` records what it was asked. */
function simulatedTimer(stepsPerSecond: Partial<Record<TimedBackend, number>>) {
  const idle: (() => void)[] = [];
  const asked: { backends: readonly TimedBackend[]; config: RunConfig; signal: AbortSignal }[] = [];
  let finish: (() => void) | null = null;
  const timer: BackendTimer = {
    time(backends, config, signal) {
      asked.push({ backends, config, signal });
      return new Promise((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')));
        finish = () =>
          resolve(
            backends.map((backend) => ({
              backend,
              stepsPerSecond: stepsPerSecond[backend] ?? null,
              problem: stepsPerSecond[backend] === undefined ? message('notices.backend.name.cpu') : null,
            })),
          );
      });
    },
    whenIdle(callback) {
      idle.push(callback);
      return () => idle.splice(idle.indexOf(callback), 1);
    },
  };
  return {
    timer,
    asked,
    /** Runs what waits for the page to be idle. */
    idle: () => idle.splice(0).forEach((callback) => callback()),
    pendingIdle: () => idle.length,
    /** Lets the timing in progress report its figures. */
    finish: async () => {
      finish?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function memoryStorage(initial: string | null = null): SpeedStorage & { text: string | null } {
  const storage = {
    text: initial,
    load: () => storage.text,
    save: (text: string) => void (storage.text = text),
  };
  return storage;
}

/** A worker's ready report for a machine whose WebGL claims `renderer`. */
const ready = (backend: 'wasm' | 'webgl', renderer: string, requested: BackendPreference = 'auto') => {
  const webgl: WebglProbe = { available: true, renderer, problem: null };
  const report: BackendReport = {
    backend,
    requested,
    reason: message('notices.backend.chosen', { id: 'wasm' }),
    gpuRenderer: backend === 'webgl' ? renderer : null,
    fallbackReason: null,
    floatBits: 32,
    adamEpsilon: 1e-8,
    webgl,
    webgpu: { available: false, adapter: null, fallback: false },
  };
  return { type: 'ready' as const, ...report };
};

function storeWith(timer: BackendTimer, storage: SpeedStorage) {
  const workers: { backend: BackendPreference; measured: MeasuredBackend | null }[] = [];
  const sent: ToWorker[] = [];
  const store = createRunStore(
    { start: (backend, _avoid, measured) => workers.push({ backend, measured }), send: (m) => sent.push(m) },
    { restartDebounceMs: 0, timer, speedStorage: storage },
  );
  return { store, state: () => store.getState(), workers, sent };
}

describe('the measured backend choice', () => {
  it('times both backends when idle, and the next run leaves a slow WebGL that claimed a GPU', async () => {
    // "Apple GPU" on a software renderer: the guess is WebGL, the timing says WebAssembly.
    const sim = simulatedTimer({ wasm: 2900, webgl: 410 });
    const storage = memoryStorage();
    const { state, workers, sent } = storeWith(sim.timer, storage);
    state().connectWorker();
    expect(workers).toEqual([{ backend: 'auto', measured: null }]);
    expect(sim.pendingIdle()).toBe(0); // nothing is timed before the worker says what there is
    state().receive(ready('webgl', 'Apple GPU'));
    expect(sim.pendingIdle()).toBe(1);
    sim.idle();
    expect(state().timingBackends).toBe(true);
    expect(sim.asked.map((a) => a.backends)).toEqual([['wasm', 'webgl']]);
    expect(sim.asked[0].config).toEqual(DEFAULTS);
    await sim.finish();
    expect(state().timingBackends).toBe(false);
    expect(currentMeasurement(state())?.timings).toEqual([
      { backend: 'wasm', stepsPerSecond: 2900, problem: null },
      { backend: 'webgl', stepsPerSecond: 410, problem: null },
    ]);
    expect(JSON.parse(storage.text ?? '{}')[9].renderer).toBe('Apple GPU');

    state().start();
    expect(workers).toHaveLength(2);
    expect(workers[1]).toMatchObject({
      backend: 'auto',
      measured: { backend: 'wasm', renderer: 'Apple GPU' },
    });
    expect(inEnglish(workers[1].measured?.reason ?? message('none'))).toBe(
      'WebAssembly: measured fastest on this machine at this size (2,900 steps/s; WebGL 410)',
    );
    expect(sent.at(-1)).toEqual({ type: 'start', runId: 1, config: DEFAULTS, paused: false });
    // Timed once: nothing more is due for this size, during the run or after it.
    state().receive(ready('wasm', 'Apple GPU'));
    state().receive({ type: 'run-state', runId: 1, state: 'done', tensorCount: 0 });
    expect(sim.pendingIdle()).toBe(0);
  });

  it('moves to WebGL when WebAssembly is the slow one, and keeps a worker already on the winner', async () => {
    const sim = simulatedTimer({ wasm: 82, webgl: 640 });
    const { state, workers } = storeWith(sim.timer, memoryStorage());
    state().connectWorker();
    state().receive(ready('webgl', 'NVIDIA GeForce RTX 3060'));
    sim.idle();
    await sim.finish();
    state().start();
    // The worker already trains on WebGL, the measured winner: no restart, and it says why now.
    expect(workers).toHaveLength(1);
    expect(inEnglish(state().backend?.reason ?? message('none'))).toBe(
      'WebGL: measured fastest on this machine at this size (640 steps/s; WebAssembly 82)',
    );
    expect(currentMeasurement(state())?.timings.map((t) => t.stepsPerSecond)).toEqual([82, 640]);
  });

  it('runs once per machine: a later visit starts its first worker on the measured backend', async () => {
    const sim = simulatedTimer({ wasm: 2900, webgl: 410 });
    const storage = memoryStorage();
    const first = storeWith(sim.timer, storage);
    first.state().connectWorker();
    first.state().receive(ready('webgl', 'Apple GPU'));
    sim.idle();
    await sim.finish();

    const later = simulatedTimer({ wasm: 1, webgl: 1 });
    const second = storeWith(later.timer, storage);
    second.state().connectWorker();
    expect(second.workers[0].measured?.backend).toBe('wasm');
    second.state().receive(ready('wasm', 'Apple GPU'));
    expect(later.pendingIdle()).toBe(0);
    expect(currentMeasurement(second.state())?.timings[0].stepsPerSecond).toBe(2900);
  });

  it('times again for another size class, or another renderer', async () => {
    const sim = simulatedTimer({ wasm: 2900, webgl: 410 });
    const storage = memoryStorage();
    const { state } = storeWith(sim.timer, storage);
    state().connectWorker();
    state().receive(ready('webgl', 'Apple GPU'));
    sim.idle();
    await sim.finish();
    state().setParam('batch', 512); // 512 · 10 · 3: class 6, not the defaults' 9
    expect(sim.pendingIdle()).toBe(1);
    sim.idle();
    expect(sim.asked[1].config.batch).toBe(512);
    await sim.finish();
    expect(Object.keys(JSON.parse(storage.text ?? '{}')).sort()).toEqual(['6', '9']);

    const other = simulatedTimer({ wasm: 100, webgl: 900 });
    const elsewhere = storeWith(other.timer, storage);
    elsewhere.state().connectWorker();
    elsewhere.state().receive(ready('webgl', 'AMD Radeon Pro 5500M'));
    expect(other.pendingIdle()).toBe(1); // the stored figures were taken with another GPU
  });

  it('stops timing when a run starts, and times again when the page is idle again', async () => {
    const sim = simulatedTimer({ wasm: 2900, webgl: 410 });
    const { state } = storeWith(sim.timer, memoryStorage());
    state().connectWorker();
    state().receive(ready('webgl', 'Apple GPU'));
    sim.idle();
    state().start();
    expect(sim.asked[0].signal.aborted).toBe(true);
    await sim.finish();
    expect(currentMeasurement(state())).toBeNull();
    expect(state().timingBackends).toBe(false);
    expect(sim.pendingIdle()).toBe(0); // not while the run goes on
    state().receive({ type: 'run-state', runId: 1, state: 'done', tensorCount: 0 });
    expect(sim.pendingIdle()).toBe(1);
  });

  it('never times with an override, a software renderer, or a single backend to time', () => {
    const sim = simulatedTimer({ wasm: 2900, webgl: 410 });
    const override = storeWith(sim.timer, memoryStorage());
    override.state().setParam('backend', 'webgl');
    override.state().connectWorker();
    override.state().receive(ready('webgl', 'Apple GPU', 'webgl'));
    const software = storeWith(sim.timer, memoryStorage());
    software.state().connectWorker();
    software.state().receive(ready('wasm', 'Google SwiftShader'));
    expect(sim.pendingIdle()).toBe(0);
    expect(SPEED_CACHE_KEY).toBe('mine-lab:backend-speeds:v1');
  });
});
