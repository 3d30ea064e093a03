import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';

/**
 * End-to-end tests against the built site, served under a sub-path by a plain static server, in
 * real Chromium. A system Chromium is used when one exists (CHROMIUM_PATH overrides; Debian's
 * `chromium` on the PATH otherwise), else Playwright's bundled browser.
 */
function systemChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not on the PATH; try the next name
    }
  }
  return undefined;
}

const port = Number(process.env.E2E_PORT ?? 4317);
const subPath = '/mine-lab/';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'tests/e2e',
  // One browser at a time: WebGL runs in software on CPU-only machines, and tests share the cores.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}${subPath}`,
    browserName: 'chromium',
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: systemChromium(),
      args: [
        // WebGL2 in software (SwiftShader) when there is no GPU; it also runs inside workers.
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        ...(isRoot ? ['--no-sandbox'] : []),
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn && node scripts/serve-static.mjs dist ${port} ${subPath}`,
    url: `http://127.0.0.1:${port}${subPath}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
  },
});
