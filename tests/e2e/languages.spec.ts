/**
 * Every view in the pseudo-locale (en-XA: each catalogue string comes out as ⟦áccéntéd⟧) and in
 * Simplified Chinese: any visible text, or aria-label / title / placeholder / alt / label attribute,
 * holding a run of two or more Latin letters outside ⟦…⟧ (en-XA) or at all (zh-CN) fails, unless
 * it is a genuine non-translatable token (ALLOWED) or sits in a `translate="no"` element (task ids,
 * column and file names), a KaTeX formula or a chart's axis ticks. Then axe in Chinese, and the
 * Chinese layout at 1024×768 and on a 390×844 phone.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { firstScreen, waitForRunState } from './helpers';
import { PARAMS } from '../../src/protocol/config';
import { PAGE_FLAGS } from '../../src/protocol/urlHash';

/** Words that are the same in every language: names of products, estimators, units, maths, keys. */
const ALLOWED = new Set([
  // the product, estimators, baselines, formats, libraries, benchmark and papers
  ...['MINE', 'Lab', 'DV', 'NWJ', 'InfoNCE', 'SMILE', 'KSG', 'CSV', 'PNG', 'JSON', 'MB'],
  ...['WebGL', 'WebAssembly', 'WebGPU', 'CPU', 'JavaScript', 'TensorFlow', 'js', 'Adam', 'PyTorch'],
  ...['bmi', 'Beyond', 'Normal', 'Student', 'ICML', 'NeurIPS', 'Belghazi', 'Czy', 'Kraskov', 'St'],
  ...['gbauer', 'Grassberger', 'Jensen', 'Shannon', 'ReLU', 'MINE-f'],
  // subscripts in a formula's plain-text form (w_out, b_out) until KaTeX has typeset it
  'out',
  // backend ids as the readout shows them, units, maths and missing-value spellings
  ...['wasm', 'webgl', 'cpu', 'webgpu', 'bits', 'nats', 'log', 'ln', 'sin', 'const', 'NA', 'NaN', 'null'],
  // functions and groups in the tasks' definitions, a copula (left untranslated in Chinese too), a citation
  ...['exp', 'cos', 'so', 'copula', 'Arellano', 'Valle'],
  // the URL's keys, as a notice quotes them (identifiers, typed as they are)
  ...['URL', ...PARAMS.map((spec) => spec.key), ...Object.keys(PAGE_FLAGS)],
  'asinh',
  // keys on the keyboard
  ...['Ctrl', 'Alt'],
]);

/** One piece of text the page shows, with the nearest test id above it. */
interface Shown {
  readonly text: string;
  readonly where: string;
  readonly testId: string | null;
}

/**
 * Every visible block of text (a block's text nodes and inline elements together, so a string with
 * <code> or <sub> inside reads as one) and labelling attribute, outside formulas, axis ticks,
 * `translate="no"` and the language menu's names of languages in themselves.
 */
function shownTexts(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    // A formula (typeset, or its plain-text twin until KaTeX loads: both carry data-tex) is maths.
    const SKIP =
      '.katex, .tex[data-tex], script, style, [translate="no"], .recharts-cartesian-axis-tick, option[lang], [data-lesson-words]';
    const INLINE = new Set([
      'A',
      'ABBR',
      'B',
      'CODE',
      'EM',
      'I',
      'KBD',
      'SMALL',
      'SPAN',
      'STRONG',
      'SUB',
      'SUP',
    ]);
    // An inline element reads with its block, unless it has a test id of its own (a readout's value).
    const inline = (el: Element) => INLINE.has(el.tagName) && !el.hasAttribute('data-testid');
    const visible = (el: Element): boolean => {
      // Options draw inside their menu: they count when the menu does.
      const holder = el.closest('select') ?? el;
      return holder.checkVisibility({ visibilityProperty: true });
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    // The element's own test id, a direct child's (a readout's value), else the nearest above it.
    const testIdOf = (el: Element) =>
      (el.closest('[data-testid]') === el
        ? el
        : (el.querySelector(':scope > [data-testid]') ?? el.closest('[data-testid]'))
      )?.getAttribute('data-testid') ?? null;
    /** A block's own text: its text nodes and inline children, skipped parts and nested blocks as spaces. */
    const textOf = (el: Element): string =>
      [...el.childNodes]
        .map((child) => {
          if (child.nodeType === Node.TEXT_NODE) return child.textContent ?? '';
          if (!(child instanceof Element) || child.matches(SKIP) || !inline(child)) return ' ';
          return textOf(child);
        })
        .join('');
    const blocks = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let block = node.parentElement;
      if (!block || (node.textContent ?? '').trim() === '' || block.closest(SKIP) || !visible(block))
        continue;
      while (inline(block) && block.parentElement) block = block.parentElement;
      blocks.add(block);
    }
    const found: { text: string; where: string; testId: string | null }[] = [];
    for (const block of blocks) {
      const text = textOf(block).replace(/\s+/g, ' ').trim();
      if (text) found.push({ text, where: describe(block), testId: testIdOf(block) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], optgroup'))
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'label']) {
        const value = el.getAttribute(name);
        if (!value || el.closest(SKIP) || !visible(el)) continue;
        if (name === 'title' && el.closest('[data-testid="copy-link"], [data-testid="open-full-lab"]'))
          continue; // a URL
        found.push({ text: value, where: `${describe(el)}[${name}]`, testId: testIdOf(el) });
      }
    return found;
  });
}

