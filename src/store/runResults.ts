/**
 * Everything a run has reported, per estimator: every step's estimate and its moving average (for
 * the CSV), the held-out evaluations, and bucketed extremes for the plot. Buffers are allocated
 * once per run and filled in place; each batch of steps costs time in its own size only.
 */
import type { BoundId } from '../protocol/config';
import type { StepsMessage } from '../protocol/messages';
import { addToBuckets, createPlotBuckets, type PlotBuckets } from './plotBuckets';
import { appendToSeries, createSeries, type EstimateSeries } from './series';

/** Held-out evaluations of one run. */
export interface HeldOutSeries {
  /** 0-based steps after which a held-out batch was evaluated; the first `length` are used. */
  readonly stepIdx: Int32Array;
  /** Per estimator, the held-out value in bits at each of those steps. */
  readonly valuesBits: readonly Float32Array[];
  readonly length: number;
}

/** One run's results. A new object after every batch; its buffers are shared and grow in place. */
export interface RunResults {
  readonly estimators: readonly BoundId[];
  /** One series per estimator, in the order of `estimators`. */
  readonly series: readonly EstimateSeries[];
  /** One set of plot buckets per estimator (raw values). */
  readonly plot: readonly PlotBuckets[];
  readonly heldOut: HeldOutSeries;
  /** Steps received so far. */
  readonly length: number;
  /** Per estimator, the first step (0-based) whose estimate was not finite, or −1. */
  readonly firstNonFiniteIdx: readonly number[];
}

/**
 * Points drawn per plot, across all estimators (each gets its share): enough for a smooth curve
 * and the noise envelope, few enough that a redraw (a few times a second) stays cheap.
 */
export const PLOT_POINT_BUDGET = 1000;

/** Empty results for a run of `numSteps` steps of `estimators`, held out every `evalEvery` steps. */
export function createRunResults(
  estimators: readonly BoundId[],
  numSteps: number,
  evalEvery: number,
): RunResults {
  const heldOutCapacity = Math.floor(numSteps / Math.max(1, evalEvery));
  const bucketsEach = Math.max(40, Math.floor(PLOT_POINT_BUDGET / (4 * estimators.length)));
  return {
    estimators,
    series: estimators.map(() => createSeries(numSteps)),
    plot: estimators.map(() => createPlotBuckets(bucketsEach)),
    heldOut: {
      stepIdx: new Int32Array(heldOutCapacity),
      valuesBits: estimators.map(() => new Float32Array(heldOutCapacity)),
      length: 0,
    },
    length: 0,
    firstNonFiniteIdx: estimators.map(() => -1),
  };
}

/** The run's results after the batch `message` (whose steps must follow on from `results`). */
export function appendStepsMessage(results: RunResults, message: StepsMessage): RunResults {
  const { count, firstStepIdx, estimatesBits } = message;
  const numEstimators = results.estimators.length;
  if (estimatesBits.length !== count * numEstimators) {
    throw new Error(`expected ${count}×${numEstimators} estimates, got ${estimatesBits.length}`);
  }
  const firstNonFiniteIdx = [...results.firstNonFiniteIdx];
  const series = results.series.map((s, e) => {
    const column = new Float32Array(count);
    for (let i = 0; i < count; i++) column[i] = estimatesBits[i * numEstimators + e];
    const next = appendToSeries(s, firstStepIdx, column);
    addToBuckets(results.plot[e], next.rawBits, firstStepIdx, firstStepIdx + count);
    if (firstNonFiniteIdx[e] < 0) {
      const bad = column.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) firstNonFiniteIdx[e] = firstStepIdx + bad;
    }
    return next;
  });
  return {
    ...results,
    series,
    heldOut: appendHeldOut(results.heldOut, message, numEstimators),
    length: firstStepIdx + count,
    firstNonFiniteIdx,
  };
}

function appendHeldOut(heldOut: HeldOutSeries, message: StepsMessage, numEstimators: number): HeldOutSeries {
  const added = message.heldOutStepIdx.length;
  if (added === 0) return heldOut;
  const room = heldOut.stepIdx.length - heldOut.length;
  const take = Math.min(added, room);
  for (let j = 0; j < take; j++) {
    heldOut.stepIdx[heldOut.length + j] = message.heldOutStepIdx[j];
    for (let e = 0; e < numEstimators; e++) {
      heldOut.valuesBits[e][heldOut.length + j] = message.heldOutBits[j * numEstimators + e];
    }
  }
  return { ...heldOut, length: heldOut.length + take };
}
