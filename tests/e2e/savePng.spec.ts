import { expect, test } from './fixtures';
import { readFile } from 'node:fs/promises';
import { recordForeignRequests, waitForRunState } from './helpers';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (it must be the first chunk). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('Save PNG downloads the plot with its legend and settings as a PNG, made in the page', async ({
  page,
  baseURL,
}, testInfo) => {
  const foreign = recordForeignRequests(page, baseURL ?? '');
  await page.goto('./#estimator=mine,nwj&dim=2&batch=500&steps=60&seed=3&run=1');
  await waitForRunState(page, 'done');
  const button = page.getByTestId('save-png');
  await expect(button).toHaveAccessibleName('Save PNG');
  const downloadPromise = page.waitForEvent('download');
  await button.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('mine-lab_mine+nwj_channel_d2_P3_noise0.2_h10_seed3.png');
  const path = await download.path();
  const bytes = await readFile(path);
  const { width, height } = pngSize(bytes);
  const plot = await page.locator('[data-testid="plot"] svg.recharts-surface').boundingBox();
  if (!plot) throw new Error('no plot');
  console.log(
    `[measured] saved PNG: ${width}×${height}, ${bytes.length} bytes; plot ${plot.width}×${plot.height}`,
  );
  // Twice the plot's CSS size plus margins, legend and settings below it.
  expect(width).toBe(2 * (Math.max(320, Math.round(plot.width)) + 40));
  expect(height).toBeGreaterThan(2 * plot.height + 100);
  expect(height).toBeLessThan(2 * plot.height + 400);
  expect(bytes.length).toBeGreaterThan(20_000);
  await testInfo.attach('saved-plot.png', { path, contentType: 'image/png' });
  expect(foreign).toEqual([]);
});
