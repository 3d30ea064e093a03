/**
 * The shape of a benchmark task of bmi, the "Beyond Normal" suite (Czyż et al., NeurIPS 2023): a joint
 * distribution of (X, Y) with a sampler and an exactly known mutual information.
 */
import type { Rng } from '../random';
import type { Message } from '../../protocol/message';

/** Families, for grouping the Task menu on the page. */
export type TaskGroup = 'one-dimensional' | 'multinormal' | 'student' | 'transformed';

/** n draws of (X, Y), row-major: x is [n, xDim], y is [n, yDim]. */
export interface TaskSample {
  readonly n: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** n draws of (X, Y) in double precision, row-major, as the families compute them before storage. */
export interface Draws {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Per row of an [n, xDim] and an [n, yDim] matrix, log p(x, y) / (p(x) p(y)). */
export type LogRatio = (x: ArrayLike<number>, y: ArrayLike<number>) => Float64Array;

/** What a task is, apart from how it is sampled: shared by the families' models and the published tasks. */
export interface TaskFacts {
  /** bmi's own task id, e.g. `spiral-normal_cdf-multinormal-sparse-3-3-2-2.0`. */
  readonly id: string;
  readonly group: TaskGroup;
  readonly xDim: number;
  readonly yDim: number;
  /** The exact mutual information in nats (a closed form, not an estimate). */
  readonly trueMiNats: number;
  /** Short and human: "Bivariate normal, ρ = 0.75" (a catalogue key under `tasks.` and its values). */
  readonly title: Message;
  /** Plain text: how X and Y are made, with the parameters. */
  readonly definition: Message;
  /** Plain text: why the MI is what it is. */
  readonly whyTruth: Message;
  /** The base task a transformed task maps (null for base tasks). */
  readonly baseId: string | null;
  /** bmi's own task name (its `task_name`, as in the paper's figures), e.g. "Multinormal 3 × 3 (2-pair)". */
  readonly bmiName?: string;
}

/** One benchmark task: a joint distribution whose MI is known exactly. */
export interface BmiTask extends TaskFacts {
  /** n independent draws, computed in double precision and stored as float32. */
  sample(rng: Rng, n: number): TaskSample;
  /** log p(x,y)/(p(x)p(y)) per row, where the density is available in closed form. */
  readonly logDensityRatio?: (x: Float32Array, y: Float32Array) => Float64Array;
  /**
   * For a transformed task: its sample mapped back through the inverse maps, which gives its base task's
   * sample for the same seed (up to the float32 rounding of the stored values).
   */
  readonly toBase?: (x: Float32Array, y: Float32Array) => Draws;
}

/** A task as a family builds it: its facts and a double-precision sampler; the catalogue publishes it. */
export interface TaskModel extends TaskFacts {
  /** n independent draws in double precision. */
  draw(rng: Rng, n: number): Draws;
  readonly logRatio?: LogRatio;
  readonly toBase?: (x: ArrayLike<number>, y: ArrayLike<number>) => Draws;
}

/** Formats a parameter as Python's str(float) does in bmi's task ids: 0.1 → "0.1", 2 → "2.0". */
export function pythonFloat(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** The number of rows of a row-major matrix with `dim` columns; throws if the length does not fit. */
export function rowCount(values: ArrayLike<number>, dim: number): number {
  const n = values.length / dim;
  if (!Number.isInteger(n))
    throw new Error(`a matrix with ${dim} columns cannot hold ${values.length} values`);
  return n;
}
