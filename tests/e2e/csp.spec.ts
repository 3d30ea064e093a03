import { cspContent, cspHeaderContent } from '../../scripts/csp.ts';
import { expect, test } from './fixtures';
import { readNumber, waitForRunState } from './helpers';
import { BUILT_SITE, startStaticServer } from './staticServer';

test('the built page carries its Content-Security-Policy first, and the browser enforces it', async ({
  page,
  guard,
}) => {
  await page.goto('./');
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', cspContent());
  // Before every script and stylesheet it governs.
  const precedes = await page.evaluate(() => {
    const head = [...document.head.children];
    const policy = head.findIndex((e) => e.getAttribute('http-equiv') === 'Content-Security-Policy');
    const firstLoaded = head.findIndex((e) =>
      e.matches('script, link[rel=stylesheet], link[rel=modulepreload]'),
    );
    return policy >= 0 && policy < firstLoaded;
  });
  expect(precedes).toBe(true);

  // An inline script (what injected markup would carry) does not run, and the guard sees it.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "yes"';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return document.body.dataset.injected === 'yes';
  });
  expect(ran).toBe(false);
  await expect.poll(() => guard.problems.join('\n')).toContain('script-src-elem blocked inline');
  guard.reset(); // that violation was the point of this test
});

test('sent as a header on every file (workers included), the policy still lets WebAssembly train', async ({
  page,
}) => {
  const server = await startStaticServer(BUILT_SITE, { 'Content-Security-Policy': cspHeaderContent() });
  try {
    await page.goto(`${server.url}#dim=1&batch=200&steps=10&run=1`);
    await waitForRunState(page, 'done');
    await expect(page.getByTestId('backend')).toHaveText('wasm');
    await expect(page.getByTestId('notice')).toHaveCount(0);
    expect(await readNumber(page, 'step')).toBe(10);
  } finally {
    await server.stop();
  }
});
