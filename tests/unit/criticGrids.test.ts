import { describe, expect, it } from 'vitest';
import { criticGrids } from '../../src/components/critic/criticGrids';
import { heatmapPixels } from '../../src/components/critic/colorScale';
import { configuredDistribution, DEFAULTS, type RunConfig } from '../../src/protocol/config';
import type { SnapshotMessage } from '../../src/protocol/messages';
import { criticGridRange, criticGridRows, CRITIC_GRID_SIZE } from '../../src/protocol/snapshot';
import { createRng } from '../../src/core/random';

const size = CRITIC_GRID_SIZE;

/** A snapshot whose critic is `critic(x, y)` on the grid, with a batch scatter drawn from the data. */
function snapshotOf(
  config: RunConfig,
  critic: (x: number, y: number, optimal: number) => number,
): SnapshotMessage {
  const range = criticGridRange(config);
  const rows = criticGridRows(range, size);
  const cells = size * size;
  const xs = Float32Array.from({ length: cells }, (_, c) => rows[2 * c]);
  const ys = Float32Array.from({ length: cells }, (_, c) => rows[2 * c + 1]);
  const distribution = configuredDistribution(config);
  const optimal = distribution.logDensityRatio(xs, ys);
  const scores = Float32Array.from({ length: cells }, (_, c) => critic(xs[c], ys[c], optimal[c]));
  const sample = distribution.sample(createRng(3), 300);
  const shuffle = createRng(4).permutation(300);
  const joint = Float32Array.from({ length: 600 }, (_, k) => (k % 2 ? sample.y : sample.x)[k >> 1]);
  const shuffled = Float32Array.from({ length: 600 }, (_, k) =>
    k % 2 ? sample.y[shuffle[k >> 1]] : sample.x[k >> 1],
  );
  return {
    type: 'snapshot',
    runId: 1,
    stepsDone: 10,
    scatter: { joint, shuffled },
    grid: { range, size, scores },
  };
}

/** The largest difference between the two maps of `grids` (which must exist). */
function maxGap(grids: ReturnType<typeof criticGrids>): number {
  const optimal = grids?.optimal;
  if (!grids || !optimal) throw new Error('no grids');
  return grids.learned.reduce((m, v, i) => Math.max(m, Math.abs(v - optimal[i])), 0);
}

describe('criticGrids', () => {
  const base: RunConfig = { ...DEFAULTS, dist: 'correlated', rho: 0.8, dim: 1 };

  it('matches a DV critic that is the optimal one plus a constant', () => {
    const grids = criticGrids(
      snapshotOf(base, (_x, _y, optimal) => optimal + 3),
      base,
    );
    expect(grids?.centredPerX).toBe(false);
    expect(maxGap(grids)).toBeLessThan(1e-4);
  });

  it('matches an InfoNCE critic that is the optimal one plus any function of x, column by column', () => {
    const config: RunConfig = { ...base, estimator: ['infonce'] };
    const a = (x: number) => 2 * Math.sin(3 * x) + x * x;
    const grids = criticGrids(
      snapshotOf(config, (x, _y, optimal) => optimal + a(x)),
      config,
    );
    expect(grids?.centredPerX).toBe(true);
    expect(maxGap(grids)).toBeLessThan(1e-4);
    // A critic that differs by a function of y is a different critic, and shows as one.
    const wrong = criticGrids(
      snapshotOf(config, (_x, y, optimal) => optimal + y),
      config,
    );
    expect(maxGap(wrong)).toBeGreaterThan(1);
  });
});

describe('heatmapPixels', () => {
  it('draws cells that are not finite numbers transparent, and the rest opaque on the scale', () => {
    const pixels = heatmapPixels([NaN, 1, -1, Infinity], 2, -1, 1);
    // Row 0 of the image is the top (y = 1): cells 2 and 3; row 1 holds cells 0 and 1.
    const alpha = (cell: number) => pixels[4 * cell + 3];
    expect([alpha(0), alpha(1), alpha(2), alpha(3)]).toEqual([255, 0, 0, 255]);
    expect(Array.from(pixels.subarray(0, 3))).toEqual([94, 60, 153]); // −1: the purple end
    expect(Array.from(pixels.subarray(12, 15))).toEqual([230, 97, 1]); // +1: the orange end
  });
});
