#!/usr/bin/env node
// Sums the vitest JSON reports (`test-results/vitest*.json`) of the root (story tests) and of every package and app into the one plain line CI
// reads: `N passed, N failed`. Exits 1 when a report lists a failure, so it can gate on its own too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const reports = [];
const failures = [];
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
    failures.push(...failuresIn(report));
  }
}

// A test file that failed to load (or failed in a hook) has no failed test of its own: count it as one failure.
// (`numFailedTestSuites` is no help: Vitest counts every failed describe block in it, not only files.)
function countFilesThatFailedWithoutAFailedTest(report) {
  return (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
}

/** Each failed test (or a file that failed without one) as `file > name: first lines of the message`. */
function failuresIn(report) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const where = relative(process.cwd(), file.name ?? '');
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const test of failedTests)
      lines.push(`${where} > ${test.fullName}: ${firstLines(test.failureMessages)}`);
    if (file.status === 'failed' && failedTests.length === 0)
      lines.push(`${where}: ${firstLines([file.message])}`);
  }
  return lines;
}

function firstLines(messages) {
  const text = (messages ?? []).filter(Boolean).join('\n');
  return (
    text
      .split('\n')
      .filter((line) => line.trim())
      .slice(0, 4)
      .join(' | ')
      .slice(0, 600) || '(no message)'
  );
}

// The failures last, just above the totals: the tail of a CI log says what failed without scrolling back.
if (failures.length) {
  console.log(`${failures.length} failed:`);
  for (const line of failures) console.log(`  FAILED ${line}`);
}
console.log(`(${reports.length} vitest reports: ${reports.join(', ') || 'none'})`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
