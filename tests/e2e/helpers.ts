import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

/** The full-precision number a readout carries in its data-value attribute. */
export async function readNumber(page: Page, testId: string): Promise<number> {
  const raw = await page.getByTestId(testId).getAttribute('data-value');
  if (raw === null || raw === '') throw new Error(`${testId} has no value yet`);
  return Number(raw);
}

/** Waits until the run-state readout shows `state`. */
export async function waitForRunState(page: Page, state: string, timeoutMs = 150_000): Promise<void> {
  // By its data-value: the text is in the page's language.
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-value', state, { timeout: timeoutMs });
}

/** Waits until at least `count` steps have been received. */
export async function waitForStep(page: Page, count: number, timeoutMs = 60_000): Promise<void> {
  await expect.poll(() => readNumber(page, 'step'), { timeout: timeoutMs }).toBeGreaterThanOrEqual(count);
}

/** Records every request the page (and its worker) makes outside `allowedPrefix`. */
export function recordForeignRequests(page: Page, allowedPrefix: string): string[] {
  const foreign: string[] = [];
  page.context().on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(allowedPrefix) && !url.startsWith('blob:') && !url.startsWith('data:'))
      foreign.push(url);
  });
  return foreign;
}

/** Attaches a measured number to the test report (measurements, never thresholds). */
export function reportMeasurement(testInfo: TestInfo, name: string, value: number | string): void {
  testInfo.annotations.push({ type: name, description: String(value) });
  console.log(`[measured] ${name}: ${value}`);
}

/**
 * Waits until the page has rendered everything the events before this call caused (two animation
 * frames): a check that nothing changed, made after it with a plain read, cannot pass merely
 * because the change had not rendered yet (as an auto-retrying assertion can).
 */
export async function settleFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** The text a test id shows right now (no retrying). */
export async function textNow(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).textContent();
}

/** The value of an attribute of a test id right now (no retrying). */
export async function attributeNow(page: Page, testId: string, name: string): Promise<string | null> {
  return page.getByTestId(testId).getAttribute(name);
}

/**
 * What only a build with test hooks contains: hook names, and the parameters a test build reads to
 * pretend a renderer or a slow backend (protocol/simulation.ts).
 */
export const TEST_HOOK_PATTERN = /mineLabTest|TestHooks|__test__|simulate-renderer|simulate-slow/i;

/** What the first screen holds and whether anything sticks out sideways. */
export async function firstScreen(page: Page) {
  const box = async (testId: string) => {
    const found = await page.getByTestId(testId).boundingBox();
    if (!found) throw new Error(`${testId} has no box`);
    return found;
  };
  return {
    coarse: await page.evaluate(() => window.matchMedia('(pointer: coarse)').matches),
    scroll: await page.evaluate(() => ({
      y: window.scrollY,
      width: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    })),
    plot: await box('plot'),
    start: await box('start-pause'),
    trueMi: await box('true-mi'),
    estimate: await box('estimate'),
    step: await box('step'),
  };
}
