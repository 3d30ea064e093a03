/// <reference lib="webworker" />
/**
 * Worker entry: waits for the page's `init` (which backend), starts that backend and the batch
 * sampler, then hands every page message to the run session.
 */
import type { BackendPreference } from '../protocol/config';
import type { FromWorker, ToWorker } from '../protocol/messages';
import { initBackend } from './backend';
import { createBatchSource } from './batchSource';
import { errorMessage } from './errorMessage';
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
  if (message.type === 'init') void start(message.backend);
  else queued.push(message);
};
self.onmessage = (event: MessageEvent<ToWorker>) => dispatch(event.data);

async function start(preference: BackendPreference): Promise<void> {
  dispatch = (message) => queued.push(message);
  try {
    const report = await initBackend(preference);
    post({ type: 'ready', ...report });
    dispatch = createRunSession(post, { batches: createBatchSource(), adamEpsilon: report.adamEpsilon });
  } catch (error) {
    const reason = `no TensorFlow.js backend could start: ${errorMessage(error)}`;
    post({ type: 'error', runId: null, message: reason });
    dispatch = refuse(reason);
  }
  queued.splice(0).forEach((message) => dispatch(message));
}
