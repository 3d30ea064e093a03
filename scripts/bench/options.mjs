/** Options of `npm run bench`: command-line flags over BENCH_* environment variables over defaults. */
import { ENGINES } from '../engines/index.mjs';

/** Backends the page accepts in `#backend=`; webgpu is measured only when asked for. */
export const ALL_BACKENDS = ['auto', 'webgl', 'wasm', 'cpu', 'webgpu'];
const DEFAULT_BACKENDS = ['auto', 'webgl', 'wasm', 'cpu'];

/** The sections only Chromium can measure (long-task entries and V8 heaps through CDP). */
export const CHROMIUM_ONLY_SECTIONS = ['longtasks', 'memory'];

/** The measurements, in the order they run. */
export const SECTIONS = ['sizes', 'throughput', 'first-step', 'longtasks', 'memory'];
const SECTION_ALIASES = {
  matrix: 'throughput',
  startup: 'first-step',
  'first-step': 'first-step',
  firststep: 'first-step',
  longtask: 'longtasks',
  heap: 'memory',
  size: 'sizes',
};

/** Usage text for --help. */
export const HELP = `Usage: npm run bench -- [options]        (or: node scripts/bench/run.mjs [options])

Builds the site, serves it, drives headless Chromium (or the engines asked for) and prints
markdown tables to stdout (progress goes to stderr); all raw numbers go to
bench-results/bench-<time>.json and latest.json.

  --engine LIST        chromium (default), firefox, webkit, or all; comma-separated (BENCH_ENGINE)
                       Firefox and WebKit measure throughput and start-up (long tasks and heaps
                       are Chromium-only); WebKit runs under Xvfb when there is no display

  --quick              1 repetition, about a quarter of the steps       (BENCH_QUICK=1)
  --repeat N           repetitions per configuration, default 3          (BENCH_REPEAT)
  --only LIST          comma-separated filter                            (BENCH_ONLY)
                         backends: auto, webgl, wasm, cpu, webgpu (webgpu only when named)
                         batch=512, dim=3 (any value; several: batch=512+2000)
                         sections: sizes, throughput, first-step, longtasks, memory
                         reference: the auto rows and the default-settings runs (with --reference)
                       Backend/batch/dim tokens alone run the throughput matrix (and sizes);
                       naming sections runs only those. E.g. --only wasm,batch=512
  --no-build           serve the existing build instead of building      (BENCH_NO_BUILD=1)
  --out-dir DIR        build into / serve DIR, default dist              (BENCH_OUT_DIR)
  --port N             first port to try for the static server, default 4400 (BENCH_PORT)
  --reference CMD      reference command, run with \`sh -c\`; --batch --dim --hidden --steps --lr
                       --seed are appended (threads: its own default, 1); its runs alternate with
                       the page's auto-backend runs                       (BENCH_REFERENCE)
  --steps-scale X      multiply every throughput run's steps by X        (BENCH_STEPS_SCALE)
  --cap S              seconds a run may train before it is cut off and read as is, default 45
                       (start-up and long-task runs: 3x, memory run: 10x) (BENCH_CAP_S)
  --chromium PATH      browser binary, default /usr/bin/chromium if present (CHROMIUM_PATH)
  --results-dir DIR    where the JSON goes, default bench-results        (BENCH_RESULTS_DIR)
  -h, --help           this text

Exit status: 0 when every run produced numbers (slow or cut-off runs included), 1 when the build,
the server or the browser failed, or a page run crashed or ended in the error state.`;

