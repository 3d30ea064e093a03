/**
 * The page measurements: throughput matrix (with the reference alternating), time to first step, main-
 * thread long tasks, and tensors/heap over a long run. Each appends every raw run to `results` as it goes,
 * so a later crash keeps what was measured, tagged with the engine it ran in (`ctx.engine`, whose page
 * runs `ctx.runPage` makes).
 */
import { attachHeapProbe, heapSnapshot } from './heap.mjs';
import { throughputSteps } from './options.mjs';
import { runReference } from './reference.mjs';

/** The page URL for a hash built from `params` (insertion order kept). */
export function pageUrl(baseUrl, params) {
  const hash = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `${baseUrl}#${hash}`;
}

/** One line of progress for a page run. */
function describe(run) {
  if (!run.ok) return `ERROR ${run.error}`;
  const rate = run.stepsPerS === null ? 'n/a' : run.stepsPerS.toFixed(1);
  return `${rate} steps/s (${run.stepsPerSSource ?? 'no readout'}) on ${run.backendUsed ?? '?'}, step ${run.step}${
    run.capped ? ' [cut off at the cap]' : ''
  }, ${run.wallS.toFixed(1)} s`;
}

/** Runs the reference once if one is configured, logging and recording it. */
async function referenceRun(ctx, config, label) {
  if (!ctx.options.reference) return;
  const ref = await runReference(ctx.options.reference, config, ctx.root);
  ctx.results.reference.push({ ...config, label, engine: ctx.engine, ...ref });
  ctx.log(
    `  reference ${label}: ${ref.ok ? `${ref.stepsPerS} steps/s, ${ref.estimateBits} bits, ${ref.wallS.toFixed(1)} s` : `ERROR ${ref.error}`}`,
  );
}

/** Throughput for every backend × batch × dim, repeats outermost; each auto run is followed by the reference. */
export async function measureThroughput(ctx) {
  const { options, baseUrl } = ctx;
  const configs = options.backends.flatMap((backend) =>
    options.batches.flatMap((batch) => options.dims.map((dim) => ({ backend, batch, dim }))),
  );
  for (let repeat = 1; repeat <= options.repeat; repeat++) {
    for (const { backend, batch, dim } of configs) {
      const steps = throughputSteps(backend, batch, options.stepsScale);
      const params = { backend, batch, dim, hidden: options.hidden, steps, seed: 1, run: 1 };
      const label = `${backend} N=${batch} d=${dim} (${steps} steps)`;
      const run = await ctx.runPage(pageUrl(baseUrl, params), options);
      const { longTasks, ...kept } = run; // long tasks are measured on their own
      ctx.results.throughput.push({
        ...kept,
        engine: ctx.engine,
        backend, // the requested one; `backendUsed` is what the page ran on
        batch,
        dim,
        hidden: options.hidden,
        steps,
        repeat,
        longTaskCount: longTasks?.length ?? null,
      });
      ctx.log(`throughput ${ctx.engine} ${repeat}/${options.repeat} ${label}: ${describe(run)}`);
      if (backend === 'auto')
        await referenceRun(ctx, { batch, dim, hidden: options.hidden, steps }, 'matrix');
    }
  }
}

/** Time from navigation to the first step at the defaults (`#run=1`: auto, N = 20000, d = 3), run to the end. */
export async function measureFirstStep(ctx) {
  const { options, baseUrl } = ctx;
  const params = { run: 1, steps: options.firstStepSteps };
  for (let repeat = 1; repeat <= options.repeat; repeat++) {
    const run = await ctx.runPage(pageUrl(baseUrl, params), { ...options, capS: options.capS * 3 });
    const { longTasks, ...kept } = run;
    ctx.results.firstStep.push({
      ...kept,
      engine: ctx.engine,
      repeat,
      longTaskCount: longTasks?.length ?? null,
    });
    const first =
      run.firstStepMs === null || run.firstStepMs === undefined ? 'n/a' : `${run.firstStepMs.toFixed(0)} ms`;
    ctx.log(
      `first step ${ctx.engine} ${repeat}/${options.repeat}: ${first} (${run.firstStepSource ?? '-'}); ${describe(run)}`,
    );
    const steps = options.firstStepSteps ?? 500;
    await referenceRun(ctx, { batch: 20000, dim: 3, hidden: 10, steps }, 'defaults');
  }
}