/** The Latin words of `text` that are not from the catalogue (⟦…⟧ removed) and not allowed. */
function strayWords(text: string): string[] {
  let rest = text
    // Quoted input echoed back (a bad URL value, a lesson's name) is the user's, not the page's words.
    .replace(/"[^"]*"|“[^”]*”/g, ' ')
    // bmi's task ids (1v1-normal-0.75, multinormal-sparse-3-3-2-2.0, normal_cdf-…) are identifiers.
    .replace(/\b[a-z0-9_]+(?:-[a-z0-9_.]+)+\b/g, ' ');
  // Innermost first: a catalogue string can carry another as a value (⟦⟦MÍÑÉ⟧ (bíts)⟧).
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return (rest.match(/[A-Za-z][A-Za-z-]*[A-Za-z]/g) ?? [])
    .flatMap((word) => (ALLOWED.has(word) ? [] : word.split('-')))
    .filter((word) => word.length >= 2 && !ALLOWED.has(word));
}

/** WebGL's renderer string as ANGLE reports it (a GPU's own name) wherever a reason quotes it. */
const RENDERER = /ANGLE \((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g;

/** What the page shows that did not come from the catalogue, a line per piece of text. */
async function untranslated(page: Page): Promise<string[]> {
  const stray: string[] = [];
  const texts = await shownTexts(page);
  expect(texts.length, 'pieces of text walked').toBeGreaterThan(10);
  for (const shown of texts) {
    const words = strayWords(shown.text.replace(RENDERER, ' '));
    if (words.length > 0)
      stray.push(`${shown.where} (${shown.testId ?? 'no test id'}): "${shown.text}" — ${words.join(', ')}`);
  }
  return stray;
}

/** Opens the explainer (open by default on a wide screen) and waits for KaTeX. */
async function openExplainer(page: Page): Promise<void> {
  const toggle = page.getByTestId('explainer-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('explainer').locator('.katex').first()).toBeVisible();
}

/** A view of the page: its link and what to do once it is open. */
interface View {
  readonly name: string;
  readonly hash: string;
  readonly prepare?: (page: Page) => Promise<void>;
}

const VIEWS: readonly View[] = [
  { name: 'the lab at defaults', hash: '' },
  {
    name: 'a link with bad and unknown values, its notices shown',
    hash: 'dim=0&nonsense=1&batch=-3&batch=4&hide=lr,warp&sweep=hidden:x',
    prepare: async (page) => {
      await expect.poll(() => page.getByTestId('notice').locator('li').count()).toBeGreaterThanOrEqual(5);
    },
  },
  {
    name: 'a lesson step in presentation mode',
    hash: 'lesson=why-mine&step=6&present=1',
    prepare: async (page) => {
      await expect(page.getByTestId('lesson-narrative').locator('li').first()).toBeVisible();
    },
  },
  {
    name: 'a lesson the page refused',
    hash: 'lesson=no-such-lesson',
    prepare: async (page) => {
      await expect(page.getByTestId('lesson-problem')).toBeVisible();
    },
  },
  {
    name: 'a lesson of the site, the lesson menu open',
    hash: 'lesson=signal-and-noise',
    prepare: async (page) => {
      await expect(page.getByTestId('lesson-narrative')).toBeVisible();
      await page.getByTestId('lesson-menu').locator('summary').click();
      await expect(page.getByTestId('lesson-choice-why-mine')).toBeVisible();
    },
  },
  {
    name: 'compare mode after a run, explainer open, earlier runs on the plot',
    hash: 'estimator=mine,mine-ema,nwj,infonce,smile&dim=1&batch=200&steps=40&eval=10&hidden=4,4',
    prepare: async (page) => {
      // Two runs: the first stays on the plot as an earlier run, with its pin button.
      for (let run = 0; run < 2; run++) {
        await page.getByTestId('start-pause').click();
        await waitForRunState(page, 'done');
      }
      await expect(page.getByTestId('ghost-run').first()).toBeVisible();
      await openExplainer(page);
    },
  },
  {
    name: 'the shortcuts dialog',
    hash: '',
    prepare: async (page) => {
      await page.getByTestId('shortcuts-button').click();
      await expect(page.getByTestId('shortcuts')).toBeVisible();
    },
  },
  { name: 'presentation mode', hash: 'present=1&estimator=mine,infonce&noise=0.01&batch=256' },
  { name: 'embed mode', hash: 'embed=1' },
  {
    name: 'the staircase, the explainer open',
    hash: 'dist=staircase&estimator=infonce,smile',
    prepare: async (page) => {
      await openExplainer(page);
    },
  },
  {
    name: 'a benchmark task on a finite sample after a run, explainer open',
    hash: 'dist=task&task=student-identity-1-1-1&rows=400&batch=100&steps=30&eval=10&patience=1&estimator=mine,nwj',
    prepare: async (page) => {
      await page.getByTestId('start-pause').click();
      await waitForRunState(page, 'done');
      await openExplainer(page);
    },
  },
  {
    name: 'your data with a bundled example, after a run, paste rows open',
    hash: 'dist=data&steps=20&batch=200',
    prepare: async (page) => {
      await page.getByTestId('data-example').selectOption('sine');
      await expect(page.getByTestId('data-status')).toHaveAttribute('data-state', 'ready');
      await page.getByTestId('start-pause').click();
      await waitForRunState(page, 'done');
      await expect(page.getByTestId('ksg-estimate')).not.toHaveAttribute('data-bits', '');
      await page.locator('details.paste summary').click();
      await openExplainer(page);
    },
  },
  {
    name: 'a sweep, finished',
    hash: 'sweep=hidden:2,4&steps=20&batch=200&dim=1&run=1',
    prepare: async (page) => {
      await expect(page.getByTestId('sweep')).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    },
  },
  {
    name: 'the suite view, every family open',
    hash: 'view=suite&tasks=1v1-normal-0.75,student-identity-1-1-1&estimator=mine,ksg&seeds=1&rows=1000',
    prepare: async (page) => {
      await expect(page.getByTestId('suite-view')).toBeVisible();
      await page.locator('.suite-form details').evaluateAll((all) => {
        for (const details of all) if (details instanceof HTMLDetailsElement) details.open = true;
      });
    },
  },
];

/** Opens `view` in `lang`, ready to be read. */
async function open(page: Page, view: View, lang: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`./#${view.hash ? `${view.hash}&` : ''}lang=${lang}`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en-XA' ? 'en' : lang);
  await expect(page.getByTestId('app')).toBeVisible();
  await view.prepare?.(page);
}

for (const lang of ['en-XA', 'zh-CN'] as const) {
  test.describe(`every view in ${lang}`, () => {
    for (const view of VIEWS)
      test(`${view.name}: no text that did not come from the catalogue`, async ({ page }) => {
        await open(page, view, lang);
        expect(await untranslated(page), `untranslated in ${lang}`).toEqual([]);
      });
  });
}

test.describe('in Chinese', () => {
  test('the pseudo-locale marks what it renders, and Chinese shows Chinese', async ({ page }) => {
    await page.goto('./#lang=en-XA');
    await expect(page.getByTestId('start-pause')).toHaveText('⟦Stárt⟧');
    await page.goto('about:blank');
    await page.goto('./#lang=zh-CN');
    await expect(page.getByTestId('start-pause')).toHaveText('开始');
    await expect(page.getByRole('region', { name: '设置', exact: true })).toBeVisible();
    await expect(page.getByLabel('噪声方差 σ²')).toBeVisible();
    await expect(page.getByTestId('true-mi')).toHaveText('6.00');
  });

  test('axe finds no serious or critical violation in any view', async ({ page }) => {
    for (const view of VIEWS.filter((v) => !v.name.includes('after a run') && !v.name.includes('sweep'))) {
      await open(page, view, 'zh-CN');
      expect(await seriousViolations(page), view.name).toEqual([]);
    }
  });

  test('the layout holds at 1024×768: nothing scrolls sideways, Start and the plot on the first screen', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const hash of ['', 'estimator=mine,mine-ema,nwj,infonce,smile&bogus=1', 'present=1', 'embed=1']) {
      await page.goto('about:blank');
      await page.goto(`./#${hash ? `${hash}&` : ''}lang=zh-CN`);
      await expect(page.getByTestId('start-pause')).toHaveText('开始');
      const screen = await firstScreen(page);
      expect(screen.scroll.width, `${hash}: scrollWidth <= clientWidth`).toBeLessThanOrEqual(
        screen.scroll.clientWidth,
      );
      expect(screen.start.y + screen.start.height, `${hash}: Start`).toBeLessThanOrEqual(768);
      expect(screen.plot.y, `${hash}: the plot starts on the first screen`).toBeLessThan(768);
    }
  });

  test.describe('on a 390×844 phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    test('nothing scrolls sideways; the plot and Start are on the first screen', async ({ page }) => {
      for (const hash of ['', 'estimator=mine,mine-ema,nwj,infonce,smile&bogus=1']) {
        await page.goto('about:blank');
        await page.goto(`./#${hash ? `${hash}&` : ''}lang=zh-CN`);
        await expect(page.getByTestId('app')).toHaveClass(/\bphone\b/);
        await expect(page.getByTestId('start-pause')).toHaveText('开始');
        const screen = await firstScreen(page);
        expect(screen.scroll.width, `${hash}: scrollWidth <= clientWidth`).toBeLessThanOrEqual(
          screen.scroll.clientWidth,
        );
        expect(screen.plot.y).toBeGreaterThanOrEqual(0);
        expect(screen.plot.y + screen.plot.height, `${hash}: the plot`).toBeLessThanOrEqual(844);
        expect(screen.start.y + screen.start.height, `${hash}: Start`).toBeLessThanOrEqual(844);
      }
    });
  });
});
