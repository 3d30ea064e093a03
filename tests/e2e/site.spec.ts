import { expect, test } from './fixtures';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILT_SITE } from './staticServer';
import { readNumber, recordForeignRequests, TEST_HOOK_PATTERN, waitForRunState } from './helpers';

test('the URL hash round-trips a configuration through the sliders and a reload', async ({ page }) => {
  await page.goto('./#power=5&noise=0.5&dim=4&hidden=32&lr=0.003&batch=1000&steps=200&seed=7');
  const expected = { power: 5, noise: 0.5, dim: 4, hidden: 32, lr: 0.003, batch: 1000, steps: 200, seed: 7 };
  for (const [key, value] of Object.entries(expected)) {
    await expect(page.getByTestId(`value-${key}`)).toHaveAttribute('data-value', String(value));
  }
  expect(await readNumber(page, 'true-mi')).toBeCloseTo(2 * Math.log2(1 + 5 / 0.5), 12);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(page.getByTestId('run-state')).toHaveText('idle');

  const dim = page.getByLabel('Dimension d');
  await dim.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/dim=3/);
  await page.reload();
  await expect(page.getByTestId('value-dim')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('value-seed')).toHaveAttribute('data-value', '7');
  await expect(page.getByLabel('Dimension d')).toHaveValue('3');

  // The shareable link carries the same settings plus run=1, and starts training when opened.
  const link = await page.getByTestId('copy-link').getAttribute('data-link');
  expect(link).toMatch(/&power=5&noise=0\.5&dim=3&hidden=32&lr=0\.003&batch=1000&steps=200&seed=7&.*run=1$/);
  await page.goto(link ?? '');
  await expect(page.getByTestId('run-state')).not.toHaveText('idle');
  await expect(page.getByTestId('value-dim')).toHaveAttribute('data-value', '3');
});

test('bad or unknown URL values fall back to defaults with a notice naming each', async ({ page }) => {
  await page.goto('./#noise=0&dim=abc&colour=blue&hidden=64');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('noise="0"');
  await expect(notice).toContainText('dim="abc"');
  await expect(notice).toContainText('"colour"');
  await expect(page.getByTestId('value-noise')).toHaveAttribute('data-value', '0.2');
  await expect(page.getByTestId('value-dim')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('value-hidden')).toHaveAttribute('data-value', '64');
  await expect(page).toHaveURL(/noise=0\.2&dim=3&hidden=64/);
});

test('Download CSV exports one row per step with the settings in the header', async ({ page }) => {
  await page.goto('./#dim=2&batch=500&steps=40&seed=3&run=1');
  await waitForRunState(page, 'done');
  const estimate = await readNumber(page, 'estimate');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('mine-lab_mine_channel_d2_P3_noise0.2_h10_seed3.csv');
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.trimEnd().split('\n');
  expect(lines).toContain('# dim=2');
  expect(lines).toContain('# batch=500');
  expect(lines).toContain('# backend=wasm');
  const header = lines.indexOf('step,estimate_bits,smoothed_bits,heldout_bits');
  expect(header).toBeGreaterThan(0);
  const rows = lines.slice(header + 1).map((line) => line.split(','));
  expect(rows).toHaveLength(40);
  expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  for (const row of rows) expect(row.slice(0, 3).map(Number).every(Number.isFinite)).toBe(true);
  // Held out every 25 steps (the default): after step 25 only.
  expect(rows.filter((r) => r[3] !== '').map((r) => r[0])).toEqual(['25']);
  expect(Number.isFinite(Number(rows[24][3]))).toBe(true);
  expect(Number(rows[39][2])).toBeCloseTo(estimate, 5);
});

test('the site loads from a sub-path and requests nothing outside its own origin and path', async ({
  page,
  baseURL,
}) => {
  const foreign = recordForeignRequests(page, baseURL ?? '');
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  const response = await page.goto('./#steps=5&batch=200&run=1');
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/mine-lab/');
  await waitForRunState(page, 'done');
  expect(foreign).toEqual([]);
  expect(failed).toEqual([]);
});

test('every slider is a labelled, keyboard-operable input', async ({ page }) => {
  await page.goto('./');
  const labels = [
    'Signal power P',
    'Noise variance σ²',
    'Dimension d',
    'Hidden units h',
    'Learning rate',
    'Batch size N',
    'Training steps',
    'Seed',
  ];
  for (const label of labels) {
    const slider = page.getByLabel(label);
    await expect(slider).toHaveAttribute('type', 'range');
    await expect(slider).toHaveAttribute('aria-valuetext', /.+/);
  }
  await page.getByLabel('Learning rate').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('value-lr')).toHaveAttribute('data-value', '0.015');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('value-lr')).toHaveAttribute('data-value', '0.007');
});

test('the built site carries no test hook: nothing in its scripts that only tests would call', async () => {
  const assets = join(BUILT_SITE, 'assets');
  const scripts = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(3);
  const hooked: string[] = [];
  for (const file of scripts) {
    const text = await readFile(join(assets, file), 'utf8');
    if (TEST_HOOK_PATTERN.test(text)) hooked.push(file);
  }
  expect(hooked).toEqual([]);
});
