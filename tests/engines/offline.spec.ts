/** Offline in every engine: after one visit the service worker serves the whole site, workers included. */
import { BUILT_SITE, startStaticServer } from '../e2e/staticServer';
import { expect, test } from './fixtures';

test('after one visit the page reloads and trains with the server gone', async ({ app }) => {
  // A server of its own, stopped halfway: nothing can reach the network for the site after that.
  const server = await startStaticServer(BUILT_SITE);
  let stopped = false;
  try {
    await app.goto(`${server.url}#dim=1&batch=200&steps=5&run=1`);
    await app.waitForState('done');
    // The service worker registers after load and precaches the site; the next load is controlled.
    await app.waitFor(
      () => navigator.serviceWorker.ready.then((r) => r.active?.state === 'activated'),
      undefined,
      60_000,
      'an active service worker',
    );
    await app.reload();
    await app.waitFor(
      () => navigator.serviceWorker.controller !== null,
      undefined,
      30_000,
      'a controlled page',
    );
    await server.stop();
    stopped = true;
    await app.goto(`${server.url}#dim=1&batch=200&steps=15&run=1`);
    await app.waitForState('done');
    expect(await app.number('step')).toBe(15);
    expect(await app.value('backend')).toBe('wasm');
    expect(await app.notices()).toEqual([]);
  } finally {
    if (!stopped) await server.stop();
  }
});
