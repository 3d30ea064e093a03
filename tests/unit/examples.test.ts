import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GAUSSIAN,
  SINE,
  gaussianCsv,
  manifest,
  sineCsv,
  sineTrueMiNats,
  type ExampleEntry,
} from '../../scripts/examples';
import { ksgMutualInformation } from '../../src/core/baselines/ksg';
import { linearMutualInformation } from '../../src/core/baselines/linearMi';
import { parseCsvText } from '../../src/core/data/csvParser';
import { selectDataset, type Dataset } from '../../src/core/data/selectDataset';
import type { ParsedTable } from '../../src/core/data/table';
import { inEnglish } from './inEnglish';

const read = (file: string) => readFileSync(`public/examples/${file}`, 'utf8');
const index = JSON.parse(read('index.json')) as ExampleEntry[];
const table = (name: string): ParsedTable => parseCsvText(read(`${name}.csv`));

/** The suggested columns of example `name` as a dataset. */
function suggested(name: string): Dataset {
  const entry = index.find((e) => e.name === name);
  if (!entry) throw new Error(`no example ${name}`);
  const selection = selectDataset(table(name), entry.x, entry.y, 100);
  if ('error' in selection) throw selection.error;
  return selection.dataset;
}

/** Pearson's r of the first X and first Y column. */
function pearson(d: Dataset): number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < d.n; i++) {
    mx += d.x[i * d.xDim] / d.n;
    my += d.y[i * d.yDim] / d.n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < d.n; i++) {
    const a = d.x[i * d.xDim] - mx;
    const b = d.y[i * d.yDim] - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('the bundled examples', () => {
  it('are what scripts/make-examples.mjs writes: the generated files byte for byte, the manifest entry by entry', () => {
    expect(read('sine.csv')).toBe(sineCsv());
    expect(read('gaussian.csv')).toBe(gaussianCsv());
    const fromFiles = manifest((file) => {
      const t = parseCsvText(read(file));
      return { rows: t.rows, columns: t.columns.map((c) => c.name) };
    });
    expect(index).toEqual(fromFiles);
    expect(index.map((e) => e.name)).toEqual(['sine', 'gaussian', 'penguins']);
  });

  it('suggest numeric columns that exist, and give a licence and a citation', () => {
    for (const entry of index) {
      const t = table(entry.name);
      for (const name of [...entry.x, ...entry.y])
        expect(t.columns.find((c) => c.name === name)?.kind, name).toBe('numeric');
      expect(entry.licence).toMatch(/^CC0-1\.0/);
      expect(entry.citation.length).toBeGreaterThan(40);
    }
  });

  it('sine: the true MI by quadrature matches an independent NumPy computation and has converged', () => {
    expect(sineTrueMiNats(SINE.noise)).toBeCloseTo(1.6989233057524626, 9); // NumPy, 40,001 × 6,001 points
    expect(sineTrueMiNats(SINE.noise, 2_001, 401)).toBeCloseTo(sineTrueMiNats(SINE.noise), 12);
  });

  it("sine: Pearson's r ≈ 0 and the linear MI ≈ 0, while KSG finds the true MI", () => {
    const d = suggested('sine');
    expect(d.n).toBe(5000);
    expect(Math.abs(pearson(d))).toBeLessThan(0.05); // 0.023 here; 0.047 in the population
    expect(linearMutualInformation(d).miNats).toBeLessThan(0.005); // 0.0003 nats
    const truth = index[0].trueMiNats ?? Number.NaN;
    expect(Math.abs(ksgMutualInformation(d, { k: 3 }).miNats - truth)).toBeLessThan(0.1);
  });

  it('gaussian: linear MI and KSG land near the true −ln(1 − ρ²) = 1.022 nats', () => {
    const d = suggested('gaussian');
    const truth = -Math.log(1 - GAUSSIAN.rho ** 2);
    expect(index[1].trueMiNats).toBe(truth);
    // Linear MI's standard error here is about 0.016 nats (two pairs, ρ̂ to ±0.005 each).
    expect(Math.abs(linearMutualInformation(d).miNats - truth)).toBeLessThan(0.05);
    expect(Math.abs(ksgMutualInformation(d, { k: 3, maxRows: 2000 }).miNats - truth)).toBeLessThan(0.1);
  });

  it('penguins: the Palmer penguins as published (344 rows, NA kept), text columns listed with why', () => {
    const t = table('penguins');
    expect(t).toMatchObject({ rows: 344, delimiter: ',', hasHeader: true });
    const missing = Object.fromEntries(
      t.columns.flatMap((c) => (c.kind === 'numeric' ? [[c.name, c.missing]] : [])),
    );
    expect(missing).toEqual({ bill_length_mm: 2, bill_depth_mm: 2, flipper_length_mm: 2, body_mass_g: 2 });
    expect(
      t.columns
        .filter((c) => c.kind === 'text')
        .map((c) => c.kind === 'text' && `${c.name}: ${inEnglish(c.reason)}`),
    ).toEqual([
      "species: value 'Adelie' in row 2 is not a number",
      "island: value 'Torgersen' in row 2 is not a number",
      "sex: value 'MALE' in row 2 is not a number",
    ]);
    const species = read('penguins.csv')
      .split('\n')
      .slice(1, -1)
      .map((line) => line.split(',')[0]);
    const count = (s: string) => species.filter((v) => v === s).length;
    expect([count('Adelie'), count('Chinstrap'), count('Gentoo')]).toEqual([152, 68, 124]);
    const d = suggested('penguins');
    expect(d).toMatchObject({ n: 342, droppedRows: 2 });
    // Species clusters make the dependence far from linear: KSG sees about twice the linear MI.
    expect(ksgMutualInformation(d, { k: 3 }).miNats).toBeGreaterThan(1.5 * linearMutualInformation(d).miNats);
  });
});
