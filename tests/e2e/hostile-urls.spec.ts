import type { Page } from '@playwright/test';
import { MAX_URL_NOTICES } from '../../src/protocol/urlHash';
import { expect, guardedContext, test, type ContextGuard } from './fixtures';
import { readNumber, waitForRunState } from './helpers';
import {
  EDGE_CASES,
  HOSTILE_CASES,
  withQuickSettings,
  type EdgeCase,
  type HostileCase,
} from './hostileCases';

/**
 * One page for the whole table, loaded afresh for each case (about:blank first), with its own guard:
 * every case fails on a CSP violation, an uncaught error or a dialog (an injected alert).
 */
const it = test.extend<{ site: Page }, { shared: { page: Page; guard: ContextGuard } }>({
  shared: [
    async ({ browser }, provide, workerInfo) => {
      const { baseURL, viewport } = workerInfo.project.use;
      // No service worker: its background precache is not what these cases are about.
      const { context, guard } = await guardedContext(browser, {
        baseURL,
        viewport,
        serviceWorkers: 'block',
      });
      await provide({ page: await context.newPage(), guard });
      await context.close();
    },
    { scope: 'worker' },
  ],
  // (`provide` is Playwright's `use`, renamed so the React hooks lint rule does not mistake it.)
  site: async ({ shared }, provide) => {
    shared.guard.reset();
    await provide(shared.page);
    await shared.guard.assertClean();
  },
});

/** Where a key's value shows: its control's readout, or the estimator line. */
const readout = (page: Page, key: string) =>
  page.getByTestId(key === 'estimator' ? 'estimator' : `value-${key}`);

/** Every element URL text could have become if it were ever parsed as markup. */
const INJECTED = 'img[src="x"], script:not([src]), [onerror], [onload], iframe, object, embed';

/** Checks what every case must show: fallbacks, a notice, nothing injected, a canonical hash. */
async function expectFallback(page: Page, c: HostileCase): Promise<void> {
  for (const [key, value] of Object.entries(c.expected))
    await expect(readout(page, key), key).toHaveAttribute('data-value', value);
  await expect(page.getByTestId('notice')).toContainText(c.notice);
  expect(await page.getByTestId('notice').locator('li').count()).toBeLessThanOrEqual(MAX_URL_NOTICES);
  await expect(page.locator(INJECTED)).toHaveCount(0);
  // The hash is rewritten from the settings in use: nothing of the URL text survives in it.
  expect(await page.evaluate(() => location.hash)).toMatch(/^#[a-z]+=[\w.,-]+(&[a-z]+=[\w.,-]+)*$/);
}

/** Trains to the end (starting the run if the URL did not) and checks that every step was taken. */
async function expectTraining(page: Page): Promise<void> {
  if ((await page.getByTestId('run-state').textContent()) === 'idle')
    await page.getByTestId('start-pause').click();
  await waitForRunState(page, 'done');
  expect(await readNumber(page, 'step')).toBe(await readNumber(page, 'value-steps'));
}

/** A full load of `hash` from scratch, not a same-document hash change. */
async function load(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`./#${hash}`);
}

it.describe('hostile URL hashes', () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.name}: #${c.hash.length > 60 ? `${c.hash.slice(0, 60)}…` : c.hash}`, async ({ site }) => {
      await load(site, withQuickSettings(c.hash));
      await expectFallback(site, c);
      await expectTraining(site);
    });
  }

  for (const c of HOSTILE_CASES.filter((h) => h.alsoAsHashChange)) {
    it(`${c.name}, typed into the address bar of an open page`, async ({ site }) => {
      await load(site, withQuickSettings('seed=5'));
      await expect(site.getByTestId('value-seed')).toHaveAttribute('data-value', '5');
      await expect(site.getByTestId('notice')).toHaveCount(0);
      await site.evaluate((hash) => (location.hash = hash), withQuickSettings(c.hash));
      await expectFallback(site, c);
      await expectTraining(site);
    });
  }
});

it.describe('notices in the reader’s language', () => {
  it('a bad value reads in Chinese with lang=zh-CN, and in English once the switch says so', async ({
    site,
  }) => {
    await load(site, withQuickSettings('dim=abc&colour=blue&lang=zh-CN'));
    const notice = site.getByTestId('notice');
    await expect(notice).toContainText(
      'URL 参数 dim="abc" 无效（dim 须为 1 到 20 之间的整数），改用默认值 3。',
    );
    await expect(notice).toContainText('未知的 URL 参数 "colour"，已忽略。');
    await expect(notice.getByRole('button', { name: '关闭提示' }).first()).toBeVisible();
    await site.getByTestId('language').selectOption('en');
    await expect(notice).toContainText(
      'URL parameter dim="abc" is invalid (dim must be an integer from 1 to 20); using the default 3.',
    );
    await expect(notice).toContainText('Unknown URL parameter "colour" was ignored.');
    await expect(notice).not.toContainText('无效');
  });
});

it.describe('valid configurations at the edges', () => {
  for (const c of EDGE_CASES as readonly EdgeCase[]) {
    it(`${c.name}: #${c.hash}`, async ({ site }) => {
      await load(site, `${c.hash}&run=1`);
      for (const [key, value] of Object.entries(c.expected))
        await expect(readout(site, key), key).toHaveAttribute('data-value', value);
      await waitForRunState(site, 'done');
      expect(await readNumber(site, 'step')).toBe(Number(new URLSearchParams(c.hash).get('steps')));
      await expect(site.getByTestId('notice')).toHaveCount(0);
      if (c.ceiling) await expect(site.getByTestId('ceiling-notice')).toContainText('ceiling');
      else await expect(site.getByTestId('ceiling-notice')).toHaveCount(0);
    });
  }
});
