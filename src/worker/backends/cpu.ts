/** Registers the plain-JavaScript CPU backend (loaded only when it is chosen). */
import '@tensorflow/tfjs-backend-cpu';
