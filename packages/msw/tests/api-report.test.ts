import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkApiReports } from '../../../test-support/api-report.js';

// Against the BUILT package (the test task depends on the build): every entry of package.json's `exports` exports
// exactly what its checked-in report, api-report/<entry>.api.md, lists. A change of the public surface must be made
// on purpose: `pnpm api:report` rewrites the reports, and the diff shows up in review.
const root = fileURLToPath(new URL('..', import.meta.url));

describe('API report', () => {
  it('lists exactly the names and signatures the built entries export', { timeout: 120_000 }, async () => {
    const run = await checkApiReports(root);
    expect(run.code, run.stderr).toBe(0);
  });
});
