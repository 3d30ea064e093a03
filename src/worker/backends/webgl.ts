/** Registers the WebGL backend (loaded only when it is chosen). */
import '@tensorflow/tfjs-backend-webgl';
