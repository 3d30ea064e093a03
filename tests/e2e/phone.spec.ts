/**
 * The lab on a phone, with touch (`pointer: coarse`): upright at 360×740 and 390×844, sideways at
 * 844×390. The plot and Start are on the first screen, nothing scrolls sideways, every control is a
 * 44 px touch target, axe finds nothing serious, and the preset menu and the More menu work.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { PRESETS } from '../../src/protocol/presets';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { firstScreen, waitForRunState, waitForStep } from './helpers';

/** WCAG 2.5.5's target size, px. */
const TARGET = 44;

const PHONES = [
  { width: 360, height: 740, sideways: false },
  { width: 390, height: 844, sideways: false },
  { width: 844, height: 390, sideways: true },
] as const;

/** Every estimator and a notice: the most the first screen has to hold (a run length to add). */
const BUSY = 'estimator=mine,mine-ema,nwj,infonce,smile&batch=1000&bogus=1';

/**
 * How many visible interactive elements there are, and those smaller than a touch target, with
 * their sizes, one line each.
 */
function touchTargets(page: Page): Promise<{ checked: number; offenders: string[] }> {
  return page.evaluate((min) => {
    const selector = [
      'a[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="checkbox"]',
      '[role="slider"]',
      '[role="menuitem"]',
      '[role="link"]',
      '[tabindex]:not([tabindex="-1"])',
    ].join(', ');
    const name = (el: Element) => {
      const label = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.labels?.[0] : null;
      const text =
        el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (label ?? el).textContent ?? '';
      return `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ''} "${text.trim().slice(0, 40)}"`;
    };
    const offenders: string[] = [];
    let checked = 0;
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      checked++;
      const box = el.getBoundingClientRect();
      const size = `${box.width.toFixed(1)}×${box.height.toFixed(1)}`;
      const pressable =
        el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY' || el.role === 'button';
      // A checkbox is pressed through its whole label: the label must be a full target too.
      const label =
        el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
          ? el.closest('label')
          : null;
      if (box.height < min || (pressable && box.width < min)) offenders.push(`${name(el)} ${size}`);
      if (label) {
        const target = label.getBoundingClientRect();
        if (target.height < min || target.width < min)
          offenders.push(`${name(el)}'s label ${target.width.toFixed(1)}×${target.height.toFixed(1)}`);
      }
    }
    return { checked, offenders };
  }, TARGET);
}

