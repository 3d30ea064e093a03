#!/usr/bin/env node
/**
 * Prints one line, "N passed, N failed", totalling the JSON reports in reports/: Vitest's, and
 * Playwright's for the Chromium e2e suite and the cross-engine suite. A missing report counts as
 * one failure: that stage did not run to completion.
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

for (const path of ['reports/e2e-results.json', 'reports/engines-results.json']) {
  const report = readJson(path);
  if (report?.stats) {
    passed += report.stats.expected ?? 0;
    failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0) + (report.stats.skipped ?? 0);
    if ((report.errors ?? []).length > 0) failed += report.errors.length;
  } else {
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
