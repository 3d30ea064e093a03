/// <reference lib="webworker" />
/**
 * Worker entry: waits for the page's `init` (which backend, and the port to the sampler worker the
 * page started beside it), holds a Web Lock for as long as it lives, starts that backend, then
 * hands every page message to the run session.
 */
import type { RunConfig } from '../protocol/config';
import { errorDetail, errorValue, message, type Message } from '../protocol/message';
import type { FromWorker, ToWorker } from '../protocol/messages';
import { initBackend, watchWebglContext } from './backend';
import { createBatchSource, SAMPLER_FIRST_BATCH_TIMEOUT_MS, samplerOverPort } from './batchSource';
import { holdLifeLock } from './lifeLock';
import { createRunSession } from './runSession';
import { simulatedStepDelay, slowedBatches } from './testHooks';
import { TIMING_BUDGET_MS, timeSteps } from './timing';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

/** Answers a command when no backend could start: a run that cannot exist gets an error. */
const refuse = (reason: Message) => (message: ToWorker) => {
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
    const simulation = __TEST_HOOKS__ ? (init.simulation ?? null) : null;
    const report = await initBackend(init.backend, init.avoid, init.measured, simulation);
    watchWebglContext(() =>
      post({
        type: 'worker-failed',
        reason: message('notices.worker.contextLost'),
        recoverable: true,
        lost: 'webgl',
      }),
    );
    post({ type: 'ready', ...report });
    const afterStep = __TEST_HOOKS__ ? simulatedStepDelay(simulation, report.backend) : undefined;
    const time = (config: RunConfig) =>
      timeSteps(config, report.adamEpsilon, { budgetMs: TIMING_BUDGET_MS, afterStep }).then(
        (timing) => post({ type: 'timed', ...timing }),
        (error: unknown) => post({ type: 'error', runId: null, message: errorDetail(error) }),
      );
    if (init.role === 'timing') {
      dispatch = (message) => void (message.type === 'time' && time(message.config));
    } else {
      const sampler = init.sampler ? samplerOverPort(init.sampler) : null;
      const batches = createBatchSource(() => sampler, {
        firstBatchTimeoutMs: SAMPLER_FIRST_BATCH_TIMEOUT_MS,
        onFallback: (message) => post({ type: 'notice', runId: null, message }),
      });
      const session = createRunSession(post, {
        batches: __TEST_HOOKS__ ? slowedBatches(batches, simulation, report.backend) : batches,
        adamEpsilon: report.adamEpsilon,
      });
      dispatch = (message) => (message.type === 'sampler-failed' ? sampler?.fail() : session(message));
    }
  } catch (error) {
    const reason = message('notices.worker.noBackend', { detail: errorValue(error) });
    post({ type: 'error', runId: null, message: reason });
    dispatch = refuse(reason);
  }
  queued.splice(0).forEach((message) => dispatch(message));
}
