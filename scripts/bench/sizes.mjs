/** Raw and gzip -9 sizes of every built file, with its role: page entry, page, worker entry, worker, … */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it, sorted. */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)))
    .sort();
}

/** The files index.html loads: module scripts and preloads, stylesheets, other links such as the icon. */
function htmlReferences(html) {
  const refs = { scripts: [], preloads: [], styles: [], assets: [] };
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!src || /^[a-z]+:/i.test(src)) continue;
    const path = src.replace(/^\.?\//, '');
    if (tag.startsWith('<script')) refs.scripts.push(path);
    else if (/rel="stylesheet"/.test(tag)) refs.styles.push(path);
    else if (/rel="modulepreload"/.test(tag)) refs.preloads.push(path);
    else refs.assets.push(path);
  }
  return refs;
}

/** Files whose base name appears in a JavaScript file: its imports, its worker, its assets (.wasm, …). */
function mentions(text, files) {
  return files.filter((f) => text.includes(basename(f)));
}

/** Everything reachable from `starts` through mentions, not entering `stop` (other than the starts). */
function reachable(starts, graph, stop) {
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    for (const next of graph.get(queue.shift()) ?? []) {
      if (seen.has(next) || stop.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

/** Every file in the build with raw and gzip -9 sizes and its role (page entry, page, worker entry, worker, …). */
export async function measureSizes(dir) {
  // Roles: "page entry" is the script index.html loads, "page" what it and the html pull in, "worker
  // entry" a script started with `new Worker` (or named *worker*), "worker" what that pulls in (.wasm
  // included), "shared" both, "unreferenced" nothing names it.
  const files = await listFiles(dir);
  const texts = new Map();
  for (const f of files) {
    if (['.js', '.mjs', '.css', '.html'].includes(extname(f)))
      texts.set(f, await readFile(join(dir, f), 'utf8'));
  }
  const html = texts.get('index.html') ?? '';
  const { scripts, preloads, styles, assets } = htmlReferences(html);
  const graph = new Map();
  const workerEntries = new Set(files.filter((f) => /\.m?js$/.test(f) && /worker/i.test(basename(f))));
  for (const [f, text] of texts) {
    if (f === 'index.html') continue;
    graph.set(
      f,
      mentions(text, files).filter((g) => g !== f),
    );
    for (const [, name] of text.matchAll(
      /new Worker\(\s*new URL\(\s*(?:new URL\(\s*)?[`'"]([^`'"]+)[`'"]/g,
    )) {
      const match = files.find((g) => basename(g) === basename(name));
      if (match) workerEntries.add(match);
    }
  }
  // The service worker names every file in its precache manifest: never traverse through it.
  const serviceWorker = new Set(files.filter((f) => f === 'sw.js' || /^workbox-[\w-]+\.js$/.test(f)));
  const page = reachable(
    [...scripts, ...preloads, ...styles, ...assets],
    graph,
    new Set([...workerEntries, ...serviceWorker]),
  );
  const worker = reachable([...workerEntries], graph, new Set([...scripts, ...serviceWorker]));

  const rows = [];
  for (const f of files) {
    const bytes = await readFile(join(dir, f));
    const role =
      f === 'index.html'
        ? 'html'
        : serviceWorker.has(f)
          ? 'service worker'
          : scripts.includes(f) && /\.m?js$/.test(f)
            ? 'page entry'
            : workerEntries.has(f)
              ? 'worker entry'
              : page.has(f) && worker.has(f)
                ? 'shared'
                : page.has(f)
                  ? 'page'
                  : worker.has(f)
                    ? 'worker'
                    : 'unreferenced';
    rows.push({
      file: f,
      role,
      ext: extname(f),
      rawBytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
    });
  }
  return rows;
}

/** Raw and gzip totals per role group: what the page loads, what the worker loads (JS, .wasm), everything. */
// (the service worker's own files count in "all" only)
export function sizeTotals(rows) {
  const sum = (list) => ({
    files: list.length,
    rawBytes: list.reduce((s, r) => s + r.rawBytes, 0),
    gzipBytes: list.reduce((s, r) => s + r.gzipBytes, 0),
  });
  return {
    page: sum(rows.filter((r) => ['html', 'page entry', 'page', 'shared'].includes(r.role))),
    workerJs: sum(rows.filter((r) => ['worker entry', 'worker'].includes(r.role) && r.ext !== '.wasm')),
    wasm: sum(rows.filter((r) => r.ext === '.wasm')),
    all: sum(rows),
  };
}
