import { describe, expect, it } from 'vitest';
import { finiteBatchPlan, heldOutBatch, splitPairs, trainingBatch } from '../../src/core/batches';
import {
  batchesPerEpoch,
  createFiniteSample,
  heldOutRowCount,
  type SampleRows,
} from '../../src/core/finiteSample';

/** n rows whose x is [row index, 10·row index] and y is [−row index]: every row can be told apart. */
function indexedRows(n: number): SampleRows {
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    x[2 * r] = r;
    x[2 * r + 1] = 10 * r;
    y[r] = -r;
  }
  return { n, xDim: 2, yDim: 1, x, y };
}

/** The row index each row of a sample came from (x's first column, unscaled). */
const rowIds = (rows: SampleRows) => Array.from({ length: rows.n }, (_, r) => rows.x[2 * r]);

describe('finite sample', () => {
  it('splits the rows once, seeded, into disjoint training and held-out parts covering every row', () => {
    const sample = createFiniteSample(indexedRows(1000), {
      heldOutFraction: 0.2,
      standardise: false,
      seed: 3,
    });
    expect([sample.train.n, sample.heldOut.n]).toEqual([800, 200]);
    const all = [...rowIds(sample.train), ...rowIds(sample.heldOut)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    // Each row keeps its X and Y together.
    for (let r = 0; r < sample.train.n; r++) expect(sample.train.y[r]).toBe(-sample.train.x[2 * r]);
    const again = createFiniteSample(indexedRows(1000), {
      heldOutFraction: 0.2,
      standardise: false,
      seed: 3,
    });
    expect(rowIds(again.heldOut)).toEqual(rowIds(sample.heldOut));
    const other = createFiniteSample(indexedRows(1000), {
      heldOutFraction: 0.2,
      standardise: false,
      seed: 4,
    });
    expect(rowIds(other.heldOut)).not.toEqual(rowIds(sample.heldOut));
  });

  it('standardises every column on the training rows and applies the same scaling to the held-out rows', () => {
    const rows = indexedRows(2001);
    const sample = createFiniteSample(rows, { heldOutFraction: 0.5, standardise: true, seed: 1 });
    const { scaling, train, heldOut } = sample;
    if (!scaling) throw new Error('no scaling');
    const column = (part: SampleRows, c: number) =>
      Array.from({ length: part.n }, (_, r) => (c < 2 ? part.x[2 * r + c] : part.y[r]));
    for (let c = 0; c < 3; c++) {
      const values = column(train, c);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      expect(Math.abs(mean)).toBeLessThan(1e-5);
      expect(variance).toBeCloseTo(1, 5);
    }
    // Held-out rows are mapped with the training rows' mean and sd, not their own.
    const id = heldOut.x[0] * scaling.std[0] + scaling.mean[0];
    expect(heldOut.x[1]).toBeCloseTo((10 * id - scaling.mean[1]) / scaling.std[1], 3);
    expect(heldOut.y[0]).toBeCloseTo((-id - scaling.mean[2]) / scaling.std[2], 3);
  });

  it('keeps at least two rows on each side and refuses fractions outside (0, 1)', () => {
    expect(heldOutRowCount(5, 0.05)).toBe(2);
    expect(heldOutRowCount(5, 0.9)).toBe(3);
    expect(() =>
      createFiniteSample(indexedRows(3), { heldOutFraction: 0.5, standardise: true, seed: 1 }),
    ).toThrow(/at least 4 rows/);
    expect(() =>
      createFiniteSample(indexedRows(10), { heldOutFraction: 1, standardise: true, seed: 1 }),
    ).toThrow(/held-out fraction/);
  });
});

describe('batches of a finite sample', () => {
  const sample = createFiniteSample(indexedRows(1000), { heldOutFraction: 0.3, standardise: false, seed: 5 });

  it('visit every training row exactly once per epoch, a fresh order each epoch, never a held-out row', () => {
    const plan = finiteBatchPlan(sample, 64, 50_000, 5);
    const perEpoch = batchesPerEpoch(700, 64); // 10 batches of 64; 60 rows wait for the next epoch
    expect(perEpoch).toBe(10);
    const heldOut = new Set(rowIds(sample.heldOut));
    const epochs: number[][] = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      const seen: number[] = [];
      for (let b = 0; b < perEpoch; b++) {
        const { x, y } = splitPairs(trainingBatch(plan, epoch * perEpoch + b));
        for (let r = 0; r < 64; r++) {
          expect(heldOut.has(x[2 * r])).toBe(false);
          expect(y[r]).toBe(-x[2 * r]); // joint rows are real pairs
          seen.push(x[2 * r]);
        }
      }
      expect(new Set(seen).size).toBe(640);
      epochs.push(seen);
    }
    expect(epochs[1]).not.toEqual(epochs[0]);
  });

  it('pairs each x with a y shuffled within the batch for the marginal rows', () => {
    const plan = finiteBatchPlan(sample, 64, 50_000, 5);
    const batch = trainingBatch(plan, 7);
    const width = 3;
    const jointYs = new Set<number>();
    const marginalYs: number[] = [];
    let mismatched = 0;
    for (let r = 0; r < 64; r++) {
      jointYs.add(batch.pairs[r * width + 2]);
      const row = (64 + r) * width;
      marginalYs.push(batch.pairs[row + 2]);
      if (batch.pairs[row + 2] !== -batch.pairs[row]) mismatched++;
    }
    expect(marginalYs.every((v) => jointYs.has(v))).toBe(true);
    expect(mismatched).toBeGreaterThan(55);
  });

  it('clamps the batch to the training rows, and scores the same held-out pairs at every evaluation', () => {
    const small = createFiniteSample(indexedRows(100), { heldOutFraction: 0.5, standardise: false, seed: 2 });
    const plan = finiteBatchPlan(small, 1000, 50_000, 2);
    expect(plan.batchSize).toBe(50);
    expect(trainingBatch(plan, 0).n).toBe(50);
    const first = heldOutBatch(plan, 24);
    expect(first.n).toBe(50);
    expect(Array.from(heldOutBatch(plan, 49).pairs)).toEqual(Array.from(first.pairs));
    expect(new Set(rowIds({ ...small.heldOut }))).toEqual(
      new Set(Array.from(splitPairs(first).x).filter((_, i) => i % 2 === 0)),
    );
  });

  it('is the same for a seed wherever it is drawn', () => {
    const a = finiteBatchPlan(sample, 32, 50_000, 9);
    const b = finiteBatchPlan(sample, 32, 50_000, 9);
    // b draws step 40 first (another epoch cached), then step 3: the same as a's step 3.
    trainingBatch(b, 40);
    expect(Array.from(trainingBatch(b, 3).pairs)).toEqual(Array.from(trainingBatch(a, 3).pairs));
  });
});
