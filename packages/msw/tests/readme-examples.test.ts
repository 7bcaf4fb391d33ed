import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The README's examples, as a user would run them, against the BUILT package (the test task depends on the build,
// turbo.json; when running vitest by hand, `pnpm --filter @promoscale/msw build` first). Each block's info string
// says what it is and how it is checked:
// - ```js: a Node script. Written to .readme-examples/example-N.mjs and run with `node`, importing the package by
//   its name (Node resolves the self-reference through `exports`). It must exit with 0, and what its output
//   comments show must appear in its stdout (see `expectedOutput`).
// - ```ts: a complete Vitest test file, its name in its first line (`// promotions.test.ts`). Type-checked with
//   the package's tsconfig, then run by Vitest in a child process (its own config in .readme-examples/).
// - ```ts browser: a browser module that uses only this package. Type-checked; what it does (setupPromoscaleWorker,
//   worker.start, the network profile) runs in Chromium in tests/browser/.
// - ```ts storybook, ```tsx storybook, ```tsx vite: Storybook, React and Vite wiring, which needs those tools
//   (not dependencies of this package): not checked here.
// - ```sh (`npm install`, `npx msw init`) and ```text (bench output): not code to run.
// Any other info string fails the test, so no block goes unchecked by accident.
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const dir = `${root}.readme-examples/`;
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

const KNOWN_INFO = ['js', 'ts', 'ts browser', 'ts storybook', 'tsx storybook', 'tsx vite', 'sh', 'text'];

interface Block {
  info: string;
  code: string;
}

/** The fenced code blocks of a Markdown text, also those indented in a list item (the indent removed). */
function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: { indent: string; info: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^( *)```(.*)$/.exec(line);
    if (open === undefined) {
      if (fence) open = { indent: fence[1] as string, info: (fence[2] as string).trim(), lines: [] };
    } else if (fence && (fence[2] as string).trim() === '') {
      blocks.push({ info: open.info, code: `${open.lines.join('\n')}\n` });
      open = undefined;
    } else {
      open.lines.push(line.startsWith(open.indent) ? line.slice(open.indent.length) : line);
    }
  }
  if (open) throw new Error(`README.md: the \`\`\`${open.info} block is not closed`);
  return blocks;
}

const blocks = fencedBlocks(readme);
const of = (info: string): string[] =>
  blocks.filter((block) => block.info === info).map((block) => block.code);
const jsBlocks = of('js');
const testFiles = of('ts').map((code) => ({ name: /^\/\/ (\S+\.test\.ts)\n/.exec(code)?.[1] ?? '', code }));
const browserModules = of('ts browser');

/**
 * The output a block promises: the `// …` comment ending a `console.log(…)` line, and the comment-only lines
 * right after that line, read as literal output in which `…` stands for anything. Whitespace is compared
 * collapsed (Node prints objects over several lines); a comment that neither starts nor ends with `…` must match
 * whole words at its ends; the comments must appear in the order they are written.
 */
function expectedOutput(code: string): RegExp[] {
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

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: dir, env, timeout: 60_000 });
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

function prepare(): void {
  expect(existsSync(`${root}dist/index.js`), 'build the package first (pnpm build)').toBe(true);
  mkdirSync(dir, { recursive: true });
}

describe('README examples', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('marks every code block with a known info string', () => {
    expect(blocks.map((block) => block.info).filter((info) => !KNOWN_INFO.includes(info))).toEqual([]);
    expect(jsBlocks.length).toBeGreaterThan(0);
    expect(testFiles.map((file) => file.name)).toEqual(['promotions.test.ts', 'latency.test.ts']);
    expect(browserModules.length).toBeGreaterThan(0);
    const all = [...jsBlocks, ...testFiles.map((file) => file.code)].join('\n');
    for (const name of ['setupPromoscaleServer(', 'createHandlers(', 'createNetwork('])
      expect(all).toContain(name);
    expect(browserModules.join('\n')).toContain('setupPromoscaleWorker(');
  });

  it.each(jsBlocks.map((code, i) => [i + 1, code] as const))(
    'runs example %i in Node and prints what its comments show',
    async (i, code) => {
      prepare();
      const file = `${dir}example-${i}.mjs`;
      writeFileSync(file, code);
      const { code: exitCode, stdout, stderr } = await run([file]);
      expect(exitCode, stderr).toBe(0);
      expect(stdout.length).toBeGreaterThan(0);
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
    },
    30_000,
  );

  it('type-checks the TypeScript blocks (the Vitest files and the browser modules)', async () => {
    prepare();
    for (const { name, code } of testFiles) writeFileSync(`${dir}${name}`, code);
    for (const [i, code] of browserModules.entries()) writeFileSync(`${dir}browser-${i + 1}.ts`, code);
    writeFileSync(`${dir}tsconfig.json`, '{ "extends": "../tsconfig.json", "include": ["*.ts"] }\n');
    const { code, stdout, stderr } = await run([tsc, '--noEmit', '-p', `${dir}tsconfig.json`]);
    expect(code, stdout + stderr).toBe(0);
  }, 60_000);

  it.each(testFiles.map(({ name, code }) => [name, code] as const))(
    'runs %s with Vitest',
    async (name, code) => {
      prepare();
      writeFileSync(`${dir}${name}`, code);
      writeFileSync(`${dir}vitest.config.mjs`, "export default { test: { include: ['*.test.ts'] } };\n");
      // The child is a fresh Vitest run, not a worker of this one.
      const env = {
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))),
        NO_COLOR: '1',
      };
      const {
        code: exitCode,
        stdout,
        stderr,
      } = await run([vitest, 'run', name, '--root', dir, '--config', `${dir}vitest.config.mjs`], env);
      expect(exitCode, stdout + stderr).toBe(0);
      expect(stdout).toMatch(/Tests\s+\d+ passed/);
    },
    60_000,
  );

  it('reads output comments as literal output', () => {
    const [trailing, following] = expectedOutput(
      "console.log(a); // 30 'x' …\nconsole.log(b);\n// { a: 1,\n//   b: 2 }\nconst c = 1; // not output",
    );
    expect("30 'x' 1 2 { a: 1, b: 2 }").toMatch(trailing as RegExp);
    expect("300 'x'").not.toMatch(trailing as RegExp);
    expect('{ a: 1, b: 2 }').toMatch(following as RegExp);
  });
});
