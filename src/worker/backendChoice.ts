/**
 * Which tfjs backend to try, in order, and why: pure decisions from what the worker could probe,
 * kept free of tfjs and worker globals so they are unit-tested with plain renderer strings.
 */
import type { BackendPreference } from '../protocol/config';
import type { BackendId } from '../protocol/messages';

/** What the worker found out about WebGL before loading any backend. */
export interface WebglProbe {
  /** Whether a WebGL context could be created in this worker. */
  readonly available: boolean;
  /** The (unmasked where allowed) renderer string, e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader …))". */
  readonly renderer: string | null;
  /** Why WebGL is unavailable, in words a user can act on; null when it is available. */
  readonly problem: string | null;
}

/** Backends to try in order, and the reason for the first. */
export interface BackendPlan {
  readonly order: readonly BackendId[];
  readonly reason: string;
}

/**
 * Renderers that draw on the CPU: SwiftShader (Chrome without a GPU, blocklisted GPUs, many VMs
 * and CI machines), Mesa's llvmpipe/softpipe/lavapipe, Microsoft's Basic Render Driver, Apple's and
 * others' "software" renderers. WebGL on them is slower than WebAssembly.
 */
const SOFTWARE_RENDERER =
  /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render|microsoft basic|gdi generic|mesa offscreen/i;

/** Whether a WebGL renderer string names a software (CPU) renderer. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/** The automatic choice: WebGL on a hardware GPU, else WebAssembly; the CPU backend last. */
function automaticPlan(webgl: WebglProbe): BackendPlan {
  if (!webgl.available) {
    return {
      order: ['wasm', 'cpu'],
      reason: `WebAssembly: no WebGL here (${webgl.problem ?? 'unavailable'})`,
    };
  }
  if (webgl.renderer && isSoftwareRenderer(webgl.renderer)) {
    return {
      order: ['wasm', 'webgl', 'cpu'],
      reason: `WebAssembly: WebGL here is a software renderer (${webgl.renderer}), slower than WebAssembly on the CPU`,
    };
  }
  return {
    order: ['webgl', 'wasm', 'cpu'],
    reason: `WebGL on the GPU (${webgl.renderer ?? 'renderer not disclosed'})`,
  };
}

/** The backends to try for a preference: an override first, then the automatic order. */
export function planBackends(preference: BackendPreference, webgl: WebglProbe): BackendPlan {
  const auto = automaticPlan(webgl);
  if (preference === 'auto') return auto;
  return {
    order: [preference, ...auto.order.filter((id) => id !== preference)],
    reason: `${preference}: chosen in the settings`,
  };
}
