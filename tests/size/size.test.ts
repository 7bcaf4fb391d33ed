import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// scripts/size.mjs (`pnpm size`) against the BUILT packages (the test:size task depends on their build; by hand:
// `pnpm build` first). The first test is the check itself: every package within its budgets, the table printed.
// The others try budgets on one package (`--only generator`: one pnpm pack and two Vite builds a run).
const script = fileURLToPath(new URL('../../scripts/size.mjs', import.meta.url));
const size = (...args: string[]) => {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};
/** The tarball and min+gzip figures (kB, as printed) of `@promoscale/generator` in a size table. */
const generatorFigures = (stdout: string) => {
  const row = /@promoscale\/generator +(\d+\.\d) kB \/ \S+ +\{ processBatch \} +(\d+\.\d) kB \//.exec(stdout);
  if (!row) throw new Error(`no @promoscale/generator row in:\n${stdout}`);
  return { tarball: Number(row[1]), import: Number(row[2]) };
};

describe('pnpm size (scripts/size.mjs)', () => {
  it('finds every package within its budgets and no headline import pulling in what it must not', () => {
    const run = size();
    console.log(run.stdout);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const name of ['generator', 'scaling', 'api', 'msw', 'react-grid'])
      expect(run.stdout).toContain(`@promoscale/${name} `);
  });

  it('exits 1 naming each size over its budget, even by a tenth of a kB as printed', () => {
    const measured = generatorFigures(size('--only', 'generator').stdout);
    const budgets = (tarball: number, min: number) =>
      size(
        '--only',
        'generator',
        '--budget',
        `generator.tarball=${tarball}`,
        '--budget',
        `generator.import=${min}`,
      );

    const below = (kb: number) => Number((kb - 0.1).toFixed(1));
    const over = budgets(below(measured.tarball), below(measured.import));
    expect(over.status).toBe(1);
    expect(over.stderr.trim().split('\n')).toEqual([
      `size: @promoscale/generator tarball ${measured.tarball.toFixed(1)} kB is over its budget of ${below(measured.tarball)} kB`,
      `size: @promoscale/generator { processBatch } min+gzip ${measured.import.toFixed(1)} kB is over its budget of ${below(measured.import)} kB`,
    ]);
    // The table is still printed: the figures stand beside the budgets they passed.
    expect(generatorFigures(over.stdout)).toEqual(measured);
  });

  it('rejects an unknown package, a malformed budget or an unknown flag with exit 2 and the usage', () => {
    for (const args of [['--only', 'nope'], ['--budget', 'generator.import=lots'], ['--bogus']]) {
      const run = size(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('usage: node scripts/size.mjs');
    }
  });
});
