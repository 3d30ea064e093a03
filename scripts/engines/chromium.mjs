/**
 * Chromium through Playwright (the e2e suite's own route): software WebGL2 (SwiftShader) where
 * there is no GPU, as the e2e suite runs it, and real download events.
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { pageDriver } from './pageDriver.mjs';

/** The browser binary: CHROMIUM_PATH, else Debian's chromium on the PATH, else Playwright's own. */
export function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on the PATH; try the next name
    }
  }
  return undefined;
}

/** Chromium's flags for this suite: WebGL2 in software (also inside workers), no background traffic. */
export function chromiumArgs() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    '--enable-unsafe-swiftshader',
    '--use-angle=swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

/** Launches headless Chromium; each page gets a fresh context (its own storage and service workers). */
export async function launchChromium({ viewport }) {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs() });
  return {
    version: browser.version(),
    async newDriver() {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      return pageDriver(page, {
        async download(selector) {
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.locator(selector).click(),
          ]);
          const stream = await download.createReadStream();
          const chunks = [];
          for await (const chunk of stream) chunks.push(chunk);
          return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
        },
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}
