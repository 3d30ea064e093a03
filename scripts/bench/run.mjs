#!/usr/bin/env node
/**
 * `npm run bench`: builds and serves the site, drives headless Chromium (and with --engine, Firefox
 * and WebKit) through the benchmark runs, prints markdown tables to stdout (progress to stderr) and
 * writes every raw number to bench-results/. Timings never fail the bench; see --help.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchEngine } from '../engines/index.mjs';
import { chromiumPath, launchBrowser, runEnginePage, runPage } from './browser.mjs';
import { measureFirstStep, measureLongTasks, measureMemory, measureThroughput } from './measure.mjs';
import { CHROMIUM_ONLY_SECTIONS, HELP, parseOptions } from './options.mjs';
import { gitInfo, machineInfo, writeResults } from './meta.mjs';
import { renderMarkdown } from './report.mjs';
import { killReferenceRuns } from './reference.mjs';
import { buildSite, startServer } from './site.mjs';
import { measureSizes } from './sizes.mjs';
import { summarize } from './summary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const startedMs = Date.now();

/** Progress on stderr, stamped with minutes:seconds since the start. */
function log(message) {
  const s = Math.round((Date.now() - startedMs) / 1000);
  process.stderr.write(
    `[bench ${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${message}\n`,
  );
}

/** Every failed run, as one line each. */
function runErrors(results) {
  const lines = [];
  for (const r of results.throughput)
    if (!r.ok)
      lines.push(`throughput ${r.engine} ${r.backend} N=${r.batch} d=${r.dim} #${r.repeat}: ${r.error}`);
  for (const r of results.reference) if (!r.ok) lines.push(`reference N=${r.batch} d=${r.dim}: ${r.error}`);
  for (const r of results.firstStep) if (!r.ok) lines.push(`first step ${r.engine} #${r.repeat}: ${r.error}`);
  for (const r of results.longTasks) if (!r.ok) lines.push(`long tasks #${r.repeat}: ${r.error}`);
  for (const r of results.memory) if (!r.ok) lines.push(`memory: ${r.error}`);
  return lines;
}

/** Runs the bench; resolves with the exit code. */
async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n\n${HELP}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const outDir = resolve(root, options.outDir);
  const startedAt = new Date(startedMs).toISOString();
  const results = { sizes: null, throughput: [], reference: [], firstStep: [], longTasks: [], memory: [] };
  const sectionErrors = [];
  let server = null;
  let browser = null;
  const stopAll = async () => {
    await browser?.close().catch(() => {});
    browser = null;
    server?.stop();
    server = null;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      killReferenceRuns();
      stopAll().finally(() => process.exit(130));
    });
  }
  process.once('exit', () => server?.stop()); // last resort; stop() is synchronous

  let machine;
  const versions = {};
  try {
    log(
      `engines: ${options.engines.join(', ')}; sections: ${options.sections.join(', ')}; repeats ${options.repeat}${options.quick ? ' (quick)' : ''}`,
    );
    if (options.build) {
      log(`building into ${outDir} …`);
      await buildSite(root, outDir);
    } else if (!existsSync(join(outDir, 'index.html'))) {
      throw new Error(`--no-build, but ${outDir}/index.html does not exist`);
    }
    if (options.sections.includes('sizes')) results.sizes = await measureSizes(outDir);
    const pageSections = options.sections.filter((s) => s !== 'sizes');
    if (pageSections.length > 0) {
      server = await startServer(root, outDir, options.port);
      log(`serving ${outDir} at ${server.url} (pid ${server.pid})`);
    }
    machine = await machineInfo(root, null);
    const steps = {
      throughput: measureThroughput,
      'first-step': measureFirstStep,
      longtasks: measureLongTasks,
      memory: measureMemory,
    };
    for (const engine of pageSections.length > 0 ? options.engines : []) {
      const ctx = { engine, baseUrl: server.url, options, root, results, log };
      if (engine === 'chromium') {
        const executable = chromiumPath(options.chromium);
        const chromium = await launchBrowser(executable);
        browser = chromium;
        versions.chromium = chromium.version();
        machine.chromium = chromium.version();
        ctx.runPage = (url, runOptions) => runPage(chromium, url, runOptions);
        log(`Chromium ${chromium.version()} (${executable ?? "Playwright's own"})`);
      } else {
        const other = await launchEngine(engine);
        browser = other;
        ctx.runPage = (url, runOptions) => runEnginePage(other, url, runOptions);
      }
      for (const section of pageSections) {
        if (engine !== 'chromium' && CHROMIUM_ONLY_SECTIONS.includes(section)) {
          log(`${engine}: ${section} is measured in Chromium only`);
          continue;
        }
        try {
          await steps[section](ctx);
        } catch (error) {
          const message = `${engine} ${section}: ${error instanceof Error ? error.stack : error}`;
          sectionErrors.push(message.split('\n')[0]);
          log(`FAILED ${message}`);
        }
      }
      if (engine !== 'chromium') {
        versions[engine] = browser.version;
        log(`${engine}: ${browser.version}`);
      }
      await browser.close().catch(() => {});
      browser = null;
    }
    machine.browsers = versions;
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? error.message : error}`);
    await stopAll();
    return 1;
  }
  await stopAll();

  const finishedMs = Date.now();
  const data = {
    schema: 'mine-lab-bench/1',
    startedAt,
    finishedAt: new Date(finishedMs).toISOString(),
    durationS: (finishedMs - startedMs) / 1000,
    git: gitInfo(root),
    machine,
    loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
    options: { ...options, help: undefined },
    errors: [...sectionErrors, ...runErrors(results)],
    summary: summarize(results),
    ...results,
  };
  const path = await writeResults(resolve(root, options.resultsDir), data);
  process.stdout.write(`${renderMarkdown(data)}\n`);
  log(`raw numbers: ${relative(root, path)} (and latest.json)`);
  return data.errors.length > 0 ? 1 : 0;
}

process.exitCode = await main();
