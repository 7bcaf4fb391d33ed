// What `promoscale generate --out` does to what is already there, against the BUILT binary (see
// tests/support/cli.ts): a regular file is replaced only by a complete output (temp file + rename), a symlink stays
// a link, a FIFO or a device is written through and never removed, and a signal mid-write ends the command with
// 128 + its number and one message, leaving no temporary file. The signal tests wait for the first progress line
// (a chunk was written) before signalling: 100,000 stores take far longer than that, so the signal always lands
// mid-write.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLI, checkBuilt, run, startCli } from './support/cli.js';

/** A budget for tests that start a long generation and stop it: the machine is small and shared. */
const SIGNAL_BUDGET_MS = 30_000;
/** A non-terminal `--progress` prints its first line once the first chunk is written. */
const FIRST_CHUNK = /\d+\/100,000 stores/;
const OLD = 'old content\n';

let root = '';
let dir = '';

beforeAll(() => {
  checkBuilt();
  root = mkdtempSync(join(tmpdir(), 'promoscale-out-'));
});

beforeEach((context) => {
  dir = join(root, context.task.id);
  mkdirSync(dir);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** `generate` of 100,000 stores into `out`, stopped by `signal` once its first chunk is written. */
async function interruptMidWrite(out: string, signal: NodeJS.Signals) {
  const child = startCli(['generate', '--stores', '100000', '--out', out, '--progress']);
  await child.waitForStderr(FIRST_CHUNK);
  child.kill(signal);
  const { code } = await child.exited;
  return { code, messages: promoscaleLines(child.stderr()) };
}

/** The lines of stderr that are messages (not progress lines). */
function promoscaleLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('promoscale:'));
}

describe('promoscale generate --out on a regular file', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)(
    'keeps an existing file as it was on %s mid-write, exits with %i and leaves no temporary file',
    async (signal, exitCode) => {
      const out = join(dir, 'promotions.json');
      writeFileSync(out, OLD);
      expect(await interruptMidWrite(out, signal)).toEqual({
        code: exitCode,
        messages: [`promoscale: interrupted by ${signal}; ${out} unchanged`],
      });
      expect(readFileSync(out, 'utf8')).toBe(OLD);
      expect(readdirSync(dir)).toEqual(['promotions.json']);
    },
    SIGNAL_BUDGET_MS,
  );

  it(
    'creates nothing when a new file is interrupted',
    async () => {
      const out = join(dir, 'new.csv');
      expect(await interruptMidWrite(out, 'SIGTERM')).toEqual({
        code: 143,
        messages: [`promoscale: interrupted by SIGTERM; ${out} not created`],
      });
      expect(readdirSync(dir)).toEqual([]);
    },
    SIGNAL_BUDGET_MS,
  );

  it(
    'finishes its cleanup through a storm of further SIGINTs: exit 130, one message, the file unchanged',
    async () => {
      const out = join(dir, 'promotions.ndjson');
      writeFileSync(out, OLD);
      const child = startCli(['generate', '--stores', '100000', '--out', out, '--progress']);
      await child.waitForStderr(FIRST_CHUNK);
      // Signals keep coming until the process is gone, so some arrive while it cleans up.
      const storm = setInterval(() => child.kill('SIGINT'), 1);
      child.kill('SIGINT');
      const { code, signal } = await child.exited.finally(() => clearInterval(storm));
      expect({ code, signal }).toEqual({ code: 130, signal: null });
      expect(promoscaleLines(child.stderr())).toEqual([
        `promoscale: interrupted by SIGINT; ${out} unchanged`,
      ]);
      expect(readFileSync(out, 'utf8')).toBe(OLD);
      expect(readdirSync(dir)).toEqual(['promotions.ndjson']);
    },
    SIGNAL_BUDGET_MS,
  );

  it('keeps an existing file as it was when writing fails (EFBIG), with exit code 1', () => {
    const out = join(dir, 'promotions.json');
    writeFileSync(out, OLD);
    // A file-size limit of 128 kB (ulimit counts kB) makes the write of the temporary file fail partway.
    const result = spawnSync(
      'bash',
      ['-c', `ulimit -f 128; exec "${process.execPath}" "${CLI}" generate --stores 2000 --out "${out}"`],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 1,
      stderr: `promoscale: cannot write ${out}: EFBIG; ${out} unchanged\n`,
    });
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['promotions.json']);
  });

  it('replaces an existing file once complete, keeping its permissions', () => {
    const out = join(dir, 'promotions.csv');
    writeFileSync(out, OLD);
    chmodSync(out, 0o640);
    expect(run(['generate', '--stores', '3', '--out', out, '--quiet'])).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
    expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(3 * 30 + 2); // header, rows, final newline
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['promotions.csv']);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner of a replaced file when run as root', () => {
    const out = join(dir, 'owned.ndjson');
    writeFileSync(out, OLD);
    chownSync(out, 4321, 4321);
    expect(run(['generate', '--stores', '1', '--out', out, '--quiet']).status).toBe(0);
    expect(statSync(out)).toMatchObject({ uid: 4321, gid: 4321 });
    expect(readFileSync(out, 'utf8')).not.toBe(OLD);
  });

  it('refuses a directory with exit code 1 and leaves it alone', () => {
    const out = join(dir, 'folder');
    mkdirSync(out);
    expect(run(['generate', '--stores', '3', '--out', out])).toEqual({
      status: 1,
      stdout: '',
      stderr: `promoscale: cannot write ${out}: EISDIR\n`,
    });
    expect(statSync(out).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual(['folder']);
  });
});

