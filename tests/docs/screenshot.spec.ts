import { expect, test } from '../e2e/fixtures';

test('README screenshot: the reference configuration, trained to the end', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 980 });
  await page.goto('./#run=1');
  await expect(page.getByTestId('backend')).not.toHaveText('starting…');
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 280_000 });
  await page.screenshot({ path: 'docs/screenshot.png' });
});
