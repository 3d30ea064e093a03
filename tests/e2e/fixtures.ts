/**
 * The e2e suite's `test` and `expect`: every test's browser context is watched, and the test fails
 * at teardown on any Content-Security-Policy violation (page, workers, service worker), uncaught
 * page error, uncaught worker error, or JavaScript dialog (an `alert` is what injected markup would
 * show). Specs import `test` and `expect` from here instead of '@playwright/test'.
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

/** What a CSP violation or a blocked load looks like in Chromium's console. */
const CSP_CONSOLE =
  /Content[- ]Security[- ]Policy|Refused to (load|execute|connect|create|apply|frame|evaluate|compile|run)/i;

/** An uncaught exception as a console reports it. */
const UNCAUGHT = /^Uncaught\b/;

/** The name of the page binding the init script reports violations through. */
const REPORT_BINDING = '__mineLabReportCspViolation';

/** Watches a browser context for the problems the suite never tolerates. */
export interface ContextGuard {
  /** Every problem seen since the guard started (or since the last `reset`), one line each. */
  readonly problems: readonly string[];
  /** Forgets the problems seen so far (for a context shared by several tests). */
  reset(): void;
  /** Fails (with every problem listed) if any problem was seen. */
  assertClean(): Promise<void>;
}

/** Listens in every document of the context, before any of its own scripts, for CSP violations. */
function reportViolations(binding: string): void {
  const report = (globalThis as unknown as Record<string, (text: string) => void>)[binding];
  window.addEventListener(
    'securitypolicyviolation',
    (event: SecurityPolicyViolationEvent) => {
      const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}${where}`);
    },
    true,
  );
}

/** Starts watching `context` (its current and future pages, their workers, its service workers). */
export async function guardContext(context: BrowserContext): Promise<ContextGuard> {
  const problems: string[] = [];
  await context.exposeBinding(REPORT_BINDING, ({ page }, text: string) => {
    problems.push(`CSP violation on ${page.url()}: ${text}`);
  });
  await context.addInitScript(reportViolations, REPORT_BINDING);

  // A page's console also carries its dedicated workers' messages (Chromium reports a worker's CSP
  // errors there); its uncaught errors include those a worker leaves unhandled.
  const watchConsole = (where: string) => (message: ConsoleMessage) => {
    if (CSP_CONSOLE.test(message.text())) problems.push(`CSP error in ${where}: ${message.text()}`);
    else if (message.type() === 'error' && UNCAUGHT.test(message.text()))
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
      // A round trip through each open page delivers reports still in flight.
      await Promise.all(context.pages().map((page) => page.evaluate(() => undefined).catch(() => undefined)));
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
