/**
 * The page's side of the measured backend choice: times tfjs backends on this machine, each in a
 * fresh training worker of its own (started only when the page is idle, never during a run), for a
 * moment at the size of the run at hand (worker/timing.ts). The store decides when and keeps the figures
 * (store/backendTimings.ts); the decisions are pure functions in protocol/backendSpeed.ts.
 */
import type { BackendTiming, TimedBackend } from '../protocol/backendSpeed';
import type { RunConfig } from '../protocol/config';
import { message as note, type Message } from '../protocol/message';
import type { FromWorker, ToWorker } from '../protocol/messages';
import { parseSimulation } from '../protocol/simulation';
import type { BackendTimer } from '../store/types';

/** A backend that has not produced a figure by then gets none. */
const GIVE_UP_MS = 20_000;

/** Times one backend in a fresh worker; resolves with its figure or why there is none. */
function timeBackend(backend: TimedBackend, config: RunConfig, signal: AbortSignal): Promise<BackendTiming> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./mine.worker.ts', import.meta.url), {
      type: 'module',
      name: `mine-timing-${backend}`,
    });
    const finish = (stepsPerSecond: number | null, problem: Message | null) => {
      cleanUp();
      resolve({ backend, stepsPerSecond, problem });
    };
    const onAbort = () => {
      cleanUp();
      reject(new DOMException('the timing was stopped', 'AbortError'));
    };
    const giveUp = setTimeout(
      () => finish(null, note('notices.speeds.timedOut', { seconds: GIVE_UP_MS / 1000 })),
      GIVE_UP_MS,
    );
    const cleanUp = () => {
      clearTimeout(giveUp);
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    signal.addEventListener('abort', onAbort);
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'ready') {
        if (message.backend !== backend)
          finish(null, message.fallbackReason ?? note('notices.speeds.fellBack', { id: message.backend }));
        else worker.postMessage({ type: 'time', config } satisfies ToWorker);
      } else if (message.type === 'timed') {
        finish(message.stepsPerSecond, null);
      } else if (message.type === 'error' || message.type === 'worker-failed') {
        finish(null, 'message' in message ? message.message : message.reason);
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      finish(
        null,
        event.message ? note('errors.detail', { detail: event.message }) : note('notices.speeds.notLoaded'),
      );
    });
    const init: ToWorker = {
      type: 'init',
      backend,
      avoid: [],
      lifeLock: null,
      measured: null,
      role: 'timing',
      simulation: __TEST_HOOKS__ ? parseSimulation(location.search) : null,
    };
    worker.postMessage(init);
  });
}

/** Times backends one after another in fresh workers, when the page is idle. */
export function createBackendTimer(): BackendTimer {
  return {
    async time(backends, config, signal) {
      const timings: BackendTiming[] = [];
      for (const backend of backends) timings.push(await timeBackend(backend, config, signal));
      return timings;
    },
    whenIdle(callback) {
      if (typeof requestIdleCallback === 'function') {
        const handle = requestIdleCallback(callback, { timeout: 5000 });
        return () => cancelIdleCallback(handle);
      }
      const handle = setTimeout(callback, 1000); // WebKit has no requestIdleCallback
      return () => clearTimeout(handle);
    },
  };
}
