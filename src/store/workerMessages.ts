/** Applies what the worker reports: its backend, batches of results, run states and errors. */
import { message as note, type Message } from '../protocol/message';
import type { BackendReport, FromWorker, StepsMessage } from '../protocol/messages';
import { appendStepsMessage } from './runResults';
import type { StoreContext } from './storeContext';
import type { RunStats } from './types';

/** Weight of the newest report in the displayed throughput. */
const THROUGHPUT_SMOOTHING = 0.3;

/** Creates the store's `receive` action over `ctx`. */
export function createReceive(ctx: StoreContext): (message: FromWorker) => void {
  const { get, set } = ctx;
  const now = ctx.options.now ?? (() => performance.now());
  const addNotice = (notice: Message) => get().addNotices([notice]);

  const receiveSteps = (message: StepsMessage) => {
    if (message.runId !== get().runId) return;
    const results = appendStepsMessage(get().results, message);
    const previous = get().stats;
    set({
      results,
      awaitingSingleStep: false,
      stats: {
        stepsPerSecond:
          previous === null
            ? message.stepsPerSecond
            : previous.stepsPerSecond +
              THROUGHPUT_SMOOTHING * (message.stepsPerSecond - previous.stepsPerSecond),
        runStepsPerSecond: message.runStepsPerSecond,
        tensorCount: message.tensorCount,
        tensorBytes: message.tensorBytes,
        firstStepAtMs: previous?.firstStepAtMs ?? now(),
      },
    });
  };

  return (message) => {
    set({ lastWorkerMessageMs: now() });
    switch (message.type) {
      case 'worker-failed': {
        const { runState } = get();
        const midRun = runState === 'running' || runState === 'paused';
        ctx.dropWorker(message.lost ? [message.lost] : []);
        if (message.recoverable && midRun) {
          addNotice(note('notices.worker.restarted', { reason: message.reason }));
          get().start();
        } else {
          addNotice(note('notices.worker.startAgain', { reason: message.reason }));
          if (midRun) set({ runState: 'error' });
        }
        return;
      }
      case 'ready': {
        const report: BackendReport = {
          backend: message.backend,
          requested: message.requested,
          reason: message.reason,
          gpuRenderer: message.gpuRenderer,
          fallbackReason: message.fallbackReason,
          floatBits: message.floatBits,
          adamEpsilon: message.adamEpsilon,
          webgl: message.webgl,
          webgpu: message.webgpu,
        };
        set({ backend: report });
        if (report.fallbackReason) {
          addNotice(note('notices.backend.fellBack', { reason: report.fallbackReason, id: report.backend }));
        }
        return;
      }
      case 'steps':
        receiveSteps(message);
        return;
      case 'snapshot':
        if (message.runId === get().runId) set({ snapshot: message });
        return;
      case 'run-info':
        if (message.runId === get().runId) set({ runInfo: message });
        return;
      case 'stopped-early': {
        if (message.runId !== get().runId) return;
        const e = get().results.estimators.indexOf(message.estimator);
        const { stepIdx, bestBits, bestStepIdx } = message;
        set({
          earlyStops: get().results.estimators.map((_, i) =>
            i === e ? { stepIdx, bestBits, bestStepIdx } : (get().earlyStops[i] ?? null),
          ),
        });
        return;
      }
      case 'run-state':
        // The worker applies commands in order, so its latest report is the truth.
        if (message.runId !== get().runId) return;
        set({ runState: message.state });
        if (get().stats) set({ stats: { ...(get().stats as RunStats), tensorCount: message.tensorCount } });
        if (message.state === 'done') ctx.runFinished(message.runId);
        return;
      case 'diverged':
        if (message.runId === get().runId) addNotice(message.message);
        return;
      case 'notice':
        if (message.runId === null || message.runId === get().runId) addNotice(message.message);
        return;
      case 'error':
        if (message.runId !== null && message.runId !== get().runId) return;
        set({ runState: 'error' });
        addNotice(note('notices.worker.trainingFailed', { reason: message.message }));
        return;
    }
  };
}
