/**
 * The worker's side of a test build's simulation (protocol/simulation.ts): a claimed WebGL renderer
 * and a backend made slow on purpose. Used only behind `__TEST_HOOKS__`, so the production build
 * drops this module.
 */
import type { WebglProbe } from '../protocol/backendSpeed';
import type { BackendId } from '../protocol/messages';
import type { Simulation } from '../protocol/simulation';
import type { BatchSource } from './batchSource';

/** The probe with the simulated renderer claimed in place of the real one (where WebGL exists). */
export function withSimulatedRenderer(probe: WebglProbe, simulation: Simulation | null): WebglProbe {
  return probe.available && simulation?.renderer ? { ...probe, renderer: simulation.renderer } : probe;
}

/** Blocks the worker's thread for `ms`, as a slower backend's step would. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: the time must count as the step's
  }
}

/** What to do after each timed step: spin for the simulated slowness of `backend`, if it is the slow one. */
export function simulatedStepDelay(
  simulation: Simulation | null,
  backend: BackendId,
): (() => void) | undefined {
  const slow = simulation?.slow;
  return slow && slow.backend === backend ? () => spin(slow.msPerStep) : undefined;
}

/** The batch source, each training batch `msPerStep` late when `backend` is the simulated slow one. */
export function slowedBatches(
  source: BatchSource,
  simulation: Simulation | null,
  backend: BackendId,
): BatchSource {
  const slow = simulation?.slow;
  if (!slow || slow.backend !== backend) return source;
  return {
    ...source, // its methods are closures: they keep working unbound
    async training(stepIdx) {
      const batch = await source.training(stepIdx);
      spin(slow.msPerStep);
      return batch;
    },
  };
}
