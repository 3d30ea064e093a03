import { expect, test } from '../e2e/fixtures';

test('lecture screenshots at 1024×768: normal, presentation and embedded views of one trained run', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('./#run=1');
  await expect(page.getByTestId('backend')).not.toHaveText('starting…');
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 280_000 });
  await expect(page.getByTestId('explainer').locator('.katex').first()).toBeVisible();
  await page.mouse.move(0, 0); // no hover tooltip on the plot
  await page.screenshot({ path: 'docs/screenshot-normal.png' });

  await page.getByTestId('presentation').click();
  await expect(page.getByTestId('app')).toHaveClass(/presenting/);
  await page.getByTestId('presentation').blur();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'docs/screenshot-presentation.png' });

  // The same run, embedded: a hash edit that keeps the settings keeps the run.
  await page.getByTestId('presentation').click();
  await page.evaluate(
    () => (window.location.hash = window.location.hash.replace(/&present=1/, '') + '&embed=1'),
  );
  await expect(page.getByTestId('app')).toHaveClass(/embedded/);
  await expect(page.getByTestId('run-state')).toHaveText('done');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'docs/screenshot-embed.png' });
});

test('sweep view at 1024×768: the hidden size swept from 1 to 32 units', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('./#dim=2&batch=1000&steps=400&sweep=hidden:1,2,4,8,32&run=1');
  await expect(page.getByTestId('sweep')).toHaveAttribute('data-state', 'done', { timeout: 280_000 });
  await page.mouse.move(0, 0);
  await page.locator('.sweep-panel').scrollIntoViewIfNeeded();
  await page.locator('.sweep-panel').screenshot({ path: 'docs/screenshot-sweep.png' });
});

test('compare view: five estimators side by side, and what the critic learned (d = 1)', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto('./#estimator=mine,mine-ema,nwj,infonce,smile&dim=1&batch=1000&steps=800&run=1');
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 280_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'docs/screenshot-compare.png', fullPage: true });
});
