/**
 * Firefox over WebDriver BiDi through puppeteer-core, which supports Firefox as a first-class
 * target (no geckodriver, no adapter in between). Headless Firefox has no WebGL, so it trains on
 * WebAssembly. No download event: downloads are read back through the page (index.mjs).
 */
import puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { pageDriver } from './pageDriver.mjs';

/** The browser binary: FIREFOX_PATH, else Debian's firefox-esr, else firefox. */
export function firefoxExecutable() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => existsSync(path)) ?? 'firefox';
}

/** Playwright's key names as puppeteer's BiDi keyboard knows them (it has no "Space"). */
const KEY_NAMES = { Space: ' ' };

/** Launches headless Firefox; each page gets a fresh browser context (a separate user context). */
export async function launchFirefox({ viewport }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: true,
    defaultViewport: viewport,
  });
  return {
    version: await browser.version(),
    async newDriver() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return pageDriver(page, { keyNames: KEY_NAMES, close: () => context.close() });
    },
    close: () => browser.close(),
  };
}
