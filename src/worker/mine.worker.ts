/// <reference lib="webworker" />
/** Worker entry: initialises the tfjs backend, then hands every page message to the run session. */
import type { FromWorker, ToWorker } from '../protocol/messages';
import { initBackend } from './backend';
import { createRunSession } from './runSession';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const handle = createRunSession(post);
// Messages that arrive while the backend starts are queued and replayed in order.
const queued: ToWorker[] = [];
let ready = false;
self.onmessage = (event: MessageEvent<ToWorker>) => (ready ? handle(event.data) : queued.push(event.data));

initBackend().then(
  (report) => {
    post({ type: 'ready', ...report });
    ready = true;
    queued.splice(0).forEach(handle);
  },
  (error: unknown) => post({ type: 'error', runId: null, message: String(error) }),
);
