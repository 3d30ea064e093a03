/**
 * Pretending, in test builds only: the e2e suite builds the site with `vite build --mode e2e`, where
 * `__TEST_HOOKS__` is true and the page reads `?simulate-renderer=…&simulate-slow=wasm:30` from its
 * address (a renderer string for WebGL to claim; a backend made slower by that many ms a step). In
 * the production build `__TEST_HOOKS__` is false and every use of this is removed (an e2e test
 * checks that the built files carry none of it).
 */
import type { BackendId } from './messages';

declare global {
  /** True only in test builds (vite.config.ts `define`): guards every test hook. */
  const __TEST_HOOKS__: boolean;
}

/** What a test build pretends. */
export interface Simulation {
  /** The WebGL renderer string the worker reports instead of the real one. */
  readonly renderer: string | null;
  /** A backend whose steps take this much longer (the worker spins for it). */
  readonly slow: { readonly backend: BackendId; readonly msPerStep: number } | null;
}

const BACKENDS: readonly string[] = ['webgl', 'wasm', 'cpu', 'webgpu'];

/** The simulation a page address asks for, or null when it asks for none (or nonsense). */
export function parseSimulation(search: string): Simulation | null {
  const params = new URLSearchParams(search);
  const renderer = params.get('simulate-renderer');
  const slowMatch = /^(\w+):(\d+(?:\.\d+)?)$/.exec(params.get('simulate-slow') ?? '');
  const slow =
    slowMatch && BACKENDS.includes(slowMatch[1]) && Number(slowMatch[2]) > 0
      ? { backend: slowMatch[1] as BackendId, msPerStep: Number(slowMatch[2]) }
      : null;
  return renderer || slow ? { renderer: renderer || null, slow } : null;
}
