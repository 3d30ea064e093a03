/** Links in every engine: each preset sets its whole configuration, and hostile links are survived. */
import { configFromHash } from '../../src/protocol/urlHash';
import { PRESETS } from '../../src/protocol/presets';
import { HOSTILE_CASES, withQuickSettings } from '../e2e/hostileCases';
import { expect, test, type App } from './fixtures';

/** Where a setting shows its value: its control's readout, or the estimator line. */
const readoutOf = (key: string) => (key === 'estimator' ? 'estimator' : `value-${key}`);

/** Hostile links tried in every engine: markup, script and prototype tricks, and the largest ones. */
const SAMPLE = [
  'non-numeric',
  'overflow to Infinity',
  'full-width digit',
  'truncated UTF-8 escape',
  '10 kB number',
  'image tag with onerror as a choice',
  'script tag as a choice',
  'javascript: URL as a choice',
  'prototype key as a choice',
  'markup as a key',
  'markup in a list',
  'prototype keys',
  '20,000 unknown keys',
  'script as the run flag',
];

/** Every element URL text could have become if it were ever parsed as markup. */
const INJECTED = 'img[src="x"], script:not([src]), [onerror], [onload], iframe, object, embed';

/** Starts the run if the link did not, and waits for its end. */
async function trainToEnd(app: App): Promise<void> {
  if ((await app.value('run-state')) === 'idle') await app.click('start-pause');
  await app.waitForState('done');
  expect(await app.number('step')).toBeGreaterThan(0);
}

test('each preset sets its whole configuration and says what to watch', async ({ app }) => {
  await app.open('#');
  await app.waitForBackend();
  for (const preset of PRESETS) {
    await app.click(`preset-${preset.id}`);
    const { config } = configFromHash(preset.hash);
    // Every setting the preset names shows its value (the others keep their defaults).
    for (const key of new URLSearchParams(preset.hash.slice(1)).keys()) {
      const value = config[key as keyof typeof config];
      await app.waitForValue(readoutOf(key), Array.isArray(value) ? value.join(',') : String(value), 10_000);
    }
    expect(await app.text('preset-watch'), preset.id).toBe(`Watch: ${preset.watch}`);
    expect(await app.evaluate(() => location.hash)).toContain(preset.hash.replace(/^#/, '').split('&')[0]);
  }
  await app.click('preset-small-batch');
  await trainToEnd(app);
  expect(await app.number('step')).toBe(2000);
  expect(await app.value('backend')).toBe('wasm');
});

test('a sample of hostile links falls back with a notice, injects nothing and still trains', async ({
  app,
}) => {
  const cases = HOSTILE_CASES.filter((c) => SAMPLE.includes(c.name));
  expect(cases.map((c) => c.name).sort()).toEqual([...SAMPLE].sort());
  for (const c of cases) {
    await app.open(`#${withQuickSettings(c.hash)}`);
    for (const [key, value] of Object.entries(c.expected))
      await app.waitForValue(readoutOf(key), value, 20_000);
    expect((await app.notices()).join('\n'), c.name).toContain(c.notice);
    expect(await app.count(INJECTED), c.name).toBe(0);
    expect(await app.evaluate(() => location.hash), c.name).toMatch(/^#[a-z]+=[\w.,-]+(&[a-z]+=[\w.,-]+)*$/);
    await trainToEnd(app);
  }
});
