import { chromium } from '@playwright/test';
import { expect, guardContext, test } from './fixtures';
import { readNumber, waitForRunState } from './helpers';

test('without WebGL the run still works on WebAssembly and the page says why', async ({
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
    const guard = await guardContext(page.context()); // this browser is not the fixture's
    await page.goto(`${baseURL}#dim=1&batch=500&steps=30&run=1`);
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await expect(page.getByTestId('backend')).toHaveAttribute('data-reason', /no WebGL here/);
    await expect(page.getByTestId('backend-reason')).toContainText('no WebGL here');
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(30);

    // Asking for WebGL where there is none falls back, with a notice that says so.
    await page.goto('about:blank');
    await page.goto(`${baseURL}#dim=1&batch=500&steps=30&backend=webgl&run=1`);
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await expect(page.getByTestId('notice')).toContainText('webgl could not start');
    await expect(page.getByTestId('notice')).toContainText('wasm backend instead');
    await waitForRunState(page, 'done');
    await guard.assertClean();
  } finally {
    await browser.close();
  }
});
