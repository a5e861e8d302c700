#!/usr/bin/env node
// Reads vitest's JSON report and prints the closing line `N passed, M failed, K skipped`.
// Exits 1 when a test failed, a test file failed to load, no test ran, or the report is missing: the
// run's verdict must not depend on the test runner's own exit code alone.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.ci-out/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`no test report at ${file}: ${error.message}`);
  process.exit(1);
}

const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const total = report.numTotalTests ?? 0;
// A file that fails to load has no test results: it shows up only as a failed suite.
const brokenFiles = (report.testResults ?? []).filter(
  (result) =>
    result.status === 'failed' && (result.assertionResults ?? []).every((a) => a.status !== 'failed'),
);

for (const result of brokenFiles) {
  console.error(
    `test file failed: ${result.name}${result.message ? `\n  ${result.message.split('\n')[0]}` : ''}`,
  );
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);

if (total === 0) {
  console.error('no test ran');
  process.exit(1);
}
if (failed > 0 || (report.numFailedTestSuites ?? 0) > 0 || brokenFiles.length > 0) process.exit(1);
