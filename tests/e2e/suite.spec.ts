import { execFile } from 'node:child_process';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { taskTruthBits } from '../../src/protocol/suite';
import { expect, test } from './fixtures';
import { readNumber, reportMeasurement, waitForRunState } from './helpers';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

/** Every cell of the suite table: task, estimator, estimate in bits, truth in bits, solved. */
async function cells(page: Page) {
  return page.getByTestId('suite-cell').evaluateAll((tds) =>
    tds.map((td) => {
      const d = (td as HTMLElement).dataset;
      return {
        task: d.task ?? '',
        estimator: d.estimator ?? '',
        bits: d.bits ?? '',
        truth: Number(d.truthBits),
        solved: d.solved,
      };
    }),
  );
}

/** Waits until the suite's progress reports `state`. */
async function waitForSuite(page: Page, state: string, timeout = 240_000): Promise<void> {
  await expect(page.getByTestId('suite-progress')).toHaveAttribute('data-state', state, { timeout });
}

test.describe('the Beyond Normal suite', () => {
  test('a task from a link trains and shows its exact truth, with X and Y of different sizes', async ({
    page,
  }) => {
    await page.goto('./#dist=task&task=swissroll_x-normal_cdf-1v1-normal-0.75&batch=500&steps=40&run=1');
    await expect(page.getByTestId('distribution')).toHaveAttribute('data-value', 'task');
    expect(await readNumber(page, 'true-mi')).toBeCloseTo(
      taskTruthBits('swissroll_x-normal_cdf-1v1-normal-0.75'),
      12,
    );
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(40);
    expect(Number.isFinite(await readNumber(page, 'estimate'))).toBe(true);
    await expect(page.getByTestId('value-task')).toHaveAttribute(
      'data-value',
      'swissroll_x-normal_cdf-1v1-normal-0.75',
    );
  });

  test('3 tasks × 2 estimators run to the end: every cell finite, the Gaussian tasks solved', async ({
    page,
  }) => {
    await page.goto(
      './#view=suite&tasks=1v1-normal-0.75,student-identity-1-1-1,multinormal-dense-2-2-0.5&estimator=mine,ksg&seeds=1&rows=1000',
    );
    await expect(page.getByTestId('suite-view')).toBeVisible();
    await expect(page.getByTestId('suite-progress')).toHaveAttribute('data-total', '6');
    await expect(page.getByTestId('suite-progress')).toHaveAttribute('data-state', 'idle'); // a fresh context: no kept cells
    const startedAt = Date.now();
    await page.getByTestId('suite-run').click();
    await waitForSuite(page, 'done');
    reportMeasurement(
      test.info(),
      '3 × 2 suite at 1,000 rows (s)',
      ((Date.now() - startedAt) / 1000).toFixed(1),
    );
    const all = await cells(page);
    expect(all).toHaveLength(6);
    for (const cell of all)
      expect(Number.isFinite(Number(cell.bits)) && cell.bits !== '', `${cell.task} ${cell.estimator}`).toBe(
        true,
      );
    for (const cell of all.filter((c) => c.task !== 'student-identity-1-1-1'))
      expect(cell.solved, `${cell.task} ${cell.estimator}: ${cell.bits} vs ${cell.truth}`).toBe('true');
    const solvedMine = Number(await page.getByTestId('suite-solved-mine').getAttribute('data-value'));
    expect(solvedMine).toBe(all.filter((c) => c.estimator === 'mine' && c.solved === 'true').length);
    // The link reproduces the suite (tasks in bmi's order).
    expect(await page.evaluate(() => location.hash)).toBe(
      '#view=suite&tasks=1v1-normal-0.75,student-identity-1-1-1,multinormal-dense-2-2-0.5&estimator=mine,ksg&seeds=1&rows=1000',
    );
  });

  test('a reload in the middle of a suite keeps the finished cells and resumes', async ({ page }) => {
    await page.goto(
      './#view=suite&tasks=1v1-normal-0.75,1v1-additive-0.1&estimator=mine,linear&seeds=3&rows=1000',
    );
    await expect(page.getByTestId('suite-progress')).toHaveAttribute('data-done', '0');
    await page.getByTestId('suite-run').click();
    await expect
      .poll(async () => Number(await page.getByTestId('suite-progress').getAttribute('data-done')), {
        timeout: 120_000,
      })
      .toBeGreaterThanOrEqual(2);
    const before = Number(await page.getByTestId('suite-progress').getAttribute('data-done'));
    expect(before).toBeLessThan(12);
    await page.reload();
    await expect(page.getByTestId('suite-progress')).toHaveAttribute('data-state', 'idle');
    const kept = Number(await page.getByTestId('suite-progress').getAttribute('data-done'));
    expect(kept).toBeGreaterThanOrEqual(before);
    await expect(page.getByTestId('suite-run')).toContainText(`Run the ${12 - kept} cells left`);
    await page.getByTestId('suite-run').click();
    await waitForSuite(page, 'done');
    await expect(page.getByTestId('suite-progress')).toHaveAttribute('data-done', '12');
  });

  test('the command line gives the page’s numbers for the same tasks and seed', async ({ page }) => {
    await page.goto(
      './#view=suite&tasks=1v1-normal-0.75,multinormal-sparse-3-3-2-2.0&estimator=mine,ksg,linear&seeds=1&rows=1000',
    );
    await page.getByTestId('suite-run').click();
    await waitForSuite(page, 'done');
    const onPage = await cells(page);
    const out = join(await mkdtemp(join(tmpdir(), 'mine-suite-')), 'results.csv');
    await run('npx', ['vite', 'build', '-c', 'scripts/suite/vite.config.ts'], { cwd: ROOT });
    const { stdout } = await run(
      'node',
      [
        'scripts/suite/dist/cli.mjs',
        '--tasks',
        '1v1-normal-0.75,multinormal-sparse-3-3-2-2.0',
        '--estimators',
        'mine,ksg,linear',
        '--seeds',
        '1',
        '--rows',
        '1000',
        '--out',
        out,
      ],
      { cwd: ROOT },
    );
    expect(stdout).toContain('| **solved** |');
    const rows = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(rows).toHaveLength(6);
    for (const [task, estimator, , bits] of rows) {
      const cell = onPage.find((c) => c.task === task && c.estimator === estimator);
      expect(cell?.bits, `${task} ${estimator}`).toBe(bits); // the same digits: one core, the same batches
    }
  });
});
