/// <reference lib="webworker" />
/**
 * Data worker entry: parses the user's files and computes the baselines (KSG, linear MI, the
 * permutation test) off the page's thread. No tfjs here: this worker loads only the CSV parser and
 * the pure core.
 */
import type { ToDataWorker } from '../protocol/dataMessages';
import { createDataSession } from './dataSession';

declare const self: DedicatedWorkerGlobalScope;

const handle = createDataSession((message, transfer) => self.postMessage(message, transfer));
self.onmessage = (event: MessageEvent<ToDataWorker>) => handle(event.data);
