// Shared by the packages' tests/api-report.test.ts: runs scripts/api-report.mjs --check in a package folder, which
// compares the public surface of the BUILT entries (dist/*.d.ts) with the checked-in api-report/*.api.md. Node
// built-ins only, like the rest of test-support. Listed in turbo.json's globalDependencies.
import { fileURLToPath } from 'node:url';
import { type Run, runCommand } from './readme-examples.js';

const script = fileURLToPath(new URL('../scripts/api-report.mjs', import.meta.url));

/**
 * Checks the API reports of the package in `packageDir`: exit code 0 when every entry's built surface matches its
 * report; otherwise 1, with the difference and how to update the reports in `stderr`.
 */
export function checkApiReports(packageDir: string): Promise<Run> {
  return runCommand(process.execPath, [script, '--check'], { cwd: packageDir, timeout: 120_000 });
}
