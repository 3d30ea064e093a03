import { expect, test } from './fixtures';
import { readNumber, waitForRunState } from './helpers';

test('embed=1 shows only the plot, Start and the main sliders, with a link to the full lab', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await page.goto('./#dim=2&batch=500&steps=40&seed=4&embed=1');
  await expect(page.getByTestId('app')).toHaveClass(/embedded/);
  for (const id of ['plot', 'start-pause', 'legend-mine', 'open-full-lab'])
    await expect(page.getByTestId(id), id).toBeVisible();
  for (const label of ['Signal power P', 'Noise variance σ²', 'Dimension d', 'Hidden units h'])
    await expect(page.getByLabel(label), label).toBeVisible();
  for (const id of [
    'step-once',
    'reset',
    'export-csv',
    'save-png',
    'preset-reference',
    'explainer',
    'presentation',
  ])
    await expect(page.getByTestId(id), id).toHaveCount(0);
  await expect(page.getByLabel('Learning rate')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The link opens the same settings without embed=1, in a new tab, without access back to this one.
  const link = page.getByTestId('open-full-lab');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(link).toHaveAccessibleName(/Open the full lab/);
  await page.getByLabel('Hidden units h').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('value-hidden')).toHaveAttribute('data-value', '12');
  const href = await link.getAttribute('href');
  expect(href).toBe(
    `${baseURL}#estimator=mine&eval=25&dist=channel&power=3&noise=0.2&dim=2&hidden=12&lr=0.01&batch=500&steps=40&seed=4&units=bits&backend=auto`,
  );
  expect(href).not.toContain('embed');

  // Start trains in place.
  await page.getByTestId('start-pause').click();
  await waitForRunState(page, 'done');
  expect(await readNumber(page, 'step')).toBe(40);

  const popupPromise = page.waitForEvent('popup');
  await link.click();
  const full = await popupPromise;
  await expect(full.getByTestId('app')).not.toHaveClass(/embedded/);
  await expect(full.getByTestId('preset-reference')).toBeVisible();
  await expect(full.getByTestId('value-hidden')).toHaveAttribute('data-value', '12');
  await expect(full.getByTestId('value-seed')).toHaveAttribute('data-value', '4');
  expect(await full.evaluate(() => window.opener)).toBeNull();
  await full.close();
});

test('the README iframe snippet shows the embedded lab inside a slide-sized frame', async ({
  page,
  baseURL,
}) => {
  await page.setContent(
    `<iframe src="${baseURL}#embed=1&dim=1&batch=500&steps=30&run=1" width="960" height="540" style="border:0" title="MINE Lab" allow="fullscreen"></iframe>`,
  );
  const frame = page.frameLocator('iframe[title="MINE Lab"]');
  await expect(frame.getByTestId('plot')).toBeVisible();
  await expect(frame.getByTestId('run-state')).toHaveText('done', { timeout: 120_000 });
  await expect(frame.getByTestId('start-pause')).toHaveText('Restart');
  const overflow = await frame
    .locator('html')
    .evaluate((el) => [el.scrollWidth, el.clientWidth, el.scrollHeight, el.clientHeight]);
  expect(overflow[0]).toBeLessThanOrEqual(overflow[1]);
  expect(overflow[2]).toBeLessThanOrEqual(overflow[3]);
});
