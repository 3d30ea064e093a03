/** The page's side of the worker boundary: starts training workers and types their traffic. */
import { message, type Message } from '../protocol/message';
import type { FromWorker, ToWorker } from '../protocol/messages';
import { parseSimulation } from '../protocol/simulation';
import type { WorkerHost } from '../store/runStore';
import type { SamplerConnect } from './samplerProtocol';

let workersStarted = 0;

/**
 * How long a new worker may take to send its first message (it does so before loading any
 * backend). Past it, the worker is taken to have died while starting: one that dies after its
 * first message is noticed at once through its life lock.
 */
export const WORKER_START_TIMEOUT_MS = 20_000;

/**
 * A host for the module training worker (and the sampler worker it draws batches from, started
 * here beside it) that delivers the current worker's messages to `onMessage` through one
 * listener; a replaced worker is terminated and never heard from again. A worker that throws, or
 * dies (crash, out of memory, closed), is reported as `worker-failed` at once: it holds a Web Lock
 * while it lives, which the page is granted the moment it is gone. One that never speaks at all
 * is reported after WORKER_START_TIMEOUT_MS.
 */
export function createWorkerHost(
  onMessage: (message: FromWorker) => void,
): WorkerHost & { terminate(): void } {
  let worker: Worker | null = null;
  /** The sampler worker started beside the current training worker, if one could be. */
  let sampler: Worker | null = null;
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;

  /** Ends the current training worker and its sampler. */
  const endWorkers = () => {
    worker?.terminate();
    sampler?.terminate();
    worker = null;
    sampler = null;
  };

  const failed = (of: Worker, reason: Message) => {
    if (worker !== of) return;
    endWorkers();
    onMessage({ type: 'worker-failed', reason, recoverable: false });
  };

  /** From now on, being granted the worker's lock means that it died. */
  const watchLifeLock = (of: Worker, lifeLock: string) => {
    locks?.request(lifeLock, () => failed(of, message('notices.worker.died'))).catch(() => undefined); // no lock to wait on: errors and the start-up timeout still count
  };

  /**
   * Starts the sampler worker for `trainer` and returns the training worker's end of the channel
   * between them; null where it cannot start (batches are then drawn in the training worker). Its
   * error events come here only, so the training worker is told of them.
   */
  const connectSampler = (trainer: Worker): MessagePort | null => {
    let started: Worker;
    try {
      started = new Worker(new URL('./sampler.worker.ts', import.meta.url), {
        type: 'module',
        name: 'mine-sampler',
      });
    } catch {
      return null;
    }
    sampler = started;
    started.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      if (sampler !== started) return;
      started.terminate();
      sampler = null;
      trainer.postMessage({ type: 'sampler-failed' } satisfies ToWorker);
    });
    const channel = new MessageChannel();
    started.postMessage({ type: 'connect' } satisfies SamplerConnect, [channel.port2]);
    return channel.port1;
  };

  return {
    start(backend, avoid, measured) {
      endWorkers();
      const next = new Worker(new URL('./mine.worker.ts', import.meta.url), {
        type: 'module',
        name: 'mine-trainer',
      });
      worker = next;
      const samplerPort = connectSampler(next);
      const lifeLock = locks ? `mine-lab-trainer-${Date.now()}-${++workersStarted}` : null;
      const startTimer = setTimeout(
        () => failed(next, message('notices.worker.silent', { seconds: WORKER_START_TIMEOUT_MS / 1000 })),
        WORKER_START_TIMEOUT_MS,
      );
      next.addEventListener('message', (event: MessageEvent<FromWorker>) => {
        if (worker !== next) return;
        if (event.data.type === 'life-lock') {
          clearTimeout(startTimer);
          if (event.data.held && lifeLock) watchLifeLock(next, lifeLock);
          return; // plumbing between the worker and its host only
        }
        onMessage(event.data);
      });
      next.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault();
        clearTimeout(startTimer);
        failed(
          next,
          event.message
            ? message('notices.worker.failed', { detail: event.message })
            : message('notices.worker.notLoaded'),
        );
      });
      const simulation = __TEST_HOOKS__ ? parseSimulation(location.search) : null;
      const init: ToWorker = {
        type: 'init',
        backend,
        avoid,
        lifeLock,
        measured,
        role: 'training',
        sampler: samplerPort,
        simulation,
      };
      next.postMessage(init, samplerPort ? [samplerPort] : []);
    },
    send(message: ToWorker) {
      worker?.postMessage(message);
    },
    /** Ends the current worker; a later start makes a fresh one. */
    terminate: endWorkers,
  };
}
