// These tests run the BUILT package: `node dist/cli.js …` for the CLI (see tests/support/cli.ts), and the library
// through its package name (a self-reference, as a consumer imports it) for the worker lookup. Hostile command
// lines are in cli-hostile-input.test.ts, what happens to --out files on failures and signals in
// cli-file-safety.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Promotion,
  parsePromotionsCsv,
  promotionCsvHeader,
  promotionToCsvLine,
} from '@promoscale/generator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { loadSingleBatch } from '../src/loading/load-single-batch.js';
import { CLI, checkBuilt, PACKAGE_DIR, run } from './support/cli.js';

/** Rows as they look after JSON or CSV: the generator can emit `roi: -0`, which text formats write as 0. */
const asText = (rows: Promotion[]): Promotion[] => JSON.parse(JSON.stringify(rows));

let tmp = '';

beforeAll(() => {
  checkBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'promoscale-cli-'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('promoscale CLI: help and version', () => {
  it('prints the package version for --version and -v', () => {
    for (const flag of ['--version', '-v']) {
      expect(run([flag])).toEqual({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
    }
  });

  it.each([
    [['--help'], 'Usage: promoscale <command>'],
    [['help'], 'Usage: promoscale <command>'],
    [['generate', '--help'], 'Usage: promoscale generate'],
    [['help', 'generate'], 'Usage: promoscale generate'],
    [['estimate', '-h'], 'Usage: promoscale estimate'],
    [['bench', '--help'], 'Usage: promoscale bench'],
  ])('prints help for %j on stdout with exit code 0', (args, start) => {
    const { status, stdout, stderr } = run(args);
    expect(status).toBe(0);
    expect(stdout.startsWith(start)).toBe(true);
    expect(stderr).toBe('');
  });
});

describe('promoscale generate', () => {
  const spec = { stores: 23, templates: 'MIXED' as const, seed: 42 };
  const expected = () => asText(loadSingleBatch(spec).promotions);

  it('streams NDJSON to stdout that parses back to the same rows', () => {
    const { status, stdout } = run([
      'generate',
      '--stores',
      '23',
      '--template',
      'MIXED',
      '--seed',
      '42',
      '--format',
      'ndjson',
    ]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(23 * 30);
    expect(lines.map((line) => JSON.parse(line))).toEqual(expected());
  });

  it('writes CSV to --out that parsePromotionsCsv reads back to the same rows, with the exact byte size', () => {
    const out = join(tmp, 'promotions.csv');
    const { status, stdout, stderr } = run(['generate', '--stores', '23', '--format', 'csv', '--out', out]);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(parsePromotionsCsv(text)).toEqual(expected());
    const csv = `${[promotionCsvHeader(), ...loadSingleBatch(spec).promotions.map(promotionToCsvLine)].join('\n')}\n`;
    expect(statSync(out).size).toBe(Buffer.byteLength(csv));
    expect(stderr).toMatch(
      /^promoscale: wrote 690 promotions \(23 stores, csv, [\d.]+ kB\) to .*promotions\.csv in /,
    );
  });

  it('writes a valid JSON array, and picks the format from the --out extension', () => {
    const out = join(tmp, 'promotions.json');
    expect(run(['generate', '--stores', '23', '--out', out, '--quiet']).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(text)).toEqual(expected());
    expect(statSync(out).size).toBe(Buffer.byteLength(text));
  });

  it('writes the same bytes whatever --chunk-size is', () => {
    const args = [
      'generate',
      '--stores',
      '31',
      '--seed',
      'abc',
      '--template',
      'rural_value',
      '--as-of',
      '2025-12-01',
    ];
    const a = run([...args, '--chunk-size', '1']);
    const b = run([...args, '--chunk-size', '100000']);
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(
      a.stdout
        .split('\n')
        .map((line) => line && JSON.parse(line).template)
        .filter(Boolean),
    ).toEqual(Array(31 * 30).fill('RURAL_VALUE'));
  });

  it('keeps stderr free of a progress bar when it is not a terminal, silent with --quiet, and draws it with --progress', () => {
    const args = ['generate', '--stores', '300', '--out', join(tmp, 'p.ndjson')];
    expect(run(args).stderr.split('\n').filter(Boolean)).toHaveLength(1); // the summary line only
    expect(run([...args, '--quiet']).stderr).toBe('');
    const forced = run([...args, '--progress']).stderr;
    expect(forced).toMatch(/\[#{24}\] 100% {2}300\/300 stores/);
    expect(forced).not.toContain('\r');
  });

  it('fails with exit code 1 and the reason when --out cannot be written', () => {
    const out = join(tmp, 'no-such-dir', 'x.csv');
    expect(run(['generate', '--stores', '2', '--out', out])).toEqual({
      status: 1,
      stdout: '',
      stderr: `promoscale: cannot write ${out}: ENOENT\n`,
    });
  });

  it('stops quietly with exit code 0 when the reader of stdout goes away', () => {
    const result = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" generate --stores 20000 | head -n 1`],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).id).toBe('PRM-STORE_001-SKU0016');
    expect(result.stderr).toBe('');
  });
});

describe('promoscale estimate', () => {
  it('prints the seed table with measured figures beside the estimates', () => {
    const { status, stdout } = run(['estimate', '--stores', '5,10,25', '--runs', '1']);
    expect(status).toBe(0);
    const [header, , ...rows] = stdout.split('\n');
    for (const column of [
      'Store Count',
      'Promotions',
      'Base Size',
      'JSON Size',
      'Measured JSON',
      'Memory Req',
      'Load Time',
      'Measured Load',
      'Risk Level',
      'Approach',
    ]) {
      expect(header).toContain(column);
    }
    expect(rows.slice(0, 3).map((row) => row.split('|')[1]?.trim())).toEqual(['5', '10', '25']);
    expect(stdout).toContain('Measured on this machine');
  });

  it('says which sizes it did not measure above --measure-max', () => {
    const { status, stdout } = run(['estimate', '--stores', '5,20000', '--measure-max', '10', '--runs', '1']);
    expect(status).toBe(0);
    expect(stdout).toContain('Not measured above 10 stores (20,000): estimated only');
  });

  it('prints machine-readable rows with --json, measured or not', () => {
    const measured = JSON.parse(run(['estimate', '--stores', '5,10', '--runs', '1', '--json']).stdout);
    expect(
      measured.rows.map((row: { estimate: { store_count: number } }) => row.estimate.store_count),
    ).toEqual([5, 10]);
    expect(measured.rows[0].estimate).toMatchObject({
      promotions: 150,
      risk_level: expect.any(String),
      approach: 'SINGLE_BATCH',
    });
    expect(measured.rows[0].measured.json_size_mb).toBeGreaterThan(0);

    const estimated = JSON.parse(run(['estimate', '--stores', '100000', '--no-measure', '--json']).stdout);
    expect(estimated.measured).toBe(false);
    expect(estimated.rows[0].measured).toBeUndefined();
    expect(estimated.rows[0].estimate.promotions).toBe(3_000_000);
  });
});

describe('promoscale bench', () => {
  it('prints generation and format figures as JSON', () => {
    const { status, stdout } = run(['bench', '--stores', '20', '--json']);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.generation.map((row: { strategy: string }) => row.strategy)).toEqual([
      'processBatch',
      'loadChunked',
      'streamPromotions',
    ]);
    expect(report.formats.map((row: { format: string }) => row.format)).toEqual(['json', 'ndjson', 'csv']);
    expect(report.generation[0].promotionsPerSecond).toBeGreaterThan(0);
  });
});

describe('the built library', () => {
  const script = `
    const rows = [];
    for await (const chunk of lib.streamPromotionsInWorker({ stores: 12, seed: 5 }, { chunkSize: 5, encoding: 'clone' }))
      rows.push(...chunk.promotions);
    const expected = lib.loadSingleBatch({ stores: 12, seed: 5 }).promotions;
    process.stdout.write(String(JSON.stringify(rows) === JSON.stringify(expected) && rows.length));`;

  it('finds its own worker script from the ESM entry', () => {
    const result = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import * as lib from '@promoscale/scaling'; ${script}`],
      { cwd: PACKAGE_DIR, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('360');
  });

  it('finds its own worker script from the CommonJS entry', () => {
    const result = spawnSync(
      process.execPath,
      ['-e', `const lib = require('@promoscale/scaling'); (async () => { ${script} })();`],
      { cwd: PACKAGE_DIR, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('360');
  });

  it('runs the exported ./node-worker script when given as the worker', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import * as lib from '@promoscale/scaling';
         const worker = new URL(import.meta.resolve('@promoscale/scaling/node-worker'));
         let n = 0;
         for await (const c of lib.streamPromotionsInWorker({ stores: 7 }, { worker })) n += c.promotions.length;
         process.stdout.write(String(n));`,
      ],
      { cwd: PACKAGE_DIR, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('210');
  });
});
