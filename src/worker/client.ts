/** The page's side of the worker boundary: starts training workers and types their traffic. */
import type { FromWorker, ToWorker } from '../protocol/messages';
import type { WorkerHost } from '../store/runStore';

/**
 * A host for the module training worker that delivers the current worker's messages to `onMessage`
 * through one listener; a replaced worker is terminated and never heard from again.
 */
export function createWorkerHost(onMessage: (message: FromWorker) => void): WorkerHost {
  let worker: Worker | null = null;
  return {
    start() {
      worker?.terminate();
      const next = new Worker(new URL('./mine.worker.ts', import.meta.url), {
        type: 'module',
        name: 'mine-trainer',
      });
      worker = next;
      next.addEventListener('message', (event: MessageEvent<FromWorker>) => {
        if (worker === next) onMessage(event.data);
      });
      next.addEventListener('error', (event: ErrorEvent) => {
        if (worker === next)
          onMessage({
            type: 'error',
            runId: null,
            message: event.message || 'the training worker failed to load',
          });
      });
    },
    send(message: ToWorker) {
      worker?.postMessage(message);
    },
  };
}