/** Reads "1", "true", "yes" as true. */
function truthy(value) {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/** A positive number from a flag or variable, or an error naming it. */
function positive(name, raw, integer) {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? 'integer' : 'number'}, got "${raw}"`);
  }
  return value;
}

/** Splits an --only list into backends, batches, dims and sections. */
function parseOnly(list) {
  const only = { backends: [], batches: [], dims: [], sections: [] };
  for (const token of list.split(/[\s,]+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    const pair = /^(batch|n|dim|d)=([\d+]+)$/.exec(lower);
    if (ALL_BACKENDS.includes(lower)) only.backends.push(lower);
    else if (lower === 'reference') {
      // The reference comparison: the auto rows of the matrix and the default-settings runs.
      only.sections.push('throughput', 'first-step');
      only.referenceOnly = true;
    } else if (SECTIONS.includes(lower) || lower in SECTION_ALIASES) {
      only.sections.push(SECTIONS.includes(lower) ? lower : SECTION_ALIASES[lower]);
    } else if (pair) {
      const values = pair[2].split('+').map((v) => positive(`--only ${pair[1]}`, v, true));
      (pair[1] === 'batch' || pair[1] === 'n' ? only.batches : only.dims).push(...values);
    } else {
      throw new Error(`--only: unknown token "${token}" (see --help)`);
    }
  }
  return only;
}

/** Parses argv (without node and the script) and the environment into one options object; throws on a bad value. */
export function parseOptions(argv, env) {
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const takeValue = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      return argv[++i];
    };
    if (name === '-h' || name === '--help') flags.help = true;
    else if (name === '--quick') flags.quick = true;
    else if (name === '--no-build') flags.noBuild = true;
    else if (name === '--repeat') flags.repeat = takeValue();
    else if (name === '--only') flags.only = [flags.only, takeValue()].filter(Boolean).join(',');
    else if (name === '--out-dir') flags.outDir = takeValue();
    else if (name === '--port') flags.port = takeValue();
    else if (name === '--reference') flags.reference = takeValue();
    else if (name === '--steps-scale') flags.stepsScale = takeValue();
    else if (name === '--cap') flags.cap = takeValue();
    else if (name === '--chromium') flags.chromium = takeValue();
    else if (name === '--results-dir') flags.resultsDir = takeValue();
    else if (name === '--engine') flags.engine = [flags.engine, takeValue()].filter(Boolean).join(',');
    else throw new Error(`unknown option "${arg}" (see --help)`);
  }

  const quick = flags.quick ?? truthy(env.BENCH_QUICK);
  const repeatRaw = flags.repeat ?? env.BENCH_REPEAT;
  const scaleRaw = flags.stepsScale ?? env.BENCH_STEPS_SCALE;
  const only = parseOnly(flags.only ?? env.BENCH_ONLY ?? '');
  const filtered = only.backends.length + only.batches.length + only.dims.length > 0;
  const sections = only.sections.length > 0 ? only.sections : filtered ? ['sizes', 'throughput'] : SECTIONS;

  const engineList = (flags.engine ?? env.BENCH_ENGINE ?? 'chromium')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const engines = engineList.includes('all') ? ENGINES : [...new Set(engineList)];
  for (const engine of engines)
    if (!ENGINES.includes(engine))
      throw new Error(`--engine: unknown engine "${engine}" (chromium, firefox, webkit or all)`);

  return {
    help: flags.help ?? false,
    engines: ENGINES.filter((e) => engines.includes(e)),
    quick,
    build: !(flags.noBuild ?? truthy(env.BENCH_NO_BUILD)),
    outDir: flags.outDir ?? env.BENCH_OUT_DIR ?? 'dist',
    resultsDir: flags.resultsDir ?? env.BENCH_RESULTS_DIR ?? 'bench-results',
    port: positive('port', flags.port ?? env.BENCH_PORT ?? 4400, true),
    repeat: repeatRaw === undefined ? (quick ? 1 : 3) : positive('repeat', repeatRaw, true),
    stepsScale: scaleRaw === undefined ? (quick ? 0.25 : 1) : positive('steps-scale', scaleRaw, false),
    capS: positive('cap', flags.cap ?? env.BENCH_CAP_S ?? 45, false),
    loadTimeoutS: 120,
    reference: (flags.reference ?? env.BENCH_REFERENCE ?? '').trim() || null,
    chromium: flags.chromium ?? env.CHROMIUM_PATH ?? null,
    backends:
      only.backends.length > 0
        ? [...new Set(only.backends)]
        : only.referenceOnly
          ? ['auto']
          : DEFAULT_BACKENDS,
    batches: only.batches.length > 0 ? [...new Set(only.batches)] : [512, 20000],
    dims: only.dims.length > 0 ? [...new Set(only.dims)] : [3, 20],
    hidden: 10,
    sections: SECTIONS.filter((s) => sections.includes(s)),
    // The steps of the single-run measurements; quick mode shortens them.
    firstStepSteps: quick ? 100 : null, // null: the page default (500), i.e. the bare `#run=1`
    longTaskSteps: quick ? 500 : 2000,
    memorySteps: quick ? 3000 : 20000,
    memoryCheckpoint: 1000,
  };
}

/**
 * Steps for one throughput run (~3–15 s each on 2 cores without a GPU), times `scale`: long enough
 * that JIT warm-up and the first step's shader or wasm compilation do not dominate.
 */
export function throughputSteps(backend, batch, scale) {
  // Fast: the wasm backend, and auto, which should pick the fastest; slow: SwiftShader WebGL and plain JS.
  const fast = backend === 'auto' || backend === 'wasm';
  const base = batch <= 5000 ? (fast ? 10000 : 800) : fast ? 1000 : 80;
  return Math.min(20000, Math.max(10, Math.round(base * scale)));
}
