import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../src/protocol/messages';
import type { SuiteDefinition } from '../../src/protocol/suite';
import { cellKey, type SuiteWorkers } from '../../src/protocol/suiteRun';
import { createRunStore } from '../../src/store/runStore';
import { memoryCells } from '../../src/store/suiteCells';
import { createDataClient } from '../../src/worker/dataClient';
import { inProcessWorker } from './dataWorkerPort';

/** A lane whose training answers every run at once: held-out values 0.5 then 0.4 bits per estimator. */
function instantLane(log: string[]): SuiteWorkers & { dispose(): void } {
  const listeners = new Set<(m: FromWorker) => void>();
  let runId = 0;
  return {
    channel: {
      send(message: ToWorker) {
        if (message.type !== 'start') return;
        const n = message.config.estimator.length;
        log.push(`${message.config.task}:${message.config.seed}:${message.config.estimator.join('+')}`);
        const steps: FromWorker = {
          type: 'steps',
          runId: message.runId,
          firstStepIdx: 0,
          count: 500,
          estimatesBits: new Float32Array(500 * n),
          heldOutStepIdx: Int32Array.from([249, 499]),
          heldOutBits: Float32Array.from([...Array(n).fill(0.5), ...Array(n).fill(0.4)]),
          stepsPerSecond: 1,
          runStepsPerSecond: 1,
          tensorCount: 0,
          tensorBytes: 0,
        };
        queueMicrotask(() => {
          listeners.forEach((l) => l(steps));
          listeners.forEach((l) =>
            l({ type: 'run-state', runId: message.runId, state: 'done', tensorCount: 0 }),
          );
        });
      },
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    baselines: async () => ({ ksgNats: 0.4, linearNats: 0.3 }),
    nextRunId: () => ++runId,
    dispose: () => log.push('disposed'),
  };
}

const DEFINITION: SuiteDefinition = {
  tasks: ['1v1-normal-0.75', '1v1-additive-0.1'],
  estimators: ['mine', 'nwj', 'ksg'],
  seeds: 2,
  rows: 1000,
};

function store(cells = memoryCells()) {
  const log: string[] = [];
  const s = createRunStore(
    { start: () => undefined, send: () => undefined },
    { restartDebounceMs: 300 },
    {
      client: createDataClient(() => inProcessWorker().port),
      examples: { manifest: async () => [], file: async () => new Blob() },
    },
    { cells, lanes: () => [instantLane(log)] },
  );
  return { state: () => s.getState(), log, cells };
}

describe('the suite slice', () => {
  it('runs every unit once (the neural estimators side by side), keeps each cell, and reports the best held-out value', async () => {
    const { state, log, cells } = store();
    await state().openSuite(DEFINITION);
    await state().runSuite();
    expect(state().suiteState).toBe('done');
    expect(log).toEqual([
      '1v1-normal-0.75:1:mine+nwj',
      '1v1-additive-0.1:1:mine+nwj',
      '1v1-normal-0.75:2:mine+nwj',
      '1v1-additive-0.1:2:mine+nwj',
      'disposed',
    ]);
    expect(state().suiteResults).toHaveLength(12);
    const mine = state().suiteResults.find((r) => r.estimator === 'mine');
    expect(mine).toMatchObject({
      bits: expect.closeTo(0.5, 6),
      finalBits: expect.closeTo(0.4, 6),
      steps: 500,
    });
    const ksg = state().suiteResults.find((r) => r.estimator === 'ksg');
    expect(ksg?.bits).toBeCloseTo(0.4 * Math.LOG2E, 12);
    expect((await cells.load([cellKey(1000, '1v1-additive-0.1', 'nwj', 2)])).size).toBe(1);
  });

  it('opens a suite with its kept cells and runs only the rest', async () => {
    const cells = memoryCells();
    const first = store(cells);
    await first.state().openSuite({ ...DEFINITION, seeds: 1 });
    await first.state().runSuite();
    const second = store(cells); // a reload: a new page, the same storage
    await second.state().openSuite(DEFINITION);
    expect(second.state().suiteResults).toHaveLength(6);
    await second.state().runSuite();
    expect(second.log.filter((l) => l !== 'disposed')).toEqual([
      '1v1-normal-0.75:2:mine+nwj',
      '1v1-additive-0.1:2:mine+nwj',
    ]);
    expect(second.state().suiteResults).toHaveLength(12);
  });

  it('cancels: nothing more runs, finished cells stay, and forgetting clears them', async () => {
    const { state, log } = store();
    await state().openSuite(DEFINITION);
    const running = state().runSuite();
    state().cancelSuite();
    await running.catch(() => undefined);
    expect(state().suiteState).toBe('cancelled');
    expect(log.filter((l) => l !== 'disposed').length).toBeLessThanOrEqual(1);
    await state().clearSuiteResults();
    expect(state().suiteResults).toEqual([]);
  });
});
