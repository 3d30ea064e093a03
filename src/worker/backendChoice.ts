/**
 * Which tfjs backend to try, in order, and why: pure decisions from what the worker could probe
 * and what the page measured, kept free of tfjs and worker globals so they are unit-tested with
 * plain renderer strings and timings.
 */
import { isSoftwareRenderer, type WebglProbe } from '../protocol/backendSpeed';
import type { BackendPreference } from '../protocol/config';
import { message, type Message } from '../protocol/message';
import type { BackendId, MeasuredBackend } from '../protocol/messages';

export { isSoftwareRenderer, type WebglProbe };

/** Backends to try in order, and the reason for the first. */
export interface BackendPlan {
  readonly order: readonly BackendId[];
  readonly reason: Message;
}

/**
 * The automatic choice before anything is measured: WebGL on what claims to be a hardware GPU,
 * else WebAssembly; the CPU backend last. A renderer string can hide a software renderer, so this
 * is only the first guess: the page times the backends and later runs follow the timings.
 */
function guessedPlan(webgl: WebglProbe): BackendPlan {
  if (!webgl.available) {
    return {
      order: ['wasm', 'cpu'],
      reason: message('notices.backend.noWebglHere', {
        problem: webgl.problem ?? message('notices.speeds.unavailable'),
      }),
    };
  }
  if (webgl.renderer && isSoftwareRenderer(webgl.renderer)) {
    return {
      order: ['wasm', 'webgl', 'cpu'],
      reason: message('notices.backend.softwareWebgl', { renderer: webgl.renderer }),
    };
  }
  return {
    order: ['webgl', 'wasm', 'cpu'],
    reason: webgl.renderer
      ? message('notices.backend.gpuGuess', { renderer: webgl.renderer })
      : message('notices.backend.gpuGuessUndisclosed'),
  };
}

/**
 * The backends to try for a preference: an override first, then the automatic order; for `auto`,
 * the backend measured fastest on this machine at this size comes first when there is a measurement.
 */
export function planBackends(
  preference: BackendPreference,
  webgl: WebglProbe,
  measured: MeasuredBackend | null = null,
): BackendPlan {
  const guess = guessedPlan(webgl);
  const first = (id: BackendId, reason: Message): BackendPlan => ({
    order: [id, ...guess.order.filter((other) => other !== id)],
    reason,
  });
  if (preference !== 'auto') return first(preference, message('notices.backend.chosen', { id: preference }));
  return measured ? first(measured.backend, measured.reason) : guess;
}