for (const phone of PHONES) {
  const size = `${phone.width}×${phone.height}`;
  test.describe(`on a phone, ${size}${phone.sideways ? ' (sideways)' : ''}, by touch`, () => {
    test.use({ viewport: { width: phone.width, height: phone.height }, hasTouch: true, isMobile: true });

    test('the plot, Start and the headline readouts are on the first screen; nothing overflows', async ({
      page,
    }) => {
      // The link a lecture slide gives: training starts as the page opens.
      await page.goto('./#run=1&batch=2000&steps=300');
      await expect(page.getByTestId('app')).toHaveClass(/\bphone\b/);
      await waitForStep(page, 1);
      const screen = await firstScreen(page);
      expect(screen.coarse, 'Chromium reports a coarse pointer (touch emulation applies)').toBe(true);
      expect(screen.scroll.y).toBe(0);
      expect(screen.scroll.width, 'scrollWidth <= clientWidth').toBeLessThanOrEqual(
        screen.scroll.clientWidth,
      );
      // The whole plotting area, not only its top edge, and Start, fully on the first screen.
      expect(screen.plot.y).toBeGreaterThanOrEqual(0);
      expect(screen.plot.y + screen.plot.height).toBeLessThanOrEqual(phone.height);
      expect(screen.start.y).toBeGreaterThanOrEqual(0);
      expect(screen.start.y + screen.start.height).toBeLessThanOrEqual(phone.height);
      for (const readout of [screen.trueMi, screen.estimate, screen.step]) {
        expect(readout.y + readout.height).toBeLessThanOrEqual(phone.height);
        // Above the plot when upright, beside it (to its right) when sideways.
        if (phone.sideways) expect(readout.x).toBeGreaterThanOrEqual(screen.plot.x + screen.plot.width);
        else expect(readout.y + readout.height).toBeLessThanOrEqual(screen.plot.y);
      }
      // The settings follow the plot.
      const settings = await page.getByRole('region', { name: 'Settings' }).boundingBox();
      expect(settings && settings.y).toBeGreaterThan(screen.plot.y + screen.plot.height);
      await waitForRunState(page, 'done');
      await page.getByTestId('reset').tap();
    });

    test('with every estimator and a notice, the plot still starts on the first screen', async ({ page }) => {
      await page.goto(`./#${BUSY}&steps=20000`);
      await expect(page.getByTestId('notice')).toBeVisible();
      await expect(page.getByTestId('legend-smile')).toBeVisible();
      const screen = await firstScreen(page);
      expect(screen.coarse).toBe(true);
      expect(screen.scroll.width, 'scrollWidth <= clientWidth').toBeLessThanOrEqual(
        screen.scroll.clientWidth,
      );
      expect(screen.plot.y).toBeGreaterThanOrEqual(0);
      expect(screen.plot.y).toBeLessThan(phone.height);
      expect(screen.start.y + screen.start.height).toBeLessThanOrEqual(phone.height);
    });

    test(`every control is a ${TARGET} px touch target: idle, after a run (earlier-run buttons), More menu open`, async ({
      page,
    }) => {
      // d = 1 shows the critic's heatmaps; a second run leaves an earlier one (pin, clear) on the plot.
      await page.goto(`./#${BUSY}&dim=1&steps=60`);
      await expect(page.getByTestId('backend')).not.toHaveText('starting…');
      expect(await page.evaluate(() => window.matchMedia('(pointer: coarse)').matches)).toBe(true);
      const idle = await touchTargets(page);
      expect(idle.offenders, `controls under ${TARGET} px, idle`).toEqual([]);
      await page.getByTestId('start-pause').tap();
      await waitForRunState(page, 'done');
      await page.getByTestId('start-pause').tap();
      await waitForStep(page, 1);
      await expect(page.getByTestId('ghost-pin')).toBeVisible();
      const running = await touchTargets(page);
      expect(running.offenders, `controls under ${TARGET} px, running`).toEqual([]);
      await page.getByTestId('more-menu-toggle').tap();
      await expect(page.getByTestId('export-csv')).toBeVisible();
      const menuOpen = await touchTargets(page);
      expect(menuOpen.offenders, `controls under ${TARGET} px, More menu open`).toEqual([]);
      // Not vacuous: the sliders, checkboxes, menus and buttons were all measured, then the menu's six
      // (five actions and the lesson chooser).
      expect(idle.checked).toBeGreaterThan(30);
      expect(menuOpen.checked).toBe(running.checked + 6);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
        'the open menu does not stick out sideways',
      ).toBe(true);
      await waitForRunState(page, 'done');
    });

    test('axe finds no serious or critical violation, with the menus open or closed', async ({ page }) => {
      await page.goto(`./#${BUSY}&dim=1&steps=20000`);
      await expect(page.getByTestId('backend')).not.toHaveText('starting…');
      await expect(page.getByTestId('explainer').locator('.katex').first()).toBeVisible();
      expect(await seriousViolations(page), 'closed').toEqual([]);
      await page.getByTestId('more-menu-toggle').tap();
      await expect(page.getByTestId('more-menu')).toBeVisible();
      expect(await seriousViolations(page), 'More menu open').toEqual([]);
      // A native <select>'s list is drawn by the browser, outside the page: focus stands in for open.
      await page.getByTestId('preset-select').focus();
      expect(await seriousViolations(page), 'preset menu focused').toEqual([]);
      // And during a run, with the plot and the critic drawn.
      await page.getByTestId('start-pause').tap();
      await waitForStep(page, 50);
      await expect(page.getByTestId('critic-heatmap')).toBeVisible();
      expect(await seriousViolations(page), 'running').toEqual([]);
      await page.getByTestId('reset').tap();
    });
  });
}

