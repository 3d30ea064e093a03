import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { BUILTIN_LESSONS, BUILTIN_LESSON_IDS } from '../../src/protocol/builtinLessons';
import { expect, test } from './fixtures';
import { attributeNow, settleFrames } from './helpers';

type Catalogue = {
  lessons: { builtin: Record<string, { steps: Record<string, { title: string }> }> };
  lesson: { titles: Record<string, string> };
};
/** A language's lesson words: the built-in lessons' texts and the lesson menu's titles. */
const catalogue = (language: string): Catalogue => ({
  ...(JSON.parse(readFileSync(`src/i18n/locales/${language}/lessons.json`, 'utf8')) as Pick<
    Catalogue,
    'lessons'
  >),
  ...(JSON.parse(readFileSync(`src/i18n/locales/${language}/lesson.json`, 'utf8')) as Pick<
    Catalogue,
    'lesson'
  >),
});
const CATALOGUES: Record<string, Catalogue> = { en: catalogue('en'), 'zh-CN': catalogue('zh-CN') };

/** A lesson as `lesson=~…` carries it (deflate-raw, base64url), encoded here independently of the page. */
function lessonLink(lesson: unknown): string {
  return `~${deflateRawSync(Buffer.from(JSON.stringify(lesson))).toString('base64url')}`;
}

