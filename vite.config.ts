import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Relative base: the built site works from any sub-path (e.g. /courses/it/mine-lab/).
export default defineConfig({
  base: './',
  plugins: [react()],
  // Pre-bundle the worker's tfjs imports at dev-server start, so the first page load is not
  // interrupted by a dependency re-optimisation and reload.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
    ],
  },
  worker: { format: 'es', rolldownOptions: { checks: { bundlerTimings: false } } },
  build: {
    target: 'es2022',
    // tfjs (worker) and Recharts (page) are large; the site is served whole, offline-capable.
    chunkSizeWarningLimit: 2000,
    // The worker bundle is built inside a plugin callback; its timing report is noise, not a problem.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    // The JSON report feeds the one-line total that .ci/run prints (scripts/test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit-results.json' },
  },
});
