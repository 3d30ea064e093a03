/**
 * Early stopping on held-out estimates, as bmi's training loop does it: each estimator keeps its
 * best held-out value, and stops once `patience` evaluations in a row have not beaten it. Pure.
 */

/** Tracks each estimator's best held-out value and the evaluations since it improved. */
export interface EarlyStopping {
  /**
   * Takes one evaluation's values (nats, one per estimator; those already stopped are ignored)
   * and returns the indices of the estimators that stop now.
   */
  observe(values: ArrayLike<number>, stepIdx: number): number[];
  /** Estimator `e`'s best held-out value so far and the step (0-based) it was reached at. */
  best(e: number): { readonly valueNats: number; readonly stepIdx: number } | null;
}

/** Early stopping for `estimators` estimators; patience 0 never stops. */
export function createEarlyStopping(estimators: number, patience: number): EarlyStopping {
  const bestValue = new Float64Array(estimators).fill(-Infinity);
  const bestStep = new Int32Array(estimators).fill(-1);
  const sinceBest = new Int32Array(estimators);
  const stopped = new Array<boolean>(estimators).fill(false);
  return {
    observe(values, stepIdx) {
      const stopping: number[] = [];
      for (let e = 0; e < estimators; e++) {
        if (stopped[e]) continue;
        const value = values[e];
        if (Number.isFinite(value) && value > bestValue[e]) {
          bestValue[e] = value;
          bestStep[e] = stepIdx;
          sinceBest[e] = 0;
        } else {
          sinceBest[e]++;
        }
        if (patience > 0 && sinceBest[e] >= patience) {
          stopped[e] = true;
          stopping.push(e);
        }
      }
      return stopping;
    },
    best: (e) => (bestStep[e] < 0 ? null : { valueNats: bestValue[e], stepIdx: bestStep[e] }),
  };
}
