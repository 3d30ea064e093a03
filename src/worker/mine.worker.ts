/// <reference lib="webworker" />
/** Worker entry: initialises the tfjs backend, then hands every page message to the run session. */
import type { FromWorker, ToWorker } from '../protocol/messages';
import { initBackend } from './backend';
import { errorMessage } from './errorMessage';
import { createRunSession } from './runSession';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const handle = createRunSession(post);

/** Answers a command when no backend could start: a run that cannot exist gets an error. */
const refuse = (reason: string) => (message: ToWorker) => {
  if (message.type === 'start') post({ type: 'error', runId: message.runId, message: reason });
};

// Messages that arrive while the backend starts are queued, then replayed in order.
const queued: ToWorker[] = [];
let dispatch: (message: ToWorker) => void = (message) => queued.push(message);
self.onmessage = (event: MessageEvent<ToWorker>) => dispatch(event.data);

initBackend()
  .then(
    (report) => {
      post({ type: 'ready', ...report });
      dispatch = handle;
    },
    (error: unknown) => {
      const reason = `no TensorFlow.js backend could start: ${errorMessage(error)}`;
      post({ type: 'error', runId: null, message: reason });
      dispatch = refuse(reason);
    },
  )
  .finally(() => queued.splice(0).forEach((message) => dispatch(message)));
