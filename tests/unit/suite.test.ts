import { describe, expect, it } from 'vitest';
import {
  ALL_TASKS,
  BMI_PROTOCOL,
  DEFAULT_SUITE,
  cellConfig,
  isSolved,
  suiteFromHash,
  suiteMarkdown,
  suiteResultsCsv,
  suiteResultsJson,
  suiteToHash,
  summariseSuite,
  taskTruthBits,
  type SuiteCellResult,
  type SuiteDefinition,
} from '../../src/protocol/suite';
import { cellKey, pendingUnits, suiteCellCount, trainOverChannel } from '../../src/protocol/suiteRun';
import type { FromWorker, ToWorker } from '../../src/protocol/messages';
import { createBatchSource } from '../../src/worker/batchSource';
import { createRunSession } from '../../src/worker/runSession';
import { useCpuBackend } from './setupTf';
import { validateConfig } from '../../src/protocol/config';
import { message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

const DEFINITION: SuiteDefinition = {
  tasks: ['1v1-normal-0.75', 'student-identity-2-2-2'],
  estimators: ['mine', 'nwj', 'ksg'],
  seeds: 2,
  rows: 5000,
};

const result = (
  task: string,
  estimator: 'mine' | 'nwj' | 'ksg',
  seed: number,
  bits: number,
): SuiteCellResult => ({
  task,
  estimator,
  seed,
  bits,
  finalBits: bits,
  steps: estimator === 'ksg' ? 0 : 1000,
});

describe('the suite', () => {
  it('runs each cell with bmi’s neural protocol on the task, a valid configuration', () => {
    const config = cellConfig('student-identity-3-3-2', ['mine', 'infonce'], 4);
    expect(config).toMatchObject({ ...BMI_PROTOCOL, dist: 'task', task: 'student-identity-3-3-2', seed: 4 });
    expect(config.hidden).toEqual([16, 8]);
    expect(validateConfig(config)).toEqual([]);
  });

  it('calls an estimate solved within a factor 1.5 of the truth, as bmi does', () => {
    expect(isSolved(1, 1.49)).toBe(true);
    expect(isSolved(1, 1.51)).toBe(false);
    expect(isSolved(1.49, 1)).toBe(true);
    expect(isSolved(1.51, 1)).toBe(false);
    expect(isSolved(-0.1, 1)).toBe(false);
    expect(isSolved(NaN, 1)).toBe(false);
  });

  it('summarises cells over seeds: mean, spread, truth, solved, and counts solved tasks per estimator', () => {
    const truth = taskTruthBits('1v1-normal-0.75'); // 0.596 bits
    const results = [
      result('1v1-normal-0.75', 'mine', 1, 0.5),
      result('1v1-normal-0.75', 'mine', 2, 0.6),
      result('1v1-normal-0.75', 'ksg', 1, 0.2),
      result('student-identity-2-2-2', 'mine', 1, NaN), // a failed cell does not count
    ];
    const { rows, solved } = summariseSuite(DEFINITION, results);
    expect(rows.map((r) => r.task)).toEqual(DEFINITION.tasks);
    const mine = rows[0].cells[0];
    expect(mine).toMatchObject({ seeds: 2, truthBits: truth, solved: true });
    expect(mine.meanBits).toBeCloseTo(0.55, 12);
    expect(mine.sdBits).toBeCloseTo(Math.sqrt(0.005), 12);
    expect(mine.logRatio).toBeCloseTo(Math.log(0.55 / truth), 12);
    expect(rows[0].cells[2]).toMatchObject({ seeds: 1, solved: false });
    expect(rows[1].cells[0]).toMatchObject({ seeds: 0, solved: false });
    expect(solved).toEqual([1, 0, 0]);
    const markdown = suiteMarkdown(DEFINITION, results, inEnglish);
    expect(markdown).toContain('| `1v1-normal-0.75` | 0.60 | 0.55 ± 0.07 ✓ | — | 0.20 |');
    expect(markdown).toContain('| **solved** | | **1 / 2** | **0 / 2** | **0 / 2** |');
    expect(suiteResultsCsv(results).split('\n')[1]).toBe(`1v1-normal-0.75,mine,1,0.5,0.5,1000,${truth},true`);
    expect(JSON.parse(suiteResultsJson(DEFINITION, results)).summary.solved).toEqual([1, 0, 0]);
  });

  it('splits the work into units of a task and a seed, skipping finished cells', () => {
    expect(suiteCellCount(DEFINITION)).toBe(12);
    const all = pendingUnits(DEFINITION, new Set());
    expect(all.map((u) => `${u.task}:${u.seed}`)).toEqual([
      '1v1-normal-0.75:1',
      'student-identity-2-2-2:1',
      '1v1-normal-0.75:2',
      'student-identity-2-2-2:2',
    ]);
    expect(all[0]).toMatchObject({ neural: ['mine', 'nwj'], baselines: ['ksg'] });
    const done = new Set([
      cellKey(5000, '1v1-normal-0.75', 'mine', 1),
      cellKey(5000, '1v1-normal-0.75', 'nwj', 1),
      cellKey(5000, '1v1-normal-0.75', 'ksg', 1),
      cellKey(5000, 'student-identity-2-2-2', 'nwj', 1),
      cellKey(1000, 'student-identity-2-2-2', 'mine', 1), // another sample size: not this suite's
    ]);
    const left = pendingUnits(DEFINITION, done);
    expect(left[0]).toMatchObject({
      task: 'student-identity-2-2-2',
      seed: 1,
      neural: ['mine'],
      baselines: ['ksg'],
    });
    expect(left).toHaveLength(3);
  });

  it('round-trips a suite through its link, "all" included, and falls back on bad parts with notices', () => {
    const hash = suiteToHash(DEFINITION);
    expect(hash).toBe(
      '#view=suite&tasks=1v1-normal-0.75,student-identity-2-2-2&estimator=mine,nwj,ksg&seeds=2',
    );
    expect(suiteFromHash(hash)).toEqual({ definition: DEFINITION, notices: [] });
    const everything = { ...DEFINITION, tasks: ALL_TASKS, rows: 1000 };
    expect(suiteToHash(everything)).toContain('tasks=all&');
    expect(suiteFromHash(suiteToHash(everything)).definition).toEqual(everything);
    const bad = suiteFromHash('#view=suite&tasks=nope,1v1-normal-0.75&estimator=<b>&seeds=99');
    expect(bad.definition).toEqual({ ...DEFAULT_SUITE, tasks: ['1v1-normal-0.75'] });
    expect(bad.notices).toHaveLength(3);
    expect(bad.notices[0]).toEqual(message('notices.suite.unknown', { key: 'tasks', ids: '“nope”' }));
    expect(inEnglish(bad.notices[0])).toMatch(/unknown tasks “nope”/);
  });
});

describe('training a suite cell over the worker protocol', () => {
  it('reports the best and the last held-out estimate of each estimator, as bmi reports the best', async () => {
    await useCpuBackend();
    const listeners = new Set<(m: FromWorker) => void>();
    const heldOut: number[][] = [];
    const handle = createRunSession(
      (message) => {
        if (message.type === 'steps')
          message.heldOutStepIdx.forEach((_, j) =>
            heldOut.push([0, 1].map((e) => message.heldOutBits[2 * j + e])),
          );
        listeners.forEach((l) => l(message));
      },
      { batches: createBatchSource(() => null), adamEpsilon: 1e-8 },
    );
    const channel = {
      send: handle,
      listen(listener: (m: FromWorker) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const config = {
      ...cellConfig('1v1-normal-0.75', ['mine', 'nwj'], 1, 400),
      steps: 60,
      eval: 10,
      patience: 0,
    };
    const outcomes = await trainOverChannel(channel, config, 7);
    expect(heldOut).toHaveLength(6);
    outcomes.forEach((o, e) => {
      expect(o.steps).toBe(60);
      expect(o.finalBits).toBe(heldOut[5][e]);
      expect(o.bestBits).toBe(Math.max(...heldOut.map((h) => h[e])));
    });
  });
});

describe('an early stop announced before its evaluations arrive', () => {
  it('still counts every evaluation up to the stop (the worker flushes evaluations in batches)', async () => {
    const listeners = new Set<(m: FromWorker) => void>();
    const channel = {
      send(message: ToWorker) {
        if (message.type !== 'start') return;
        const { runId } = message;
        queueMicrotask(() => {
          const emit = (m: FromWorker) => listeners.forEach((l) => l(m));
          emit({
            type: 'stopped-early',
            runId,
            estimator: 'mine',
            stepIdx: 749,
            bestBits: 0.6,
            bestStepIdx: 249,
          });
          emit({
            type: 'steps',
            runId,
            firstStepIdx: 0,
            count: 750,
            estimatesBits: new Float32Array(750),
            heldOutStepIdx: Int32Array.from([249, 499, 749]),
            heldOutBits: Float32Array.from([0.6, 0.5, 0.55]),
            stepsPerSecond: 1,
            runStepsPerSecond: 1,
            tensorCount: 0,
            tensorBytes: 0,
          });
          emit({ type: 'run-state', runId, state: 'done', tensorCount: 0 });
        });
      },
      listen(listener: (m: FromWorker) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const [outcome] = await trainOverChannel(channel, cellConfig('1v1-normal-0.75', ['mine'], 1), 3);
    expect(outcome.bestBits).toBeCloseTo(0.6, 6);
    expect(outcome.finalBits).toBeCloseTo(0.55, 6);
    expect(outcome.steps).toBe(750);
  });
});
