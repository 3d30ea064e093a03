/**
 * The e2e suite's `test` and `expect`: every test's browser context is watched, and the test fails
 * at teardown on any Content-Security-Policy violation (page, workers, service worker), uncaught
 * page error, uncaught worker error, or JavaScript dialog (an `alert` is what injected markup would
 * show). Specs import `test` and `expect` from here instead of '@playwright/test'.
 *
 * Violations are seen as `securitypolicyviolation` events, by the probe the test server puts ahead
 * of every script (scripts/engines/probe.js, SERVE_PROBE): it listens in the page and in each worker
 * before any of the site's code runs, and reports through a binding. Console text is not used for
 * them: Firefox prints none, and other browsers word it as they like.
 */
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Dialog,
  type Page,
  type Worker,
} from '@playwright/test';

/** Playwright's `expect`, re-exported so specs import both from here. */
export { expect };

/** An uncaught exception as a console reports it. */
const UNCAUGHT = /^Uncaught\b/;

/** The page binding the probe reports through (scripts/engines/probe.js). */
const REPORT_BINDING = '__mineLabReport';

/** Watches a browser context for the problems the suite never tolerates. */
export interface ContextGuard {
  /** Every problem seen since the guard started (or since the last `reset`), one line each. */
  readonly problems: readonly string[];
  /** Forgets the problems seen so far (for a context shared by several tests). */
  reset(): void;
  /** Fails (with every problem listed) if any problem was seen. */
  assertClean(): Promise<void>;
}

/** Starts watching `context` (its current and future pages, their workers, its service workers). */
export async function guardContext(context: BrowserContext): Promise<ContextGuard> {
  const problems: string[] = [];
  // CSP violations in the page and its workers, uncaught errors and dialogs in the page.
  await context.exposeBinding(REPORT_BINDING, ({ page }, text: string) => {
    problems.push(`${text} on ${page.url()}`);
  });

  // A page's console also carries its dedicated workers' messages: their uncaught errors include
  // those a worker leaves unhandled.
  const watchConsole = (where: string) => (message: ConsoleMessage) => {
    if (message.type() === 'error' && UNCAUGHT.test(message.text()))
      problems.push(`uncaught error in ${where}: ${message.text()}`);
  };
  const onDialog = (dialog: Dialog) => {
    problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined); // another listener may have answered it
  };
  const watchPage = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
    page.on('console', watchConsole('the page or its workers'));
    page.on('dialog', onDialog);
  };
  const watchServiceWorker = (worker: Worker) =>
    worker.on('console', watchConsole(`the service worker ${worker.url()}`));
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.serviceWorkers().forEach(watchServiceWorker);
  context.on('serviceworker', watchServiceWorker);

  return {
    problems,
    reset: () => void problems.splice(0),
    async assertClean() {
      // A round trip through each open page delivers reports still in flight; a page of the site
      // without the probe would see no violation at all, so that is a problem too.
      await Promise.all(
        context.pages().map(async (page) => {
          const probed = await page
            .evaluate(() => location.protocol !== 'http:' || '__mineLabProbe' in globalThis)
            .catch(() => true); // closing or navigating: nothing to check
          if (!probed) problems.push(`no test probe in ${page.url()}: serve it with SERVE_PROBE`);
        }),
      );
      expect(problems, 'CSP violations, uncaught errors or dialogs').toEqual([]);
    },
  };
}

/**
 * A new context of `browser` (the fixture's, or one launched with other flags), guarded like every
 * test's own; the caller asserts it clean. Specs make contexts only through this (a lint rule).
 */
export async function guardedContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; guard: ContextGuard }> {
  const context = await browser.newContext(options);
  return { context, guard: await guardContext(context) };
}

/** Playwright's `test`, with every test's context guarded (see `guardContext`). */
export const test = base.extend<{ guard: ContextGuard }>({
  guard: [
    async ({ context }, use) => {
      const guard = await guardContext(context);
      await use(guard);
      await guard.assertClean();
    },
    { auto: true },
  ],
});
