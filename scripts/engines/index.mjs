/* global location */
/**
 * The engine adapter: one way to drive the built site in Chromium, Firefox and WebKit, used by the
 * cross-engine suite (tests/engines/) and `npm run bench -- --engine`. Every engine quirk lives in
 * this folder: how each browser is launched and driven (chromium.mjs: Playwright; firefox.mjs:
 * puppeteer-core over WebDriver BiDi; webkit.mjs: selenium-webdriver over classic WebDriver), how
 * downloads are read where a driver has no download event, and how problems are seen where a
 * driver has no logs (the test probe, scripts/engines/probe.js, which the test server puts ahead
 * of every script). Callers see one EnginePage and find everything by data-testid.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { launchChromium } from './chromium.mjs';
import { launchFirefox } from './firefox.mjs';
import {
  captureDownloads,
  countSelector,
  hasAxe,
  probeProblems,
  readCapturedDownload,
  runAxe,
  testIdAttribute,
  testIdText,
} from './pageScripts.mjs';
import { launchWebkit } from './webkit.mjs';

/** @typedef {'chromium' | 'firefox' | 'webkit'} EngineName */

/** The engines, in the order suites and the bench run them. */
export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

/** The viewport every engine's pages get: the e2e suite's. */
export const VIEWPORT = { width: 1400, height: 1000 };

/**
 * What differs between the engines in ways a case must expect, as measured here: WebKitGTK 2.50
 * fires no `securitypolicyviolation` event in workers (and sends no report from them), so a
 * violation there shows only by its effect (e.g. a backend that could not start).
 */
export const ENGINE_TRAITS = {
  chromium: { workerCspEvents: true },
  firefox: { workerCspEvents: true },
  webkit: { workerCspEvents: false },
};

const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebkit };

/** The CSS selector of the element with data-testid `testId`. */
export const byTestId = (testId) => `[data-testid="${testId}"]`;

/**
 * @typedef {object} Download
 * @property {string} fileName  the name the page offered it under
 * @property {Buffer} bytes
 */

/**
 * @typedef {object} AxeViolation
 * @property {string} id
 * @property {string | null} impact
 * @property {string} help
 * @property {string[]} targets
 */

/**
 * @typedef {object} EnginePage  a page of one engine; every call waits for the driver's answer
 * @property {EngineName} engine
 * @property {(url: string) => Promise<void>} goto  a full load of `url` (about:blank first, never a hash change)
 * @property {() => Promise<void>} reload
 * @property {<T, A>(fn: (arg: A) => T | Promise<T>, arg?: A) => Promise<T>} evaluate  runs a self-contained function in the page
 * @property {(testId: string, name: string) => Promise<string | null>} attribute
 * @property {(testId: string) => Promise<string | null>} text
 * @property {(selector: string) => Promise<number>} count  elements matching a CSS selector
 * @property {(testId: string) => Promise<void>} click  a real click, as a user's
 * @property {(key: string) => Promise<void>} press  a key, by Playwright's name ('Space', 'Escape', 's', '?')
 * @property {(testId: string) => Promise<Download>} download  clicks and returns what the page offered
 * @property {(tags: string[]) => Promise<AxeViolation[]>} axe  axe-core's violations for the rule tags
 * @property {<A>(fn: (arg: A) => boolean | Promise<boolean>, arg?: A, timeoutMs?: number, what?: string) => Promise<void>} waitFor  polls `fn` in the page until it is true (a boolean: drivers cannot all return elements)
 * @property {() => Promise<string[]>} problems  everything the probe saw in every document so far
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {object} EngineBrowser
 * @property {EngineName} name
 * @property {string} version
 * @property {() => Promise<EnginePage>} newPage  a page with fresh storage (no service worker, no cache)
 * @property {() => Promise<void>} close
 */

let axeSource = null;

const require = createRequire(import.meta.url);

/** axe-core's browser build, read once. */
async function axeScript() {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Resolves after `ms` milliseconds. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page API over one driver (see chromium.mjs for the driver's shape). */
function enginePage(engine, driver) {
  /** Problems of documents already left (the probe's list goes with its document). */
  const earlier = [];
  const harvest = async () => {
    try {
      earlier.push(...(await driver.evaluate(probeProblems)));
    } catch {
      // about:blank, or a page already gone: nothing recorded there
    }
  };
  const onSite = () => driver.evaluate(() => location.protocol === 'http:' || location.protocol === 'https:');

  /** @type {EnginePage} */
  const page = {
    engine,
    async goto(url) {
      if (await onSite().catch(() => false)) await harvest();
      await driver.navigate('about:blank');
      await driver.navigate(url);
    },
    async reload() {
      await harvest();
      await driver.reload();
    },
    evaluate: (fn, arg) => driver.evaluate(fn, arg),
    attribute: (testId, name) => driver.evaluate(testIdAttribute, { testId, name }),
    text: (testId) => driver.evaluate(testIdText, testId),
    count: (selector) => driver.evaluate(countSelector, selector),
    async click(testId) {
      await page.waitFor(countSelector, byTestId(testId), 30_000, `an element ${byTestId(testId)}`);
      await driver.click(byTestId(testId));
    },
    press: (key) => driver.press(key),
    async download(testId) {
      if (driver.download) return driver.download(byTestId(testId));
      await driver.evaluate(captureDownloads);
      await driver.click(byTestId(testId));
      let offered = null;
      for (const deadline = Date.now() + 30_000; !offered && Date.now() < deadline; await sleep(100))
        offered = await driver.evaluate(readCapturedDownload);
      if (!offered) throw new Error(`clicking ${testId} offered no download within 30 s`);
      return { fileName: offered.fileName, bytes: Buffer.from(offered.base64, 'base64') };
    },
    async axe(tags) {
      if (!(await driver.evaluate(hasAxe))) await driver.evaluate(await axeScript());
      return driver.evaluate(runAxe, tags);
    },
    async waitFor(fn, arg, timeoutMs = 60_000, what = 'the condition') {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (await driver.evaluate(fn, arg)) return;
        if (Date.now() > deadline) throw new Error(`${engine}: ${what} did not hold within ${timeoutMs} ms`);
        await sleep(100);
      }
    },
    async problems() {
      const current = (await onSite().catch(() => false)) ? await driver.evaluate(probeProblems) : [];
      return [...earlier, ...current];
    },
    close: () => driver.close(),
  };
  return page;
}

/**
 * Launches one engine's browser (headless where it can be; WebKit under Xvfb when there is no
 * display). Throws with the package to install when the browser or its driver is missing.
 * @param {EngineName} name
 * @returns {Promise<EngineBrowser>}
 */
export async function launchEngine(name) {
  const launch = LAUNCHERS[name];
  if (!launch) throw new Error(`unknown engine "${name}" (one of ${ENGINES.join(', ')})`);
  const browser = await launch({ viewport: VIEWPORT });
  return {
    name,
    get version() {
      return browser.version;
    },
    newPage: async () => enginePage(name, await browser.newDriver()),
    close: () => browser.close(),
  };
}
