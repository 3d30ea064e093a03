/**
 * Training gives every engine Chromium's numbers: a seeded run draws the same batches everywhere,
 * and WebAssembly computes the same floats in every engine, so each estimate must equal Chromium's
 * for the same link exactly (on another backend, to float32 agreement).
 */
import { expect, finishedRun, test, type App, type ChromiumReference, type ChromiumRun } from './fixtures';

/** Float32 agreement, for a run that did not train on WebAssembly on both sides. */
const OTHER_BACKEND_TOLERANCE_BITS = 1e-4;

/** Runs `hash` in this engine and in Chromium, and compares the estimates. */
async function expectChromiumEstimate(
  app: App,
  chromium: ChromiumReference,
  hash: string,
): Promise<ChromiumRun> {
  await app.open(hash);
  const here = await finishedRun(app);
  const there = await chromium.run(hash);
  expect(await app.notices(), 'notices').toEqual([]);
  expect(here.step).toBe(there.step);
  console.log(
    `[measured] ${app.engine} ${hash}: ${here.estimateBits} bits on ${here.backend}; Chromium ${there.estimateBits} on ${there.backend}`,
  );
  expect(Object.keys(here.estimatesBits).sort()).toEqual(Object.keys(there.estimatesBits).sort());
  for (const [testId, bits] of Object.entries(here.estimatesBits)) {
    if (here.backend === 'wasm' && there.backend === 'wasm')
      expect(bits, testId).toBe(there.estimatesBits[testId]);
    else
      expect(Math.abs(bits - there.estimatesBits[testId]), testId).toBeLessThan(OTHER_BACKEND_TOLERANCE_BITS);
  }
  return here;
}

test("the defaults train to Chromium's estimate, near the true 6 bits", async ({ app, chromium }) => {
  const run = await expectChromiumEstimate(app, chromium, '#run=1');
  expect(run.step).toBe(500);
  expect(await app.number('true-mi')).toBeCloseTo(6, 12);
  expect(Math.abs(run.estimateBits - 6)).toBeLessThan(0.5);
  // No GPU here: every engine trains on WebAssembly (Chromium's WebGL is a software renderer).
  expect(run.backend).toBe('wasm');
});

for (const estimator of ['mine', 'mine-ema', 'nwj', 'infonce', 'smile']) {
  test(`${estimator}: a quick run gives Chromium's estimate`, async ({ app, chromium }) => {
    await expectChromiumEstimate(
      app,
      chromium,
      `#estimator=${estimator}&dim=1&batch=500&steps=60&seed=2&run=1`,
    );
    expect(await app.value('estimator')).toBe(estimator);
  });
}

for (const [dist, settings] of [
  ['channel', 'dim=2'],
  ['correlated', 'rho=0.9&dim=2'],
  ['cubic', 'rho=0.9&dim=1&hidden=16'],
  ['staircase', 'stair=20&dim=1'],
] as const) {
  test(`the ${dist} distribution: a quick run gives Chromium's estimate`, async ({ app, chromium }) => {
    await expectChromiumEstimate(app, chromium, `#dist=${dist}&${settings}&batch=500&steps=80&seed=4&run=1`);
    expect(await app.value('distribution')).toBe(dist);
  });
}

test("compare mode trains each estimator side by side to Chromium's estimates", async ({ app, chromium }) => {
  const run = await expectChromiumEstimate(
    app,
    chromium,
    '#estimator=mine,nwj,infonce&dim=1&batch=300&steps=40&run=1',
  );
  expect(Object.keys(run.estimatesBits).sort()).toEqual([
    'estimate',
    'estimate-infonce',
    'estimate-mine',
    'estimate-nwj',
  ]);
  for (const bits of Object.values(run.estimatesBits)) expect(Number.isFinite(bits)).toBe(true);
});
