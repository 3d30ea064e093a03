import { chromium } from '@playwright/test';
import { expect, guardedContext, test } from './fixtures';
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
    const { context, guard } = await guardedContext(browser); // this browser is not the fixture's
    const page = await context.newPage();
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

test('WebGPU is an override only: auto never picks a software adapter, and backend=webgpu trains to the same numbers', async ({
  baseURL,
  browserName,
}) => {
  test.skip(browserName !== 'chromium', 'uses Chromium flags');
  const launchOptions = test.info().project.use.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launchOptions,
    args: [...(launchOptions.args ?? []), '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'],
  });
  try {
    const { context, guard } = await guardedContext(browser);
    const page = await context.newPage();
    const run = async (backend: string) => {
      await page.goto('about:blank');
      await page.goto(`${baseURL}#backend=${backend}&dim=1&batch=500&steps=30&run=1`);
      await waitForRunState(page, 'done');
      return {
        used: await page.getByTestId('backend').textContent(),
        estimate: await readNumber(page, 'estimate'),
      };
    };
    const auto = await run('auto');
    expect(auto.used).toBe('wasm');
    const webgpu = await run('webgpu');
    expect(webgpu.used).toBe('webgpu');
    await expect(page.getByTestId('backend')).toHaveAttribute(
      'data-reason',
      'webgpu: chosen in the settings',
    );
    // The same seed draws the same batches on every backend: float32 agreement, to ~1e-6 bits.
    expect(Math.abs(webgpu.estimate - auto.estimate)).toBeLessThan(1e-4);
    await guard.assertClean();
  } finally {
    await browser.close();
  }
});
