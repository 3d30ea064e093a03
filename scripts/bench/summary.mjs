/** Medians and ratios over the raw runs: the numbers the tables show (also stored in the JSON). */
import { sizeTotals } from './sizes.mjs';

/** The median of the finite numbers in `values`, or null when there are none. */
export function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Minimum and maximum of the finite numbers, or nulls. */
function range(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  return xs.length === 0 ? { min: null, max: null } : { min: Math.min(...xs), max: Math.max(...xs) };
}

/** a / b, or null unless both are positive numbers. */
export function ratio(a, b) {
  return typeof a === 'number' && typeof b === 'number' && a > 0 && b > 0 ? a / b : null;
}

/** Groups items by a key function, keeping first-seen order. */
function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return [...groups.values()];
}

/** The distinct non-null values, joined with "/". */
function distinct(values) {
  return [...new Set(values.filter((v) => v !== null && v !== undefined))].join('/') || null;
}

/** Median steps/s and friends over a group of page runs. */
function pageSummary(runs) {
  const ok = runs.filter((r) => r.ok);
  const rates = ok.map((r) => r.stepsPerS);
  return {
    runs: runs.length,
    errors: runs.length - ok.length,
    errorMessages: [...new Set(runs.filter((r) => !r.ok).map((r) => r.error))],
    capped: ok.filter((r) => r.capped).length,
    stepsPerS: median(rates),
    ...range(rates),
    stepsPerSSource: distinct(ok.map((r) => r.stepsPerSSource)),
    steadyStepsPerS: median(ok.map((r) => r.steadyStepsPerS)),
    backendUsed: distinct(ok.map((r) => r.backendUsed)),
    backendReason: distinct(ok.map((r) => r.backendReason)),
    estimateBits: median(ok.map((r) => r.estimateBits)),
    trueMiBits: median(ok.map((r) => r.trueMiBits)),
    firstStepMs: median(ok.map((r) => r.firstStepMs)),
    firstStepRange: range(ok.map((r) => r.firstStepMs)),
    firstStepSource: distinct(ok.map((r) => r.firstStepSource)),
  };
}

/** Median reference steps/s and estimate over a group of reference runs. */
function referenceSummary(refs) {
  const ok = refs.filter((r) => r.ok);
  return {
    runs: refs.length,
    errors: refs.length - ok.length,
    stepsPerS: median(ok.map((r) => r.stepsPerS)),
    ...range(ok.map((r) => r.stepsPerS)),
    estimateBits: median(ok.map((r) => r.estimateBits)),
    threads: distinct(ok.map((r) => r.threads)),
  };
}

/** Sums of long-task phases per run, then medians across runs. */
function longTaskSummary(runs) {
  const measured = runs.filter((r) => r.phases);
  const phase = (name) => ({
    over50ms: median(measured.map((r) => r.phases[name].over50ms)),
    longestMs: median(measured.map((r) => r.phases[name].longestMs)),
    blockingMs: median(measured.map((r) => r.phases[name].blockingMs)),
    longestOverallMs: measured.length ? Math.max(...measured.map((r) => r.phases[name].longestMs)) : null,
  });
  return {
    runs: runs.length,
    measured: measured.length,
    steps: distinct(measured.map((r) => r.step)),
    backendUsed: distinct(measured.map((r) => r.backendUsed)),
    load: phase('load'),
    run: phase('run'),
    error: distinct(runs.filter((r) => !r.phases).map((r) => r.longTaskError ?? r.error)),
  };
}

/** The checkpoint/end readings of the memory run and their end/checkpoint ratios. */
function memorySummary(run) {
  if (!run) return null;
  const [a, b] = [run.checkpoint ?? null, run.end ?? null];
  const pick = (s, k) => s?.[k] ?? null;
  const keys = ['tensors', 'tensorBytes', 'pageHeapUsedBytes', 'workerHeapUsedBytes'];
  return {
    ok: run.ok,
    error: run.error,
    capped: run.capped,
    backendUsed: run.backendUsed ?? null,
    checkpoint: a,
    end: b,
    ratios: Object.fromEntries(keys.map((k) => [k, ratio(pick(b, k), pick(a, k))])),
  };
}

/** Everything the tables show, computed from the raw results (per engine; Chromium where unnamed). */
export function summarize(results) {
  const engineOf = (r) => r.engine ?? 'chromium';
  const throughput = groupBy(
    results.throughput,
    (r) => `${engineOf(r)} ${r.backend} ${r.batch} ${r.dim}`,
  ).map((runs) => ({
    engine: engineOf(runs[0]),
    backend: runs[0].backend,
    batch: runs[0].batch,
    dim: runs[0].dim,
    steps: runs[0].steps,
    ...pageSummary(runs),
  }));

  const reference = [];
  for (const refs of groupBy(
    results.reference,
    (r) => `${engineOf(r)} ${r.label} ${r.batch} ${r.dim} ${r.steps}`,
  )) {
    const { label, batch, dim, steps } = refs[0];
    const engine = engineOf(refs[0]);
    const pageRuns = (
      label === 'defaults'
        ? results.firstStep
        : results.throughput.filter((r) => r.backend === 'auto' && r.batch === batch && r.dim === dim)
    ).filter((r) => engineOf(r) === engine);
    const page = pageSummary(pageRuns);
    const ref = referenceSummary(refs);
    reference.push({
      engine,
      label,
      batch,
      dim,
      steps,
      page,
      reference: ref,
      pageOverReference: ratio(page.stepsPerS, ref.stepsPerS),
    });
  }

  return {
    throughput,
    reference,
    firstStep: groupBy(results.firstStep, engineOf).map((runs) => ({
      engine: engineOf(runs[0]),
      ...pageSummary(runs),
    })),
    longTasks: results.longTasks.length ? longTaskSummary(results.longTasks) : null,
    memory: memorySummary(results.memory[0]),
    sizes: results.sizes ? sizeTotals(results.sizes) : null,
  };
}
