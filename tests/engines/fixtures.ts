/**
 * The cross-engine suite's `test` and `expect`. Each project names an engine (`engine` option);
 * `app` is a fresh page of that engine on the built site (scripts/engines/ hides how each browser
 * is driven), and the test fails at teardown on anything the test probe saw in any document of it:
 * a CSP violation (page or worker), an uncaught error, an unhandled rejection, a dialog.
 * `chromium` gives Chromium's readouts for a link, to compare other engines' numbers with.
 */
import { test as base, expect } from '@playwright/test';
import { launchEngine, type EngineBrowser, type EngineName } from '../../scripts/engines/index.mjs';
import { createApp, type App } from './app';

export { expect };
export type { App };

/** The project option naming the engine. */
export interface EngineOptions {
  readonly engine: EngineName;
}

/** What a finished run showed. */
export interface ChromiumRun {
  /** The (first) estimate, in bits, at full precision. */
  readonly estimateBits: number;
  /** Every estimate readout (`estimate`, and `estimate-<id>` in compare mode), in bits. */
  readonly estimatesBits: Readonly<Record<string, number>>;
  readonly backend: string;
  readonly step: number;
}

/** Chromium's finished run for a link, run once per link and worker. */
export interface ChromiumReference {
  run(hash: string): Promise<ChromiumRun>;
  /** The run's CSV export, its export time left out. */
  csv(hash: string): Promise<string>;
}

/** Downloads the finished run's CSV and returns it without the line that says when it was exported. */
export async function runCsv(app: App): Promise<{ fileName: string; text: string }> {
  const { fileName, bytes } = await app.download('export-csv');
  const text = bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => !line.startsWith('# exported_at='))
    .join('\n');
  return { fileName, text };
}

/** Reads a finished run's readouts. */
export async function finishedRun(app: App): Promise<ChromiumRun> {
  await app.waitForState('done');
  const estimatesBits = await app.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid^="estimate"]')].map((e) => [
        e.getAttribute('data-testid') ?? '',
        Number(e.getAttribute('data-value')),
      ]),
    ),
  );
  return {
    estimateBits: await app.number('estimate'),
    estimatesBits,
    backend: (await app.value('backend')) ?? '',
    step: await app.number('step'),
  };
}

export const test = base.extend<
  { app: App },
  EngineOptions & { engineBrowser: EngineBrowser; chromium: ChromiumReference }
>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  // (`provide` is Playwright's `use`, renamed so the React hooks lint rule does not mistake it.)
  engineBrowser: [
    async ({ engine }, provide) => {
      const browser = await launchEngine(engine);
      await provide(browser);
      await browser.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  chromium: [
    // Playwright reads a fixture's dependencies from its first parameter: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL ?? '';
      let browser: EngineBrowser | null = null;
      const cache = new Map<string, Promise<unknown>>();
      /** Loads `hash` in a fresh Chromium page, waits for the end of the run and reads it with `read`. */
      const inChromium = <T>(key: string, hash: string, read: (app: App) => Promise<T>): Promise<T> => {
        if (!cache.has(key))
          cache.set(
            key,
            (async () => {
              browser ??= await launchEngine('chromium');
              const app = createApp(await browser.newPage(), baseURL);
              try {
                await app.open(hash);
                await app.waitForState('done');
                return await read(app);
              } finally {
                await app.close();
              }
            })(),
          );
        return cache.get(key) as Promise<T>;
      };
      await provide({
        run: (hash) => inChromium(`run ${hash}`, hash, finishedRun),
        csv: (hash) => inChromium(`csv ${hash}`, hash, async (app) => (await runCsv(app)).text),
      });
      await (browser as EngineBrowser | null)?.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ engineBrowser, baseURL }, provide, testInfo) => {
    const app = createApp(await engineBrowser.newPage(), baseURL ?? '');
    testInfo.annotations.push({
      type: 'browser',
      description: `${engineBrowser.name} ${engineBrowser.version}`,
    });
    try {
      await provide(app);
      expect(await app.unexpectedProblems(), 'CSP violations, uncaught errors or dialogs').toEqual([]);
    } finally {
      await app.close();
    }
  },
});
