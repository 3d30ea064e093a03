/** Lessons in every engine: a site lesson in Chinese, the arrow keys, a lesson carried in the link, a refusal, hide=. */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test } from './fixtures';

/** The shipped example lesson, as the page fetches it from lessons/. */
const LESSON = JSON.parse(readFileSync('public/lessons/signal-and-noise.json', 'utf8')) as {
  steps: { title: { en: string; 'zh-CN': string } }[];
};

/** The step the player shows, and its title. */
const shownStep = () => ({
  step: document.querySelector('[data-testid="lesson-step-count"]')?.getAttribute('data-step') ?? null,
  title: document.querySelector('[data-testid="lesson-step-title"]')?.textContent ?? null,
});

test('a site lesson plays in Chinese: → and ← step it, each step applies its settings and starts', async ({
  app,
}) => {
  await app.open('#lesson=signal-and-noise&lang=zh-CN');
  await app.waitFor(
    () => document.querySelector('[data-testid="lesson-step-count"]')?.getAttribute('data-step') === '1',
  );
  expect(await app.evaluate(shownStep)).toEqual({ step: '1', title: LESSON.steps[0].title['zh-CN'] });
  expect(await app.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await app.waitForState('running');
  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.press('ArrowRight');
  await app.waitFor(
    () => document.querySelector('[data-testid="lesson-step-count"]')?.getAttribute('data-step') === '2',
  );
  expect(await app.evaluate(shownStep)).toEqual({ step: '2', title: LESSON.steps[1].title['zh-CN'] });
  expect(await app.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('power'))).toBe('15');
  await app.press('ArrowLeft');
  await app.waitFor(
    () => document.querySelector('[data-testid="lesson-step-count"]')?.getAttribute('data-step') === '1',
  );
  expect(await app.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('power'))).toBe('1');
  // The step hides the critic and the sweep panels.
  expect(await app.evaluate(() => document.querySelector('[data-testid="critic-panel"]') === null)).toBe(
    true,
  );
});

test('a lesson in the link opens; a hostile one is refused with its reason; hide= hides what it names', async ({
  app,
}) => {
  const link = `~${deflateRawSync(Buffer.from(readFileSync('public/lessons/signal-and-noise.json'))).toString('base64url')}`;
  await app.open(`#lesson=${link}&step=3`);
  await app.waitFor(
    () => document.querySelector('[data-testid="lesson-step-count"]')?.getAttribute('data-step') === '3',
  );
  expect(await app.evaluate(shownStep)).toEqual({ step: '3', title: LESSON.steps[2].title.en });

  const hostile = {
    title: '<b>x</b>',
    steps: [{ title: 't', text: '<img src=x onerror=alert(1)>', config: '#batch=-5' }],
  };
  await app.open(`#lesson=~${deflateRawSync(Buffer.from(JSON.stringify(hostile))).toString('base64url')}`);
  await app.waitForElement('lesson-problem');
  expect(
    await app.evaluate(() => document.querySelector('[data-testid="lesson-problem"]')?.textContent),
  ).toContain('batch=-5');
  expect(await app.evaluate(() => document.querySelector('[data-testid="lesson-player"]') === null)).toBe(
    true,
  );

  await app.open('#hide=lr,critic,exports');
  await app.waitForBackend();
  expect(
    await app.evaluate(() => ({
      lr: document.querySelector('[data-param="lr"]') !== null,
      batch: document.querySelector('[data-param="batch"]') !== null,
      critic: document.querySelector('[data-testid="critic-panel"]') !== null,
      csv: document.querySelector('[data-testid="export-csv"]') !== null,
    })),
  ).toEqual({ lr: false, batch: true, critic: false, csv: false });
});
