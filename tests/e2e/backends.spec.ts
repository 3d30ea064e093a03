import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readNumber, waitForRunState } from './helpers';

/** Built chunks that belong to one backend only (see src/worker/backends/). */
const BACKEND_CHUNK = /\/assets\/(webgl|wasm|cpu|webgpu)-[^/]*\.js$|\.wasm$/;

/** The backend-specific files the page and its workers fetched. */
function recordBackendFiles(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request) => {
    if (!request.serviceWorker() && BACKEND_CHUNK.test(request.url()))
      files.push(new URL(request.url()).pathname);
  });
  return files;
}

test.describe('backend choice', () => {
  // No service worker here: its background precache would fetch every backend on purpose.
  test.use({ serviceWorkers: 'block' });

  test('a software WebGL renderer leads to WebAssembly, and no other backend is downloaded', async ({
    page,
  }) => {
    const files = recordBackendFiles(page);
    await page.goto('./#dim=1&batch=500&steps=20&run=1');
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await expect(page.getByTestId('backend')).toHaveAttribute(
      'data-reason',
      /software renderer.*SwiftShader/,
    );
    await waitForRunState(page, 'done');
    expect(files.some((f) => /\/wasm-.*\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /tfjs-backend-wasm-simd-.*\.wasm$/.test(f))).toBe(true);
    expect(
      files.filter(
        (f) => /\/(webgl|cpu|webgpu)-/.test(f) || /tfjs-backend-wasm-[A-Za-z0-9_-]{8}\.wasm$/.test(f),
      ),
    ).toEqual([]);
  });

  for (const backend of ['webgl', 'cpu'] as const) {
    test(`backend=${backend} overrides the automatic choice and loads only that backend`, async ({
      page,
    }) => {
      const files = recordBackendFiles(page);
      await page.goto(`./#backend=${backend}&dim=1&batch=500&steps=20&run=1`);
      await expect(page.getByTestId('backend')).toHaveText(backend);
      await expect(page.getByTestId('backend')).toHaveAttribute(
        'data-reason',
        `${backend}: chosen in the settings`,
      );
      await expect(page.getByTestId('value-backend')).toHaveAttribute('data-value', backend);
      if (backend === 'webgl') await expect(page.getByTestId('gpu-renderer')).toContainText('SwiftShader');
      await waitForRunState(page, 'done');
      expect(await readNumber(page, 'step')).toBe(20);
      expect(files.length, 'backend chunks fetched').toBeGreaterThan(0);
      expect(files.filter((f) => !f.includes(`/${backend}-`))).toEqual([]);
    });
  }

  test('switching the backend in the settings restarts training on a fresh worker', async ({ page }) => {
    await page.goto('./#dim=1&batch=500&steps=20000&run=1');
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(10);
    await page.getByLabel('Backend').selectOption('cpu');
    await expect(page).toHaveURL(/backend=cpu/);
    await expect(page.getByTestId('backend')).toHaveText('cpu');
    await expect(page.getByTestId('run-state')).toHaveText('running');
    await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(5);
    await page.getByTestId('reset').click();
  });
});

test('once visited, every backend override works offline from the built site', async ({ page, context }) => {
  await page.goto('./#dim=1&batch=200&steps=5&run=1');
  await waitForRunState(page, 'done');
  // The service worker registers after load and precaches the whole site, every backend included.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!registration.active) throw new Error('no active service worker');
  });
  await page.reload(); // now controlled by the service worker
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  try {
    for (const backend of ['auto', 'wasm', 'webgl', 'cpu'] as const) {
      await page.goto('about:blank'); // a full load from scratch, not a hash change
      await page.goto(`./#backend=${backend}&dim=1&batch=200&steps=15&run=1`);
      await expect(page.getByTestId('backend'), backend).toHaveText(backend === 'auto' ? 'wasm' : backend);
      await waitForRunState(page, 'done');
      expect(await readNumber(page, 'step'), backend).toBe(15);
      await expect(page.getByTestId('notice')).toHaveCount(0);
    }
  } finally {
    await context.setOffline(false);
  }
});
