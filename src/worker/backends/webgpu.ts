/** Registers the WebGPU backend (loaded only when it is asked for). */
import '@tensorflow/tfjs-backend-webgpu';