describe('promoscale generate --out through a symlink', () => {
  it(
    'writes its temporary file beside the real target and leaves link and target as they were on SIGINT',
    async () => {
      const realDir = join(dir, 'real');
      mkdirSync(realDir);
      const target = join(realDir, 'target.json');
      writeFileSync(target, OLD);
      const link = join(dir, 'link.json');
      symlinkSync(target, link);
      const child = startCli(['generate', '--stores', '100000', '--out', link, '--progress']);
      await child.waitForStderr(FIRST_CHUNK);
      const during = { beside: readdirSync(realDir), linkDir: readdirSync(dir) };
      child.kill('SIGINT');
      expect((await child.exited).code).toBe(130);
      expect(during.beside).toEqual(
        expect.arrayContaining([expect.stringMatching(/^\.target\.json\..+\.tmp$/)]),
      );
      expect(during.linkDir.sort()).toEqual(['link.json', 'real']);
      expect(promoscaleLines(child.stderr())).toEqual([
        `promoscale: interrupted by SIGINT; ${link} unchanged`,
      ]);
      expect(readlinkSync(link)).toBe(target);
      expect(readFileSync(target, 'utf8')).toBe(OLD);
      expect(readdirSync(realDir)).toEqual(['target.json']);
    },
    SIGNAL_BUDGET_MS,
  );

  it('creates the missing target of a dangling link, which stays a link', () => {
    const link = join(dir, 'link.ndjson');
    symlinkSync('missing.ndjson', link);
    expect(run(['generate', '--stores', '2', '--out', link, '--quiet']).status).toBe(0);
    expect(readlinkSync(link)).toBe('missing.ndjson');
    expect(readFileSync(join(dir, 'missing.ndjson'), 'utf8').split('\n')).toHaveLength(2 * 30 + 1);
    expect(readdirSync(dir).sort()).toEqual(['link.ndjson', 'missing.ndjson']);
  });

  it('replaces the target, not the link, on success', () => {
    const target = join(dir, 'target.json');
    writeFileSync(target, OLD);
    const link = join(dir, 'link.json');
    symlinkSync('target.json', link);
    expect(run(['generate', '--stores', '2', '--out', link, '--quiet']).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('target.json');
    expect(JSON.parse(readFileSync(target, 'utf8'))).toHaveLength(2 * 30);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'target.json']);
  });
});

