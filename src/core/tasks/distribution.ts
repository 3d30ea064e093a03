/** A bmi task as a JointDistribution, so it trains, draws batches and shows its truth like any other. */
import type { JointDistribution } from '../distributions';
import { bmiTask } from './catalogue';

/** The JointDistribution of the task with bmi's id `id`; throws for an unknown id. */
export function createTaskDistribution(id: string): JointDistribution {
  const task = bmiTask(id);
  if (!task) throw new Error(`unknown task "${id}"`);
  const { xDim, yDim, trueMiNats } = task;
  const ratio = task.logDensityRatio;
  return {
    id: 'task',
    xDim,
    yDim,
    trueMiNats: () => trueMiNats,
    trueMiBits: () => trueMiNats * Math.LOG2E,
    sample: (rng, n) => ({ xDim, yDim, ...task.sample(rng, n) }),
    logDensityRatio: (x, y) => {
      if (!ratio) throw new Error(`task "${id}" has no density ratio`);
      return Float32Array.from(ratio(x, y));
    },
  };
}