/** The settings of a configuration hash, as a map. */
const settingsOf = (hash: string) => new Map(new URLSearchParams(hash.replace(/^#/, '')));

/** Checks that the page's URL carries every setting of the step's configuration (it was applied). */
async function expectConfigApplied(page: Page, config: string): Promise<void> {
  await expect
    .poll(async () => {
      const now = settingsOf(await page.evaluate(() => window.location.hash));
      return [...settingsOf(config)].filter(([key, value]) => now.get(key) !== value).map(([key]) => key);
    })
    .toEqual([]);
}

/** Waits for the player to show step `step` of `total`. */
async function expectStep(page: Page, step: number, total: number): Promise<void> {
  const count = page.getByTestId('lesson-step-count');
  await expect(count).toHaveAttribute('data-step', String(step));
  await expect(count).toHaveAttribute('data-total', String(total));
  expect(await page.evaluate(() => new URLSearchParams(window.location.hash.slice(1)).get('step'))).toBe(
    String(step),
  );
}

for (const language of ['en', 'zh-CN']) {
  test.describe(`the built-in lessons in ${language}`, () => {
    for (const id of BUILTIN_LESSON_IDS) {
      test(`${id} plays end to end: each step applies its configuration, arrows and buttons navigate`, async ({
        page,
      }) => {
        const steps = BUILTIN_LESSONS[id];
        const words = CATALOGUES[language].lessons.builtin[id];
        await page.goto(`./#lesson=${id}&lang=${language}`);
        await expect(page.getByTestId('lesson-title')).toHaveText(CATALOGUES[language].lesson.titles[id]);
        for (let i = 0; i < steps.length; i++) {
          await expectStep(page, i + 1, steps.length);
          await expect(page.getByTestId('lesson-step-title')).toHaveText(words.steps[i].title);
          await expectConfigApplied(page, steps[i].config);
          // A step starts when it says so; one on the last step's settings keeps that run going.
          const state = page.getByTestId('run-state');
          if (steps[i].run) await expect(state).toHaveAttribute('data-value', /running|done/);
          else if (steps[i].config !== steps[i - 1]?.config)
            await expect(state).toHaveAttribute('data-value', 'idle');
          for (const panel of ['critic', 'sweep', 'explainer'] as const) {
            const hidden = steps[i].hide?.includes(panel) ?? false;
            await expect(
              page.getByTestId(
                `${panel === 'critic' ? 'critic-panel' : panel === 'sweep' ? 'sweep-key' : 'explainer'}`,
              ),
            ).toHaveCount(hidden ? 0 : 1);
          }
          if (i === steps.length - 1) break;
          // Alternate: the → key (focus on the page, not on a control), then the Next button.
          if (i % 2 === 0) {
            await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
            await page.keyboard.press('ArrowRight');
          } else await page.getByTestId('lesson-next').click();
        }
        await expect(page.getByTestId('lesson-next')).toBeDisabled();
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('ArrowLeft');
        await expectStep(page, steps.length - 1, steps.length);
        await page.getByTestId('lesson-previous').click();
        await expectStep(page, steps.length - 2, steps.length);
        await page.getByTestId('lesson-exit').click();
        await expect(page.getByTestId('lesson-player')).toHaveCount(0);
        expect(await page.evaluate(() => window.location.hash)).not.toContain('lesson=');
        await expect(page.getByTestId('critic-panel')).toHaveCount(1);
      });
    }
  });
}

test.describe('lessons from elsewhere', () => {
  test('a lesson carried whole in the link plays, in both of its languages', async ({ page }) => {
    const lesson = JSON.parse(readFileSync('public/lessons/signal-and-noise.json', 'utf8')) as {
      steps: { config: string; title: { en: string; 'zh-CN': string } }[];
    };
    const link = lessonLink(lesson);
    for (const language of ['en', 'zh-CN'] as const) {
      await page.goto(`./#lesson=${link}&step=2&lang=${language}`);
      await expectStep(page, 2, 3);
      await expect(page.getByTestId('lesson-step-title')).toHaveText(lesson.steps[1].title[language]);
      await expectConfigApplied(page, lesson.steps[1].config);
      await expect(page.getByTestId('run-state')).toHaveAttribute('data-value', /running|done/);
      // Its inline maths is typeset by KaTeX.
      await expect(page.getByTestId('lesson-narrative').locator('.katex').first()).toBeVisible();
      await page.getByTestId('lesson-next').click();
      await expectStep(page, 3, 3);
      await expectConfigApplied(page, lesson.steps[2].config);
    }
  });

  test('a lesson shipped under lessons/ opens from the menu and from its name in a link', async ({
    page,
  }) => {
    await page.goto('./#dim=1');
    await page.getByTestId('lesson-menu').locator('summary').click();
    await page.getByTestId('lesson-choice-signal-and-noise').click();
    await expectStep(page, 1, 3);
    await expect(page.getByTestId('lesson-step-title')).toHaveText('The Gaussian channel');
    expect(await page.evaluate(() => window.location.hash)).toContain('lesson=signal-and-noise');
    await page.goto('./#lesson=signal-and-noise&step=3');
    await expectStep(page, 3, 3);
  });

  test('a hostile lesson is refused with a message, and markup in a lesson stays text', async ({ page }) => {
    await page.goto(
      `./#lesson=${lessonLink({ title: 'x', steps: [{ title: 't', text: 't', config: '#dim=2&batch=-5' }] })}`,
    );
    await expect(page.getByTestId('lesson-problem')).toContainText('batch=-5');
    await expect(page.getByTestId('lesson-player')).toHaveCount(0);
    await page.getByTestId('lesson-problem').getByRole('button').click();
    await expect(page.getByTestId('lesson-problem')).toHaveCount(0);
    await page.goto('./#lesson=~%%%');
    await settleFrames(page);
    await expect(page.getByTestId('lesson-problem')).toHaveCount(0); // the flag itself is refused: a URL notice
    await expect(page.getByTestId('notice')).toContainText('lesson');
    await page.goto('./#lesson=~AAAA&lang=zh-CN');
    await expect(page.getByTestId('lesson-problem')).toContainText('无法解码');
    await page.goto('./#lesson=no-such-lesson');
    await expect(page.getByTestId('lesson-problem')).toContainText('no-such-lesson');

    const markup =
      '<img src=x onerror="alert(1)"> <script>alert(2)</script> [link](javascript:alert(3)) $\\href{javascript:alert(4)}{x}$';
    await page.goto(
      `./#lesson=${lessonLink({ title: '<b>T</b>', steps: [{ title: '<i>s</i>', text: markup, config: '#dim=1' }] })}`,
    );
    await expect(page.getByTestId('lesson-title')).toHaveText('<b>T</b>');
    const narrative = page.getByTestId('lesson-narrative');
    await expect(narrative).toContainText('<img src=x onerror="alert(1)">');
    expect(await narrative.locator('img, script, a, b, i').count()).toBe(0);
    // (The fixtures fail the test on any dialog: none of the alerts ran.)

    // A file: too large, then not JSON, each with its reason; the lab keeps working.
    await page.getByTestId('lesson-menu').locator('summary').click();
    await page
      .getByTestId('lesson-file')
      .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(70_000, 32) });
    await expect(page.getByTestId('lesson-problem')).toContainText('64 kB');
    await page.getByTestId('lesson-menu').locator('summary').click();
    await page
      .getByTestId('lesson-file')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"title":') });
    await expect(page.getByTestId('lesson-problem')).toContainText('JSON');
  });

  test('a lesson file opens, and gets a link that carries it', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('lesson-menu').locator('summary').click();
    await page.getByTestId('lesson-file').setInputFiles('public/lessons/signal-and-noise.json');
    await expectStep(page, 1, 3);
    const hash = await page.evaluate(() => window.location.hash);
    expect(new URLSearchParams(hash.slice(1)).get('lesson')).toMatch(/^~[A-Za-z0-9_-]+$/);
    await page.goto(`./${hash.replace(/step=1/, 'step=2')}`);
    await expectStep(page, 2, 3);
    await expect(page.getByTestId('lesson-step-title')).toHaveText('More signal, more information');
  });
});

