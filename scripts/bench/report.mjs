/** The bench's report: the markdown tables pasted into issue notes. */
import { VIEWPORT } from './browser.mjs';

/** A number with digits chosen by size (steps/s, ms, bits), or n/a. */
function fmt(value, digits) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a';
  if (digits !== undefined) return value.toFixed(digits);
  const abs = Math.abs(value);
  return value.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

/** "min–max" of a range, or n/a. */
function span(min, max) {
  return min === null || max === null ? 'n/a' : min === max ? fmt(min) : `${fmt(min)}–${fmt(max)}`;
}

/** Bytes as kB (1000 bytes) with one decimal, or n/a. */
function kb(bytes) {
  return typeof bytes === 'number' ? (bytes / 1000).toFixed(1) : 'n/a';
}

/** Bytes as MB with two decimals, or n/a. */
function mb(bytes) {
  return typeof bytes === 'number' ? (bytes / 1e6).toFixed(2) : 'n/a';
}

/** A ratio as "1.23×", or n/a. */
function times(value) {
  return typeof value === 'number' ? `${value.toFixed(2)}×` : 'n/a';
}

/** A markdown table from a header row, an alignment string ("l" / "r" per column) and rows. */
function table(header, align, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line([...align].map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join(
    '\n',
  );
}

/** Backend actually used, with the requested one flagged when they differ (auto shows its pick). */
function ranOn(requested, used) {
  if (!used) return 'n/a';
  return requested === 'auto' || requested === undefined || used === requested
    ? used
    : `**${used}** (asked ${requested})`;
}

/** The browsers measured, with their versions (Chromium's WebGL is SwiftShader without a GPU). */
function browsersLine(m) {
  const versions = m.browsers ?? { chromium: m.chromium };
  const names = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };
  const shown = Object.entries(versions).map(([engine, version]) =>
    engine === 'chromium'
      ? `Chromium ${version} headless (WebGL: SwiftShader)`
      : `${names[engine]} ${version}`,
  );
  return shown.join(', ') || 'no browser';
}

