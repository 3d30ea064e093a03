/**
 * Registers the WebAssembly backend (loaded only when it is chosen), with its .wasm binaries served
 * from the site itself: single-threaded SIMD, or plain where SIMD is missing.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

// One thread: tfjs caps its pool at hardwareConcurrency/2, its thread workers break under
// minification, threads need cross-origin isolation that static hosts rarely give, and on two
// cores one thread measured faster. Set before setBackend, or a cross-origin-isolated page would
// ask for the threaded binary.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
// Absolute URLs (resolved against this module), so the worker's own location does not matter. The
// threaded entry is required by setWasmPaths but never fetched with threads off.
setWasmPaths({
  'tfjs-backend-wasm.wasm': new URL(plainWasmUrl, import.meta.url).href,
  'tfjs-backend-wasm-simd.wasm': new URL(simdWasmUrl, import.meta.url).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(simdWasmUrl, import.meta.url).href,
});
