/**
 * Builds the command-line suite runner into one Node module (scripts/suite/dist/cli.mjs), with
 * tfjs bundled in: tfjs-core's ES modules (gradients included) and its backends then share one
 * engine, as they do in the browser.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: fileURLToPath(new URL('./cli.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      output: {
        entryFileNames: 'cli.mjs',
        // tfjs's WebAssembly loader (Emscripten) looks for these CommonJS names in Node.
        banner: [
          "import { createRequire as __createRequire } from 'node:module';",
          "import { fileURLToPath as __fileURLToPath } from 'node:url';",
          "import { dirname as __dirnameOf } from 'node:path';",
          'const require = __createRequire(import.meta.url);',
          'const __filename = __fileURLToPath(import.meta.url);',
          'const __dirname = __dirnameOf(__filename);',
        ].join('\n'),
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
