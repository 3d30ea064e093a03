import { expect, test } from '../e2e/fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('phone screenshots, by touch: a lecture link trained at 390×844, then held sideways (844×390)', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('./#run=1&batch=2000&steps=300');
  await expect(page.getByTestId('app')).toHaveClass(/\bphone\b/);
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 280_000 });
  await page.screenshot({ path: 'docs/phone-after.png' });
  await page.setViewportSize({ width: 844, height: 390 });
  await expect(page.getByTestId('true-mi')).toBeInViewport();
  await page.screenshot({ path: 'docs/phone-sideways.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('more-menu-toggle').tap();
  await expect(page.getByTestId('more-menu')).toBeVisible();
  await page.screenshot({ path: 'docs/phone-menu.png' });
});
