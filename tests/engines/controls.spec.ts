/** Keyboard shortcuts, presentation mode and the two downloads, in every engine. */
import { expect, runCsv, test } from './fixtures';

test('shortcuts: S steps, Space resumes and pauses, R resets, P presents, ? opens the overlay', async ({
  app,
}) => {
  await app.open('#dim=1&batch=500&steps=20000');
  await app.waitForBackend();
  await app.press('s');
  await app.waitForStep(1);
  await app.waitForState('paused');
  await app.press('S');
  await app.waitForStep(2);
  expect(await app.number('step')).toBe(2);
  await app.press('Space');
  await app.waitForState('running');
  await app.waitForStep(10);
  await app.press('Space');
  await app.waitForState('paused');
  await app.press('r');
  await app.waitForState('idle');
  expect(await app.number('step')).toBe(0);
  expect(await app.evaluate(() => window.scrollY)).toBe(0); // Space did not scroll the page

  await app.press('p');
  await app.waitFor(
    () => document.querySelector('[data-testid="presentation"]')?.getAttribute('aria-pressed') === 'true',
  );
  expect(
    await app.evaluate(() => document.querySelector('[data-testid="app"]')?.classList.contains('presenting')),
  ).toBe(true);
  await app.press('P');
  await app.waitFor(
    () => document.querySelector('[data-testid="presentation"]')?.getAttribute('aria-pressed') === 'false',
  );

  await app.press('?');
  await app.waitFor(
    () => (document.querySelector('[data-testid="shortcuts"]') as HTMLDialogElement | null)?.open === true,
  );
  await app.press('Escape');
  await app.waitFor(
    () => (document.querySelector('[data-testid="shortcuts"]') as HTMLDialogElement | null)?.open === false,
  );
});

test('presentation mode by its button: large type, the lecture controls, and present=1 in the URL', async ({
  app,
}) => {
  await app.open('#dim=1&batch=300&steps=50&run=1');
  await app.waitForState('done');
  await app.click('presentation');
  await app.waitFor(
    () => document.querySelector('[data-testid="app"]')?.classList.contains('presenting') === true,
  );
  expect(await app.attribute('presentation', 'aria-pressed')).toBe('true');
  expect(await app.evaluate(() => location.hash)).toContain('present=1');
  const hidden = await app.evaluate(
    () => getComputedStyle(document.querySelector('footer') as Element).display,
  );
  expect(hidden).toBe('none');
  await app.click('presentation');
  await app.waitFor(
    () => !document.querySelector('[data-testid="app"]')?.classList.contains('presenting') === true,
  );
  expect(await app.evaluate(() => location.hash)).not.toContain('present=1');
});

test('Download CSV gives one row per step, the same numbers as Chromium', async ({ app, chromium }) => {
  const hash = '#dim=2&batch=500&steps=40&seed=3&run=1';
  await app.open(hash);
  await app.waitForState('done');
  const estimate = await app.number('estimate');
  const { fileName, text } = await runCsv(app);
  expect(fileName).toBe('mine-lab_mine_channel_d2_P3_noise0.2_h10_seed3.csv');
  const lines = text.trimEnd().split('\n');
  expect(lines).toContain('# backend=wasm');
  const header = lines.indexOf('step,estimate_bits,smoothed_bits,heldout_bits');
  const rows = lines.slice(header + 1).map((line) => line.split(','));
  expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  expect(Number(rows[39][2])).toBeCloseTo(estimate, 5);
  expect(text).toBe(await chromium.csv(hash));
});

test('Save PNG gives the plot as a PNG drawn in the page', async ({ app }) => {
  await app.open('#estimator=mine,nwj&dim=2&batch=500&steps=60&seed=3&run=1');
  await app.waitForState('done');
  const { fileName, bytes } = await app.download('save-png');
  expect(fileName).toBe('mine-lab_mine+nwj_channel_d2_P3_noise0.2_h10_seed3.png');
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  const plotWidth = await app.evaluate(
    () =>
      (document.querySelector('[data-testid="plot"] svg.recharts-surface') as Element).getBoundingClientRect()
        .width,
  );
  // Twice the plot's CSS size plus margins (see src/components/export/plotImage.ts).
  expect(bytes.readUInt32BE(16)).toBe(2 * (Math.max(320, Math.round(plotWidth)) + 40));
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(400);
  console.log(
    `[measured] ${app.engine} PNG: ${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}, ${bytes.length} bytes`,
  );
});
