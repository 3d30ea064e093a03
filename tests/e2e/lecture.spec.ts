import { expect, test } from './fixtures';
import { readNumber, waitForRunState } from './helpers';

test.describe('seeing what the critic learned, comparing runs, sweeping', () => {
  test('for d = 1 the learned and optimal critics are drawn and update as training goes on', async ({
    page,
  }) => {
    await page.goto('./#dim=1&batch=1000&steps=20000&run=1');
    const heatmap = page.getByTestId('critic-heatmap');
    await expect(heatmap).toBeVisible();
    await expect(page.getByTestId('optimal-critic')).toBeVisible();
    await expect(page.getByTestId('batch-scatter')).toBeVisible();
    const first = Number(await heatmap.getAttribute('data-step'));
    await expect.poll(async () => Number(await heatmap.getAttribute('data-step'))).toBeGreaterThan(first);
    // The canvas really holds colours: the learned critic is not blank.
    const distinctColours = await heatmap.evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      const colours = new Set<string>();
      for (let i = 0; i < data.length; i += 4) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return colours.size;
    });
    expect(distinctColours).toBeGreaterThan(20);
    await page.getByTestId('reset').click();
  });

  test('for d > 1 there is a batch scatter and no heatmap', async ({ page }) => {
    await page.goto('./#dim=3&batch=500&steps=30&run=1');
    await waitForRunState(page, 'done');
    await expect(page.getByTestId('batch-scatter')).toBeVisible();
    await expect(page.getByTestId('critic-heatmap')).toHaveCount(0);
  });

  test('earlier runs stay as labelled ghosts, can be pinned, and are cleared', async ({ page }) => {
    await page.goto('./#dim=1&batch=500&steps=60&hidden=4&run=1');
    await waitForRunState(page, 'done');
    const hidden = page.getByLabel('Hidden units h');
    await hidden.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // 4 → 5 → 6 → 8 → 10
    await expect(page.getByTestId('value-hidden')).toHaveAttribute('data-value', '10');
    await expect(page.getByTestId('ghost-run')).toHaveText([/h = 4/]);
    await waitForRunState(page, 'done');
    await expect(page.locator('.curve-ghost')).toHaveCount(1);
    await page.getByTestId('ghost-pin').click();
    await expect(page.getByTestId('ghost-pin')).toHaveAttribute('aria-pressed', 'true');
    for (let run = 0; run < 6; run++) {
      await page.getByTestId('start-pause').click(); // Restart
      await waitForRunState(page, 'done');
    }
    // Five unpinned ghosts are kept, plus the pinned one.
    await expect(page.getByTestId('ghost-run')).toHaveCount(6);
    await expect(page.getByTestId('ghost-run').filter({ hasText: 'h = 4' })).toHaveCount(1);
    await page.getByTestId('clear-ghosts').click();
    await expect(page.getByTestId('ghost-run')).toHaveCount(0);
  });

  test('a sweep of three values runs from a URL and plots each final estimate', async ({ page }) => {
    await page.goto('./#dim=1&batch=1000&steps=150&sweep=hidden:2,8,32&run=1');
    await expect(page.getByTestId('sweep')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    const points = page.getByTestId('sweep-point');
    await expect(points).toHaveCount(3);
    expect(await points.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.x))).toEqual([
      '2',
      '8',
      '32',
    ]);
    for (const value of await points.evaluateAll((rows) =>
      rows.map((r) => Number((r as HTMLElement).dataset.value)),
    )) {
      expect(value).toBeGreaterThan(1);
      expect(value).toBeLessThan(2.3);
    }
    await expect(page).toHaveURL(/sweep=hidden:2,8,32/);
    expect(await readNumber(page, 'step')).toBe(150);
    // The last value's settings are what the controls show.
    await expect(page.getByTestId('value-hidden')).toHaveAttribute('data-value', '32');
  });

  test('a sweep is set up from the panel, and a bad value list says what is wrong', async ({ page }) => {
    await page.goto('./#dim=1&batch=500&steps=40');
    await page.getByTestId('sweep-key').selectOption('batch');
    await page.getByTestId('sweep-values').fill('200, abc');
    await page.getByTestId('sweep-run').click();
    await expect(page.getByRole('alert')).toContainText('batch must be');
    await page.getByTestId('sweep-values').fill('200, 500');
    await page.getByTestId('sweep-run').click();
    await expect(page.getByTestId('sweep')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(page.getByTestId('sweep-point')).toHaveCount(2);
    await expect(page).toHaveURL(/sweep=batch:200,500/);
  });
});
