/**
 * The page's side of a suite run: training workers of its own (one, or two where the machine has
 * four cores or more), apart from the lab's, and the data worker for the baselines.
 */
import type { FromWorker } from '../protocol/messages';
import type { SuiteWorkers } from '../protocol/suiteRun';
import { createWorkerHost } from './client';
import type { DataClient } from './dataClient';

/** How many units the suite runs at once on this machine: two from four cores up, else one. */
export function suiteLanes(cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return cores >= 4 ? 2 : 1;
}

/** A lane: a training worker started on the automatic backend, with the data worker for baselines. */
export function createSuiteLane(data: DataClient): SuiteWorkers & { dispose(): void } {
  const listeners = new Set<(message: FromWorker) => void>();
  let host: ReturnType<typeof createWorkerHost> | null = null;
  const ensure = () => {
    if (!host) {
      host = createWorkerHost((message) => listeners.forEach((listener) => listener(message)));
      host.start('auto', [], null);
    }
    return host;
  };
  let runId = 0;
  return {
    channel: {
      send: (message) => ensure().send(message),
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    async baselines(sample, k, seed) {
      let ksgNats = NaN;
      let linearNats = NaN;
      await data.computeBaselines(
        sample,
        { k, shuffles: 0, seed },
        { onKsg: (r) => (ksgNats = r.miNats), onLinear: (r) => (linearNats = r.miNats) },
      );
      return { ksgNats, linearNats };
    },
    nextRunId: () => ++runId,
    dispose() {
      host?.terminate();
      host = null;
      listeners.clear();
    },
  };
}
