import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULTS } from '../../src/protocol/config';
import type { StepsMessage, ToWorker } from '../../src/protocol/messages';
import {
  GHOSTS_KEPT,
  addGhost,
  finalEstimates,
  ghostLabel,
  ghostOf,
  parseSweepParam,
  sweepToParam,
} from '../../src/store/history';
import { appendStepsMessage, createRunResults } from '../../src/store/runResults';
import { createRunStore } from '../../src/store/runStore';
import { MessageError } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

/** What parseSweepParam says is wrong with `text`, in English. */
function sweepProblem(text: string): string {
  try {
    parseSweepParam(text);
  } catch (error) {
    if (error instanceof MessageError) return inEnglish(error.detail);
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

const steps = (runId: number, firstStepIdx: number, values: number[]): StepsMessage => ({
  type: 'steps',
  runId,
  firstStepIdx,
  count: values.length,
  estimatesBits: Float32Array.from(values),
  heldOutStepIdx: new Int32Array(0),
  heldOutBits: new Float32Array(0),
  stepsPerSecond: 10,
  runStepsPerSecond: 10,
  tensorCount: 3,
  tensorBytes: 100,
});

const resultsOf = (values: number[]) =>
  appendStepsMessage(createRunResults(['mine'], values.length, 25), steps(1, 0, values));

describe('ghost runs', () => {
  it('keeps a smoothed curve of runs of at least 10 steps', () => {
    expect(ghostOf(1, DEFAULTS, resultsOf([1, 2, 3]))).toBeNull();
    const ghost = ghostOf(2, DEFAULTS, resultsOf(Array.from({ length: 40 }, (_, i) => i / 10)));
    expect(ghost?.length).toBe(40);
    expect(ghost?.curves[0][ghost.curves[0].length - 1][0]).toBe(40);
  });

  it('keeps the pinned ghosts and the last five others, newest first', () => {
    const ghost = (id: number, pinned = false) => ({
      ...(ghostOf(id, DEFAULTS, resultsOf(Array(12).fill(1))) as NonNullable<ReturnType<typeof ghostOf>>),
      pinned,
    });
    let ghosts = [ghost(1, true)];
    for (let id = 2; id <= 9; id++) ghosts = addGhost(ghosts, ghost(id));
    expect(ghosts.map((g) => g.id)).toEqual([9, 8, 7, 6, 5, 1]);
    expect(ghosts.filter((g) => !g.pinned)).toHaveLength(GHOSTS_KEPT);
  });

  it('labels a ghost by the settings that differ from the current ones', () => {
    expect(ghostLabel({ ...DEFAULTS, hidden: [4] }, DEFAULTS)).toBe('h = 4');
    expect(ghostLabel({ ...DEFAULTS, batch: 2000, lr: 0.003 }, DEFAULTS)).toBe('lr = 0.003 · N = 2,000');
    expect(ghostLabel({ ...DEFAULTS, units: 'nats', backend: 'cpu' }, DEFAULTS)).toBe('');
    expect(ghostLabel({ ...DEFAULTS, estimator: ['nwj', 'smile'] }, DEFAULTS)).toBe('estimator = nwj+smile');
  });
});

describe('sweeps', () => {
  it('reads and writes `key:v1,v2,…`, naming what is wrong', () => {
    expect(parseSweepParam('hidden:2,4,8')).toEqual({ key: 'hidden', values: [2, 4, 8] });
    expect(sweepToParam({ key: 'lr', values: [0.001, 0.01] })).toBe('lr:0.001,0.01');
    expect(sweepProblem('hidden')).toMatch(/look like/);
    expect(sweepProblem('dist:1,2')).toMatch(/not a numeric setting/);
    expect(sweepProblem('hidden:2,0')).toMatch(/hidden must be/);
    expect(sweepProblem('hidden:2,x')).toMatch(/hidden must be/);
    expect(sweepProblem('hidden:4')).toMatch(/2 to 12/);
  });

  it('takes the mean of the last 10% of steps as the final estimate, skipping non-finite ones', () => {
    expect(finalEstimates(resultsOf([...Array(18).fill(0), 2, NaN]))).toEqual([2]);
    expect(finalEstimates(resultsOf([5]))).toEqual([5]);
  });
});

describe('store: history', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the replaced run as a ghost, and runs a sweep value by value to the end', () => {
    const sent: ToWorker[] = [];
    const store = createRunStore(
      { start: () => undefined, send: (m) => sent.push(m) },
      { restartDebounceMs: 300 },
    );
    const state = () => store.getState();
    state().start();
    state().receive(steps(1, 0, Array(12).fill(1.5)));
    state().prepareSweep('hidden', [2, 8]);
    state().runSweep();
    expect(state().ghosts).toHaveLength(1);
    expect(state().ghosts[0].config.hidden).toEqual([10]);
    const starts = () => sent.filter((m): m is Extract<ToWorker, { type: 'start' }> => m.type === 'start');
    expect(starts().map((m) => m.config.hidden)).toEqual([[10], [2]]);
    const finish = (runId: number, value: number) => {
      state().receive(steps(runId, 0, Array(DEFAULTS.steps).fill(value)));
      state().receive({ type: 'run-state', runId, state: 'done', tensorCount: 0 });
    };
    finish(state().runId, 1.25);
    expect(starts().map((m) => m.config.hidden)).toEqual([[10], [2], [8]]);
    finish(state().runId, 1.75);
    expect(state().sweep?.state).toBe('done');
    expect(state().sweep?.finals).toEqual([[1.25], [1.75]]);
    expect(starts()).toHaveLength(3);
  });

  it('stops a sweep when the user starts something else', () => {
    const store = createRunStore({ start: () => undefined, send: () => undefined });
    store.getState().prepareSweep('dim', [1, 2, 3]);
    store.getState().runSweep();
    store.getState().setParam('units', 'nats'); // display only: the sweep goes on
    expect(store.getState().sweep?.state).toBe('running');
    store.getState().setParam('hidden', [20]);
    expect(store.getState().sweep?.state).toBe('stopped');
  });
});
