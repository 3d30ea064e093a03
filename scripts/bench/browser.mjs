/* global window, document, MutationObserver */
/**
 * The bench's browsers: headless Chromium through Playwright (with the long-task and heap probes),
 * or any engine through the engine adapter (scripts/engines/); one training run per fresh page.
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumArgs } from '../engines/chromium.mjs';

/** The viewport of every run: the e2e tests' size, with the plot visible. */
export const VIEWPORT = { width: 1400, height: 1000 };

/** The browser binary: an explicit path, else Debian's /usr/bin/chromium, else chromium on the PATH, else Playwright's own. */
export function chromiumPath(explicit) {
  if (explicit) return explicit;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Launches headless Chromium with software WebGL (SwiftShader), as the e2e tests do. */
export function launchBrowser(executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    // run.mjs handles signals itself: it stops the server and the reference before exiting.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: chromiumArgs(),
  });
}

/**
 * Runs in the page before its own scripts: records long tasks, every change of the step readout
 * (page clock, ms since navigation start) and of the run state into `window.__bench`.
 */
function installProbes() {
  const bench = { longTasks: [], longTaskError: null, steps: [], states: [], firstStepMs: null, endMs: null };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        bench.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    bench.longTaskError = String(error);
  }
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      const element = record.target;
      const value = element.getAttribute('data-value');
      const id = element.getAttribute('data-testid');
      if (id === 'step' && Number(value) > 0) {
        bench.steps.push([now, Number(value)]);
        if (bench.firstStepMs === null) bench.firstStepMs = now;
      } else if (id === 'run-state') {
        bench.states.push([now, value]);
        if ((value === 'done' || value === 'error') && bench.endMs === null) bench.endMs = now;
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-value'] });
}

/** Every readout the bench uses, as raw attribute strings (null when the element or attribute is absent). */
function readAttributes() {
  const attr = (testId, name) =>
    document.querySelector(`[data-testid="${testId}"]`)?.getAttribute(name) ?? null;
  return {
    nowMs: performance.now(),
    state: attr('run-state', 'data-value'),
    step: attr('step', 'data-value'),
    firstStepMs: attr('step', 'data-first-step-ms'),
    runAverage: attr('steps-per-second', 'data-run-average'),
    smoothed: attr('steps-per-second', 'data-value'),
    backend: attr('backend', 'data-value'),
    backendReason: attr('backend', 'data-reason'),
    tensors: attr('tensor-count', 'data-value'),
    tensorBytes: attr('tensor-count', 'data-bytes'),
    estimate: attr('estimate', 'data-value'),
    trueMi: attr('true-mi', 'data-value'),
    notices: [...document.querySelectorAll('[data-testid="notice"]')].map((n) =>
      (n.textContent ?? '').replace(/×\s*$/, '').trim(),
    ),
  };
}

