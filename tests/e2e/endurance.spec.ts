import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFile } from 'node:fs/promises';
import { readNumber, reportMeasurement, waitForRunState, waitForStep } from './helpers';

/**
 * The page's JS heap after garbage collection, in bytes, from a heap snapshot: everything the page
 * keeps (objects, arrays, strings, closures, DOM) but V8's compiled code, which grows for a while
 * as more functions get optimised and is no data the page holds on to. Both totals are returned.
 */
async function pageHeap(page: Page): Promise<{ data: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    await cdp.detach();
  }
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const code = snapshot.snapshot.meta.node_types[0].indexOf('code');
  let data = 0;
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    total += snapshot.nodes[i + sizeAt];
    if (snapshot.nodes[i + typeAt] !== code) data += snapshot.nodes[i + sizeAt];
  }
  return { data, total };
}

/** The `# key=value` settings of the run's CSV. */
async function csvSettings(page: Page): Promise<Map<string, string>> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const text = await readFile(await (await download).path(), 'utf8');
  return new Map(
    text
      .split('\n')
      .filter((l) => /^# [a-z]+=/.test(l))
      .map((l) => l.slice(2).split('=') as [string, string]),
  );
}

test.describe('long use and rapid changes', () => {
  test('a storm of slider moves, preset clicks and URL edits ends in a run with the final settings', async ({
    page,
  }) => {
    await page.goto('./#dim=1&batch=200&steps=100&run=1');
    await waitForRunState(page, 'done');
    const baseline = await readNumber(page, 'tensor-count');
    await page.goto('./#dim=1&batch=200&steps=20000&run=1');
    await waitForStep(page, 5);
    const sliders = ['Hidden units h', 'Seed', 'Dimension d', 'Learning rate'];
    for (let i = 0; i < 100; i++) {
      await page.getByLabel(sliders[i % sliders.length]).focus();
      await page.keyboard.press(i % 3 === 0 ? 'ArrowLeft' : 'ArrowRight');
      if (i % 25 === 10) await page.getByTestId(i % 2 ? 'preset-small-batch' : 'preset-cubic').click();
      if (i % 25 === 20)
        await page.evaluate((n) => (location.hash = `#dim=2&batch=300&steps=20000&seed=${n}&run=1`), i);
    }
    // Settle on a short run, then let it finish.
    await page.evaluate(() => (location.hash = '#dim=2&hidden=12&batch=300&steps=150&seed=77&run=1'));
    await page.getByLabel('Hidden units h').focus();
    await page.keyboard.press('ArrowRight'); // 12 → 16
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(150);
    const settings = await csvSettings(page);
    for (const key of ['dim', 'hidden', 'batch', 'steps', 'seed', 'lr', 'power', 'noise']) {
      const shown = await page.getByTestId(`value-${key}`).getAttribute('data-value');
      expect(settings.get(key), key).toBe(shown);
    }
    expect(settings.get('hidden')).toBe('16');
    expect(await readNumber(page, 'tensor-count')).toBe(baseline);
  });

  test('20 runs back to back leave the tensor count at its baseline and the page heap flat', async ({
    page,
  }) => {
    await page.goto('./#dim=1&batch=200&steps=60&run=1');
    const tensors: number[] = [];
    const heaps: { data: number; total: number }[] = [];
    for (let run = 1; run <= 20; run++) {
      if (run > 1) await page.getByTestId('start-pause').click(); // Restart
      await waitForRunState(page, 'done');
      tensors.push(await readNumber(page, 'tensor-count'));
      if (run === 2 || run === 20) heaps.push(await pageHeap(page));
    }
    reportMeasurement(test.info(), 'tensors after each run', tensors.join(','));
    reportMeasurement(
      test.info(),
      'page heap after run 2 / 20 (MB, without compiled code; total)',
      heaps.map((h) => `${(h.data / 1e6).toFixed(2)}; ${(h.total / 1e6).toFixed(2)}`).join(' / '),
    );
    expect(new Set(tensors).size).toBe(1);
    expect(heaps[1].data / heaps[0].data).toBeLessThan(1.1);
  });

  test('a 20,000-step run at a small batch keeps tensors constant and the page heap flat', async ({
    page,
  }) => {
    await page.goto('./#dim=1&batch=64&steps=20000&run=1');
    await waitForStep(page, 1000);
    const tensorsDuring = [await readNumber(page, 'tensor-count')];
    const heapEarly = await pageHeap(page);
    for (const step of [5000, 10_000, 15_000, 19_000]) {
      await waitForStep(page, step);
      if ((await page.getByTestId('run-state').textContent()) === 'running')
        tensorsDuring.push(await readNumber(page, 'tensor-count'));
    }
    await waitForRunState(page, 'done');
    const tensorsEnd = Number(await page.getByTestId('tensor-count').getAttribute('data-value'));
    const heapEnd = await pageHeap(page);
    reportMeasurement(
      test.info(),
      'page heap at step ~1000 / 20000 (MB, without compiled code; total)',
      `${(heapEarly.data / 1e6).toFixed(2)}; ${(heapEarly.total / 1e6).toFixed(2)} / ` +
        `${(heapEnd.data / 1e6).toFixed(2)}; ${(heapEnd.total / 1e6).toFixed(2)}`,
    );
    reportMeasurement(
      test.info(),
      'tensors during the run / after it',
      `${tensorsDuring.join(',')} / ${tensorsEnd}`,
    );
    // The run's own tensors (critic, Adam's moments) stay the same from step 1,000 to the end, and
    // are all freed with it: nothing accumulates per step.
    expect(tensorsDuring.length).toBeGreaterThanOrEqual(4);
    expect(new Set(tensorsDuring).size).toBe(1);
    expect(tensorsDuring[0]).toBeGreaterThan(0);
    expect(tensorsEnd).toBe(0);
    expect(heapEnd.data / heapEarly.data).toBeLessThan(1.1);
    expect(await readNumber(page, 'step')).toBe(20000);
  });
});
