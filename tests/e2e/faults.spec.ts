import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFile } from 'node:fs/promises';
import { readNumber, reportMeasurement, waitForRunState, waitForStep } from './helpers';

/** The page's current training worker (the sampler and any earlier, terminated worker aside). */
async function trainingWorker(page: Page): Promise<Worker> {
  await expect
    .poll(() => page.workers().filter((w) => w.url().includes('mine.worker')).length)
    .toBeGreaterThan(0);
  const workers = page.workers().filter((w) => w.url().includes('mine.worker'));
  return workers[workers.length - 1];
}

/** Text of the run's CSV. */
async function csvText(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  return readFile(await (await download).path(), 'utf8');
}

// NWJ's e^(T−1) overflows within a few steps with these settings (measured); MINE trains on.
const WILD = 'power=20&noise=0.01&dim=20&hidden=256&batch=50&lr=0.5';

test.describe('faults the page survives', () => {
  test('an estimator that diverges stops with advice, the others train on, and nothing non-finite is shown', async ({
    page,
  }) => {
    await page.goto(`./#estimator=mine,nwj&${WILD}&steps=60&run=1`);
    await waitForRunState(page, 'done');
    await expect(page.getByTestId('notice')).toContainText(/NWJ \(MINE-f\) diverged at step \d+/);
    await expect(page.getByTestId('notice')).toContainText('lower learning rate');
    await expect(page.getByTestId('estimate-nwj')).toHaveText('diverged');
    expect(Number.isFinite(await readNumber(page, 'estimate-mine'))).toBe(true);
    const csv = await csvText(page);
    expect(csv).not.toMatch(/NaN|Infinity/);
    await expect(page.locator('[data-testid="plot"] path[d*="NaN"]')).toHaveCount(0);
  });

  test('a run whose only estimator diverges ends in the error state, and Reset recovers', async ({
    page,
  }) => {
    await page.goto(`./#estimator=nwj&${WILD}&steps=500&run=1`);
    await waitForRunState(page, 'error');
    await expect(page.getByTestId('notice')).toContainText('diverged');
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('run-state')).toHaveText('idle');
    await page.getByLabel('Learning rate').focus();
    await page.keyboard.press('Home'); // the smallest learning rate
    await page.getByTestId('start-pause').click();
    await waitForStep(page, 20);
    await page.getByTestId('reset').click();
  });

  test('a worker that throws shows an error at once; Reset brings a fresh worker that trains', async ({
    page,
  }) => {
    await page.goto('./#dim=1&batch=500&steps=20000&run=1');
    await waitForStep(page, 10);
    const worker = await trainingWorker(page);
    const thrownAt = Date.now();
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated crash');
      });
    });
    await waitForRunState(page, 'error', 2000);
    reportMeasurement(test.info(), 'error shown after (ms)', Date.now() - thrownAt);
    await expect(page.getByTestId('notice')).toContainText('simulated crash');
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await page.goto('./#dim=1&batch=500&steps=30');
    await page.getByTestId('start-pause').click();
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(30);
  });

  test('a worker that is closed or killed is noticed within a second, and the next Start works', async ({
    page,
  }) => {
    await page.goto('./#dim=1&batch=500&steps=20000&run=1');
    await waitForStep(page, 10);
    const closedAt = Date.now();
    await (await trainingWorker(page)).evaluate(() => self.close()).catch(() => undefined);
    await waitForRunState(page, 'error', 2000);
    reportMeasurement(test.info(), 'death noticed after (ms)', Date.now() - closedAt);
    await expect(page.getByTestId('notice')).toContainText('stopped unexpectedly');
    await page.getByTestId('start-pause').click(); // "Restart"
    await expect(page.getByTestId('run-state')).toHaveText('running');
    await waitForStep(page, 10);
    await page.getByTestId('reset').click();
  });

  test('a lost WebGL context mid-run restarts the run on another backend with a notice', async ({ page }) => {
    await page.goto('./#backend=webgl&dim=1&batch=500&steps=150&run=1');
    await expect(page.getByTestId('backend')).toHaveText('webgl');
    await waitForStep(page, 5);
    const lost = await (
      await trainingWorker(page)
    ).evaluate(() =>
      (
        self as unknown as { mineLabTestHooks: { loseWebglContext(): boolean } }
      ).mineLabTestHooks.loseWebglContext(),
    );
    expect(lost).toBe(true);
    await expect(page.getByTestId('notice')).toContainText('WebGL context was lost');
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(150);
  });

  test('a very slow step keeps the page responsive, says so, and Reset stops it at once', async ({
    page,
  }) => {
    // About 10 s per step on the CPU backend here (measured).
    await page.goto('./#backend=cpu&dim=20&hidden=256&batch=50000&steps=3&run=1');
    await expect(page.getByTestId('slow-step')).toBeVisible({ timeout: 30_000 });
    // The controls still answer while the worker is busy.
    const seed = page.getByLabel('Seed');
    await seed.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('value-seed')).toHaveAttribute('data-value', '2', { timeout: 1000 });
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('run-state')).toHaveText('idle', { timeout: 1000 });
    await expect(page.getByTestId('slow-step')).toHaveCount(0);
    // A fresh worker is ready for the next run.
    await expect(page.getByTestId('backend')).toHaveText('cpu');
  });
});
