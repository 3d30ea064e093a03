import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import patterns forbidden in parts of src/ (see the blocks below). */
const NO_TFJS = { group: ['@tensorflow/*'], message: 'tfjs runs only in the worker.' };
const NO_TRAINING = {
  group: [
    '**/worker/runSession',
    '**/worker/backend',
    '**/worker/mine.worker',
    '**/core/trainer',
    '**/core/critic',
    '**/core/bounds',
  ],
  allowTypeImports: true,
  message: 'Training code runs only in the worker; talk to it through protocol/messages.',
};
const NO_UI = {
  group: ['react', 'react-dom', 'zustand', 'zustand/*', 'recharts'],
  message: 'The core and the protocol are UI-free.',
};
const NO_UPPER_LAYERS = {
  group: ['**/store/**', '**/components/**', '**/worker/**'],
  message: 'The core and the protocol depend on nothing above them.',
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench-results',
      '.scratch',
      'scripts/suite/dist',
    ],
  },
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
      'src/worker/dataClient.ts',
      'src/worker/calibration.ts',
    ],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_TFJS, NO_TRAINING] }] },
  },
  {
    // The data worker parses files and computes the baselines: it never loads tfjs or the training code.
    files: ['src/worker/data.worker.ts', 'src/worker/dataSession.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_TFJS, NO_TRAINING] }] },
  },
  {
    // The core is pure: no UI, no store, no worker plumbing.
    files: ['src/core/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_UI, NO_UPPER_LAYERS] }] },
  },
  {
    // The protocol is shared by the page and the worker: pure like the core, and without tfjs or the
    // training code, which the page must never load (the core's types are fine).
    files: ['src/protocol/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [NO_UI, NO_UPPER_LAYERS, NO_TFJS, NO_TRAINING] },
      ],
    },
  },
  {
    // Every browser test runs under the guard of tests/e2e/fixtures.ts, which fails it on a CSP
    // violation, an uncaught error or a dialog: no spec can take Playwright's bare `test`, or make a
    // context the guard does not watch.
    files: ['tests/e2e/**', 'tests/docs/**'],
    ignores: ['tests/e2e/fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@playwright/test', 'playwright/test'].map((name) => ({
            name,
            importNames: ['test', 'expect'],
            message:
              'Import test and expect from tests/e2e/fixtures, whose guard every browser test runs under.',
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='newContext']",
          message: 'Make contexts with guardedContext from tests/e2e/fixtures, so the guard watches them.',
        },
        {
          selector: "CallExpression[callee.object.name='browser'][callee.property.name='newPage']",
          message: 'browser.newPage() makes a context the guard does not watch: use guardedContext.',
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
