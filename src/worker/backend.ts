/**
 * Starts the tfjs backend inside the worker: probes WebGL without tfjs, plans the order to try
 * (backendChoice.ts), loads only the backend it uses, and reports what it got and why.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { ADAM_EPSILON } from '../core/adam';
import type { WebgpuProbe } from '../protocol/backendSpeed';
import type { BackendPreference } from '../protocol/config';
import { errorValue, message, MessageError, type Message } from '../protocol/message';
import type { BackendId, BackendReport, MeasuredBackend } from '../protocol/messages';
import type { Simulation } from '../protocol/simulation';
import { planBackends, type WebglProbe } from './backendChoice';
import { withSimulatedRenderer } from './testHooks';

/** How each backend is loaded: a separate chunk, fetched only when that backend is tried. */
const LOADERS: Readonly<Record<BackendId, () => Promise<unknown>>> = {
  webgl: () => import('./backends/webgl'),
  wasm: () => import('./backends/wasm'),
  cpu: () => import('./backends/cpu'),
  webgpu: () => import('./backends/webgpu'),
};

/** Reads the renderer string of a WebGL context, unmasked where the browser allows. */
function rendererOf(gl: WebGLRenderingContext | WebGL2RenderingContext): string | null {
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer: unknown = gl.getParameter(debugInfo ? debugInfo.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof renderer === 'string' ? renderer : null;
}

/** Whether WebGL works in this worker and what renders it, without loading tfjs's WebGL backend. */
export function probeWebgl(): WebglProbe {
  if (typeof OffscreenCanvas === 'undefined') {
    return { available: false, renderer: null, problem: message('notices.backend.noOffscreenCanvas') };
  }
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) {
      return {
        available: false,
        renderer: null,
        problem: message('notices.backend.webglRefused'),
      };
    }
    const renderer = rendererOf(gl);
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // free it: tfjs makes its own
    return { available: true, renderer, problem: null };
  } catch (error) {
    return {
      available: false,
      renderer: null,
      problem: message('notices.backend.webglFailed', { detail: errorValue(error) }),
    };
  }
}

/** The parts of a WebGPU adapter read here. */
interface GpuAdapter {
  readonly info?: { vendor?: string; architecture?: string; description?: string };
  readonly isFallbackAdapter?: boolean;
}

/** Whether WebGPU has an adapter here, its name, and whether it is a software fallback. */
export async function probeWebgpu(): Promise<WebgpuProbe> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapter | null> } }).gpu;
  const none: WebgpuProbe = { available: false, adapter: null, fallback: false };
  if (!gpu) return none;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return none;
    const info = adapter.info;
    const name = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ');
    return {
      available: true,
      adapter: name || 'unnamed adapter',
      fallback: adapter.isFallbackAdapter === true,
    };
  } catch {
    return none;
  }
}

/** The WebGPU adapter's description, or why there is none. */
async function webgpuAdapterInfo(probe: Promise<WebgpuProbe>): Promise<string> {
  if (!('gpu' in navigator)) throw new MessageError(message('notices.backend.noWebgpu'));
  const { available, adapter, fallback } = await probe;
  if (!available) throw new MessageError(message('notices.backend.noWebgpuAdapter'));
  return fallback ? `${adapter} (software fallback adapter)` : (adapter ?? 'unnamed adapter');
}

/** The WebGL context tfjs computes with (call only while the webgl backend is active). */
function tfjsWebglContext(): WebGL2RenderingContext {
  return (tf.backend() as unknown as { getGPGPUContext(): { gl: WebGL2RenderingContext } }).getGPGPUContext()
    .gl;
}

/** Loads and starts one backend; throws with a readable reason if it cannot run here. */
async function startBackend(id: BackendId, webgpu: Promise<WebgpuProbe>): Promise<string | null> {
  const gpuInfo = id === 'webgpu' ? await webgpuAdapterInfo(webgpu) : null;
  await LOADERS[id]();
  if (!(await tf.setBackend(id))) throw new MessageError(message('notices.backend.notInitialised', { id }));
  await tf.ready();
  if (tf.getBackend() !== id)
    throw new MessageError(message('notices.backend.tfjsFellBack', { id: tf.getBackend() }));
  if (id === 'webgl') {
    const gl = tfjsWebglContext();
    return `${rendererOf(gl) ?? 'unknown renderer'} (WebGL ${tf.env().getNumber('WEBGL_VERSION')})`;
  }
  return gpuInfo;
}

/**
 * Bits per float the backend really computes with. WebGL stores floats in 16 bits where it cannot
 * render to float32 textures (tfjs 4.22's floatPrecision() reports 16 even where it can).
 */
function floatBitsOf(id: BackendId): 16 | 32 {
  if (id !== 'webgl') return 32;
  return tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') ? 32 : 16;
}

/**
 * Calls `onLost` if the WebGL context tfjs computes with is lost (GPU reset, driver crash, too many
 * contexts); does nothing off WebGL.
 */
export function watchWebglContext(onLost: () => void): void {
  if (tf.getBackend() !== 'webgl') return;
  // In a worker tfjs draws on an OffscreenCanvas, an EventTarget like any canvas.
  const canvas = (tfjsWebglContext() as unknown as { canvas: EventTarget }).canvas;
  canvas.addEventListener('webglcontextlost', onLost, { once: true });
}

/**
 * Starts the preferred backend, or the next in the plan when one fails, and says why. Backends in
 * `avoid` (one that just failed) are tried last; for `auto`, `measured` (timed fastest here, with
 * this renderer) comes first.
 */
export async function initBackend(
  preference: BackendPreference,
  avoid: readonly BackendId[] = [],
  measured: MeasuredBackend | null = null,
  simulation: Simulation | null = null,
): Promise<BackendReport> {
  const realProbe = probeWebgl();
  const probe = __TEST_HOOKS__ ? withSimulatedRenderer(realProbe, simulation) : realProbe;
  // Asked now, answered while the backend loads: it never delays the first step.
  const webgpu = probeWebgpu();
  const plan = planBackends(preference, probe, measured?.renderer === probe.renderer ? measured : null);
  const failures: Message[] = [];
  const order = [
    ...plan.order.filter((id) => !avoid.includes(id)),
    ...plan.order.filter((id) => avoid.includes(id)),
  ];
  for (const id of order) {
    try {
      const gpuRenderer = await startBackend(id, webgpu);
      const floatBits = floatBitsOf(id);
      return {
        backend: id,
        requested: preference,
        reason:
          failures.length === 0 && id === plan.order[0]
            ? plan.reason
            : avoid.length > 0 && failures.length === 0
              ? message('notices.backend.avoided', { id, failed: avoid.join(', ') })
              : message('notices.backend.afterFailures', { id }),
        gpuRenderer,
        fallbackReason: failures.length > 0 ? message('notices.backend.failures', { failures }) : null,
        floatBits,
        // Adam's epsilon must survive in the backend's floats: 1e-8 underflows in 16 bits.
        adamEpsilon: floatBits === 32 ? ADAM_EPSILON : 1e-4,
        webgl: probe,
        webgpu: await webgpu,
      };
    } catch (error) {
      failures.push(message('notices.backend.couldNotStart', { id, detail: errorValue(error) }));
    }
  }
  throw new MessageError(message('notices.backend.failures', { failures }));
}
