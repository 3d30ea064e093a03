/** Puts tfjs on its pure-JavaScript CPU backend for unit tests in Node. */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';

/** Selects the CPU backend and checks that tfjs really runs on it. */
export async function useCpuBackend(): Promise<void> {
  tf.env().set('IS_TEST', true); // silences the "install tfjs-node" banner
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error(`expected the cpu backend, got ${tf.getBackend()}`);
}
