/**
 * The 40 tasks of bmi's benchmark ("Beyond Normal", Czyż et al., NeurIPS 2023), built as bmi's
 * `src/bmi/benchmark/task_list.py` builds them (cbg-ethz/bmi at 6c569b9), in its order: the
 * one-dimensional tasks, the Swiss roll, the multinormal, Student-t and transformed tasks.
 */
import { additiveNoiseTask } from './additive';
import { bimodalTask } from './bimodal';
import { bivariateNormalTask, multinormalDenseTask, multinormalSparseTask } from './normal';
import { studentIdentityTask } from './student';
import { asinhTask, halfCubeTask, normalCdfTask, spiralTask, swissrollTask, wigglyTask } from './transformed';
import type { BmiTask, TaskModel } from './types';

/** The correlation of bmi's one-dimensional Gaussian base (GAUSSIAN_CORRELATION in task_list.py). */
const GAUSSIAN_CORRELATION = 0.75;

/** The task models in bmi's order: ONE_DIM + EMBEDDINGS + MULTINORMAL + STUDENT + TRANSFORMED. */
function buildModels(): TaskModel[] {
  const binormal = bivariateNormalTask(GAUSSIAN_CORRELATION);
  const uniform = normalCdfTask(binormal);
  const bistudent = studentIdentityTask(1, 1, 1);
  const oneDimensional = [
    binormal,
    uniform,
    additiveNoiseTask(0.1),
    additiveNoiseTask(0.75),
    bimodalTask(GAUSSIAN_CORRELATION),
    wigglyTask(binormal),
    halfCubeTask(binormal),
    bistudent,
    asinhTask(bistudent),
  ];
  const embeddings = [swissrollTask(uniform)];
  const multinormal = [
    ...[2, 3, 5, 25, 50].map((d) => multinormalDenseTask(d, d)),
    ...[2, 3, 5, 25].map((d) => multinormalSparseTask(d, d)),
  ];
  const studentDims: readonly [number, number][] = [
    [2, 1],
    [2, 2],
    [3, 2],
    [3, 3],
    [5, 2],
    [5, 3],
  ];
  const student = studentDims.map(([d, nu]) => studentIdentityTask(d, d, nu));
  const sparseBases = [3, 5, 25].map((d) => multinormalSparseTask(d, d));
  const transformed = [
    ...sparseBases.map(normalCdfTask),
    ...sparseBases.map(halfCubeTask),
    ...sparseBases.map((base) => spiralTask(base)),
    ...sparseBases.map((base) => spiralTask(normalCdfTask(base))),
    ...[
      [2, 1],
      [3, 2],
      [5, 2],
    ].map(([d, nu]) => asinhTask(studentIdentityTask(d, d, nu))),
  ];
  return [...oneDimensional, ...embeddings, ...multinormal, ...student, ...transformed];
}

/** The published task: float32 samples; the ratio and the inverse maps where the model has them. */
function publish(model: TaskModel): BmiTask {
  const { draw, logRatio, toBase, ...facts } = model;
  return Object.freeze({
    ...facts,
    sample(rng, n) {
      const drawn = draw(rng, n);
      return { n, x: new Float32Array(drawn.x), y: new Float32Array(drawn.y) };
    },
    ...(logRatio ? { logDensityRatio: logRatio } : {}),
    ...(toBase ? { toBase } : {}),
  } satisfies BmiTask);
}

/** Every task, in bmi's task_list order. */
export const BMI_TASKS: readonly BmiTask[] = Object.freeze(buildModels().map(publish));

const BY_ID = new Map(BMI_TASKS.map((task) => [task.id, task]));

/** The task with bmi's id `id`, or undefined. */
export function bmiTask(id: string): BmiTask | undefined {
  return BY_ID.get(id);
}
