// Shared by the packages' tests/readme-examples.test.ts, which run their README's examples against the built
// package: reading the fenced blocks, the output their comments promise, and running Node on them. Node built-ins
// only (the root depends on no package; Vitest's `expect` is passed in). Listed in turbo.json's globalDependencies.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Block, fencedBlocks } from './fenced-blocks.js';

export { type Block, fencedBlocks };

/**
 * The output a block promises: the `// …` comment ending a `console.log(…)` line, and the comment-only lines
 * right after that line, read as literal output in which `…` stands for anything. Whitespace is compared
 * collapsed (Node prints objects over several lines); a comment that neither starts nor ends with `…` must match
 * whole words at its ends; the comments must appear in the order they are written.
 */
export function expectedOutput(code: string): RegExp[] {
  const lines = code.split('\n');
  const expected: RegExp[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('console.log(')) return;
    const parts: string[] = [];
    const trailing = /\)[;,]?\s+\/\/ (.*)$/.exec(line);
    if (trailing) parts.push(trailing[1] as string);
    for (let j = i + 1; j < lines.length; j++) {
      const comment = /^\s*\/\/ ?(.*)$/.exec(lines[j] as string);
      if (!comment) break;
      parts.push(comment[1] as string);
    }
    const text = collapse(parts.join(' '));
    if (text === '') return;
    const body = text
      .split('…')
      .map((fragment) => escapeRegExp(fragment.trim()))
      .join('[\\s\\S]*?');
    const start = text.startsWith('…') ? '' : '(?:^|\\s)';
    const end = text.endsWith('…') ? '' : '(?=\\s|$)';
    expected.push(new RegExp(`${start}${body}${end}`));
  });
  return expected;
}

/** The text with every run of whitespace made one space, and trimmed. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text with the characters special in a regular expression escaped, to match it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How a child process ended: its exit code (`null` when killed, e.g. by the timeout) and its whole output. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where and how long a child process runs: `env` defaults to this process's, `timeout` to 60 s. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}

/** Runs `command` with `args` and resolves when it ends (whatever its exit code), with its output as text. */
export function runCommand(command: string, args: string[], options: RunOptions): Promise<Run> {
  const { cwd, env = process.env, timeout = 60_000 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, timeout });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs this Node (`process.execPath`) with `args`, as {@link runCommand} does. */
export function runNode(args: string[], options: RunOptions): Promise<Run> {
  return runCommand(process.execPath, args, options);
}

/** The part of Vitest's `expect` that the helpers here use (the root does not depend on Vitest). */
export type Expect = (
  actual: unknown,
  message?: string,
) => { toBe(expected: unknown): void; toBeGreaterThan(expected: number): void; not: { toBeNull(): void } };

/** A package's README as its examples test reads it. */
export interface ReadmeExamples {
  /** The package folder, ending with `/`. */
  root: string;
  /** Where the test writes the examples it runs: `<root>.readme-examples/` (removed after the suite). */
  dir: string;
  /** Every fenced block of `<root>README.md`. */
  blocks: Block[];
  /** The code of the blocks whose info string is `info`, in order. */
  of: (info: string) => string[];
  /** The info strings of the blocks that are not in `known`, which the test would leave unchecked. */
  unknownInfo: (known: readonly string[]) => string[];
  /** Asserts that the package is built and creates `dir` ({@link prepareExamplesDir}). */
  prepare: (expect: Expect) => void;
  /** Removes `dir` (for the suite's `afterAll`). */
  remove: () => void;
}

/**
 * Reads the README.md of the package whose `tests/` folder holds the test at `testFileUrl` (its
 * `import.meta.url`), or of the package at `root` when given a folder path ending with `/`.
 */
export function readmeExamples(rootOrTestFileUrl: string): ReadmeExamples {
  const root = rootOrTestFileUrl.startsWith('file:')
    ? fileURLToPath(new URL('..', rootOrTestFileUrl))
    : rootOrTestFileUrl;
  const dir = `${root}.readme-examples/`;
  const blocks = fencedBlocks(readFileSync(`${root}README.md`, 'utf8'));
  const of = (info: string): string[] =>
    blocks.filter((block) => block.info === info).map((block) => block.code);
  return {
    root,
    dir,
    blocks,
    of,
    unknownInfo: (known) => blocks.map((block) => block.info).filter((info) => !known.includes(info)),
    prepare: (expect) => prepareExamplesDir(root, dir, expect),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The texts of `needles` that `code` does not contain (`'processBatch('`): what the README's examples must show. */
export const absent = (code: string, needles: readonly string[]): string[] =>
  needles.filter((needle) => !code.includes(needle));

/**
 * Asserts that the package at `root` is built (its examples import `dist/` through `exports`) and creates `dir`,
 * where the examples are written.
 */
export function prepareExamplesDir(root: string, dir: string, expect: Expect): void {
  expect(existsSync(`${root}dist/index.js`), 'build the package first (pnpm build)').toBe(true);
  mkdirSync(dir, { recursive: true });
}

/**
 * Writes the ```js block `code` to `<dir>example-<i>.mjs`, runs it with Node in `dir` and asserts that it exits
 * with 0, prints something, and prints what its output comments show ({@link expectOutputInOrder}). `timeout`
 * (ms) is {@link runCommand}'s.
 */
export async function runJsExample(
  dir: string,
  i: number,
  code: string,
  expect: Expect,
  timeout = 60_000,
): Promise<void> {
  const file = `${dir}example-${i}.mjs`;
  writeFileSync(file, code);
  const { code: exitCode, stdout, stderr } = await runNode([file], { cwd: dir, timeout });
  expect(exitCode, stderr).toBe(0);
  expect(stdout.length).toBeGreaterThan(0);
  expectOutputInOrder(stdout, code, expect);
}

/**
 * Type-checks the `.ts` files written to `dir` with `tsc` (the package's `typescript/bin/tsc`), through a
 * tsconfig.json there that extends the package's, and asserts that it reports nothing.
 */
export async function expectExamplesTypeCheck(dir: string, tsc: string, expect: Expect): Promise<void> {
  writeFileSync(`${dir}tsconfig.json`, '{ "extends": "../tsconfig.json", "include": ["*.ts"] }\n');
  const { code, stdout, stderr } = await runNode([tsc, '--noEmit', '-p', `${dir}tsconfig.json`], {
    cwd: dir,
  });
  expect(code, stdout + stderr).toBe(0);
}

/**
 * Asserts, with the given Vitest `expect`, that what the output comments of `code` show ({@link expectedOutput})
 * appears in `stdout` (whitespace collapsed), each after what the comments before it matched.
 */
export function expectOutputInOrder(stdout: string, code: string, expect: Expect): void {
  const output = collapse(stdout);
  let from = 0;
  for (const pattern of expectedOutput(code)) {
    const rest = output.slice(from);
    const match = pattern.exec(rest);
    expect(
      match,
      `${pattern} in the output, after what the comments before it matched:\n${rest}`,
    ).not.toBeNull();
    from += (match?.index ?? 0) + (match?.[0].length ?? 0);
  }
}
