import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SIZES = [
  { name: 'projector', width: 1024, height: 768 },
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'laptop+', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844, phone: true },
] as const;

/** Every estimator and a notice: the widest content the page shows. */
const BUSY = 'estimator=mine,mine-ema,nwj,infonce,smile&batch=1000&steps=300&bogus=1';
const MODES = [
  { mode: 'normal', hash: BUSY },
  { mode: 'presentation', hash: `${BUSY}&present=1` },
  { mode: 'embed', hash: `${BUSY}&embed=1` },
] as const;

/** Whether the page scrolls sideways. */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Asserts that a control lies within the viewport's width and has room to be pressed. */
async function expectReachable(control: Locator, width: number, what: string): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await expect(control, what).toBeVisible();
  const box = await control.boundingBox();
  if (!box) throw new Error(`${what} has no box`);
  expect(box.x, what).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, what).toBeLessThanOrEqual(width);
  expect(box.height, what).toBeGreaterThanOrEqual(24);
}

for (const size of SIZES) {
  test(`no sideways scrolling and every control in reach on a ${size.name} (${size.width}×${size.height})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const { mode, hash } of MODES) {
      await page.goto('about:blank');
      await page.goto(`./#${hash}`);
      await expect(page.getByTestId('notice')).toBeVisible();
      if (mode === 'normal')
        await expect(page.getByTestId('explainer').locator('.katex').first()).toBeVisible();
      expect(await scrollsSideways(page), `${mode}: scrollWidth <= innerWidth`).toBe(false);
      // On a phone the lab has its own layout: the presets in one menu, the secondary actions
      // (presentation, exports, shortcuts) behind More. Presentation and embed modes keep theirs.
      const phoneLayout = 'phone' in size && mode === 'normal';
      const controls = ['start-pause', 'plot'];
      if (mode !== 'embed')
        controls.push('step-once', 'reset', phoneLayout ? 'preset-select' : 'preset-compare');
      if (mode === 'embed') controls.push('open-full-lab');
      if (mode === 'normal') controls.push('explainer-toggle');
      for (const id of controls) await expectReachable(page.getByTestId(id), size.width, `${mode}: ${id}`);
      await expect(page.getByTestId('more-menu-toggle')).toHaveCount(phoneLayout ? 1 : 0);
      if (phoneLayout) await page.getByTestId('more-menu-toggle').click();
      const secondary = mode === 'normal' ? ['export-csv', 'save-png', 'copy-link', 'shortcuts-button'] : [];
      for (const id of mode === 'embed' ? [] : ['presentation', ...secondary])
        await expectReachable(page.getByTestId(id), size.width, `${mode}: ${id}`);
      await expectReachable(page.getByLabel('Noise variance σ²'), size.width, `${mode}: noise slider`);
      if (mode === 'normal') await expectReachable(page.getByLabel('Learning rate'), size.width, 'lr slider');
    }
    // The shortcut overlay fits too.
    await page.keyboard.press('?');
    const overlay = page.getByTestId('shortcuts');
    await expect(overlay).toBeVisible();
    const box = await overlay.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= size.width).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
  });
}

test('on a phone the plot comes before the settings, and a slider still works by touch and keys', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#dim=1&batch=500&steps=50');
  const plot = await page.getByTestId('plot').boundingBox();
  const settings = await page.getByRole('region', { name: 'Settings' }).boundingBox();
  expect(plot && settings && plot.y < settings.y).toBe(true);
  const dim = page.getByLabel('Dimension d');
  await dim.scrollIntoViewIfNeeded();
  await dim.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('value-dim')).toHaveAttribute('data-value', '2');
  await page.getByTestId('start-pause').click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 60_000 });
  expect(await scrollsSideways(page)).toBe(false);
});
