#!/usr/bin/env node
/**
 * Writes the bundled examples to public/examples/: sine.csv and gaussian.csv (from fixed seeds),
 * penguins.csv (only with --penguins PATH, PATH being data/penguins.json of vega-datasets 3.2.1,
 * e.g. from `npm pack vega-datasets@3.2.1`; it is checked by its SHA-256), and index.json.
 * The same inputs give the same bytes; tests/unit/examples.test.ts checks the committed files.
 *
 *   node scripts/make-examples.mjs [--penguins path/to/penguins.json]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'examples');
const load = async (path) => (await runnerImport(join(root, path))).module;
const examples = await load('scripts/examples.ts');
const { parseCsvText } = await load('src/core/data/csvParser.ts');

const args = process.argv.slice(2);
const penguinsAt = args.indexOf('--penguins');
if (penguinsAt >= 0) {
  const source = readFileSync(args[penguinsAt + 1]);
  const sha = createHash('sha256').update(source).digest('hex');
  if (sha !== examples.PENGUINS_SOURCE_SHA256) {
    throw new Error(
      `penguins.json has SHA-256 ${sha}, not that of vega-datasets 3.2.1's (${examples.PENGUINS_SOURCE_SHA256})`,
    );
  }
  writeFileSync(join(out, 'penguins.csv'), examples.penguinsCsv(JSON.parse(source.toString('utf8'))));
}
writeFileSync(join(out, 'sine.csv'), examples.sineCsv());
writeFileSync(join(out, 'gaussian.csv'), examples.gaussianCsv());

const entries = examples.manifest((file) => {
  const table = parseCsvText(readFileSync(join(out, file), 'utf8'));
  return { rows: table.rows, columns: table.columns.map((c) => c.name) };
});
const indexPath = join(out, 'index.json');
const style = (await resolveConfig(indexPath)) ?? {};
writeFileSync(indexPath, await format(JSON.stringify(entries), { ...style, parser: 'json' }));
for (const e of entries)
  process.stdout.write(
    `${e.file}: ${e.rows} rows, ${e.columns.length} columns, true MI ${e.trueMiNats ?? '—'} nats\n`,
  );
