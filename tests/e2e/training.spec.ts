import { PLOT_POINT_BUDGET } from '../../src/store/runResults';
import { expect, test } from './fixtures';
import { readFile } from 'node:fs/promises';
import {
  readNumber,
  recordForeignRequests,
  reportMeasurement,
  waitForRunState,
  waitForStep,
} from './helpers';

test.describe('training in the worker', () => {
  test('runs the reference configuration on the automatic backend and ends near the true 6 bits', async ({
    page,
    baseURL,
  }, testInfo) => {
    const foreign = recordForeignRequests(page, baseURL ?? '');
    await page.goto('./#run=1');
    // SwiftShader is a software renderer: the automatic choice is WebAssembly, and the page says why.
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await expect(page.getByTestId('backend')).toHaveAttribute(
      'data-reason',
      /software renderer \(.*SwiftShader/,
    );
    await expect(page.getByTestId('backend')).toHaveAttribute('data-adam-epsilon', '1e-8');
    await expect(page.getByTestId('notice')).toHaveCount(0);
    expect(await readNumber(page, 'true-mi')).toBe(6);

    await waitForRunState(page, 'done', 170_000);
    expect(await readNumber(page, 'step')).toBe(500);
    const estimateBits = await readNumber(page, 'estimate');
    const stepsPerSecond = Number(
      await page.getByTestId('steps-per-second').getAttribute('data-run-average'),
    );
    reportMeasurement(testInfo, 'default-config estimate (bits)', estimateBits.toFixed(3));
    reportMeasurement(testInfo, 'default-config steps/s (wasm)', stepsPerSecond.toFixed(1));
    // The DV estimate approaches the truth from below. A seeded run is deterministic on WebAssembly
    // (5.73 bits here); the reference script's PyTorch runs end at 5.75 and 5.77 bits (seeds 1, 2).
    // 0.1 bits allows for other CPUs' summation order, not for a different result.
    expect(Math.abs(estimateBits - 5.75)).toBeLessThan(0.1);
    expect(stepsPerSecond).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });

  test('a short low-dimensional run finishes within 0.25 bits of its true MI', async ({ page }) => {
    await page.goto('./#dim=1&power=3&noise=0.2&batch=2000&steps=300&seed=2&run=1');
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    expect(await readNumber(page, 'true-mi')).toBe(2);
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(300);
    expect(Math.abs((await readNumber(page, 'estimate')) - 2)).toBeLessThan(0.25);
  });

  test('Step, Pause, Resume and Reset drive the run', async ({ page }, testInfo) => {
    await page.goto('./#batch=500&steps=5000');
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await expect(page.getByTestId('run-state')).toHaveText('idle');

    await page.getByTestId('step-once').click();
    await waitForStep(page, 1);
    await page.getByTestId('step-once').click();
    await waitForStep(page, 2);
    await expect(page.getByTestId('run-state')).toHaveText('paused');
    expect(await readNumber(page, 'step')).toBe(2);

    await page.getByTestId('start-pause').click(); // Resume
    await expect(page.getByTestId('run-state')).toHaveText('running');
    await waitForStep(page, 30);
    await page.getByTestId('start-pause').click(); // Pause
    const pausedAtMs = Date.now();
    await expect(page.getByTestId('run-state')).toHaveText('paused');
    // Steps already queued on the GPU still arrive; then the count must stop for good.
    let lastCount = -1;
    let lastChangeMs = Date.now();
    await expect
      .poll(
        async () => {
          const count = await readNumber(page, 'step');
          if (count !== lastCount) [lastCount, lastChangeMs] = [count, Date.now()];
          return Date.now() - lastChangeMs;
        },
        { timeout: 20_000, intervals: [100] },
      )
      .toBeGreaterThan(1500);
    reportMeasurement(testInfo, 'pause: last step arrived after (ms)', lastChangeMs - pausedAtMs);
    await page.waitForTimeout(1000);
    expect(await readNumber(page, 'step')).toBe(lastCount);
    await expect(page.getByTestId('run-state')).toHaveText('paused');

    await page.getByTestId('reset').click();
    await expect(page.getByTestId('run-state')).toHaveText('idle');
    expect(await readNumber(page, 'step')).toBe(0);
  });

  test('moving a slider during a run restarts training with the new setting', async ({ page }) => {
    await page.goto('./#batch=500&steps=20000&noise=0.2&run=1');
    await waitForStep(page, 60);
    const trueBefore = await readNumber(page, 'true-mi');

    const noise = page.getByLabel('Noise variance σ²');
    await noise.focus();
    await page.keyboard.press('ArrowRight'); // next tick: 0.2 → 0.3
    // The old run's plot is cleared at once (before the new run, 300 ms later, could reach step 60).
    await expect.poll(() => readNumber(page, 'step')).toBeLessThan(60);
    await expect(page.getByTestId('value-noise')).toHaveAttribute('data-value', '0.3');
    await expect(page).toHaveURL(/noise=0\.3/);
    expect(await readNumber(page, 'true-mi')).toBeCloseTo(1.5 * Math.log2(1 + 3 / 0.3), 12);
    expect(await readNumber(page, 'true-mi')).not.toBe(trueBefore);
    // The new run counts from its first step.
    await waitForStep(page, 20);
    await expect(page.getByTestId('run-state')).toHaveText('running');

    // The new run's data really carries the new setting.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const text = await readFile(await (await download).path(), 'utf8');
    expect(text).toContain('# noise=0.3\n');
    const rows = text.split('\n').filter((line) => /^\d+,/.test(line));
    expect(rows[0].startsWith('1,')).toBe(true);
    await page.getByTestId('reset').click();
  });

  test('a 10,000-step run keeps every step but draws a bounded number of points', async ({
    page,
  }, testInfo) => {
    await page.goto('./#dim=1&batch=100&hidden=4&steps=10000&run=1');
    await waitForStep(page, 1500, 120_000);
    await page.getByTestId('start-pause').click();
    await expect(page.getByTestId('run-state')).toHaveText('paused');
    await page.waitForTimeout(300);
    const steps = await readNumber(page, 'step');
    const drawn = Number(await page.getByTestId('plot').getAttribute('data-points'));
    reportMeasurement(testInfo, 'steps kept / points drawn', `${steps} / ${drawn}`);
    // Everything drawn (curves, held-out markers, the true-MI line) stays within the budget however
    // long the run. Buckets merge in pairs when full, so between half and all of them are in use:
    // at least a quarter of the budget is drawn.
    expect(drawn).toBeLessThanOrEqual(PLOT_POINT_BUDGET);
    expect(drawn).toBeGreaterThanOrEqual(PLOT_POINT_BUDGET / 4);
    // One path each: the per-step line, its moving average, the held-out markers and the true MI.
    for (const curve of ['curve-raw', 'curve-smoothed', 'heldout', 'truth-line'])
      await expect(page.locator(`path.${curve}`)).toHaveCount(1);

    // Every step is kept: the CSV has one row per step received, numbered 1…steps.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const rows = (await readFile(await (await download).path(), 'utf8'))
      .split('\n')
      .filter((l) => /^\d+,/.test(l));
    expect(rows).toHaveLength(steps);
    expect(rows[steps - 1].startsWith(`${steps},`)).toBe(true);
  });
});
