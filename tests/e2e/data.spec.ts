import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { readNumber, recordForeignRequests, reportMeasurement, waitForRunState } from './helpers';

/** A readout's value in bits (its data-bits attribute), once it has one. */
async function readBits(page: Page, testId: string): Promise<number> {
  await expect(page.getByTestId(testId)).not.toHaveAttribute('data-bits', '');
  return Number(await page.getByTestId(testId).getAttribute('data-bits'));
}

/** A CSV of `n` rows: x ~ N(0,1)-ish (a fixed pseudo-random sequence), y = 0.9·x + noise, and a label column. */
function correlatedCsv(n: number, delimiter = ','): string {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const lines = [['x', 'y', 'label'].join(delimiter)];
  for (let i = 0; i < n; i++) {
    const x = normal();
    const y = 0.9 * x + Math.sqrt(1 - 0.81) * normal();
    lines.push([x.toFixed(5), y.toFixed(5), `row${i}`].join(delimiter));
  }
  return `${lines.join('\n')}\n`;
}

/** Loads `text` as a file through the file input. */
async function chooseFile(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.getByTestId('data-file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
  });
}

/** Opens "Your data" in the distribution menu. */
async function openDataPanel(page: Page): Promise<void> {
  await page.getByTestId('value-dist').selectOption('data');
  await expect(page.getByTestId('data-panel')).toBeVisible();
}

