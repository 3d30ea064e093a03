import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './scripts/engines/chromium.mjs';

/**
 * End-to-end tests against the built site, served under a sub-path by a plain static server, in
 * real Chromium. A system Chromium is used when one exists (CHROMIUM_PATH overrides; Debian's
 * `chromium` on the PATH otherwise), else Playwright's bundled browser.
 */

/** The port both suites serve the built site on (E2E_PORT; another session may hold the default). */
export const port = Number(process.env.E2E_PORT ?? 4317);
/** The sub-path the site is served under, proving it works from any path. */
export const subPath = '/mine-lab/';

/** What the e2e and cross-engine suites share: one browser at a time, generous timeouts, no retries. */
export const SUITE = {
  // One browser at a time: WebGL runs in software on CPU-only machines, and tests share the cores.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
} as const;

/** Builds the site and serves it with the test probe (and `headers` on every response). */
export function serveBuiltSite(headers: Record<string, string> = {}) {
  return {
    command: `npx vite build --logLevel warn && node scripts/serve-static.mjs dist ${port} ${subPath}`,
    url: `http://127.0.0.1:${port}${subPath}`,
    // The probe the fixtures rely on for CSP violations in pages and workers (scripts/engines/probe.js).
    env: { SERVE_PROBE: 'scripts/engines/probe.js', SERVE_HEADERS: JSON.stringify(headers) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  ...SUITE,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}${subPath}`,
    browserName: 'chromium',
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
    // WebGL2 in software (SwiftShader) when there is no GPU; it also runs inside workers.
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs() },
  },
  webServer: serveBuiltSite(),
});
