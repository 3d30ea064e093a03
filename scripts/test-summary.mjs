#!/usr/bin/env node
/**
 * Prints one line, "N passed, N failed", totalling the Vitest and Playwright JSON reports in
 * reports/. A missing report counts as one failure: that stage did not run to completion.
 */
import { readFileSync } from 'node:fs';

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;

const unit = readJson('reports/unit-results.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0) + (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  if (unit.success === false && (unit.numFailedTests ?? 0) === 0) failed += 1; // e.g. a file failed to load
} else {
  failed += 1;
}

const e2e = readJson('reports/e2e-results.json');
if (e2e?.stats) {
  passed += e2e.stats.expected ?? 0;
  failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0) + (e2e.stats.skipped ?? 0);
  if ((e2e.errors ?? []).length > 0) failed += e2e.errors.length;
} else {
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
