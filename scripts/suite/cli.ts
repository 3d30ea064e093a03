/**
 * `npm run suite -- --tasks <ids|all> --estimators <ids> --seeds <n> [--rows <n>] [--out results.csv]`:
 * the Beyond Normal suite from the command line, on the same core and the same protocol as the
 * page's suite view (tfjs's WebAssembly backend in Node), with a progress line, the results as CSV
 * and the table as markdown.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'; // registers the backend too
import { ksgMutualInformation } from '../../src/core/baselines/ksg';
import { linearMutualInformation } from '../../src/core/baselines/linearMi';
import { createI18n, renderMessage } from '../../src/i18n/i18n';
import { errorDetail } from '../../src/protocol/message';
import type { FromWorker } from '../../src/protocol/messages';
import {
  ALL_TASKS,
  SUITE_ESTIMATORS,
  SUITE_ROWS,
  suiteMarkdown,
  suiteResultsCsv,
  type SuiteCellResult,
  type SuiteDefinition,
  type SuiteEstimator,
} from '../../src/protocol/suite';
import { pendingUnits, runSuiteUnit, suiteCellCount, type SuiteWorkers } from '../../src/protocol/suiteRun';
import { createBatchSource } from '../../src/worker/batchSource';
import { createRunSession } from '../../src/worker/runSession';

/** The command line's options. */
interface Options {
  readonly definition: SuiteDefinition;
  readonly out: string | null;
  readonly backend: 'wasm' | 'cpu';
}

function usage(problem: string): never {
  console.error(`${problem}
usage: npm run suite -- --tasks <ids|all> --estimators <ids> --seeds <n> [--rows <n>] [--out results.csv] [--backend wasm|cpu]
  tasks:      comma-separated bmi task ids, or "all" (${ALL_TASKS.length} tasks)
  estimators: comma-separated, from ${SUITE_ESTIMATORS.join(', ')}`);
  process.exit(2);
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const tasksRaw = value('tasks') ?? usage('--tasks is required');
  const tasks = tasksRaw === 'all' ? [...ALL_TASKS] : tasksRaw.split(',');
  const unknownTasks = tasks.filter((t) => !ALL_TASKS.includes(t));
  if (unknownTasks.length > 0) usage(`unknown task(s): ${unknownTasks.join(', ')}`);
  const estimators = (value('estimators') ?? usage('--estimators is required')).split(
    ',',
  ) as SuiteEstimator[];
  const unknown = estimators.filter((e) => !SUITE_ESTIMATORS.includes(e));
  if (unknown.length > 0) usage(`unknown estimator(s): ${unknown.join(', ')}`);
  const seeds = Number(value('seeds') ?? '1');
  const rows = Number(value('rows') ?? String(SUITE_ROWS));
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 10) usage('--seeds must be an integer from 1 to 10');
  if (!Number.isInteger(rows) || rows < 100) usage('--rows must be an integer of at least 100');
  const backend = value('backend') ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') usage('--backend must be wasm or cpu');
  return { definition: { tasks, estimators, seeds, rows }, out: value('out') ?? null, backend };
}

/** The training session in this process, as a channel like the page's worker. */
function inProcessWorkers(adamEpsilon: number): SuiteWorkers {
  const listeners = new Set<(message: FromWorker) => void>();
  const handle = createRunSession((message) => listeners.forEach((listener) => listener(message)), {
    batches: createBatchSource(() => null),
    adamEpsilon,
  });
  let runId = 0;
  return {
    channel: {
      send: handle,
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    baselines: async (sample, k, seed) => ({
      ksgNats: ksgMutualInformation(sample, { k, seed }).miNats,
      linearNats: linearMutualInformation(sample).miNats,
    }),
    nextRunId: () => ++runId,
  };
}

async function main(): Promise<void> {
  const { definition, out, backend } = parseOptions(process.argv.slice(2));
  if (backend === 'wasm') {
    const wasmPackage = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json');
    setWasmPaths(join(dirname(wasmPackage), 'dist/'));
  }
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend)
    throw new Error(`tfjs could not start ${backend}`);
  const workers = inProcessWorkers(1e-8);
  const units = pendingUnits(definition, new Set());
  const total = suiteCellCount(definition);
  const results: SuiteCellResult[] = [];
  const started = performance.now();
  // A progress line: rewritten in place on a terminal (at most once a second), a line per unit otherwise.
  const tty = process.stderr.isTTY === true;
  let shownAt = 0;
  for (const [u, unit] of units.entries()) {
    const line = (steps: number, force = false) => {
      const now = performance.now();
      if (!force && (!tty || now - shownAt < 1000)) return;
      shownAt = now;
      const elapsed = (now - started) / 1000;
      const eta = u > 0 ? (elapsed / u) * (units.length - u) : NaN;
      const text =
        `[${results.length}/${total} cells] ${unit.task} seed ${unit.seed}: step ${steps}` +
        ` · ${elapsed.toFixed(0)} s${Number.isFinite(eta) ? ` · about ${eta.toFixed(0)} s to go` : ''}`;
      process.stderr.write(tty ? `\r${text.padEnd(100)}` : `${text}\n`);
    };
    line(0, true);
    results.push(...(await runSuiteUnit(workers, unit, definition.rows, line)));
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `\r${results.length} cells in ${seconds.toFixed(1)} s on ${backend}${' '.repeat(40)}\n`,
  );
  if (out) await writeFile(out, suiteResultsCsv(results));
  const english = await createI18n('en', { allAreas: true });
  console.log(suiteMarkdown(definition, results, (text) => renderMessage(english, text)));
}

main().catch(async (error: unknown) => {
  console.error(renderMessage(await createI18n('en', { allAreas: true }), errorDetail(error)));
  process.exit(1);
});
