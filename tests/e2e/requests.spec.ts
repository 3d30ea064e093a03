import type { BrowserContext, Request } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { waitForRunState } from './helpers';
import { copyOfBuild, startStaticServer } from './staticServer';

/** One request the context made, and who made it. */
interface Seen {
  readonly url: string;
  readonly by: 'service worker' | 'page or worker';
}

/** Records every request of the context: pages, their workers and service workers. */
function recordRequests(context: BrowserContext): Seen[] {
  const seen: Seen[] = [];
  context.on('request', (request: Request) =>
    seen.push({ url: request.url(), by: request.serviceWorker() ? 'service worker' : 'page or worker' }),
  );
  return seen;
}

/** Whether a request stays on `origin`: its own URLs, its blob: URLs, or data: URLs it built. */
function staysOn(origin: string, url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || url === 'about:blank') return true;
  return parsed.origin === origin; // a blob: URL's origin is its creator's
}

/** Redeploys the copy of the site: a changed index.html, and a service worker that precaches it. */
async function redeploy(dir: string): Promise<void> {
  const indexPath = join(dir, 'index.html');
  const html = await readFile(indexPath, 'utf8');
  await writeFile(indexPath, html.replace('<title>', '<meta name="deployment" content="2" />\n    <title>'));
  const swPath = join(dir, 'sw.js');
  const sw = await readFile(swPath, 'utf8');
  const bumped = sw.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1deployment-2"');
  expect(bumped, 'sw.js precaches index.html with a revision').not.toBe(sw);
  await writeFile(swPath, bumped);
}

test('no request leaves the origin: load, a run, CSV export, offline service worker, and an update', async ({
  context,
  page,
}) => {
  const site = await copyOfBuild();
  const server = await startStaticServer(site.dir);
  try {
    const origin = new URL(server.url).origin;
    const seen = recordRequests(context);

    // Load and a run.
    await page.goto(`${server.url}#dim=1&batch=200&steps=5&run=1`);
    await waitForRunState(page, 'done');
    // CSV export.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    // The service worker installs and precaches the site; after a reload it serves the page.
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // A new deployment: the update check finds a new service worker, which precaches the new page
    // and waits; the page offers to reload into it.
    await redeploy(site.dir);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await expect(page.getByTestId('update-ready')).toBeVisible();
    await page.getByTestId('update-ready').getByRole('button', { name: 'Reload now' }).click();
    await expect(page.locator('meta[name="deployment"]')).toHaveAttribute('content', '2');
    await page.getByTestId('start-pause').click();
    await waitForRunState(page, 'done');

    // The service worker's own traffic was seen: installing, then the update check and the
    // new worker precaching the changed page.
    const bySw = (path: string) =>
      seen.filter((r) => r.by === 'service worker' && r.url.endsWith(path)).length;
    expect(bySw('/sw.js'), 'service-worker script fetches').toBeGreaterThanOrEqual(2);
    expect(bySw('/index.html'), 'precaches of index.html').toBeGreaterThanOrEqual(2);
    expect(seen.filter((r) => !staysOn(origin, r.url))).toEqual([]);
  } finally {
    await server.stop();
    await site.remove();
  }
});
