/** The page's side of the worker boundary: starts training workers and types their traffic. */
import type { FromWorker, ToWorker } from '../protocol/messages';
import { parseSimulation } from '../protocol/simulation';
import type { WorkerHost } from '../store/runStore';

let workersStarted = 0;

/**
 * A host for the module training worker that delivers the current worker's messages to `onMessage`
 * through one listener; a replaced worker is terminated and never heard from again. A worker that
 * throws, or dies (crash, out of memory, closed), is reported as `worker-failed` at once: it holds
 * a Web Lock while it lives, which the page is granted the moment it is gone.
 */
export function createWorkerHost(onMessage: (message: FromWorker) => void): WorkerHost {
  let worker: Worker | null = null;
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;

  const failed = (of: Worker, reason: string) => {
    if (worker !== of) return;
    worker = null;
    of.terminate();
    onMessage({ type: 'worker-failed', reason, recoverable: false });
  };

  return {
    start(backend, avoid, measured) {
      worker?.terminate();
      const next = new Worker(new URL('./mine.worker.ts', import.meta.url), {
        type: 'module',
        name: 'mine-trainer',
      });
      worker = next;
      const lifeLock = locks ? `mine-lab-trainer-${Date.now()}-${++workersStarted}` : null;
      next.addEventListener('message', (event: MessageEvent<FromWorker>) => {
        if (worker !== next) return;
        // The worker holds its lock before it reports ready: from now on, being granted it means it died.
        if (event.data.type === 'ready' && lifeLock && locks) {
          void locks.request(lifeLock, () =>
            failed(
              next,
              'The training worker stopped unexpectedly (it crashed, ran out of memory or was closed)',
            ),
          );
        }
        onMessage(event.data);
      });
      next.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault();
        failed(next, `The training worker failed: ${event.message || 'it could not load'}`);
      });
      const simulation = __TEST_HOOKS__ ? parseSimulation(location.search) : null;
      next.postMessage({
        type: 'init',
        backend,
        avoid,
        lifeLock,
        measured,
        role: 'training',
        simulation,
      } satisfies ToWorker);
    },
    send(message: ToWorker) {
      worker?.postMessage(message);
    },
  };
}