/** A readout attribute as a number, or null when it is absent, empty or not a number. */
function num(raw) {
  if (raw === null || raw === undefined || raw === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** Reads the readouts (numbers parsed; null = not shown by this build) and the probes' log. */
export async function readPage(page) {
  const [raw, probes] = await Promise.all([
    page.evaluate(readAttributes),
    page.evaluate(() => window.__bench),
  ]);
  const runAverage = num(raw.runAverage);
  const smoothed = num(raw.smoothed);
  const firstStepAttr = num(raw.firstStepMs);
  const steps = probes?.steps ?? [];
  const [first, last] = [steps[0], steps[steps.length - 1]];
  return {
    state: raw.state,
    step: num(raw.step),
    stepsPerS: runAverage ?? smoothed,
    stepsPerSSource: runAverage !== null ? 'run-average' : smoothed !== null ? 'smoothed' : null,
    runAverage,
    smoothed,
    // Page-observed rate after the first result (so without start-up and first-step compilation).
    steadyStepsPerS:
      first && last && last[1] > first[1] && last[0] > first[0]
        ? ((last[1] - first[1]) * 1000) / (last[0] - first[0])
        : null,
    backendUsed: raw.backend,
    backendReason: raw.backendReason,
    tensors: num(raw.tensors),
    tensorBytes: num(raw.tensorBytes),
    estimateBits: num(raw.estimate),
    trueMiBits: num(raw.trueMi),
    firstStepMs: firstStepAttr ?? probes?.firstStepMs ?? null,
    firstStepSource:
      firstStepAttr !== null ? 'data-first-step-ms' : probes?.firstStepMs != null ? 'observer' : null,
    observedFirstStepMs: probes?.firstStepMs ?? null,
    endMs: probes?.endMs ?? null,
    readAtMs: raw.nowMs,
    notices: raw.notices,
    longTasks: probes?.longTasks ?? null,
    longTaskError: probes?.longTaskError ?? null,
  };
}

/** In the page: whether the run ended, or (with a target) at least `target` steps have arrived. */
function runReached(target) {
  const state = document.querySelector('[data-testid="run-state"]')?.getAttribute('data-value');
  if (state === 'done' || state === 'error') return true;
  if (target === null) return false;
  const value = Number(document.querySelector('[data-testid="step"]')?.getAttribute('data-value'));
  return value >= target;
}

/** Resolves once the page has received `step` steps or the run ended; false when `timeoutMs` passed first. */
async function waitFor(page, step, timeoutMs) {
  try {
    await page.waitForFunction(runReached, step, { timeout: Math.max(1, timeoutMs), polling: 200 });
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return false;
    throw error;
  }
}

/** Marks a read run as ok, or as failed when it ended in the error state (with its notices). */
function settle(result) {
  if (result.state === 'error') {
    result.error = `the run ended in the error state${result.notices.length ? `: ${result.notices.join(' | ')}` : ''}`;
  } else {
    result.ok = true;
  }
}

/** Runs `url` in a fresh context to the end of the run (or `capS` s of training) and returns the readouts; never throws. */
export async function runPage(browser, url, { capS, loadTimeoutS, hooks = {} }) {
  // hooks.setup(page) runs before navigation; hooks.checkpoint = { step, read(page, setup) } once the
  // step count reaches `step`; hooks.atEnd(page, setup) after the run. A fresh context is a fresh worker.
  const startedAt = Date.now();
  const result = { url, ok: false, error: null, capped: false, pageErrors: [] };
  let context = null;
  try {
    context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    const noteError = (text) => result.pageErrors.length < 10 && result.pageErrors.push(text.slice(0, 500));
    page.on('pageerror', (error) => noteError(`pageerror: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && noteError(`console: ${message.text()}`));
    page.on('crash', () => noteError('the page crashed'));
    const setup = hooks.setup ? await hooks.setup(page) : null;

    await page.goto(url, { waitUntil: 'load', timeout: loadTimeoutS * 1000 });
    if (!(await waitFor(page, 1, loadTimeoutS * 1000))) {
      throw new Error(`no training step within ${loadTimeoutS} s of loading`);
    }
    const deadline = Date.now() + capS * 1000;
    if (hooks.checkpoint) {
      if (await waitFor(page, hooks.checkpoint.step, deadline - Date.now())) {
        result.checkpoint = await hooks.checkpoint.read(page, setup);
      }
    }
    result.capped = !(await waitFor(page, null, deadline - Date.now()));
    Object.assign(result, await readPage(page));
    if (hooks.atEnd) result.end = await hooks.atEnd(page, setup);
    settle(result);
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    result.wallS = (Date.now() - startedAt) / 1000;
    await context?.close().catch(() => {});
  }
  return result;
}

/**
 * Runs `url` in a fresh page of another engine (an EngineBrowser of scripts/engines/) to the end of
 * the run or `capS` s of training, and returns the same readouts as runPage (without the probes a
 * Chromium init script adds: long tasks, the page-observed rate); never throws.
 */
export async function runEnginePage(engineBrowser, url, { capS, loadTimeoutS }) {
  const startedAt = Date.now();
  const result = { url, ok: false, error: null, capped: false, pageErrors: [] };
  let page = null;
  /** Whether the run reached `target` steps (null: its end) within `timeoutMs`. */
  const reached = (target, timeoutMs) =>
    page.waitFor(runReached, target, Math.max(1, timeoutMs)).then(
      () => true,
      (error) => {
        if (error instanceof Error && error.message.includes('did not hold')) return false;
        throw error;
      },
    );
  try {
    page = await engineBrowser.newPage();
    await page.goto(url);
    if (!(await reached(1, loadTimeoutS * 1000)))
      throw new Error(`no training step within ${loadTimeoutS} s of loading`);
    result.capped = !(await reached(null, capS * 1000));
    Object.assign(result, await readPage(page));
    settle(result);
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    result.wallS = (Date.now() - startedAt) / 1000;
    await page?.close().catch(() => {});
  }
  return result;
}