test.describe('your own data', () => {
  test('the Gaussian example from a link trains on held-out rows and lands near its known truth', async ({
    page,
  }) => {
    await page.goto('./#data=example:gaussian&hidden=32&batch=500&steps=600&run=1');
    await expect(page.getByTestId('distribution')).toHaveAttribute('data-value', 'data');
    await expect(page.getByTestId('data-status')).toContainText('5,000 rows used, none dropped');
    for (const [side, names] of [
      ['x', ['x1', 'x2']],
      ['y', ['y1', 'y2']],
    ] as const)
      for (const name of names)
        await expect(page.getByTestId(`column-${side}`).locator(`input[data-value="${name}"]`)).toBeChecked();
    await waitForRunState(page, 'done');
    const truth = await readNumber(page, 'true-mi'); // −ln 0.36 nats = 1.474 bits
    expect(truth).toBeCloseTo(1.4739, 3);
    const best = Number(await page.getByTestId('heldout-estimate').getAttribute('data-best-bits'));
    const heldOut = await readBits(page, 'heldout-estimate');
    const linear = await readBits(page, 'linear-mi');
    const ksg = await readBits(page, 'ksg-estimate');
    reportMeasurement(
      test.info(),
      'gaussian held-out (best) / KSG / linear (bits)',
      `${heldOut.toFixed(3)} (${best.toFixed(3)}) / ${ksg.toFixed(3)} / ${linear.toFixed(3)}`,
    );
    expect(Math.abs(best - truth)).toBeLessThan(0.15);
    expect(Math.abs(linear - truth)).toBeLessThan(0.1); // exact for Gaussian data, up to sampling
    expect(Math.abs(ksg - truth)).toBeLessThan(0.15);
    // The permutation test may still be running when training ends (on a busy machine it was).
    await expect(page.getByTestId('permutation-p')).toHaveAttribute('data-value', '0.01');
    await expect(page.getByTestId('split-note')).toContainText('Training on 2,500 rows, 2,500 held out');
  });

  test('the sine example: the linear MI sees nothing, KSG and MINE see the dependence', async ({ page }) => {
    await page.goto('./');
    await openDataPanel(page);
    await page.getByTestId('data-example').selectOption('sine');
    await expect(page.getByTestId('data-status')).toContainText('5,000 rows used');
    await page.evaluate(
      () =>
        (location.hash = location.hash.replace(/batch=\d+/, 'batch=500').replace(/steps=\d+/, 'steps=600')),
    );
    await expect(page.getByTestId('value-batch')).toHaveAttribute('data-value', '500');
    await page.getByTestId('start-pause').click();
    await waitForRunState(page, 'done');
    const linear = await readBits(page, 'linear-mi');
    const ksg = await readBits(page, 'ksg-estimate');
    const heldOut = await readBits(page, 'heldout-estimate');
    reportMeasurement(
      test.info(),
      'sine held-out / KSG / linear (bits)',
      `${heldOut.toFixed(3)} / ${ksg.toFixed(3)} / ${linear.toFixed(3)}`,
    );
    expect(linear).toBeLessThan(0.05);
    expect(ksg).toBeGreaterThan(2); // truth 2.45 bits
    expect(heldOut).toBeGreaterThan(10 * linear + 0.5);
    await expect(page.getByTestId('legend-baseline-ksg')).toBeVisible();
    await expect(page.locator('path.baseline-linear')).toHaveCount(1);
  });

  test('a file through the input, a drop and pasted rows each load; the CSV records the data but no values', async ({
    page,
  }) => {
    await page.goto('./#batch=200&steps=40&eval=10');
    await openDataPanel(page);
    await chooseFile(page, 'mine.csv', correlatedCsv(600));
    await expect(page.getByTestId('data-status')).toContainText(
      'mine.csv: 600 rows, 3 columns. 600 rows used',
    );
    // The label column is listed, but cannot be chosen, and says why.
    const label = page.getByTestId('column-x').locator('input[data-value="label"]');
    await expect(label).toBeDisabled();
    await expect(page.getByTestId('column-x')).toContainText('not numeric');
    await page.getByTestId('start-pause').click();
    await waitForRunState(page, 'done');
    expect(await readBits(page, 'heldout-estimate')).toBeGreaterThan(0.3); // truth −½ log2(0.19) = 1.2 bits
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const csv = await (await download).createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    expect(csv).toContain('# data_file=mine.csv\n');
    expect(csv).toContain('# data_rows_used=600\n');
    expect(csv).toContain('# train_rows=300\n');
    expect(csv).toContain('# x=x\n');
    expect(csv).not.toContain('row17'); // no value of the data, not even its labels

    // A drop anywhere on the page.
    const dropped = await page.evaluateHandle(
      (text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'dropped.tsv', { type: 'text/tab-separated-values' }));
        return transfer;
      },
      correlatedCsv(300, '\t'),
    );
    await page.dispatchEvent('main', 'drop', { dataTransfer: dropped });
    await expect(page.getByTestId('data-status')).toContainText('dropped.tsv: 300 rows');

    // Pasted rows, semicolon-separated with decimal commas and a missing value.
    await page.getByText('Or paste rows').click();
    await page
      .getByTestId('data-paste')
      .fill(
        [
          'a;b',
          ...Array.from(
            { length: 40 },
            (_, i) => `${i},5;${i % 7 === 0 ? 'NA' : `${(i * 1.5).toFixed(1).replace('.', ',')}`}`,
          ),
        ].join('\n'),
      );
    await page.getByTestId('data-paste-load').click();
    await expect(page.getByTestId('data-status')).toContainText(
      'pasted text: 40 rows, 2 columns. 34 rows used, 6 dropped',
    );
  });

  test('bad files say what is wrong and what to do, and the page still trains a built-in distribution', async ({
    page,
  }) => {
    await page.goto('./#dim=1&batch=200&steps=20');
    await openDataPanel(page);
    const cases: [string, string | Buffer, RegExp][] = [
      ['empty.csv', '', /empty/],
      ['binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 6, 0]), /not a CSV text file/],
      ['one.csv', 'x\n1\n2\n3\n', /Only one column/],
      ['words.csv', 'a,b\nred,blue\ngreen,grey\n', /No column holds only numbers/],
      ['few.csv', 'x,y\n1,2\n2,3\n3,5\n', /at least 20 are needed/],
      [
        'flat.csv',
        `x,y\n${Array.from({ length: 30 }, (_, i) => `${i},7`).join('\n')}\n`,
        /same value in every row/,
      ],
    ];
    for (const [name, content, message] of cases) {
      await chooseFile(page, name, content);
      await expect(page.getByTestId('data-status'), name).toHaveText(message);
      await expect(page.getByTestId('data-status')).toHaveAttribute('data-state', 'error');
    }
    // X and Y sharing a column.
    await chooseFile(page, 'ok.csv', correlatedCsv(100));
    await expect(page.getByTestId('data-status')).toContainText('100 rows used');
    await page.getByTestId('column-y').locator('input[data-value="x"]').check();
    await expect(page.getByTestId('data-status')).toContainText('chosen as both X and Y');
    await expect(page.getByTestId('start-pause')).toBeDisabled();
    // Back to a built-in distribution: it trains as before.
    await page.getByTestId('value-dist').selectOption('channel');
    await page.getByTestId('start-pause').click();
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(20);
    expect(await readNumber(page, 'true-mi')).toBeCloseTo(0.5 * Math.log2(1 + 3 / 0.2), 10);
  });

  test('a 300,000-row file loads with progress while the controls answer, and nothing leaves the page', async ({
    page,
    baseURL,
  }) => {
    const foreign = recordForeignRequests(page, baseURL ?? '');
    const requests: Request[] = [];
    page.context().on('request', (request) => requests.push(request));
    await page.goto('./#batch=500&steps=30&eval=10');
    await openDataPanel(page);
    await expect(page.getByTestId('data-example')).toContainText('Palmer penguins'); // the manifest is in
    const before = requests.length;
    const big = correlatedCsv(300_000);
    const startedAt = Date.now();
    await chooseFile(page, 'big.csv', big);
    await expect(page.getByTestId('data-progress')).toBeVisible();
    // The page answers while the file is read in the data worker.
    await page.getByLabel('Seed').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('value-seed')).toHaveAttribute('data-value', '2');
    await expect(page.getByTestId('data-status')).toContainText('big.csv: 300,000 rows', {
      timeout: 120_000,
    });
    reportMeasurement(
      test.info(),
      '300,000-row file (MB, s to load)',
      `${(big.length / 1e6).toFixed(1)}, ${((Date.now() - startedAt) / 1000).toFixed(2)}`,
    );
    await page.getByTestId('start-pause').click();
    await waitForRunState(page, 'done');
    expect(await readNumber(page, 'step')).toBe(30);
    // Loading and training on the file sent nothing: every request since is a bodiless GET of one of
    // the site's own files (worker chunks, the favicon), none carries a value of the data.
    const since = requests.slice(before);
    expect(since.length).toBeGreaterThan(0);
    for (const request of since) {
      expect(request.method(), request.url()).toBe('GET');
      expect(request.postData(), request.url()).toBeNull();
      expect(request.url().startsWith(baseURL ?? 'never'), request.url()).toBe(true);
      expect(request.url()).not.toMatch(/row\d|0\.\d{5}/);
    }
    expect(foreign).toEqual([]);
    expect(await page.evaluate(() => location.hash)).not.toContain('row1');
  });
});
