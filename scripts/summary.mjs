// Prints the plain closing line of a vitest JSON report: "tests: N passed, N failed, N skipped",
// and fails when a test failed, when a test file failed to load or run (it then counts no test),
// or when nothing ran at all.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
const brokenFiles = report.testResults.filter(
  (file) => file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed'),
);
for (const file of brokenFiles) console.log(`failed to run: ${file.name}\n  ${String(file.message ?? '').split('\n')[0]}`);
const files = brokenFiles.length > 0 ? `, ${brokenFiles.length} test files failed to run` : '';
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped${files}`);
process.exitCode =
  report.numFailedTests > 0 || report.numFailedTestSuites > 0 || brokenFiles.length > 0 || report.numTotalTests === 0 ? 1 : 0;
