import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    // The page never loads tfjs or the training code: both live in the worker bundle.
    files: [
      'src/components/**',
      'src/store/**',
      'src/*.tsx',
      'src/worker/client.ts',
      'src/worker/calibration.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tensorflow/*'], message: 'tfjs runs only in the worker.' },
            {
              group: [
                '**/worker/runSession',
                '**/worker/backend',
                '**/worker/mine.worker',
                '**/core/trainer',
                '**/core/critic',
                '**/core/bounds',
              ],
              message: 'Training code runs only in the worker; talk to it through protocol/messages.',
            },
          ],
        },
      ],
    },
  },
  {
    // The core and the protocol are pure: no UI, no store, no worker plumbing.
    files: ['src/core/**', 'src/protocol/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand', 'zustand/*', 'recharts'],
              message: 'The core is UI-free.',
            },
            {
              group: ['**/store/**', '**/components/**', '**/worker/**'],
              message: 'The core depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  {
    // The test probe runs in pages and workers (scripts/serve-static.mjs puts it ahead of every script).
    files: ['scripts/engines/probe.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
);
