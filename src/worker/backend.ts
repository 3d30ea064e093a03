/** Picks the tfjs backend inside the worker and reports what it actually got. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { BackendReport } from '../protocol/messages';
import { errorMessage } from './errorMessage';

/** The renderer string of the WebGL context tfjs draws with, unmasked where the browser allows. */
function webglRenderer(): string | null {
  const backend = tf.backend() as MathBackendWebGL;
  const gl = backend.getGPGPUContext?.().gl;
  if (!gl) return null;
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer: unknown = gl.getParameter(debugInfo ? debugInfo.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof renderer === 'string' ? renderer : null;
}

/** Why a WebGL context is unavailable here, in words a user can act on. */
function diagnoseWebgl(): string {
  if (typeof OffscreenCanvas === 'undefined') return 'this browser has no OffscreenCanvas in workers';
  try {
    const canvas = new OffscreenCanvas(1, 1);
    if (!canvas.getContext('webgl2') && !canvas.getContext('webgl')) {
      return 'the browser refused to create a WebGL context (GPU or WebGL disabled, or blocklisted)';
    }
  } catch (error) {
    return `creating a WebGL context failed (${errorMessage(error)})`;
  }
  return 'tfjs rejected the WebGL context';
}

/** Starts WebGL (WebGL2 via OffscreenCanvas in a worker), falling back to the CPU backend. */
export async function initBackend(): Promise<BackendReport> {
  let fallbackReason: string;
  try {
    if (await tf.setBackend('webgl')) {
      await tf.ready();
      if (tf.getBackend() === 'webgl') {
        const version = tf.env().getNumber('WEBGL_VERSION');
        const renderer = webglRenderer();
        return {
          backend: 'webgl',
          gpuRenderer: renderer && `${renderer} (WebGL ${version})`,
          fallbackReason: null,
        };
      }
    }
    fallbackReason = `WebGL could not be initialised in the worker: ${diagnoseWebgl()}`;
  } catch (error) {
    fallbackReason = `WebGL failed to start: ${errorMessage(error)}`;
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('neither the WebGL nor the CPU backend could start');
  await tf.ready();
  return { backend: tf.getBackend(), gpuRenderer: null, fallbackReason };
}
