/** The page's side of the worker boundary: starts the training worker and types its traffic. */
import type { FromWorker, ToWorker } from '../protocol/messages';
import type { WorkerChannel } from '../store/runStore';

/** Starts the module worker and delivers each of its messages to `onMessage` through one listener. */
export function startTrainingWorker(onMessage: (message: FromWorker) => void): WorkerChannel {
  const worker = new Worker(new URL('./mine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'mine-trainer',
  });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(event.data));
  worker.addEventListener('error', (event: ErrorEvent) =>
    onMessage({ type: 'error', runId: null, message: event.message || 'the training worker failed to load' }),
  );
  return { send: (message: ToWorker) => worker.postMessage(message) };
}
