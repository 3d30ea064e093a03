/// <reference lib="webworker" />
/**
 * Worker entry: waits for the page's `init` (which backend), holds a Web Lock for as long as it
 * lives, starts that backend and the batch sampler, then hands every page message to the run
 * session.
 */
import type { FromWorker, ToWorker } from '../protocol/messages';
import { initBackend, watchWebglContext } from './backend';
import { createBatchSource } from './batchSource';
import { errorMessage } from './errorMessage';
import { holdLifeLock } from './lifeLock';
import { createRunSession } from './runSession';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

/** Answers a command when no backend could start: a run that cannot exist gets an error. */
const refuse = (reason: string) => (message: ToWorker) => {
  if (message.type === 'start') post({ type: 'error', runId: message.runId, message: reason });
};

// Messages that arrive while the backend starts are queued, then replayed in order.
const queued: ToWorker[] = [];
let dispatch: (message: ToWorker) => void = (message) => {
  if (message.type === 'init') void start(message);
  else queued.push(message);
};
self.onmessage = (event: MessageEvent<ToWorker>) => dispatch(event.data);

async function start(init: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  dispatch = (message) => queued.push(message);
  try {
    const locks = (self.navigator as Navigator & { locks?: LockManager }).locks;
    post({ type: 'life-lock', held: await holdLifeLock(locks, init.lifeLock) });
    const report = await initBackend(init.backend, init.avoid);
    watchWebglContext(() =>
      post({
        type: 'worker-failed',
        reason: 'The WebGL context was lost (the GPU was reset or reclaimed)',
        recoverable: true,
        lost: 'webgl',
      }),
    );
    post({ type: 'ready', ...report });
    dispatch = createRunSession(post, { batches: createBatchSource(), adamEpsilon: report.adamEpsilon });
  } catch (error) {
    const reason = `no TensorFlow.js backend could start: ${errorMessage(error)}`;
    post({ type: 'error', runId: null, message: reason });
    dispatch = refuse(reason);
  }
  queued.splice(0).forEach((message) => dispatch(message));
}
