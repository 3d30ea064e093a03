/**
 * The table for hostile-urls.spec.ts: broken and hostile URL hashes over every key the page reads
 * (each PARAMS key and the `run` flag), and valid configurations at the edges of the ranges.
 */

/** A hash the page must survive: it falls back, says so, never runs URL text, and still trains. */
export interface HostileCase {
  readonly name: string;
  /** The fragment after '#', as a link would carry it (not yet percent-encoded). */
  readonly hash: string;
  /** `data-value` each readout must show after loading (`value-<key>`, or `estimator`). */
  readonly expected: Readonly<Record<string, string>>;
  /** Text the notice must contain: the key it names (or the unknown name quoted). */
  readonly notice: string;
  /** Also apply the hash to a loaded page (the hashchange path), not only on a full load. */
  readonly alsoAsHashChange?: boolean;
}

/** A valid configuration at the edge of the ranges: it loads without a notice and trains. */
export interface EdgeCase {
  readonly name: string;
  readonly hash: string;
  readonly expected: Readonly<Record<string, string>>;
  /** Whether the batch-ceiling notice must show (true MI above log N). */
  readonly ceiling?: boolean;
}

const TEN_KB = 10 * 1024;
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>alert(1)</script>';

/** Broken or hostile values, at least one for every key. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  // Empty, missing and non-numeric values.
  { name: 'empty value', hash: 'dim=', expected: { dim: '3' }, notice: 'dim=""' },
  { name: 'key without a value', hash: 'hidden', expected: { hidden: '10' }, notice: 'hidden=""' },
  { name: 'non-numeric', hash: 'power=abc', expected: { power: '3' }, notice: 'power="abc"' },
  { name: 'NaN', hash: 'lr=NaN', expected: { lr: '0.01' }, notice: 'lr="NaN"' },
  { name: 'Infinity', hash: 'noise=Infinity', expected: { noise: '0.2' }, notice: 'noise="Infinity"' },
  { name: '-Infinity', hash: 'power=-Infinity', expected: { power: '3' }, notice: 'power="-Infinity"' },
  { name: 'overflow to Infinity', hash: 'lr=1e999', expected: { lr: '0.01' }, notice: 'lr="1e999"' },
  { name: 'hexadecimal', hash: 'seed=0x10', expected: { seed: '1' }, notice: 'seed="0x10"' },
  { name: 'leading blank', hash: 'dim=%205', expected: { dim: '3' }, notice: 'dim=" 5"' },
  {
    name: 'plus sign (a blank in a query)',
    hash: 'hidden=+8',
    expected: { hidden: '10' },
    notice: 'hidden=',
  },
  { name: 'full-width digit', hash: 'batch=%EF%BC%91', expected: { batch: '20000' }, notice: 'batch=' },
  // Out of range.
  { name: 'negative', hash: 'seed=-1', expected: { seed: '1' }, notice: 'seed="-1"' },
  {
    name: 'zero where positive',
    hash: 'noise=0',
    expected: { noise: '0.2' },
    notice: 'noise="0"',
    alsoAsHashChange: true,
  },
  { name: 'zero hidden units', hash: 'hidden=0', expected: { hidden: '10' }, notice: 'hidden="0"' },
  { name: 'zero evaluation interval', hash: 'eval=0', expected: { eval: '25' }, notice: 'eval="0"' },
  { name: 'negative evaluation interval', hash: 'eval=-5', expected: { eval: '25' }, notice: 'eval="-5"' },
  { name: 'huge batch', hash: 'batch=1e9&steps=2', expected: { batch: '20000' }, notice: 'batch="1e9"' },
  { name: 'fractional dimension', hash: 'dim=2.5', expected: { dim: '3' }, notice: 'dim="2.5"' },
  {
    name: 'fractional steps',
    hash: 'steps=2.5&batch=50',
    expected: { steps: '500', batch: '50' },
    notice: 'steps="2.5"',
  },
  {
    name: 'stair below its minimum',
    hash: 'dist=staircase&stair=5',
    expected: { dist: 'staircase', stair: '400' },
    notice: 'stair="5"',
  },
  {
    name: 'correlation of exactly 1',
    hash: 'dist=correlated&rho=1',
    expected: { dist: 'correlated', rho: '0.8' },
    notice: 'rho="1"',
  },
  {
    name: 'InfoNCE k of 1',
    hash: 'estimator=infonce&k=1',
    expected: { estimator: 'infonce', k: '256' },
    notice: 'k="1"',
  },
  {
    name: 'negative moving-average rate',
    hash: 'estimator=mine-ema&alpha=-0.5',
    expected: { estimator: 'mine-ema', alpha: '0.01' },
    notice: 'alpha="-0.5"',
  },
  // Malformed percent-encoding.
  {
    name: 'truncated UTF-8 escape',
    hash: 'estimator=smile&tau=%E0%A4%A',
    expected: { estimator: 'smile', tau: '5' },
    notice: 'tau=',
  },
  {
    name: 'lone percent sign',
    hash: 'dist=cubic&rho=%',
    expected: { dist: 'cubic', rho: '0.8' },
    notice: 'rho="%"',
  },
  { name: 'a hash that is only %', hash: '%', expected: { dim: '1' }, notice: '"%"' },
  // Huge values.
  { name: '10 kB number', hash: `seed=${'9'.repeat(TEN_KB)}`, expected: { seed: '1' }, notice: 'seed="999' },
  {
    name: '10 kB id',
    hash: `dist=${'x'.repeat(TEN_KB)}`,
    expected: { dist: 'channel' },
    notice: 'dist="xxx',
  },
  { name: '10 kB unknown key', hash: `${'q'.repeat(TEN_KB)}=1`, expected: { dim: '1' }, notice: '"qqq' },
  // Markup and script text: shown as text, never parsed.
  {
    name: 'image tag with onerror as a choice',
    hash: `dist=${IMG}`,
    expected: { dist: 'channel' },
    notice: 'dist="<img src=x onerror=alert(1)>"',
    alsoAsHashChange: true,
  },
  { name: 'script tag as a choice', hash: `units=${SCRIPT}`, expected: { units: 'bits' }, notice: 'units=' },
  {
    name: 'javascript: URL as a choice',
    hash: 'backend=javascript:alert(1)',
    expected: { backend: 'auto' },
    notice: 'backend="javascript:alert(1)"',
  },
  {
    name: 'prototype key as a choice',
    hash: 'backend=__proto__',
    expected: { backend: 'auto' },
    notice: 'backend=',
  },
  { name: 'wrong case', hash: 'units=BITS', expected: { units: 'bits' }, notice: 'units="BITS"' },
  {
    name: 'markup as a key',
    hash: `${IMG}=1`, // the name ends at its first '='
    expected: { dim: '1' },
    notice: 'Unknown URL parameter "<img src"',
  },
  // Lists.
  {
    name: 'unknown id in a list',
    hash: 'estimator=mine,evil',
    expected: { estimator: 'mine' },
    notice: 'estimator: unknown id "evil"',
    alsoAsHashChange: true,
  },
  { name: 'only unknown ids', hash: 'estimator=evil', expected: { estimator: 'mine' }, notice: 'estimator=' },
  { name: 'empty list', hash: 'estimator=,', expected: { estimator: 'mine' }, notice: 'estimator="' },
  { name: 'empty estimator', hash: 'estimator=', expected: { estimator: 'mine' }, notice: 'estimator=""' },
  {
    name: 'id listed twice',
    hash: 'estimator=mine,mine',
    expected: { estimator: 'mine' },
    notice: 'estimator:',
  },
  {
    name: 'markup in a list',
    hash: `estimator=<svg/onload=alert(1)>,nwj`,
    expected: { estimator: 'nwj' },
    notice: 'estimator: unknown id "<svg/onload=alert(1)>"',
  },
  {
    name: 'malformed escape in a list',
    hash: 'estimator=%E0%A4%A,infonce',
    expected: { estimator: 'infonce' },
    notice: 'estimator: unknown id',
  },
  // Keys.
  {
    name: 'repeated key',
    hash: 'dim=2&dim=7',
    expected: { dim: '2' },
    notice: '"dim" appears more than once',
  },
  { name: 'unknown key', hash: 'colour=blue', expected: { dim: '1' }, notice: '"colour"' },
  {
    name: 'prototype keys',
    hash: '__proto__=1&constructor=x',
    expected: { dim: '1' },
    notice: '"__proto__"',
  },
  { name: 'empty key', hash: '=5&&&', expected: { dim: '1' }, notice: 'Unknown URL parameter ""' },
  { name: 'a thousand repeated keys', hash: 'xx&'.repeat(1000), expected: { dim: '1' }, notice: '"xx"' },
  {
    name: '20,000 unknown keys',
    hash: Array.from({ length: 20_000 }, (_, i) => `p${i}=1`).join('&'),
    expected: { dim: '1' },
    notice: 'more problems with the URL',
  },
  // The run flag.
  { name: 'run=2', hash: 'run=2', expected: { dim: '1' }, notice: 'run="2"', alsoAsHashChange: true },
  { name: 'script as the run flag', hash: `run=${SCRIPT}`, expected: { dim: '1' }, notice: 'run=' },
  { name: 'empty run flag', hash: 'run=', expected: { dim: '1' }, notice: 'run=""' },
  {
    name: 'repeated run flag',
    hash: 'run=1&run=0',
    expected: { dim: '1' },
    notice: '"run" appears more than once',
  },
];

/** Valid configurations at the edges: smallest and largest sizes, one step, the lowest noise. */
export const EDGE_CASES: readonly EdgeCase[] = [
  { name: 'd = 1, h = 1', hash: 'dim=1&hidden=1&batch=200&steps=5', expected: { dim: '1', hidden: '1' } },
  { name: 'smallest batch, one step', hash: 'dim=1&batch=10&steps=1', expected: { batch: '10', steps: '1' } },
  { name: 'largest batch', hash: 'batch=50000&steps=2', expected: { batch: '50000', steps: '2' } },
  {
    name: 'smallest noise: true MI far above the ceiling',
    hash: 'noise=0.01&batch=200&steps=5',
    expected: { noise: '0.01', batch: '200' },
    ceiling: true,
  },
  {
    name: 'largest dimension and width',
    hash: 'dim=20&hidden=256&batch=10&steps=2',
    expected: { dim: '20', hidden: '256' },
    ceiling: true,
  },
  {
    name: 'every estimator, smallest k, evaluation every step',
    hash: 'estimator=mine,mine-ema,nwj,infonce,smile&k=2&alpha=1&tau=0.1&eval=1&dim=1&batch=10&steps=3',
    expected: { estimator: 'mine,mine-ema,nwj,infonce,smile', k: '2', alpha: '1', tau: '0.1', eval: '1' },
    ceiling: true, // InfoNCE's log k = 1 bit
  },
  {
    name: 'correlation at its extremes',
    hash: 'dist=correlated&rho=-0.999&dim=1&batch=200&steps=3',
    expected: { dist: 'correlated', rho: '-0.999' },
  },
  {
    name: 'shortest stairs, seed 0',
    hash: 'dist=staircase&stair=10&dim=1&batch=50&steps=3&seed=0',
    expected: { dist: 'staircase', stair: '10', seed: '0' },
  },
  {
    name: 'no signal, extreme learning rates and seed',
    hash: 'power=0&lr=0.5&seed=9999&dim=1&batch=50&steps=3',
    expected: { power: '0', lr: '0.5', seed: '9999' },
  },
];

/** Small, fast training settings, added for every key a case does not set itself. */
const QUICK: Readonly<Record<string, string>> = { dim: '1', batch: '200', steps: '5', run: '1' };

/** A case's hash plus the quick settings it leaves free (never repeating one of its keys). */
export function withQuickSettings(hash: string): string {
  const own = new URLSearchParams(hash);
  const extra = Object.entries(QUICK).filter(([key]) => !own.has(key));
  return [hash, ...extra.map(([key, value]) => `${key}=${value}`)].join('&');
}
