import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { waitForRunState, waitForStep } from './helpers';

test.describe('accessibility (axe-core)', () => {
  test('the idle page has no serious or critical violation', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('backend')).not.toHaveText('starting…');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('during a run, with several estimators and the critic panel, there is none either', async ({
    page,
  }) => {
    await page.goto('./#estimator=mine,nwj,infonce&dim=1&batch=500&steps=20000&run=1');
    await waitForStep(page, 50);
    await expect(page.getByTestId('critic-heatmap')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('reset').click();
  });

  test('in presentation mode, after a sweep, there is none either', async ({ page }) => {
    await page.goto('./#dim=1&batch=500&steps=40&sweep=hidden:4,8&run=1');
    await expect(page.getByTestId('sweep')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await waitForRunState(page, 'done');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('presentation').click();
    await expect(page.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('every control is reachable by Tab with a visible focus ring', async ({ page }) => {
    await page.goto('./');
    const unfocusable: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const name =
          el.getAttribute('aria-label') || el.id || el.getAttribute('data-testid') || el.textContent?.trim();
        return { key: `${el.tagName}:${name}`, ring };
      });
      if (!focused || seen.has(focused.key)) continue;
      seen.add(focused.key);
      if (!focused.ring) unfocusable.push(focused.key);
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(unfocusable).toEqual([]);
  });
});