/** The whole report as markdown, from the run data and its summary. */
export function renderMarkdown(data) {
  const { summary: s, machine: m, git: g, options: o } = data;
  const out = [];
  const when = data.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  out.push('### MINE Lab bench', '');
  out.push(
    `\`${g.commit ?? 'no git'}\`${g.dirty ? ` (+ ${g.changedFiles} uncommitted changes)` : ''} · ${when} · ` +
      `${(data.durationS / 60).toFixed(1)} min${o.quick ? ' · **quick mode**' : ''}  `,
  );
  out.push(
    `${m.os} · ${m.cpus} × ${m.cpuModel} · ${m.memoryGB} GB · Node ${m.node} · ${browsersLine(m)} · ` +
      `load average ${m.loadAverageAtStart[0]} → ${data.loadAverageAtEnd?.[0] ?? '?'}  `,
  );
  out.push(
    `Medians of ${o.repeat} run${o.repeat > 1 ? 's' : ''}, each in a fresh browser context; h = ${o.hidden}, seed 1.`,
  );

  if (s.throughput.length > 0) {
    const anyCapped = s.throughput.some((t) => t.capped > 0);
    const anySmoothed = s.throughput.some((t) => t.stepsPerSSource?.includes('smoothed'));
    out.push('', '#### Throughput (steps/s)', '');
    out.push(
      table(
        [
          'engine',
          'backend',
          'N',
          'd',
          'steps',
          'steps/s',
          'range',
          'after 1st step',
          'ran on',
          'estimate (bits)',
          'true (bits)',
        ],
        'llrrrrrrlrr',
        s.throughput.map((t) =>
          t.errors === t.runs
            ? [
                t.engine,
                t.backend,
                t.batch,
                t.dim,
                t.steps,
                'error',
                '',
                '',
                '',
                '',
                t.errorMessages.join('; '),
              ]
            : [
                t.engine,
                t.backend,
                t.batch,
                t.dim,
                `${t.steps}${t.capped ? '*' : ''}`,
                `${fmt(t.stepsPerS)}${t.stepsPerSSource === 'smoothed' ? ' (smoothed)' : ''}${t.errors ? ` (${t.errors} failed)` : ''}`,
                span(t.min, t.max),
                fmt(t.steadyStepsPerS),
                ranOn(t.backend, t.backendUsed),
                fmt(t.estimateBits),
                fmt(t.trueMiBits),
              ],
        ),
      ),
    );
    out.push(
      '',
      'steps/s: `data-run-average` (steps ÷ training seconds measured in the worker, whole run)' +
        (anySmoothed
          ? '; "(smoothed)": that readout is missing, so the smoothed `data-value` is shown'
          : '') +
        '. "after 1st step": steps ÷ seconds between the first and the last result as they reached the page.' +
        (anyCapped ? ` *: some runs were cut off at the ${o.capS} s cap and read as they stood.` : ''),
    );
    const reasons = [
      ...new Set(s.throughput.filter((t) => t.backend === 'auto').map((t) => t.backendReason)),
    ];
    const shown = reasons.filter(Boolean);
    if (shown.length > 0)
      out.push('', `auto's choice (\`data-reason\`): ${shown.map((r) => `“${r}”`).join('; ')}.`);
  }

  if (s.reference.length > 0) {
    const threads =
      [...new Set(s.reference.map((r) => r.reference.threads).filter(Boolean))].join('/') || '?';
    out.push('', `#### Against the reference (\`${o.reference}\`, ${threads} thread), runs alternating`, '');
    out.push(
      table(
        [
          'engine',
          'N',
          'd',
          'steps',
          'page steps/s (auto)',
          'ran on',
          'reference steps/s',
          'page / reference',
          'page est. (bits)',
          'reference est. (bits)',
        ],
        'lrrrrlrrrr',
        s.reference.map((r) => [
          r.engine,
          r.batch,
          `${r.dim}${r.label === 'defaults' ? ' (defaults, `#run=1`)' : ''}`,
          r.steps,
          fmt(r.page.stepsPerS),
          ranOn('auto', r.page.backendUsed),
          r.reference.errors === r.reference.runs ? 'error' : fmt(r.reference.stepsPerS),
          times(r.pageOverReference),
          fmt(r.page.estimateBits),
          fmt(r.reference.estimateBits),
        ]),
      ),
    );
    out.push('', 'Reference estimate: mean of its last 10 % of steps; page estimate: the smoothed readout.');
  }

  if (s.firstStep.length > 0) {
    out.push(
      '',
      `#### Start-up: navigation → first step (\`#run=1${o.firstStepSteps ? `&steps=${o.firstStepSteps}` : ''}\`)`,
      '',
    );
    out.push(
      table(
        ['engine', 'first step (ms)', 'range', 'measured by', 'ran on', 'steps/s', 'estimate (bits)'],
        'lrrllrr',
        s.firstStep.map((f) =>
          f.errors === f.runs
            ? [f.engine, 'error', '', '', '', '', f.errorMessages.join('; ')]
            : [
                f.engine,
                fmt(f.firstStepMs, 0),
                span(f.firstStepRange.min, f.firstStepRange.max),
                f.firstStepSource ?? 'n/a',
                f.backendUsed ?? 'n/a',
                `${fmt(f.stepsPerS)}${f.capped ? ' (cut off)' : ''}`,
                fmt(f.estimateBits),
              ],
        ),
      ),
    );
    out.push(
      '',
      'Fresh context each time (no HTTP or compile cache), served from localhost; ms on the page clock since navigation start.',
    );
  }

  if (s.longTasks) {
    const l = s.longTasks;
    out.push(
      '',
      `#### Main-thread long tasks (auto, N = 512, d = 3, ${o.longTaskSteps} steps, ${VIEWPORT.width}×${VIEWPORT.height}, plot visible)`,
      '',
    );
    if (l.measured === 0) {
      out.push(`not measured: ${l.error ?? 'no run finished'}`);
    } else {
      const row = (name, p) => [
        name,
        fmt(p.over50ms, 0),
        fmt(p.longestMs, 0),
        fmt(p.longestOverallMs, 0),
        fmt(p.blockingMs, 0),
      ];
      out.push(
        table(
          ['phase', 'tasks > 50 ms', 'longest (ms)', `longest of ${l.measured} (ms)`, 'blocking time (ms)'],
          'lrrrr',
          [row('load (navigation → first step)', l.load), row('run (first step → done)', l.run)],
        ),
      );
      out.push(
        '',
        `PerformanceObserver "longtask"; medians over ${l.measured} run(s) on ${l.backendUsed ?? 'n/a'}; blocking time = Σ (duration − 50 ms).`,
      );
    }
  }

  if (s.memory) {
    const { checkpoint: a, end: b, ratios } = s.memory;
    out.push(
      '',
      `#### Memory (auto, N = 512, d = 3, ${o.memorySteps} steps${s.memory.backendUsed ? `, ran on ${s.memory.backendUsed}` : ''})`,
      '',
    );
    if (!a && !b) {
      out.push(`not measured: ${s.memory.error ?? 'no reading'}`);
    } else {
      const row = (label, x) => [
        label,
        fmt(x?.step, 0),
        fmt(x?.tensors, 0),
        kb(x?.tensorBytes),
        mb(x?.pageHeapUsedBytes),
        mb(x?.workerHeapUsedBytes),
      ];
      out.push(
        table(['when', 'step', 'tensors', 'tensor kB', 'page heap MB', 'worker heap MB'], 'lrrrrr', [
          row(`step ≥ ${o.memoryCheckpoint}`, a),
          row(s.memory.capped ? `cut off at ${o.capS * 10} s` : 'end', b),
          [
            'end ÷ first',
            '',
            times(ratios.tensors),
            times(ratios.tensorBytes),
            times(ratios.pageHeapUsedBytes),
            times(ratios.workerHeapUsedBytes),
          ],
        ]),
      );
      out.push(
        '',
        'Heaps: V8 used size after two forced GCs (CDP `HeapProfiler.collectGarbage` + `Runtime.getHeapUsage`), the worker through the page session auto-attached to it. Tensors: the `tensor-count` readout.',
      );
      const errors = [...(a?.errors ?? []), ...(b?.errors ?? [])];
      if (errors.length) out.push('', `Readings that failed: ${[...new Set(errors)].join('; ')}`);
    }
  }

  if (data.sizes) {
    const t = s.sizes;
    out.push('', `#### Build sizes (\`${o.outDir}\`)`, '');
    const order = ['html', 'page entry', 'page', 'shared', 'worker entry', 'worker', 'unreferenced'];
    const rows = [...data.sizes].sort(
      (x, y) => order.indexOf(x.role) - order.indexOf(y.role) || x.file.localeCompare(y.file),
    );
    out.push(
      table(['file', 'role', 'raw kB', 'gzip kB'], 'llrr', [
        ...rows.map((r) => [`\`${r.file}\``, r.role, kb(r.rawBytes), kb(r.gzipBytes)]),
        ['**page** (html, entry, its chunks, css, icon)', '', kb(t.page.rawBytes), kb(t.page.gzipBytes)],
        ['**worker JS**', '', kb(t.workerJs.rawBytes), kb(t.workerJs.gzipBytes)],
        ['**.wasm**', '', kb(t.wasm.rawBytes), kb(t.wasm.gzipBytes)],
      ]),
    );
    out.push('', 'gzip: zlib level 9. kB = 1000 bytes.');
  }

  if (data.errors.length > 0) {
    out.push('', '#### Errors', '', ...data.errors.map((e) => `- ${e}`));
  }
  return out.join('\n');
}
