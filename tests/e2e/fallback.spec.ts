import { chromium, expect, test } from '@playwright/test';
import { readNumber, waitForRunState } from './helpers';

test('without WebGL the run still works on another backend and the page says so', async ({
  baseURL,
  browserName,
}) => {
  test.skip(browserName !== 'chromium', 'uses Chromium flags');
  const launchOptions = test.info().project.use.launchOptions ?? {};
  // --disable-software-rasterizer with --disable-gpu leaves Chromium with no WebGL at all.
  const args = (launchOptions.args ?? []).filter(
    (a) => !a.includes('swiftshader') && !a.includes('use-angle'),
  );
  const browser = await chromium.launch({
    ...launchOptions,
    args: [...args, '--disable-gpu', '--disable-software-rasterizer'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseURL}#dim=1&batch=500&steps=30&run=1`);
    await expect(page.getByTestId('backend')).toHaveText('cpu');
    await expect(page.getByTestId('notice')).toContainText('WebGL could not be initialised');
    await expect(page.getByTestId('notice')).toContainText('cpu backend');
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(30);
  } finally {
    await browser.close();
  }
});
