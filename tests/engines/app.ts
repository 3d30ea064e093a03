/** The site as a cross-engine case sees it: the engine adapter's page plus the readouts' vocabulary. */
import type { EnginePage } from '../../scripts/engines/index.mjs';

/** An engine's page on the built site. */
export interface App extends EnginePage {
  /** Loads the site afresh with `hash` (e.g. '#dim=1&run=1'). */
  open(hash: string): Promise<void>;
  /** The `data-value` of a readout, or null when it has none. */
  value(testId: string): Promise<string | null>;
  /** A readout's `data-value` as a number; throws while it is empty. */
  number(testId: string): Promise<number>;
  /** Waits until the readout `testId` has `data-value` `value`. */
  waitForValue(testId: string, value: string, timeoutMs?: number): Promise<void>;
  /** Waits until an element with data-testid `testId` exists. */
  waitForElement(testId: string, timeoutMs?: number): Promise<void>;
  /** Waits until the worker has started its backend, and returns which. */
  waitForBackend(): Promise<string>;
  /** Waits until the run state is `state`. */
  waitForState(state: string, timeoutMs?: number): Promise<void>;
  /** Waits until at least `count` steps have arrived. */
  waitForStep(count: number, timeoutMs?: number): Promise<void>;
  /** The visible text of every notice. */
  notices(): Promise<string[]>;
  /**
   * Lets problems matching `pattern` pass the end-of-test check (a case that provokes them on
   * purpose; reports may still arrive after the case has looked at them).
   */
  allowProblems(pattern: RegExp): void;
  /** The problems seen so far that no allowance covers. */
  unexpectedProblems(): Promise<string[]>;
}

/** Wraps an engine page on the site served at `baseURL`. */
export function createApp(page: EnginePage, baseURL: string): App {
  const allowed: RegExp[] = [];
  const value = (testId: string) => page.attribute(testId, 'data-value');
  /** What the page shows, for a failure's message: a hang says where it stopped. */
  const pageState = () =>
    page
      .evaluate(() => {
        const read = (id: string) =>
          document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value');
        const notices = [...document.querySelectorAll('[data-testid="notice"]')].map((n) => n.textContent);
        return `run-state ${read('run-state')}, step ${read('step')}, backend ${read('backend') || 'none'}, notices ${JSON.stringify(notices)}`;
      })
      .catch((error: unknown) => `unreadable (${String(error)})`);
  const waitForValue = async (testId: string, expected: string, timeoutMs = 150_000) => {
    try {
      await page.waitFor(
        ({ id, want }) =>
          document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value') === want,
        { id: testId, want: expected },
        timeoutMs,
        `${testId} = ${expected}`,
      );
    } catch (error) {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}; the page shows ${await pageState()}`,
        { cause: error },
      );
    }
  };
  return {
    ...page,
    open: (hash) => page.goto(`${baseURL}${hash}`),
    value,
    async number(testId) {
      const raw = await value(testId);
      if (raw === null || raw === '') throw new Error(`${testId} has no value yet`);
      return Number(raw);
    },
    waitForValue,
    waitForElement: (testId, timeoutMs = 60_000) =>
      page.waitFor(
        (id) => document.querySelector(`[data-testid="${id}"]`) !== null,
        testId,
        timeoutMs,
        testId,
      ),
    async waitForBackend() {
      await page.waitFor(
        () => !!document.querySelector('[data-testid="backend"]')?.getAttribute('data-value'),
        undefined,
        60_000,
        'a started backend',
      );
      return (await value('backend')) ?? '';
    },
    waitForState: (state, timeoutMs) => waitForValue('run-state', state, timeoutMs),
    waitForStep: (count, timeoutMs = 60_000) =>
      page.waitFor(
        (n) => Number(document.querySelector('[data-testid="step"]')?.getAttribute('data-value')) >= n,
        count,
        timeoutMs,
        `step ≥ ${count}`,
      ),
    allowProblems: (pattern) => void allowed.push(pattern),
    unexpectedProblems: async () =>
      (await page.problems()).filter((problem) => !allowed.some((pattern) => pattern.test(problem))),
    notices: () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="notice"]')].map((n) => (n.textContent ?? '').trim()),
      ),
  };
}
