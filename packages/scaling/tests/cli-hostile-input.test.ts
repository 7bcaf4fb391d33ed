// Hostile command lines: each must end with exit code 2, an empty stdout and exactly one line on stderr that names
// the flag (or command) and what is allowed, with no stack trace and no path of our install, and before any --out
// file is touched. The tables run `runCli` in-process (a few milliseconds a row, where a process is a few hundred
// on a busy machine); one row of each class then runs through the BUILT binary (see tests/support/cli.ts), as a
// user's shell runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { CLI, checkBuilt, PACKAGE_DIR, type Run, runAsync } from './support/cli.js';

const GENERATE = '(try promoscale generate --help)';
const ESTIMATE = '(try promoscale estimate --help)';
const MAIN = '(try promoscale --help)';
const STORES = '--stores must be an integer from 1 to 100000; received';
const STORES_LIST = '--stores must be a comma list of 1 to 100 integers from 1 to 100000; received';
const AS_OF = '--as-of must be a real ISO date YYYY-MM-DD from 1901-01-01 to 2198-12-31; received';
const SEED = '--seed must be a safe integer or a string of 1 to 256 characters; received';
const TEMPLATE =
  '--template must be MIXED, SUBURBAN_FAMILY, URBAN_PREMIUM, RURAL_VALUE, CAMPUS_EXPRESS or COASTAL_SEASONAL; received';

/** The one line a refused command line prints, checked the same way for every row. */
function expectRefused(result: Run, message: string): void {
  expect(result).toEqual({ status: 2, stdout: '', stderr: `promoscale: ${message}\n` });
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(result.stderr).not.toContain(PACKAGE_DIR);
}