describe('promoscale generate --out on a socket', () => {
  it('connects and writes through, and leaves the socket in place', async () => {
    const path = join(dir, 'rows.sock');
    let received = '';
    const server = createServer((connection) =>
      connection.setEncoding('utf8').on('data', (text: string) => {
        received += text;
      }),
    );
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const child = startCli(['generate', '--stores', '2', '--out', path, '--quiet']);
      expect(await child.exited).toEqual({ code: 0, signal: null });
      expect(child.stderr()).toBe('');
      await vi.waitFor(() => expect(received.split('\n')).toHaveLength(2 * 30 + 1));
      expect(statSync(path).isSocket()).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('promoscale generate --out on a FIFO', () => {
  function makeFifo(): string {
    const fifo = join(dir, 'rows.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    return fifo;
  }

  it(
    'stops quietly with exit code 0 when the reader goes away (EPIPE), and leaves the FIFO in place',
    async () => {
      const fifo = makeFifo();
      const reader = spawnSync(
        'bash',
        [
          '-c',
          `"${process.execPath}" "${CLI}" generate --stores 100000 --out "${fifo}" 2>&1 & head -c 1000 "${fifo}" | wc -c; wait $!; echo "exit $?"`,
        ],
        { encoding: 'utf8', timeout: SIGNAL_BUDGET_MS },
      );
      expect(reader.stdout).toBe('1000\nexit 0\n');
      expect(statSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(dir)).toEqual(['rows.fifo']);
    },
    SIGNAL_BUDGET_MS,
  );

  it(
    'writes through to a reader and, on SIGINT mid-write, exits with 130 and leaves the FIFO in place',
    async () => {
      const fifo = makeFifo();
      const reader = spawn('cat', [fifo], { stdio: ['ignore', 'ignore', 'ignore'] });
      const readerDone = new Promise((resolve) => reader.on('close', resolve));
      expect(await interruptMidWrite(fifo, 'SIGINT')).toEqual({
        code: 130,
        messages: [`promoscale: interrupted by SIGINT; the output to ${fifo} is incomplete`],
      });
      // The writer closed its end: the reader sees the end of the data.
      expect(await readerDone).toBe(0);
      expect(statSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(dir)).toEqual(['rows.fifo']);
    },
    SIGNAL_BUDGET_MS,
  );
});

describe('promoscale generate --out /dev/null (a character device)', () => {
  const isNullDevice = () => {
    const stats = lstatSync('/dev/null');
    return stats.isCharacterDevice() && readdirSync('/dev').every((name) => !name.startsWith('.null.'));
  };

  it('writes through to it and leaves it a character device', () => {
    const result = run(['generate', '--stores', '20', '--out', '/dev/null']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^promoscale: wrote 600 promotions \(20 stores, ndjson, .+\) to \/dev\/null in /,
    );
    expect(isNullDevice()).toBe(true);
  });

  it(
    'never removes it when interrupted',
    async () => {
      expect(await interruptMidWrite('/dev/null', 'SIGTERM')).toEqual({
        code: 143,
        messages: ['promoscale: interrupted by SIGTERM; the output to /dev/null is incomplete'],
      });
      expect(isNullDevice()).toBe(true);
    },
    SIGNAL_BUDGET_MS,
  );
});

describe('promoscale generate --out /dev/stdout (a descriptor of the process)', () => {
  it('writes through to the pipe stdout is', () => {
    // A shell's pipe (Node's own child stdio is a socket, which /proc cannot reopen).
    const result = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${CLI}" generate --stores 2 --out /dev/stdout --quiet | wc -l`],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect({ stdout: result.stdout, stderr: result.stderr }).toEqual({ stdout: `${2 * 30}\n`, stderr: '' });
  });

  it('appends to the file stdout was opened on with >>, the same file, its content kept', () => {
    const log = join(dir, 'log.ndjson');
    writeFileSync(log, OLD);
    const inode = statSync(log).ino;
    const fd = openSync(log, 'a');
    try {
      const result = spawnSync(
        process.execPath,
        [CLI, 'generate', '--stores', '2', '--out', '/dev/stdout', '--quiet'],
        {
          stdio: ['ignore', fd, 'pipe'],
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    } finally {
      closeSync(fd);
    }
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith(OLD)).toBe(true);
    expect(text.slice(OLD.length).split('\n')).toHaveLength(2 * 30 + 1);
    expect(statSync(log).ino).toBe(inode);
    expect(readdirSync(dir)).toEqual(['log.ndjson']);
  });
});
