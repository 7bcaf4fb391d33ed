#!/usr/bin/env node
// Sums the vitest JSON reports (`test-results/vitest*.json`) of the root (story tests) and of every package and app into the one plain line CI
// reads: `N passed, N failed`. Exits 1 when a report lists a failure, so it can gate on its own too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const reports = [];
// The root's own reports (the story tests) and those of every package and app.
const dirs = ['test-results'];
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) dirs.push(join(group, name, 'test-results'));
}
for (const dir of dirs) {
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => /^vitest.*\.json$/.test(f))) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + countFilesThatFailedWithoutAFailedTest(report);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    reports.push(join(dir, file));
  }
}

// A test file that failed to load (or failed in a hook) has no failed test of its own: count it as one failure.
// (`numFailedTestSuites` is no help: Vitest counts every failed describe block in it, not only files.)
function countFilesThatFailedWithoutAFailedTest(report) {
  return (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
}

console.log(`(${reports.length} vitest reports: ${reports.join(', ') || 'none'})`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
