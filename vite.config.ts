import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Relative base: the built site works from any sub-path (e.g. /courses/it/mine-lab/).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    // The JSON report feeds the one-line total that .ci/run prints (scripts/test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit-results.json' },
  },
});
