import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/** The TeX source of every formula inside `scope`, joined. */
function texIn(scope: Locator): Promise<string> {
  return scope
    .locator('[data-tex]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-tex')).join('\n'));
}

test.describe('explainer', () => {
  // page.route must see every request (a service worker would answer some itself).
  test.use({ serviceWorkers: 'block' });

  test('shows the data model, true MI and bound with the current values, typeset by KaTeX', async ({
    page,
  }) => {
    await page.goto('./#dim=3');
    const panel = page.getByTestId('explainer');
    const toggle = page.getByTestId('explainer-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(panel.locator('.katex').first()).toBeVisible();
    await expect(panel.locator('.tex-plain')).toHaveCount(0);
    await expect(panel).toContainText('6.00');
    expect(await texIn(panel)).toContain('\\frac{3}{0.2}');
    await expect(page.getByTestId('explain-mine')).toContainText('20,000');
    await expect(panel).toContainText('Noise variance σ²:');
    await expect(panel).toContainText('Watch:');

    // The formulas follow the settings: units, distribution, estimators.
    await page.getByTestId('value-units').selectOption('nats');
    await expect(panel).toContainText('4.16');
    await expect.poll(() => texIn(panel)).toContain('\\ln');
    await page.getByTestId('value-dist').selectOption('correlated');
    await expect.poll(() => texIn(panel)).toContain('\\rho = 0.8');
    await expect(panel).toContainText('1.53'); // −3/2 · ln(1 − 0.64) nats
    await page.getByRole('checkbox', { name: 'InfoNCE' }).check();
    await expect.poll(() => texIn(page.getByTestId('explain-infonce'))).toContain('k = 256');
    await page.getByRole('checkbox', { name: 'SMILE' }).check();
    await expect.poll(() => texIn(page.getByTestId('explain-smile'))).toContain('\\tau = 5');

    // Collapsible, with the mouse and the keyboard.
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(panel.locator('.katex')).toHaveCount(0);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(panel.locator('.katex').first()).toBeVisible();
  });

  test('shows plain text until the KaTeX chunk arrives, from the site itself', async ({ page, baseURL }) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const katexFiles: string[] = [];
    await page.route(/katexRender-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    page.on('request', (request) => {
      if (/katex/i.test(request.url())) katexFiles.push(request.url());
    });
    await page.goto('./#dim=3');
    const plain = page.getByTestId('explainer').locator('.tex-plain').nth(1);
    await expect(plain).toHaveText('I(X;Y) = d/2 · log₂(1 + P/σ²) = 3/2 · log₂(1 + 3/0.2) = 6.00 bits');
    release();
    await expect(page.getByTestId('explainer').locator('.tex-plain')).toHaveCount(0);
    await expect(page.getByTestId('explainer').locator('.katex').first()).toBeVisible();
    // KaTeX's code, stylesheet and fonts come from the built site, never from elsewhere.
    await expect.poll(() => katexFiles.some((url) => /KaTeX_.*\.woff2$/.test(url))).toBe(true);
    expect(katexFiles.filter((url) => !url.startsWith(baseURL ?? ''))).toEqual([]);
  });
});

test('the first load (the entry chunk and every chunk it imports) stays under 250 kB gzipped and leaves KaTeX to its own chunk', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  // What the browser fetches before the first paint: the entry script and its static imports,
  // which the build lists as modulepreload links (a chunk split off but loaded at once counts).
  const files = [
    ...html.matchAll(
      /<(?:script type="module"|link rel="modulepreload")[^>]*(?:src|href)="\.\/(assets\/[^"]+\.js)"/g,
    ),
  ].map((match) => match[1]);
  expect(files.some((file) => /^assets\/index-/.test(file))).toBe(true);
  let gzipped = 0;
  for (const file of files) {
    const code = await readFile(`dist/${file}`);
    gzipped += gzipSync(code).length;
    expect(code.toString(), file).not.toContain('KaTeX parse error');
  }
  const gzipKb = gzipped / 1000;
  console.log(`[measured] first load: ${files.length} chunks, ${gzipKb.toFixed(1)} kB gzipped`);
  expect(gzipKb).toBeLessThan(250);
});