test.describe('phone menus and sliders, by touch (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the preset menu applies a preset: settings, URL and what to watch change', async ({ page }) => {
    await page.goto('./');
    const select = page.getByTestId('preset-select');
    await expect(select).toHaveValue('reference');
    await expect(page.getByTestId('preset-compare')).toHaveCount(0); // one menu instead of six buttons
    const compare = PRESETS.find((preset) => preset.id === 'compare');
    if (!compare) throw new Error('no compare preset');
    await select.selectOption('compare');
    await expect(select).toHaveValue('compare');
    await expect(page.getByTestId('preset-watch')).toHaveText(`Watch: ${compare.watch}`);
    await expect(page.getByTestId('value-batch')).toHaveAttribute('data-value', '1000');
    await expect(page.getByTestId('value-steps')).toHaveAttribute('data-value', '1000');
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    for (const [key, value] of new URLSearchParams(compare.hash.slice(1)))
      expect(hash.get(key), key).toBe(value);
    // A setting of one's own: no preset matches any more.
    await page.getByLabel('Seed').focus();
    await page.keyboard.press('ArrowRight');
    await expect(select).toHaveValue('');
    await expect(select.locator('option:checked')).toHaveText('Custom settings');
    await expect(page.getByTestId('preset-watch')).toHaveCount(0);
  });

  test('a tap anywhere on a slider’s 44 px strip moves it there', async ({ page }) => {
    await page.goto('./');
    const slider = page.getByLabel('Signal power P'); // 0 to 20 in steps of 0.1
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error('no slider');
    expect(box.height).toBeGreaterThanOrEqual(TARGET);
    // The thumb is 28 px wide: its centre travels from 14 px in to 14 px before the end.
    const at = (fraction: number) => box.x + 14 + fraction * (box.width - 28);
    await page.touchscreen.tap(at(0.75), box.y + box.height / 2);
    await expect(page.getByTestId('value-power')).toHaveAttribute('data-value', '15');
    // Near the strip's top edge, far from the track, a tap still lands.
    await page.touchscreen.tap(at(0.25), box.y + 4);
    await expect(page.getByTestId('value-power')).toHaveAttribute('data-value', '5');
  });

  test('the More menu opens and closes by tap and Esc, and downloads the CSV and the PNG', async ({
    page,
  }) => {
    await page.goto('./#batch=500&steps=40&seed=2&run=1');
    await waitForRunState(page, 'done');
    const toggle = page.getByTestId('more-menu-toggle');
    const csv = page.getByTestId('export-csv');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(csv).toBeHidden();
    await toggle.tap();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    for (const id of ['export-csv', 'save-png', 'copy-link', 'shortcuts-button', 'presentation'])
      await expect(page.getByTestId(id), id).toBeVisible();

    const csvDownload = page.waitForEvent('download');
    await csv.tap();
    const csvFile = await csvDownload;
    expect(csvFile.suggestedFilename()).toMatch(/\.csv$/);
    const lines = (await readFile(await csvFile.path(), 'utf8')).trimEnd().split('\n');
    const header = lines.findIndex((line) => line.startsWith('step,'));
    expect(lines[header]).toBe('step,estimate_bits,smoothed_bits,heldout_bits');
    const steps = lines.slice(header + 1).map((line) => Number(line.split(',')[0]));
    expect(steps).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    // The menu stays open after an action; Save PNG is in it too.
    const pngDownload = page.waitForEvent('download');
    await page.getByTestId('save-png').tap();
    const png = await readFile(await (await pngDownload).path());
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    // Esc closes it and puts focus back on its button; a tap outside closes it too.
    await page.getByTestId('copy-link').focus();
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    await expect(csv).toBeHidden();
    await toggle.tap();
    await expect(csv).toBeVisible();
    await page.getByTestId('plot').tap();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(csv).toBeHidden();

    // Presentation mode from the menu: the lecture layout, as on a laptop; P brings the phone one back.
    await toggle.tap();
    await page.getByTestId('presentation').tap();
    await expect(page.getByTestId('app')).toHaveClass(/presenting/);
    await expect(page.getByTestId('app')).not.toHaveClass(/\bphone\b/);
    await expect(page.getByTestId('preset-compare')).toBeVisible();
    await page.keyboard.press('p');
    await expect(page.getByTestId('app')).toHaveClass(/\bphone\b/);
  });
});
