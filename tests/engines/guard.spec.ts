/**
 * The probe sees what a test must never let pass, in every engine, from inside the page (no
 * driver's log is relied on): CSP violations in the page and in workers, uncaught errors,
 * unhandled rejections and dialogs.
 */
import { cspHeaderContent } from '../../scripts/csp.ts';
import { ENGINE_TRAITS } from '../../scripts/engines/index.mjs';
import { BUILT_SITE, startStaticServer } from '../e2e/staticServer';
import { expect, test } from './fixtures';

test('an injected inline script is blocked by the policy, and the probe sees it', async ({ app }) => {
  await app.open('#dim=1&batch=200&steps=5&run=1');
  await app.waitForState('done');
  const ran = await app.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "yes"';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return document.body.dataset.injected === 'yes';
  });
  expect(ran).toBe(false);
  expect((await app.problems()).join('\n')).toContain('script-src-elem blocked inline');
  app.allowProblems(/script-src-elem blocked inline/); // that violation was the point
});

test('an uncaught error, an unhandled rejection and a dialog in the page are seen', async ({ app }) => {
  await app.open('#dim=1');
  await app.evaluate(() => {
    setTimeout(() => {
      throw new Error('thrown on purpose');
    });
    void Promise.reject(new Error('rejected on purpose'));
    window.alert('alert on purpose');
  });
  await app.waitFor(
    () =>
      (window as unknown as { __mineLabProbe: { problems: string[] } }).__mineLabProbe.problems.length >= 3,
  );
  const seen = (await app.problems()).join('\n');
  expect(seen).toContain('uncaught error: ');
  expect(seen).toContain('thrown on purpose');
  expect(seen).toContain('unhandled rejection: rejected on purpose');
  expect(seen).toContain('unexpected alert dialog: alert on purpose');
  app.allowProblems(/on purpose/);
});

test('a host policy without wasm-unsafe-eval: the worker falls back to another backend and says so', async ({
  app,
}) => {
  const policy = cspHeaderContent().replace(" 'wasm-unsafe-eval'", '');
  expect(policy).not.toContain('wasm-unsafe-eval');
  const server = await startStaticServer(BUILT_SITE, { 'Content-Security-Policy': policy });
  try {
    await app.goto(`${server.url}#dim=1&batch=200&steps=5&run=1`);
    await app.waitForState('done');
    // The next in auto's order: SwiftShader's WebGL in Chromium, the CPU where there is no WebGL.
    expect(['webgl', 'cpu']).toContain(await app.value('backend'));
    expect((await app.notices()).join('\n')).toContain('wasm could not start');
    const problems = (await app.problems()).join('\n');
    // Where the engine fires the event in workers, the probe names the worker it came from.
    if (ENGINE_TRAITS[app.engine].workerCspEvents)
      expect(problems).toMatch(
        /CSP violation: script-src blocked wasm-eval .*\(in the worker "mine-trainer"\)/,
      );
    else expect(problems).toBe('');
    app.allowProblems(/CSP violation: script-src blocked wasm-eval/);
  } finally {
    await server.stop();
  }
});