/** Long-task statistics of the tasks in [fromMs, toMs) on the page clock. */
export function longTaskStats(tasks, fromMs, toMs) {
  const inPhase = tasks.filter((t) => t.startMs >= fromMs && t.startMs < toMs);
  const over50 = inPhase.filter((t) => t.durationMs > 50);
  return {
    count: inPhase.length,
    over50ms: over50.length,
    longestMs: inPhase.length > 0 ? Math.max(...inPhase.map((t) => t.durationMs)) : 0,
    blockingMs: over50.reduce((sum, t) => sum + t.durationMs - 50, 0),
  };
}

/** Main-thread long tasks during load (before the first step arrived) and during the run (until done). */
export async function measureLongTasks(ctx) {
  const { options, baseUrl } = ctx;
  const params = {
    backend: 'auto',
    batch: 512,
    dim: 3,
    hidden: options.hidden,
    steps: options.longTaskSteps,
    seed: 1,
    run: 1,
  };
  for (let repeat = 1; repeat <= options.repeat; repeat++) {
    const run = await ctx.runPage(pageUrl(baseUrl, params), { ...options, capS: options.capS * 3 });
    const record = { ...run, engine: ctx.engine, repeat };
    if (run.ok && run.longTasks) {
      const firstMs = run.firstStepMs ?? Infinity;
      const endMs = run.endMs ?? run.readAtMs;
      record.phases = {
        load: longTaskStats(run.longTasks, 0, firstMs),
        run: longTaskStats(run.longTasks, firstMs, endMs + 1),
        after: longTaskStats(run.longTasks, endMs + 1, Infinity),
      };
      const { load, run: during } = record.phases;
      ctx.log(
        `long tasks ${repeat}/${options.repeat}: load ${load.over50ms} > 50 ms (longest ${load.longestMs.toFixed(0)} ms), ` +
          `run ${during.over50ms} > 50 ms (longest ${during.longestMs.toFixed(0)} ms); ${describe(run)}`,
      );
    } else {
      ctx.log(`long tasks ${repeat}/${options.repeat}: ${run.longTaskError ?? describe(run)}`);
    }
    ctx.results.longTasks.push(record);
  }
}

/** Tensor count and page/worker JS heap at step ~1000 and at the end of a 20000-step run (N = 512). */
export async function measureMemory(ctx) {
  const { options, baseUrl } = ctx;
  const params = {
    backend: 'auto',
    batch: 512,
    dim: 3,
    hidden: options.hidden,
    steps: options.memorySteps,
    seed: 1,
    run: 1,
  };
  const run = await ctx.runPage(pageUrl(baseUrl, params), {
    ...options,
    capS: options.capS * 10,
    hooks: {
      setup: (page) => attachHeapProbe(page),
      checkpoint: { step: options.memoryCheckpoint, read: (page, probe) => heapSnapshot(page, probe) },
      atEnd: (page, probe) => heapSnapshot(page, probe),
    },
  });
  const { longTasks, ...kept } = run;
  ctx.results.memory.push({
    ...kept,
    engine: ctx.engine,
    steps: options.memorySteps,
    longTaskCount: longTasks?.length ?? null,
  });
  const show = (s) =>
    s
      ? `step ${s.step}: tensors ${s.tensors ?? 'n/a'}, page heap ${mb(s.pageHeapUsedBytes)}, worker heap ${mb(s.workerHeapUsedBytes)}`
      : 'not reached';
  ctx.log(`memory: ${show(run.checkpoint)}; ${show(run.end)}; ${describe(run)}`);
}

/** Bytes as "12.3 MB", or n/a. */
function mb(bytes) {
  return typeof bytes === 'number' ? `${(bytes / 1e6).toFixed(1)} MB` : 'n/a';
}