/** `runCli(args)` in this process, with what it writes on stdout and stderr captured instead of printed. */
async function runInProcess(args: string[]): Promise<Run> {
  const written = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') =>
    vi.spyOn(process[stream], 'write').mockImplementation((text: string | Uint8Array) => {
      written[stream] += String(text);
      return true;
    });
  const spies = [capture('stdout'), capture('stderr')];
  try {
    const status = await runCli(args);
    return { status, ...written };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

let tmp = '';

beforeAll(() => {
  checkBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'promoscale-hostile-'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('promoscale with hostile command lines', () => {
  it.each([
    [['generate', '--stores', '2', '--stores', '3'], `option --stores is given more than once ${GENERATE}`],
    [['generate', '--stores=2', '--stores', '2'], `option --stores is given more than once ${GENERATE}`],
    [
      ['generate', '--stores', '2', '-o', 'a.json', '--out', 'b.json'],
      `option --out is given more than once ${GENERATE}`,
    ],
    [['generate', '--stores', '2', '--quiet', '-q'], `option --quiet is given more than once ${GENERATE}`],
    [
      ['generate', '--stores', '2', '--seed', '1', '--seed', '1'],
      `option --seed is given more than once ${GENERATE}`,
    ],
    [['estimate', '--measure', '--no-measure'], `option --measure is given more than once ${ESTIMATE}`],
    [['estimate', '--stores', '5', '--stores', '10'], `option --stores is given more than once ${ESTIMATE}`],
    [['bench', '--json', '--json'], 'option --json is given more than once (try promoscale bench --help)'],
  ])('refuses the repeated flag in %j', async (args, message) => {
    expectRefused(await runInProcess(args), message);
  });

  it.each([
    [['generate', '--stores', '0'], `${STORES} "0"`],
    [['generate', '--stores=-1'], `${STORES} "-1"`],
    [['generate', '--stores', '100001'], `${STORES} "100001"`],
    [['generate', '--stores', '2.5'], `${STORES} "2.5"`],
    [['generate', '--stores', '1e3'], `${STORES} "1e3"`],
    [['generate', '--stores', '0x10'], `${STORES} "0x10"`],
    [['generate', '--stores', '٣'], `${STORES} "٣"`],
    [['generate', '--stores', ''], `${STORES} ""`],
    [['generate', '--stores', ' '], `${STORES} " "`],
    [['generate', '--stores', '99999999999999999999'], `${STORES} "99999999999999999999"`],
    [['generate', '--stores', '9'.repeat(5000)], `${STORES} "${'9'.repeat(40)}…"`],
    [['generate', '--stores', '-1'], `option --stores needs a value ${GENERATE}`],
    [['generate', '--stores'], `option --stores needs a value ${GENERATE}`],
    [['generate'], `--stores is required (an integer from 1 to 100000) ${GENERATE}`],
    [
      ['generate', '--stores', '5', '--chunk-size', '0'],
      '--chunk-size must be an integer from 1 to 100000; received "0"',
    ],
    [
      ['generate', '--stores', '5', '--chunk-size', 'ten'],
      '--chunk-size must be an integer from 1 to 100000; received "ten"',
    ],
    [['generate', '--stores', '5', '--template', ''], `${TEMPLATE} ""`],
    [['generate', '--stores', '5', '--template', 'DOWNTOWN'], `${TEMPLATE} "DOWNTOWN"`],
    [['generate', '--stores', '5', '--template', '\u001b[2J'], `${TEMPLATE} "\\u001b[2J"`],
    [['generate', '--stores', '5', '--seed', ''], `${SEED} ""`],
    [['generate', '--stores', '5', '--seed', 's'.repeat(257)], `${SEED} "${'s'.repeat(40)}…"`],
    [
      ['generate', '--stores', '5', '--seed', 'a\uFFFDb'],
      '--seed must be valid UTF-8 text; received "a\uFFFDb"',
    ],
    [['generate', '--stores', '5', '--as-of', '1900-06-01'], `${AS_OF} "1900-06-01"`],
    [['generate', '--stores', '5', '--as-of', '2199-01-01'], `${AS_OF} "2199-01-01"`],
    [['generate', '--stores', '5', '--as-of', '2026-02-30'], `${AS_OF} "2026-02-30"`],
    [['generate', '--stores', '5', '--as-of', '2026-6-1'], `${AS_OF} "2026-6-1"`],
    [['generate', '--stores', '5', '--as-of', ''], `${AS_OF} ""`],
    [['generate', '--stores', '5', '--format', 'xml'], '--format must be json, ndjson, csv; received "xml"'],
    [['generate', '--stores', '5', '--format', ''], '--format must be json, ndjson, csv; received ""'],
    [['generate', '--stores', '5', '--out', ''], `--out needs a file name ${GENERATE}`],
    [
      ['generate', '--stores', '5', '--out', '\uFFFD.json'],
      '--out must be valid UTF-8 text; received "\uFFFD.json"',
    ],
    [['generate', '--stores', '5', '--quiet=yes'], `option --quiet takes no value ${GENERATE}`],
    [['generate', '--stores', '5', '--progress='], `option --progress takes no value ${GENERATE}`],
    [['estimate', '--stores', '5,,10'], `${STORES_LIST} "5,,10"`],
    [['estimate', '--stores', ''], `${STORES_LIST} ""`],
    [['estimate', '--stores', '5,100001'], `${STORES_LIST} "100001"`],
    [['estimate', '--stores', Array(101).fill('5').join(',')], `${STORES_LIST} "${'5,'.repeat(20)}…"`],
    [['estimate', '--runs', '0'], '--runs must be an integer from 1 to 20; received "0"'],
    [['estimate', '--runs', '21'], '--runs must be an integer from 1 to 20; received "21"'],
    [['estimate', '--measure-max', '0'], '--measure-max must be an integer from 1 to 100000; received "0"'],
    [['estimate', '--seed', ''], `${SEED} ""`],
    [['estimate', '--template', 'x'], `${TEMPLATE} "x"`],
    [['bench', '--stores', 'abc'], `${STORES} "abc"`],
    [['bench', '--as-of', '1900-06-01'], `${AS_OF} "1900-06-01"`],
    [['bench', '--chunk-size', '0'], '--chunk-size must be an integer from 1 to 100000; received "0"'],
  ])('refuses the bad value in %j', async (args, message) => {
    expectRefused(await runInProcess(args), message);
  });

  it.each([
    [[], `missing command: estimate, generate or bench ${MAIN}`],
    [['frobnicate'], `unknown command "frobnicate" ${MAIN}`],
    [['GENERATE'], `unknown command "GENERATE" ${MAIN}`],
    [[''], `unknown command "" ${MAIN}`],
    [['ge\u001bn'], `unknown command "ge\\u001bn" ${MAIN}`],
    [['--stores', '5'], `unknown option --stores ${MAIN}`],
    [['-x'], `unknown option -x ${MAIN}`],
    [['help', 'frobnicate'], `unknown command "frobnicate" ${MAIN}`],
    [['help', 'generate', 'extra'], `help takes at most one command ${MAIN}`],
    [['generate', '--stores', '5', '--x'], `unknown option --x ${GENERATE}`],
    [['generate', '--stores', '5', "--fo'o"], `unknown option "--fo'o" ${GENERATE}`],
    [['generate', '--stores', '5', '--no-quiet'], `unknown option --no-quiet ${GENERATE}`],
    [['generate', '--stores', '5', 'extra'], `unexpected argument extra ${GENERATE}`],
    [['estimate', '--no-json'], `unknown option --no-json ${ESTIMATE}`],
  ])('refuses the missing or unknown command or option in %j', async (args, message) => {
    expectRefused(await runInProcess(args), message);
  });

  it.each([
    [['generate', '--stores', '2', '--stores', '3'], `option --stores is given more than once ${GENERATE}`],
    [['generate', '--stores', '5', '--as-of', '1900-06-01'], `${AS_OF} "1900-06-01"`],
    [['estimate', '--stores', '5,,10'], `${STORES_LIST} "5,,10"`],
    [[], `missing command: estimate, generate or bench ${MAIN}`],
    [['frobnicate'], `unknown command "frobnicate" ${MAIN}`],
  ])('the built binary refuses %j the same way', async (args, message) => {
    expectRefused(await runAsync(args), message);
  });

  it('refuses bytes that are not UTF-8 in a value, as the terminal sends them', () => {
    const result = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${CLI}" generate --stores 2 --seed "$(printf 'a\\377b')"`],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expectRefused(
      { status: result.status, stdout: result.stdout, stderr: result.stderr },
      '--seed must be valid UTF-8 text; received "a\uFFFDb"',
    );
  });

  it('checks the whole spec before opening --out: an existing file keeps its content, no file is created', async () => {
    const existing = join(tmp, 'existing.json');
    writeFileSync(existing, 'old content');
    expectRefused(
      await runAsync(['generate', '--stores', '5', '--as-of', '1900-06-01', '--out', existing]),
      `${AS_OF} "1900-06-01"`,
    );
    expect(readFileSync(existing, 'utf8')).toBe('old content');
    const absent = join(tmp, 'absent.json');
    expectRefused(await runAsync(['generate', '--stores', '5', '--seed', '', '--out', absent]), `${SEED} ""`);
    expect(existsSync(absent)).toBe(false);
    expect(readdirSync(tmp)).toEqual(['existing.json']);
  });

  it('prints the full usage on stdout for --help, and the help of a command even with other flags', async () => {
    const main = await runAsync(['--help']);
    expect(main.status).toBe(0);
    expect(main.stdout).toMatch(
      /^Usage: promoscale <command>[\s\S]*Exit codes: 0 done, 1 failed, 2 bad command line/,
    );
    const generate = await runAsync(['generate', '--stores', '0', '--help']);
    expect(generate).toMatchObject({ status: 0, stderr: '' });
    expect(generate.stdout).toMatch(/^Usage: promoscale generate/);
  });
});
