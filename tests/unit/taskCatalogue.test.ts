import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';
import { BMI_TASKS, bmiTask } from '../../src/core/tasks/catalogue';
import { message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

/**
 * bmi's 40 benchmark tasks with their dimensions, transcribed by hand from
 * src/bmi/benchmark/task_list.py of github.com/cbg-ethz/bmi at commit
 * 6c569b93f966dbdf53d4eb3fc287c791d87f2cd2 (BENCHMARK_TASKS_LIST = ONE_DIM_TASKS + EMBEDDINGS_TASKS +
 * MULTINORMAL_TASKS + STUDENT_TASKS + TRANSFORMED_TASKS), each id as bmi's f-strings print it
 * (Python's str(0.10) is "0.1" and str(2.0) is "2.0").
 */
const BMI_TASK_LIST: readonly (readonly [string, number, number])[] = [
  // ONE_DIM_TASKS
  ['1v1-normal-0.75', 1, 1],
  ['normal_cdf-1v1-normal-0.75', 1, 1],
  ['1v1-additive-0.1', 1, 1],
  ['1v1-additive-0.75', 1, 1],
  ['1v1-bimodal-0.75', 1, 1],
  ['wiggly-1v1-normal-0.75', 1, 1],
  ['half_cube-1v1-normal-0.75', 1, 1],
  ['student-identity-1-1-1', 1, 1],
  ['asinh-student-identity-1-1-1', 1, 1],
  // EMBEDDINGS_TASKS
  ['swissroll_x-normal_cdf-1v1-normal-0.75', 2, 1],
  // MULTINORMAL_TASKS
  ['multinormal-dense-2-2-0.5', 2, 2],
  ['multinormal-dense-3-3-0.5', 3, 3],
  ['multinormal-dense-5-5-0.5', 5, 5],
  ['multinormal-dense-25-25-0.5', 25, 25],
  ['multinormal-dense-50-50-0.5', 50, 50],
  ['multinormal-sparse-2-2-2-2.0', 2, 2],
  ['multinormal-sparse-3-3-2-2.0', 3, 3],
  ['multinormal-sparse-5-5-2-2.0', 5, 5],
  ['multinormal-sparse-25-25-2-2.0', 25, 25],
  // STUDENT_TASKS
  ['student-identity-2-2-1', 2, 2],
  ['student-identity-2-2-2', 2, 2],
  ['student-identity-3-3-2', 3, 3],
  ['student-identity-3-3-3', 3, 3],
  ['student-identity-5-5-2', 5, 5],
  ['student-identity-5-5-3', 5, 5],
  // TRANSFORMED_TASKS
  ['normal_cdf-multinormal-sparse-3-3-2-2.0', 3, 3],
  ['normal_cdf-multinormal-sparse-5-5-2-2.0', 5, 5],
  ['normal_cdf-multinormal-sparse-25-25-2-2.0', 25, 25],
  ['half_cube-multinormal-sparse-3-3-2-2.0', 3, 3],
  ['half_cube-multinormal-sparse-5-5-2-2.0', 5, 5],
  ['half_cube-multinormal-sparse-25-25-2-2.0', 25, 25],
  ['spiral-multinormal-sparse-3-3-2-2.0', 3, 3],
  ['spiral-multinormal-sparse-5-5-2-2.0', 5, 5],
  ['spiral-multinormal-sparse-25-25-2-2.0', 25, 25],
  ['spiral-normal_cdf-multinormal-sparse-3-3-2-2.0', 3, 3],
  ['spiral-normal_cdf-multinormal-sparse-5-5-2-2.0', 5, 5],
  ['spiral-normal_cdf-multinormal-sparse-25-25-2-2.0', 25, 25],
  ['asinh-student-identity-2-2-1', 2, 2],
  ['asinh-student-identity-3-3-2', 3, 3],
  ['asinh-student-identity-5-5-2', 5, 5],
];

/** Each task's true MI in nats, as bmi's formulas give it, evaluated independently (mpmath at 30 digits, rounded to doubles). */
const BMI_TRUTH_NATS: Readonly<Record<string, number>> = {
  gaussian1v1: 0.41333928659223396, // −½ ln(1 − 0.75²)
  sparse2pair: 1.0216512475319814, // −ln(1 − 0.8²): two pairs with correlation 4/5
  'dense-2': 0.29389333245105953, // ½ ln((d + 1)²/(2d + 1))
  'dense-3': 0.41333928659223396,
  'dense-5': 0.5928118328288697,
  'dense-25': 1.292183721659319,
  'dense-50': 1.624265374303696,
  'additive-0.1': 1.7094379124341004, // ε − ln 2ε
  'additive-0.75': 1 / 3, // 1/(4ε)
  'student-1-1-1': 0.2241714275292361, // h(m) + h(n) − h(m + n), mpmath loggamma/digamma
  'student-2-2-1': 0.43194562200144304,
  'student-2-2-2': 0.19314718055994531,
  'student-3-3-2': 0.29092192268276357,
  'student-3-3-3': 0.17871185309236437,
  'student-5-5-2': 0.4481506769153299,
  'student-5-5-3': 0.2985436226527612,
};

/** The truth a task should have, read off its id: transformed tasks keep their base's. */
function expectedTruth(id: string): number {
  const student = /student-identity-(\d+)-(\d+)-(\d+)$/.exec(id);
  if (student) return BMI_TRUTH_NATS[`student-${student[1]}-${student[2]}-${student[3]}`];
  const dense = /multinormal-dense-(\d+)-\d+-0\.5$/.exec(id);
  if (dense) return BMI_TRUTH_NATS[`dense-${dense[1]}`];
  if (/multinormal-sparse-\d+-\d+-2-2\.0$/.test(id)) return BMI_TRUTH_NATS.sparse2pair;
  const additive = /1v1-additive-([\d.]+)$/.exec(id);
  if (additive) return BMI_TRUTH_NATS[`additive-${additive[1]}`];
  if (/1v1-(normal|bimodal)-0\.75$/.test(id)) return BMI_TRUTH_NATS.gaussian1v1;
  throw new Error(`no expected truth for ${id}`);
}

describe('the task list', () => {
  it("holds exactly bmi's 40 ids, in task_list.py's order, each once", () => {
    expect(BMI_TASK_LIST).toHaveLength(40);
    expect(BMI_TASKS.map((task) => task.id)).toEqual(BMI_TASK_LIST.map(([id]) => id));
    expect(new Set(BMI_TASKS.map((task) => task.id)).size).toBe(40);
  });

  it("gives each task bmi's dimensions", () => {
    for (const [id, xDim, yDim] of BMI_TASK_LIST) {
      const task = bmiTask(id);
      expect(task?.xDim, id).toBe(xDim);
      expect(task?.yDim, id).toBe(yDim);
    }
    expect(bmiTask('multinormal-dense-4-4-0.5')).toBeUndefined();
  });

  it('gives each task the closed-form truth of its family, to 1e-13 nats', () => {
    for (const task of BMI_TASKS) {
      expect(Math.abs(task.trueMiNats - expectedTruth(task.id)), task.id).toBeLessThan(1e-13);
    }
  });

  it('groups the tasks as the menu shows them: 10 one-dimensional, 9 multinormal, 6 Student-t, 15 transformed', () => {
    const count = (group: string) => BMI_TASKS.filter((task) => task.group === group).length;
    expect([count('one-dimensional'), count('multinormal'), count('student'), count('transformed')]).toEqual([
      10, 9, 6, 15,
    ]);
    // The one-dimensional group is bmi's ONE_DIM_TASKS plus the Swiss roll, as in its task figure.
    expect(BMI_TASKS.slice(0, 10).every((task) => task.group === 'one-dimensional')).toBe(true);
  });

  it("links every transformed task to a base in the list, whose id its own id ends with (bmi's naming)", () => {
    const transformed = BMI_TASKS.filter((task) => task.baseId !== null);
    expect(transformed).toHaveLength(21);
    for (const task of transformed) {
      const base = bmiTask(task.baseId ?? '');
      expect(base, task.id).toBeDefined();
      if (task.id !== '1v1-bimodal-0.75') expect(task.id.endsWith(`-${task.baseId}`), task.id).toBe(true);
      expect(task.toBase, task.id).toBeDefined();
    }
    expect(bmiTask('1v1-bimodal-0.75')?.baseId).toBe('1v1-normal-0.75');
    expect(bmiTask('spiral-normal_cdf-multinormal-sparse-3-3-2-2.0')?.baseId).toBe(
      'normal_cdf-multinormal-sparse-3-3-2-2.0',
    );
  });

  it("describes every task in words, with bmi's name and its parameters", () => {
    for (const task of BMI_TASKS) {
      expect(inEnglish(task.title).length, task.id).toBeGreaterThan(8);
      expect(inEnglish(task.definition).length, task.id).toBeGreaterThan(60);
      expect(inEnglish(task.whyTruth).length, task.id).toBeGreaterThan(60);
      expect(task.bmiName?.length ?? 0, task.id).toBeGreaterThan(8);
    }
    const english = (id: string, part: 'title' | 'definition' | 'whyTruth') => {
      const task = bmiTask(id);
      return task ? inEnglish(task[part]) : '';
    };
    expect(bmiTask('1v1-normal-0.75')?.title).toEqual(message('tasks.bivariateNormal.title', { rho: 0.75 }));
    expect(english('1v1-normal-0.75', 'title')).toBe('Bivariate normal, ρ = 0.75');
    expect(english('normal_cdf-multinormal-sparse-3-3-2-2.0', 'title')).toBe(
      'Normal CDF @ Multinormal 3 × 3, sparse (2 correlated pairs)',
    );
    expect(bmiTask('multinormal-sparse-3-3-2-2.0')?.bmiName).toBe('Multinormal 3 × 3 (2-pair)');
    expect(bmiTask('normal_cdf-multinormal-sparse-3-3-2-2.0')?.bmiName).toBe(
      'Normal CDF @ Multinormal 3 × 3 (2-pair)',
    );
    expect(bmiTask('student-identity-3-3-2')?.bmiName).toBe('Student-t 3 × 3 (dof=2)');
    expect(english('1v1-additive-0.1', 'definition')).toContain('Uniform(−0.1, 0.1)');
    expect(english('spiral-multinormal-sparse-5-5-2-2.0', 'definition')).toContain('|X|²/5');
    expect(english('half_cube-1v1-normal-0.75', 'whyTruth')).toContain('1v1-normal-0.75');
    expect(english('student-identity-1-1-1', 'definition')).toContain(
      'with ν = 1 the variances are infinite',
    );
  });

  it('has a log density ratio for every task (the transformed ones through their inverse maps)', () => {
    expect(BMI_TASKS.every((task) => task.logDensityRatio !== undefined)).toBe(true);
  });
});

describe('sampling every task', () => {
  it('gives [n, xDim] and [n, yDim] finite float32 rows, the same for a seed and different across seeds', () => {
    const n = 64;
    for (const task of BMI_TASKS) {
      const first = task.sample(createRng(11), n);
      const again = task.sample(createRng(11), n);
      const other = task.sample(createRng(12), n);
      expect(first.n).toBe(n);
      expect(first.x).toBeInstanceOf(Float32Array);
      expect(first.x.length, task.id).toBe(n * task.xDim);
      expect(first.y.length, task.id).toBe(n * task.yDim);
      expect(first.x.every(Number.isFinite) && first.y.every(Number.isFinite), task.id).toBe(true);
      expect(Array.from(again.x), task.id).toEqual(Array.from(first.x));
      expect(Array.from(again.y), task.id).toEqual(Array.from(first.y));
      expect(Array.from(other.x), task.id).not.toEqual(Array.from(first.x));
      const ratio = task.logDensityRatio?.(first.x, first.y) ?? new Float64Array();
      expect(ratio.length, task.id).toBe(n);
      expect(ratio.every(Number.isFinite), task.id).toBe(true);
    }
  });
});
