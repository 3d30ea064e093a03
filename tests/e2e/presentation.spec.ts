import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { waitForRunState } from './helpers';

/** The drawn stroke width of the first smoothed curve. */
async function smoothedStrokeWidth(page: Page): Promise<number> {
  return Number(await page.locator('path.curve-smoothed').first().getAttribute('stroke-width'));
}

test.describe('presentation mode', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the toggle enlarges type and lines, keeps only the lecture controls, and goes in the URL', async ({
    page,
  }) => {
    await page.goto('./#dim=1&batch=500&steps=40&run=1');
    await waitForRunState(page, 'done');
    const toggle = page.getByTestId('presentation');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle).toHaveAccessibleName('Presentation mode');
    const normalWidth = await smoothedStrokeWidth(page);
    const normalFont = await page
      .getByTestId('app')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('app')).toHaveClass(/presenting/);
    await expect(page).toHaveURL(/&present=1$/);
    // Fullscreen where allowed (the click is a user gesture).
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    expect(await smoothedStrokeWidth(page)).toBeGreaterThanOrEqual(2 * normalWidth);
    const font = await page.getByTestId('app').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(font).toBeGreaterThanOrEqual(1.2 * normalFont);
    const tickFont = await page
      .locator('.recharts-cartesian-axis-tick-value')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(tickFont).toBeGreaterThanOrEqual(18);

    // What stays: presets, the main sliders, Start / Step / Reset, the plot and its legend.
    for (const id of [
      'start-pause',
      'step-once',
      'reset',
      'preset-reference',
      'plot',
      'legend-mine',
      'true-mi',
    ])
      await expect(page.getByTestId(id), id).toBeVisible();
    for (const label of ['Signal power P', 'Noise variance σ²', 'Dimension d', 'Hidden units h'])
      await expect(page.getByLabel(label), label).toBeVisible();
    // What goes: hints, secondary settings and readouts, exports, the footer.
    for (const id of ['export-csv', 'copy-link', 'steps-per-second', 'backend'])
      await expect(page.getByTestId(id), id).toBeHidden();
    await expect(page.getByLabel('Learning rate')).toBeHidden();
    await expect(page.locator('.param-hint').first()).toBeHidden();
    await expect(page.locator('footer')).toBeHidden();
    // At 1024×768 the controls and the plot with its legend fit on the screen.
    for (const id of ['start-pause', 'plot', 'legend-mine']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box && box.y + box.height, id).toBeLessThanOrEqual(768);
    }

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page).not.toHaveURL(/present=/);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await expect(page.getByTestId('export-csv')).toBeVisible();
    expect(await smoothedStrokeWidth(page)).toBe(normalWidth);
  });

  test('present=1 in the link opens in presentation mode, and leaving fullscreen keeps it', async ({
    page,
  }) => {
    await page.goto('./#dim=2&present=1');
    await expect(page.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('app')).toHaveClass(/presenting/);
    await page.keyboard.press('p');
    await expect(page.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('p');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await expect(page.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/present=1/);
  });
});
