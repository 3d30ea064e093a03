import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './scripts/csp.ts';

// Relative base: the built site works from any sub-path (e.g. /courses/it/mine-lab/).
export default defineConfig(({ mode }) => ({
  base: './',
  // Test hooks (protocol/simulation.ts) exist only in `vite build --mode e2e`; everywhere else the
  // constant is false and the minifier drops the code behind it.
  define: { __TEST_HOOKS__: JSON.stringify(mode === 'e2e') },
  plugins: [
    react(),
    // The Content-Security-Policy, as a <meta> in the built index.html (scripts/csp.ts).
    cspPlugin(),
    // Offline after the first visit: a Workbox service worker precaches the whole built site (every
    // backend chunk and .wasm file included, so any backend override works offline). A new
    // deployment's service worker installs in the background and waits: it takes over on the next
    // visit, or at once if the user clicks "Reload" on the update notice (never mid-lecture by itself).
    VitePWA({
      injectRegister: null, // registered from src/offline.ts once the page has loaded
      registerType: 'prompt',
      manifest: false,
      workbox: {
        // woff2: KaTeX's fonts for the explainer (browsers that take woff2 never ask for woff or ttf).
        globPatterns: ['**/*.{js,css,html,svg,png,wasm,woff2}', 'examples/*.{csv,json}', 'lessons/*.json'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        navigateFallback: null,
      },
    }),
  ],
  // Pre-bundle the worker's tfjs imports at dev-server start, so the first page load is not
  // interrupted by a dependency re-optimisation and reload.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
    ],
  },
  worker: { format: 'es', rolldownOptions: { checks: { bundlerTimings: false } } },
  build: {
    target: 'es2022',
    // tfjs (worker) and Recharts (page) are large; the site is served whole, offline-capable.
    chunkSizeWarningLimit: 2000,
    // Fonts (KaTeX's) stay files: inlined as data: URLs they would break the CSP's font-src 'self'.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
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
}));
