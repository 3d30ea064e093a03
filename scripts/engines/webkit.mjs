/**
 * WebKit (Safari's engine) as WebKitGTK's MiniBrowser, driven by WebKitWebDriver over classic
 * WebDriver through selenium-webdriver. MiniBrowser has no headless mode: without a DISPLAY an
 * Xvfb server is started for it. Classic WebDriver has no logs, no events and no download event:
 * the test probe (scripts/engines/probe.js) reports errors and CSP violations from inside the page,
 * and downloads are read back through the page (index.mjs).
 */
import { Builder, By, Key, until } from 'selenium-webdriver';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** MiniBrowser, shipped in Debian's libwebkit2gtk-4.1-0 (WEBKIT_MINIBROWSER overrides). */
export function miniBrowserPath() {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  const candidates = [];
  for (const lib of ['/usr/lib', '/usr/libexec']) {
    if (!existsSync(lib)) continue;
    for (const arch of ['', ...readdirSync(lib).filter((name) => name.endsWith('-linux-gnu'))]) {
      for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0'])
        candidates.push(join(lib, arch, api, 'MiniBrowser'));
    }
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('no WebKitGTK MiniBrowser found (Debian: apt-get install libwebkit2gtk-4.1-0)');
  return found;
}

/** A free TCP port on 127.0.0.1 (released again at once, for the driver to take). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a process and resolves once `ready(output)` returns a value (or rejects when it exits). */
function startProcess(command, args, env, ready, what) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk.toString();
      const value = ready(output);
      if (value !== null && value !== undefined) resolve({ child, value });
    };
    for (const stream of [child.stdout, child.stderr, child.stdio[3]]) stream?.on('data', onData);
    child.once('error', (error) => reject(new Error(`${what} could not start: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`${what} exited (code ${code}): ${output.slice(-500)}`)));
  });
}

/** A display for MiniBrowser: $DISPLAY when there is one, else a fresh Xvfb server. */
async function display(viewport) {
  if (process.env.DISPLAY) return { name: process.env.DISPLAY, stop: () => undefined };
  const size = `${viewport.width + 200}x${viewport.height + 300}x24`;
  const { child, value } = await startProcess(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp'],
    process.env,
    (output) => /^(\d+)\s*$/m.exec(output)?.[1] ?? null,
    'Xvfb (Debian: apt-get install xvfb xauth)',
  );
  child.removeAllListeners('exit');
  return { name: `:${value}`, stop: () => child.kill() };
}

/** Resolves once `url` answers (the driver is up); rejects if `child` exits or 20 s pass first. */
async function untilAnswering(url, child) {
  let exited = null;
  child.once('error', (error) => (exited = `could not start (${error.message})`));
  child.once('exit', (code) => (exited = `exited (code ${code})`));
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    if (exited) throw new Error(`WebKitWebDriver ${exited} (Debian: apt-get install webkit2gtk-driver)`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url} within 20 s`);
}

/** Playwright's key names as WebDriver key codes (single characters are sent as they are). */
const KEYS = {
  Space: Key.SPACE,
  Escape: Key.ESCAPE,
  Tab: Key.TAB,
  Enter: Key.ENTER,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
};

/** Runs `fn` (a function, or a script's source) in the page and resolves with its (awaited) result. */
async function evaluateIn(driver, fn, arg) {
  if (typeof fn === 'string') return driver.executeScript(fn);
  const outcome = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     Promise.resolve()
       .then(() => (${fn.toString()})(arguments[0]))
       .then((value) => done({ value: value === undefined ? null : value }),
             (error) => done({ error: String((error && error.stack) || error) }));`,
    arg === undefined ? null : arg,
  );
  if (outcome.error) throw new Error(`in the page: ${outcome.error}`);
  return outcome.value;
}

/** How long a new session (a MiniBrowser starting) may take before the driver is restarted. */
const SESSION_TIMEOUT_MS = 45_000;

/**
 * Starts WebKitWebDriver on a free port in a process group of its own (so its MiniBrowsers can be
 * ended with it); resolves once it answers.
 */
async function startDriver(display) {
  const port = await freePort();
  const child = spawn('WebKitWebDriver', [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display },
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL'); // the driver and the browsers it started
    } catch {
      // already gone
    }
  };
  try {
    await untilAnswering(`http://127.0.0.1:${port}/status`, child);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

/** Resolves with `promise`, or rejects once `ms` pass first. */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Launches WebKitWebDriver (and Xvfb when needed); each page is a new session (a fresh MiniBrowser). */
export async function launchWebkit({ viewport }) {
  const screen = await display(viewport);
  let server;
  try {
    server = await startDriver(screen.name);
  } catch (error) {
    screen.stop();
    throw error;
  }
  const binary = miniBrowserPath();
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary, args: ['--automation'] },
  };
  let version = null;
  /** A new session; a MiniBrowser that does not come up in time restarts the driver, once. */
  const newSession = async () => {
    for (let attempt = 1; ; attempt++) {
      const session = new Builder().usingServer(server.url).withCapabilities(capabilities).build();
      try {
        return await within(session, SESSION_TIMEOUT_MS, 'starting MiniBrowser');
      } catch (error) {
        session.catch(() => undefined); // it may still settle, after the driver is gone
        if (attempt === 2) throw error;
        server.stop();
        server = await startDriver(screen.name);
      }
    }
  };
  return {
    get version() {
      return version;
    },
    async newDriver() {
      const driver = await newSession();
      version ??= `WebKitGTK ${(await driver.getCapabilities()).get('browserVersion')}`;
      await driver.manage().setTimeouts({ script: 180_000, pageLoad: 120_000 });
      await driver.manage().window().setRect({ width: viewport.width, height: viewport.height });
      const find = (selector) => driver.wait(until.elementLocated(By.css(selector)), 30_000);
      return {
        evaluate: (fn, arg) => evaluateIn(driver, fn, arg),
        navigate: (url) => driver.get(url),
        reload: () => driver.navigate().refresh(),
        click: async (selector) => (await find(selector)).click(),
        press: (key) =>
          driver
            .actions({ async: true })
            .sendKeys(KEYS[key] ?? key)
            .perform(),
        download: null,
        close: () => driver.quit(),
      };
    },
    async close() {
      server.stop();
      screen.stop();
    },
  };
}
