/**
 * Transformed tasks: a base task's (X, Y) pushed through an invertible map of X and one of Y. Such maps
 * leave the MI unchanged, and the pointwise log density ratio too (the Jacobians cancel), so both come
 * from the base: the truth is the base's and the ratio is the base's at the inverse images.
 */
import {
  ASINH,
  HALF_CUBE,
  IDENTITY,
  NORMAL_CDF,
  SWISS_ROLL,
  WIGGLY_X,
  WIGGLY_Y,
  spiralMap,
  type RowMap,
} from './maps';
import type { Rng } from '../random';
import type { Draws, TaskModel } from './types';
import { message, type Message } from '../../protocol/message';

/** How a transformed task is described and mapped. */
export interface TransformSpec {
  /** The task's id; bmi's `<prefix>-<base id>` when omitted. */
  readonly id?: string;
  /** bmi's prefix of the id (`normal_cdf`, `half_cube`, …). */
  readonly prefix?: string;
  readonly mapX: RowMap;
  readonly mapY: RowMap;
  /** bmi's name of the map, as in its task names "<name> @ <base name>" (e.g. "Normal CDF"). */
  readonly name?: string;
  /** The map's name in the reader's language, for the title "<label> @ <the base's title>". */
  readonly label?: Message;
  /** The title, where it is not "<label> @ <the base's title>". */
  readonly title?: Message;
  /** bmi's name, where it is not "<name> @ <the base's>". */
  readonly bmiName?: string;
  /** How X and Y are made from the base's (X, Y), with the parameters. */
  readonly definition: Message;
  /** Why the maps are invertible, as a clause: "Φ is strictly increasing on each coordinate". */
  readonly mapsInvertible: Message;
}

/** The base task's (X, Y) mapped by spec.mapX and spec.mapY: same truth, the base's ratio at the inverses. */
export function transformTask(base: TaskModel, spec: TransformSpec): TaskModel {
  const { mapX, mapY } = spec;
  const id = spec.id ?? `${spec.prefix}-${base.id}`;
  const toBase = (x: ArrayLike<number>, y: ArrayLike<number>): Draws => {
    const baseX = mapX.inverse(x, base.xDim);
    return { n: baseX.length / base.xDim, x: baseX, y: mapY.inverse(y, base.yDim) };
  };
  const baseRatio = base.logRatio;
  return {
    id,
    group: base.group === 'one-dimensional' ? 'one-dimensional' : 'transformed',
    xDim: mapX.outDim(base.xDim),
    yDim: mapY.outDim(base.yDim),
    trueMiNats: base.trueMiNats,
    title:
      spec.title ??
      message('tasks.transformed.title', { map: spec.label ?? spec.name ?? id, base: base.title }),
    definition: message('tasks.transformed.definition', {
      own: spec.definition,
      base: base.id,
      baseDefinition: base.definition,
    }),
    whyTruth: message('tasks.transformed.whyTruth', {
      invertible: spec.mapsInvertible,
      base: base.id,
      nats: base.trueMiNats.toFixed(4),
      baseWhy: base.whyTruth,
    }),
    baseId: base.id,
    bmiName: spec.bmiName ?? `${spec.name} @ ${base.bmiName}`,
    draw(rng: Rng, n: number): Draws {
      const drawn = base.draw(rng, n);
      return { n, x: mapX.forward(drawn.x, base.xDim), y: mapY.forward(drawn.y, base.yDim) };
    },
    logRatio: baseRatio
      ? (x, y) => {
          const back = toBase(x, y);
          return baseRatio(back.x, back.y);
        }
      : undefined,
    toBase,
  };
}

/** bmi's `normal_cdf-<base>`: Φ on every coordinate of X and of Y, giving uniform marginals on (0, 1). */
export function normalCdfTask(base: TaskModel): TaskModel {
  return transformTask(base, {
    prefix: 'normal_cdf',
    mapX: NORMAL_CDF,
    mapY: NORMAL_CDF,
    name: 'Normal CDF',
    label: message('tasks.normalCdf.name'),
    definition: message('tasks.normalCdf.definition'),
    mapsInvertible: message('tasks.normalCdf.invertible'),
  });
}

/** bmi's `half_cube-<base>`: t ↦ t·√|t| on every coordinate. */
export function halfCubeTask(base: TaskModel): TaskModel {
  return transformTask(base, {
    prefix: 'half_cube',
    mapX: HALF_CUBE,
    mapY: HALF_CUBE,
    name: 'Half-cube',
    label: message('tasks.halfCube.name'),
    definition: message('tasks.halfCube.definition'),
    mapsInvertible: message('tasks.halfCube.invertible'),
  });
}

/** bmi's `asinh-<base>`: the inverse hyperbolic sine on every coordinate. */
export function asinhTask(base: TaskModel): TaskModel {
  return transformTask(base, {
    prefix: 'asinh',
    mapX: ASINH,
    mapY: ASINH,
    name: 'Asinh',
    label: message('tasks.asinh.name'),
    definition: message('tasks.asinh.definition'),
    mapsInvertible: message('tasks.asinh.invertible'),
  });
}

/** bmi's `wiggly-<base>`: a different wiggly increasing map for X and for Y. */
export function wigglyTask(base: TaskModel): TaskModel {
  return transformTask(base, {
    prefix: 'wiggly',
    mapX: WIGGLY_X,
    mapY: WIGGLY_Y,
    name: 'Wiggly',
    label: message('tasks.wiggly.name'),
    definition: message('tasks.wiggly.definition'),
    mapsInvertible: message('tasks.wiggly.invertible'),
  });
}

/**
 * bmi's `spiral-<base>`: X rotated in the plane of its coordinates 1 and 2 by θ = s_x |X|², Y in the plane
 * of its coordinates 2 and 3 by s_y |Y|²; with bmi's defaults (speed 1, normalised) s_x = 1/m, s_y = 1/n.
 */
export function spiralTask(base: TaskModel, speed = 1, normalizeSpeed = true): TaskModel {
  if (base.xDim < 2 || base.yDim < 3) {
    throw new Error(`a spiral needs dim X ≥ 2 and dim Y ≥ 3, got ${base.xDim} and ${base.yDim}`);
  }
  const speedX = normalizeSpeed ? speed / base.xDim : speed;
  const speedY = normalizeSpeed ? speed / base.yDim : speed;
  const angle = (v: string, dim: number, s: number) =>
    normalizeSpeed && speed === 1 ? `|${v}|²/${dim}` : `${s}·|${v}|²`;
  return transformTask(base, {
    prefix: 'spiral',
    mapX: spiralMap(0, 1, speedX),
    mapY: spiralMap(1, 2, speedY),
    name: 'Spiral',
    label: message('tasks.spiral.name'),
    definition: message('tasks.spiral.definition', {
      angleX: angle('X', base.xDim, speedX),
      angleY: angle('Y', base.yDim, speedY),
    }),
    mapsInvertible: message('tasks.spiral.invertible'),
  });
}

/** bmi's `swissroll_x-<base>` for a base with one-dimensional X in (0, 1): X becomes a Swiss roll in ℝ². */
export function swissrollTask(base: TaskModel): TaskModel {
  if (base.xDim !== 1) throw new Error(`the Swiss roll needs a one-dimensional X, got ${base.xDim}`);
  return transformTask(base, {
    prefix: 'swissroll_x',
    mapX: SWISS_ROLL,
    mapY: IDENTITY,
    title: message('tasks.swissroll.title'),
    bmiName: 'Swiss roll 2 × 1',
    definition: message('tasks.swissroll.definition'),
    mapsInvertible: message('tasks.swissroll.invertible'),
  });
}
