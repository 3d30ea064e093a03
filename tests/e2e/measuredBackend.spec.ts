/**
 * The measured backend choice, end to end, in a test build of the site (`vite build --mode e2e`)
 * that can pretend: `?simulate-renderer=` makes WebGL claim a GPU (as WebKit's "Apple GPU" does on
 * a software renderer), `?simulate-slow=wasm:250` makes WebAssembly slow on purpose. The timings
 * themselves are real: SwiftShader's WebGL against WebAssembly, in fresh workers, when idle.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readNumber, TEST_HOOK_PATTERN, waitForRunState } from './helpers';
import { BUILT_SITE, copyOfBuild, startStaticServer, type StaticServer } from './staticServer';

/** Every JavaScript file of a built site, as text. */
async function builtScripts(dir: string): Promise<string[]> {
  const assets = join(dir, 'assets');
  const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  return Promise.all(files.map((f) => readFile(join(assets, f), 'utf8')));
}

/** Waits for the idle page to time the backends, and returns the figures it shows. */
async function timedFigures(page: Page): Promise<{ wasm: number; webgl: number; text: string; at: string }> {
  const speeds = page.getByTestId('backend-speeds');
  await expect(speeds).toHaveAttribute('data-state', 'measured', { timeout: 90_000 });
  const figure = async (name: string) => Number(await speeds.getAttribute(`data-${name}`));
  return {
    wasm: await figure('wasm'),
    webgl: await figure('webgl'),
    text: (await speeds.textContent()) ?? '',
    at: (await speeds.getAttribute('data-measured-at')) ?? '',
  };
}

test.describe('the measured backend choice', () => {
  test.describe.configure({ timeout: 300_000 });
  test.use({ serviceWorkers: 'block' });
  let site: Awaited<ReturnType<typeof copyOfBuild>>;
  let server: StaticServer;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    site = await copyOfBuild(); // a folder of our own, built again with the hooks
    execFileSync(
      'npx',
      ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn', '--outDir', site.dir, '--emptyOutDir'],
      {
        stdio: 'inherit',
      },
    );
    server = await startStaticServer(site.dir);
  });
  test.afterAll(async () => {
    await server?.stop();
    await site?.remove();
  });

  test('the test build carries the hooks that the shipped one lacks (see site.spec.ts)', async () => {
    expect((await builtScripts(site.dir)).some((text) => TEST_HOOK_PATTERN.test(text))).toBe(true);
    expect((await builtScripts(BUILT_SITE)).some((text) => TEST_HOOK_PATTERN.test(text))).toBe(false);
  });

  test('WebGL claims a GPU but is slow: auto tries it first, times both when idle, then stays on WebAssembly', async ({
    page,
  }) => {
    const url = `${server.url}?simulate-renderer=Apple%20GPU`;
    await page.goto(`${url}#dim=1&batch=500&steps=30&run=1`);
    // The first run goes on the guess, at once: the renderer says GPU.
    await expect(page.getByTestId('backend')).toHaveText('webgl');
    await expect(page.getByTestId('backend')).toHaveAttribute(
      'data-reason',
      /WebGL on the GPU \(Apple GPU\)/,
    );
    await waitForRunState(page, 'done');
    const timed = await timedFigures(page);
    console.log(`[measured] timed here at N=500, d=1: ${timed.text}`);
    expect(timed.text).toMatch(
      /^WebAssembly [\d,.]+ steps\/s, WebGL [\d,.]+ at this size, measured on this machine$/,
    );
    expect(timed.wasm).toBeGreaterThan(timed.webgl); // SwiftShader: WebGL in software

    // The next run trains on what was measured, on a fresh worker.
    await page.getByTestId('start-pause').click();
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await expect(page.getByTestId('backend')).toHaveAttribute(
      'data-reason',
      /^WebAssembly: measured fastest on this machine at this size \([\d,.]+ steps\/s; WebGL [\d,.]+\)$/,
    );
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(30);

    // A later visit starts on it straight away and does not time again.
    await page.goto('about:blank');
    await page.goto(`${url}#dim=1&batch=500&steps=30&run=1`);
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await expect(page.getByTestId('backend')).toHaveAttribute('data-reason', /measured fastest/);
    await waitForRunState(page, 'done');
    await expect(page.getByTestId('backend-speeds')).toHaveAttribute('data-measured-at', timed.at);

    // backend= still overrides the measurement.
    await page.goto('about:blank');
    await page.goto(`${url}#backend=webgl&dim=1&batch=500&steps=10&run=1`);
    await expect(page.getByTestId('backend')).toHaveText('webgl');
    await expect(page.getByTestId('backend')).toHaveAttribute('data-reason', 'webgl: chosen in the settings');
    await waitForRunState(page, 'done');
  });

  test('WebAssembly made slow on purpose: the timing moves the next run to WebGL', async ({ page }) => {
    await page.goto(
      `${server.url}?simulate-renderer=Apple%20GPU&simulate-slow=wasm:250#dim=1&batch=500&steps=20&run=1`,
    );
    await waitForRunState(page, 'done');
    const timed = await timedFigures(page);
    console.log(`[measured] with WebAssembly slowed by 250 ms a step: ${timed.text}`);
    expect(timed.webgl).toBeGreaterThan(timed.wasm);
    await page.getByTestId('start-pause').click();
    await expect(page.getByTestId('backend')).toHaveText('webgl');
    await expect(page.getByTestId('backend')).toHaveAttribute(
      'data-reason',
      /^WebGL: measured fastest on this machine/,
    );
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(20);
  });
});
