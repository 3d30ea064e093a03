import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';
import {
  BIMODAL_X,
  BIMODAL_Y,
  mixtureCdf,
  mixtureDensity,
  mixtureQuantileOfNormal,
  mixtureSf,
  normalScoreOfMixture,
} from '../../src/core/tasks/bimodal';
import { BMI_TASKS, bmiTask } from '../../src/core/tasks/catalogue';
import {
  HALF_CUBE,
  NORMAL_CDF,
  SWISS_ROLL,
  WIGGLY_X,
  WIGGLY_Y,
  spiralMap,
  wigglyX,
  wigglyXSlope,
  wigglyY,
  wigglyYSlope,
} from '../../src/core/tasks/maps';
import { normalCdf, normalDensity, normalSf } from '../../src/core/tasks/specialFunctions';
import type { BmiTask } from '../../src/core/tasks/types';

/** The relative rounding of a float32: stored values are off by at most half of 2⁻²³ of themselves. */
const F32 = 2 ** -24;

/** The task with bmi's id, which the catalogue must hold. */
function task(id: string): BmiTask {
  const found = bmiTask(id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

/**
 * How far the recovered base value b may be from the stored base value, for a stored image s: the
 * float32 rounding of s (≤ F32·|s|) through the slope of the inverse map, plus the rounding of b itself
 * (≤ F32·|b|), with a factor 4 of room. `row` is the base row's Euclidean norm and `dim` its width, for
 * the spiral. (The largest error seen is a quarter of this, or less: the bound is first-order tight.)
 */
type Tolerance = (b: number, s: number, row: number, dim: number) => number;
const slack = (b: number, s: number, inverseSlope: number) =>
  4 * F32 * (Math.abs(b) + Math.abs(s) * inverseSlope);
const TOLERANCES: Readonly<Record<string, { x: Tolerance; y: Tolerance }>> = {
  // (Φ⁻¹)′(s) = 1/φ(b): large in the upper tail, where float32 keeps few digits of 1 − s.
  normal_cdf: {
    x: (b, s) => slack(b, s, 1 / normalDensity(b)),
    y: (b, s) => slack(b, s, 1 / normalDensity(b)),
  },
  // (s ↦ s^(2/3))′ = (2/3)|s|^(−1/3).
  half_cube: {
    x: (b, s) => slack(b, s, (2 / 3) * Math.abs(s) ** (-1 / 3)),
    y: (b, s) => slack(b, s, (2 / 3) * Math.abs(s) ** (-1 / 3)),
  },
  asinh: { x: (b, s) => slack(b, s, Math.cosh(s)), y: (b, s) => slack(b, s, Math.cosh(s)) },
  wiggly: { x: (b, s) => slack(b, s, 1 / wigglyXSlope(b)), y: (b, s) => slack(b, s, 1 / wigglyYSlope(b)) },
  // A rotation by θ = |x|²/d: rounding of the row (≤ F32·|x|) moves θ by 2|x|²F32/d, the point by |x| times that.
  spiral: {
    x: (_b, _s, row, dim) => 4 * F32 * row * (2 + (2 * row * row) / dim),
    y: (_b, _s, row, dim) => 4 * F32 * row * (2 + (2 * row * row) / dim),
  },
  // u = (21|x′|/(1.5π) − 1)/2 moves by 21/(3π) per unit of |x′| ≤ 4.5π/21; Y is kept as it is.
  swissroll_x: { x: (b) => 4 * F32 * (Math.abs(b) + 1.5), y: (b) => F32 * Math.abs(b) },
  // Φ⁻¹(F(x)) has slope p(x)/φ(z).
  '1v1-bimodal-0.75': {
    x: (b, s) => slack(b, s, mixtureDensity(BIMODAL_X, s) / normalDensity(b)),
    y: (b, s) => slack(b, s, mixtureDensity(BIMODAL_Y, s) / normalDensity(b)),
  },
};

/** The tolerance entry for a transformed task: bmi's prefix of its id, or the id itself. */
function tolerancesFor(t: BmiTask) {
  const entry = TOLERANCES[t.id] ?? TOLERANCES[t.id.slice(0, t.id.indexOf('-'))];
  if (!entry) throw new Error(`no tolerance for ${t.id}`);
  return entry;
}

const transformedTasks = BMI_TASKS.filter((t) => t.baseId !== null);

describe('every transformed task', () => {
  it('covers 21 tasks, and each keeps its base task’s truth exactly', () => {
    expect(transformedTasks).toHaveLength(21);
    for (const t of transformedTasks) expect(t.trueMiNats, t.id).toBe(task(t.baseId ?? '').trueMiNats);
  });

  for (const t of transformedTasks) {
    it(`${t.id}: its inverse maps recover the base sample, and the ratio is the base's`, () => {
      const n = 2_000;
      const base = task(t.baseId ?? '');
      const mapped = t.sample(createRng(77), n);
      const original = base.sample(createRng(77), n);
      const back = t.toBase?.(mapped.x, mapped.y);
      if (!back) throw new Error(`${t.id} has no inverse`);
      expect(back.x.length).toBe(original.x.length);
      expect(back.y.length).toBe(original.y.length);
      const tolerance = tolerancesFor(t);
      let worst = 0; // the largest error as a fraction of its tolerance
      for (const [side, recovered, stored, image, dim] of [
        ['x', back.x, original.x, mapped.x, base.xDim],
        ['y', back.y, original.y, mapped.y, base.yDim],
      ] as const) {
        for (let r = 0; r < n; r++) {
          let row = 0;
          for (let j = 0; j < dim; j++) row += stored[r * dim + j] ** 2;
          row = Math.sqrt(row);
          for (let j = 0; j < dim; j++) {
            const i = r * dim + j;
            // The image of one base value, for the coordinatewise maps (the Swiss roll and spiral use the row).
            const s = image.length === stored.length ? image[i] : 0;
            const allowed = tolerance[side](stored[i], s, row, dim) + 1e-300;
            worst = Math.max(worst, Math.abs(recovered[i] - stored[i]) / allowed);
          }
        }
      }
      expect(worst).toBeLessThan(1);
      // The density ratio is invariant: the task's at its sample is the base's at the base sample.
      const ratio = t.logDensityRatio?.(mapped.x, mapped.y) ?? new Float64Array();
      const baseRatio = base.logDensityRatio?.(original.x, original.y) ?? new Float64Array();
      let sum = 0;
      let baseSum = 0;
      for (let r = 0; r < n; r++) {
        sum += ratio[r];
        baseSum += baseRatio[r];
      }
      expect(Math.abs(sum - baseSum) / n).toBeLessThan(1e-4);
    });
  }
});

describe('the maps are injective', () => {
  it('the wiggly maps are strictly increasing: their slopes stay above 0.16 and 0.53 on [−40, 40]', () => {
    let slopeX = Infinity;
    let slopeY = Infinity;
    let previousX = -Infinity;
    let previousY = -Infinity;
    let increasing = true;
    for (let t = -40; t <= 40; t += 1e-3) {
      slopeX = Math.min(slopeX, wigglyXSlope(t));
      slopeY = Math.min(slopeY, wigglyYSlope(t));
      increasing &&= wigglyX(t) > previousX && wigglyY(t) > previousY;
      previousX = wigglyX(t);
      previousY = wigglyY(t);
    }
    expect(increasing).toBe(true);
    expect(slopeX).toBeGreaterThan(0.16); // the bound 1 − 0.4 − 0.34 − 0.099 = 0.161
    expect(slopeX).toBeLessThan(0.3); // and nearly reached
    expect(slopeY).toBeGreaterThan(0.533); // 1 − 0.16 − 0.221 − 0.086
    // The slopes are the derivatives: a central difference agrees.
    const h = 1e-6;
    for (const t of [-3.2, 0, 0.7, 11]) {
      expect((wigglyX(t + h) - wigglyX(t - h)) / (2 * h)).toBeCloseTo(wigglyXSlope(t), 8);
      expect((wigglyY(t + h) - wigglyY(t - h)) / (2 * h)).toBeCloseTo(wigglyYSlope(t), 8);
    }
  });

  it('each coordinatewise map and its inverse round-trip in double precision', () => {
    const grid = (lo: number, hi: number) =>
      Float64Array.from({ length: 801 }, (_, i) => lo + ((hi - lo) * i) / 800);
    // Φ is clamped at 1 − 2⁻²⁴ (from z ≈ 5.29); up to there 1 − Φ keeps ≥ 8 digits in double precision.
    const cases = [
      ['normal_cdf', NORMAL_CDF, grid(-8, 5.25), 1e-9],
      ['half_cube', HALF_CUBE, grid(-8, 8), 1e-14],
      ['wiggly x', WIGGLY_X, grid(-8, 8), 1e-14],
      ['wiggly y', WIGGLY_Y, grid(-8, 8), 1e-14],
    ] as const;
    for (const [name, map, points, tolerance] of cases) {
      const back = map.inverse(map.forward(points, 1), 1);
      const worst = Math.max(...points.map((t, i) => Math.abs(back[i] - t) / Math.max(1, Math.abs(t))));
      expect(worst, name).toBeLessThan(tolerance);
    }
  });

  it('the normal CDF map stays inside (0, 1) even as float32, where Φ(6) would round to 1', () => {
    const image = NORMAL_CDF.forward(Float64Array.of(-14, -6, 0, 6, 40), 1);
    const stored = new Float32Array(image);
    expect(Math.fround(normalCdf(6))).toBe(1);
    expect(stored.every((u) => u > 0 && u < 1)).toBe(true);
    expect(stored[2]).toBe(0.5);
  });

  it('the spiral keeps |x|, turns by |x|²/d in its plane, and is undone by its inverse', () => {
    const spiral = spiralMap(1, 2, 1 / 3);
    const point = Float64Array.of(0.3, 1.2, -0.5);
    const image = spiral.forward(point, 3);
    const theta = (0.3 ** 2 + 1.2 ** 2 + 0.5 ** 2) / 3;
    expect(image[0]).toBe(0.3); // off the plane: untouched
    expect(image[1]).toBeCloseTo(Math.cos(theta) * 1.2 + Math.sin(theta) * 0.5, 15);
    expect(image[2]).toBeCloseTo(Math.sin(theta) * 1.2 - Math.cos(theta) * 0.5, 15);
    expect(Math.hypot(...image)).toBeCloseTo(Math.hypot(...point), 15);
    const back = spiral.inverse(image, 3);
    for (let i = 0; i < 3; i++) expect(back[i]).toBeCloseTo(point[i], 15);
    // Plane (0, 1) of a 2-vector: bmi's own example, exp(π/2 · A)(1, 0) = (0, 1) at |x|² = 1.
    const quarter = spiralMap(0, 1, Math.PI / 2).forward(Float64Array.of(1, 0), 2);
    expect(quarter[0]).toBeCloseTo(0, 15);
    expect(quarter[1]).toBeCloseTo(1, 15);
    expect(() => spiralMap(1, 2, 1).forward(Float64Array.of(1, 2), 2)).toThrowError(/3 coordinates/);
  });

  it('the Swiss roll is injective on (0, 1): its radius grows strictly, and the inverse reads u back', () => {
    const u = Float64Array.from({ length: 1001 }, (_, i) => i / 1000);
    const roll = SWISS_ROLL.forward(u, 1);
    const radii = Array.from(u, (_, r) => Math.hypot(roll[2 * r], roll[2 * r + 1]));
    expect(radii.every((radius, r) => r === 0 || radius > radii[r - 1])).toBe(true);
    const back = SWISS_ROLL.inverse(roll, 1);
    expect(Math.max(...u.map((v, r) => Math.abs(back[r] - v)))).toBeLessThan(1e-14);
    // At u = 0 the roll starts at t = 1.5π: (t cos t, t sin t)/21 = (0, −1.5π/21).
    expect(roll[0]).toBeCloseTo(0, 15);
    expect(roll[1]).toBeCloseTo((-1.5 * Math.PI) / 21, 15);
  });

  it('the bimodal map z ↦ F⁻¹(Φ(z)) solves F(x) = Φ(z) in both tails and is undone by Φ⁻¹(F(x))', () => {
    for (const mixture of [BIMODAL_X, BIMODAL_Y]) {
      const quantile = mixtureQuantileOfNormal(mixture);
      let previous = -Infinity;
      for (let z = -8; z <= 8; z += 1 / 16) {
        const x = quantile(z);
        expect(x).toBeGreaterThan(previous);
        previous = x;
        // Relative agreement of the tail probabilities: F in the lower tail, 1 − F in the upper.
        const [achieved, wanted] =
          z <= 0 ? [mixtureCdf(mixture, x), normalCdf(z)] : [mixtureSf(mixture, x), normalSf(z)];
        expect(Math.abs(achieved - wanted) / wanted).toBeLessThan(1e-13);
        expect(Math.abs(normalScoreOfMixture(mixture, x) - z)).toBeLessThan(1e-12);
      }
    }
    // bmi's X mixture 0.3 N(0, 1) + 0.7 N(5, 1): the median lies in the upper mode, F⁻¹(½) ≈ 4.7.
    const median = mixtureQuantileOfNormal(BIMODAL_X)(0);
    expect(Math.abs(mixtureCdf(BIMODAL_X, median) - 0.5)).toBeLessThan(1e-15);
    expect(median).toBeGreaterThan(4.4);
    expect(median).toBeLessThan(5);
  });
});