test.describe('arrows and tailored pages', () => {
  test('→ and ← never step the lesson while a slider has the focus', async ({ page }) => {
    await page.goto('./#lesson=why-mine');
    await expectStep(page, 1, 6);
    const slider = page.locator('[data-param="lr"] input[type="range"]');
    await slider.focus();
    const before = await slider.inputValue();
    await page.keyboard.press('ArrowRight');
    await settleFrames(page);
    expect(await attributeNow(page, 'lesson-step-count', 'data-step')).toBe('1');
    expect(await slider.inputValue()).not.toBe(before);
    // Without a lesson, the arrows do nothing to the page.
    await page.getByTestId('lesson-exit').click();
    await page.keyboard.press('ArrowRight');
    await settleFrames(page);
    await expect(page.getByTestId('lesson-player')).toHaveCount(0);
  });

  test('hide= hides exactly the controls and panels it names, and says which names it does not know', async ({
    page,
  }) => {
    await page.goto('./#estimator=mine');
    const all = await page
      .locator('[data-param]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-param')));
    expect(all).toEqual(expect.arrayContaining(['lr', 'batch', 'noise']));
    await page.goto('./#estimator=mine&hide=lr,batch,critic,sweep,presets,exports,suite,warp');
    await expect(page.getByTestId('critic-panel')).toHaveCount(0);
    const shown = await page
      .locator('[data-param]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-param')));
    expect(shown).toEqual(all.filter((key) => key !== 'lr' && key !== 'batch'));
    for (const id of ['sweep-key', 'preset-reference', 'export-csv', 'save-png', 'copy-link', 'open-suite'])
      await expect(page.getByTestId(id)).toHaveCount(0);
    for (const id of ['explainer', 'start-pause', 'reset', 'step-once'])
      await expect(page.getByTestId(id)).toHaveCount(1);
    await expect(page.getByTestId('notice')).toContainText('"warp"');
    // The link keeps what it hides (the unknown name dropped).
    expect(await page.evaluate(() => window.location.hash)).toContain(
      'hide=lr,batch,critic,sweep,presets,exports,suite',
    );
  });
});
