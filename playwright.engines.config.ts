import { defineConfig } from '@playwright/test';
import { cspHeaderContent } from './scripts/csp.ts';
import { ENGINES, type EngineName } from './scripts/engines/index.mjs';
import { port, serveBuiltSite, subPath, SUITE } from './playwright.config';
import type { EngineOptions } from './tests/engines/fixtures';

/**
 * The cross-engine suite (tests/engines/): the same cases in Chromium, Firefox and WebKit, one
 * project per engine, driven through the engine adapter (scripts/engines/). The site is served
 * with its Content-Security-Policy as a header too, so the workers are under it, and with the test
 * probe ahead of every script (CSP violations, errors and dialogs are seen from inside the page).
 * ENGINES=firefox,webkit runs only those.
 */
const only = (process.env.ENGINES ?? '').split(',').filter(Boolean);
const engines: readonly EngineName[] = only.length > 0 ? ENGINES.filter((e) => only.includes(e)) : ENGINES;

export default defineConfig<EngineOptions>({
  testDir: 'tests/engines',
  ...SUITE,
  reporter: [['list'], ['json', { outputFile: 'reports/engines-results.json' }]],
  use: { baseURL: `http://127.0.0.1:${port}${subPath}` },
  projects: engines.map((engine) => ({ name: engine, use: { engine } })),
  webServer: serveBuiltSite({ 'Content-Security-Policy': cspHeaderContent() }),
});
