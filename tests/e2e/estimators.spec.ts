import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFile } from 'node:fs/promises';
import { readNumber, reportMeasurement, waitForRunState } from './helpers';

/** Downloads the run's CSV and returns its header comments, column names and rows. */
async function downloadCsv(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const lines = (await readFile(await (await download).path(), 'utf8')).trimEnd().split('\n');
  const headerIdx = lines.findIndex((l) => l.startsWith('step,'));
  const columns = lines[headerIdx].split(',');
  const rows = lines.slice(headerIdx + 1).map((l) => l.split(',').map((c) => (c === '' ? NaN : Number(c))));
  return { comments: lines.slice(0, headerIdx), columns, rows };
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

test.describe('estimators and distributions', () => {
  // Gaussian channel, d = 1: true MI 2 bits. Measured (smoothed, 300 steps): mine 1.97, mine-ema
  // 1.97, nwj 1.98, infonce 1.95, smile 1.93.
  for (const estimator of ['mine', 'mine-ema', 'nwj', 'infonce', 'smile']) {
    test(`${estimator} runs from a URL and ends near the true MI`, async ({ page }, testInfo) => {
      await page.goto(`./#estimator=${estimator}&dim=1&batch=2000&steps=300&run=1`);
      await expect(page.getByTestId('estimator')).toHaveAttribute('data-value', estimator);
      await waitForRunState(page, 'done');
      const estimate = await readNumber(page, 'estimate');
      reportMeasurement(testInfo, `${estimator} estimate (bits, truth 2)`, estimate.toFixed(3));
      expect(Math.abs(estimate - 2)).toBeLessThan(0.3);
    });
  }

  // Measured: correlated (ρ = 0.9, d = 2, truth 2.40) 2.30 after 300 steps; cubic (ρ = 0.9, d = 1,
  // truth 1.20) 1.04 after 1000 steps with h = 32: the same MI, learned more slowly.
  for (const [dist, hash, truth, tolerance] of [
    ['correlated', 'dist=correlated&rho=0.9&dim=2&batch=2000&steps=300', -Math.log2(1 - 0.81), 0.3],
    [
      'cubic',
      'dist=cubic&rho=0.9&dim=1&hidden=32&lr=0.003&batch=2000&steps=1000',
      -0.5 * Math.log2(1 - 0.81),
      0.3,
    ],
  ] as const) {
    test(`the ${dist} distribution runs from a URL and ends near its closed-form MI`, async ({ page }) => {
      await page.goto(`./#${hash}&run=1`);
      await expect(page.getByTestId('distribution')).toHaveAttribute('data-value', dist);
      expect(await readNumber(page, 'true-mi')).toBeCloseTo(truth, 10);
      await waitForRunState(page, 'done');
      expect(Math.abs((await readNumber(page, 'estimate')) - truth)).toBeLessThan(tolerance);
    });
  }

  test('the staircase steps the true MI up every S steps, and the estimate follows it up', async ({
    page,
  }) => {
    // Measured (smoothed): 2.65 bits at the end of the first stair (truth 2.89), 5.32 at the end of
    // the second (truth 5.77).
    await page.goto('./#dist=staircase&stair=200&dim=2&batch=2000&steps=400&run=1');
    await expect(page.getByTestId('value-stair')).toHaveAttribute('data-value', '200');
    await expect(page.getByLabel('Signal power P')).toHaveCount(0); // only the sliders that matter
    await waitForRunState(page, 'done');
    const { columns, rows } = await downloadCsv(page);
    expect(columns).toEqual(['step', 'estimate_bits', 'smoothed_bits', 'heldout_bits', 'true_mi_bits']);
    const truth = rows.map((r) => r[4]);
    expect(truth[0]).toBeCloseTo(2 * Math.LOG2E, 5); // 2 nats
    expect(truth[199]).toBeCloseTo(2 * Math.LOG2E, 5);
    expect(truth[200]).toBeCloseTo(4 * Math.LOG2E, 5); // 4 nats from step 201
    const firstStair = mean(rows.slice(160, 200).map((r) => r[1]));
    const secondStair = mean(rows.slice(360, 400).map((r) => r[1]));
    expect(Math.abs(firstStair - 2 * Math.LOG2E)).toBeLessThan(0.4);
    expect(Math.abs(secondStair - 4 * Math.LOG2E)).toBeLessThan(0.8);
    expect(secondStair).toBeGreaterThan(firstStair + 1.5);
  });

  test('InfoNCE never exceeds log2 k, the ceiling drawn on the plot', async ({ page }) => {
    // True MI 6 bits, k = 16: InfoNCE saturates below log2 16 = 4 bits.
    await page.goto('./#estimator=infonce&k=16&batch=2000&steps=300&run=1');
    await expect(page.getByTestId('ceiling-notice')).toContainText('ceiling');
    await expect(page.locator('.ceiling-line')).toHaveCount(1);
    await waitForRunState(page, 'done');
    const { rows } = await downloadCsv(page);
    for (const row of rows) expect(row[1]).toBeLessThanOrEqual(4 + 1e-5);
    expect(await readNumber(page, 'estimate')).toBeGreaterThan(3);
  });

  test('compare mode trains one critic per estimator and draws one line for each', async ({ page }) => {
    await page.goto('./#estimator=mine,nwj,smile&dim=1&batch=1000&steps=200&run=1');
    await expect(page.getByTestId('estimator')).toHaveAttribute('data-value', 'mine,nwj,smile');
    await waitForRunState(page, 'done');
    await expect(page.locator('.curve-smoothed')).toHaveCount(3);
    for (const id of ['mine', 'nwj', 'smile']) {
      await expect(page.getByTestId(`legend-${id}`)).toBeVisible();
      expect(Math.abs((await readNumber(page, `estimate-${id}`)) - 2)).toBeLessThan(0.4);
    }
    expect(await readNumber(page, 'estimate')).toBe(await readNumber(page, 'estimate-mine'));
    const { comments, columns, rows } = await downloadCsv(page);
    expect(comments).toContain('# estimator=mine,nwj,smile');
    expect(columns).toEqual([
      'step',
      'mine_bits',
      'mine_smoothed_bits',
      'mine_heldout_bits',
      'nwj_bits',
      'nwj_smoothed_bits',
      'nwj_heldout_bits',
      'smile_bits',
      'smile_smoothed_bits',
      'smile_heldout_bits',
    ]);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => Number.isFinite(r[3])).map((r) => r[0])).toEqual([
      25, 50, 75, 100, 125, 150, 175, 200,
    ]);
  });

  test('above the ceiling a notice says so, and the preset explains what to watch', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('ceiling-notice')).toHaveCount(0);
    await page.getByTestId('preset-ceiling').click();
    await expect(page.getByTestId('preset-ceiling')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('preset-watch')).toContainText('ceiling');
    await expect(page.getByTestId('ceiling-notice')).toContainText('ceiling');
    await expect(page).toHaveURL(/noise=0\.01&.*batch=256/);
    expect(await readNumber(page, 'true-mi')).toBeGreaterThan(8);
  });

  test('the units toggle shows nats without restarting the run or changing the data', async ({ page }) => {
    await page.goto('./#dim=1&batch=500&steps=20000&run=1');
    await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(20);
    await page.getByLabel('Units', { exact: true }).selectOption('nats');
    await expect(page.getByTestId('true-mi')).toContainText((2 * Math.LN2).toFixed(2));
    await expect(page.getByTestId('run-state')).toHaveText('running');
    expect(await readNumber(page, 'step')).toBeGreaterThan(20); // not restarted
    expect(await readNumber(page, 'true-mi')).toBe(2); // data-value stays in bits
    await page.getByTestId('reset').click();
  });
});
