import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The README's examples, as a user would run them, against the BUILT package (the test task depends on the build,
// turbo.json; when running vitest by hand, `pnpm --filter @promoscale/scaling build` first). Each block's info
// string says what it is and how it is checked:
// - ```js: a Node script. Written to .readme-examples/example-N.mjs and run with `node`, importing the package by
//   its name (Node resolves the self-reference through `exports`). It must exit with 0, and what its output
//   comments show must appear in its stdout (see `expectedOutput`).
// - ```sh whose lines are all `promoscale …` commands: the CLI. Each line runs in bash (with pipefail, so
//   `… | head` still checks the CLI's exit code) inside .readme-examples/, with `promoscale` replaced by
//   `node <package>/dist/cli.js` (what the `promoscale` bin runs), and must exit with 0. Other ```sh blocks
//   (`npm install`) are not commands to test.
// - ```js browser: needs a bundler or a browser (Vite's `?worker` import), not run here: tests/browser/ runs it in
//   Chromium.
// - ```text: printed output (the benchmarks').
// Any other info string fails the test, so no block goes unchecked by accident.
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const dir = `${root}.readme-examples/`;
const cli = `${root}dist/cli.js`;

const KNOWN_INFO = ['js', 'js browser', 'sh', 'text'];

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
const cliCommands = of('sh')
  .map((code) => code.split('\n').filter((line) => line.trim() !== ''))
  .filter((lines) => lines.every((line) => line.startsWith('promoscale ')))
  .flat();

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

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir, timeout: 20_000 });
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
    const all = jsBlocks.join('\n');
    for (const name of [
      'estimateDatasetSize(',
      'recommendApproach(',
      'calibrate(',
      'ScalingPOC.',
      'createScalingMonitor(',
      'loadChunked(',
      'streamPromotions(',
      'streamPromotionsInWorker(',
    ]) {
      expect(all).toContain(name);
    }
    expect(cliCommands.map((line) => line.split(/\s+/)[1])).toEqual([
      'estimate',
      'generate',
      'generate',
      'bench',
    ]);
  });

  it.each(jsBlocks.map((code, i) => [i + 1, code] as const))(
    'runs example %i and prints what its comments show',
    async (i, code) => {
      prepare();
      const file = `${dir}example-${i}.mjs`;
      writeFileSync(file, code);
      const { code: exitCode, stdout, stderr } = await run(process.execPath, [file]);
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

  it.each(cliCommands.map((line) => [line.replace(/\s+#.*$/, ''), line] as const))(
    'runs `%s`',
    async (_name, line) => {
      prepare();
      expect(existsSync(cli), 'build the package first (pnpm build)').toBe(true);
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${line.slice('promoscale '.length)}`;
      const { code, stdout, stderr } = await run('bash', ['-o', 'pipefail', '-c', command]);
      expect(code, stderr).toBe(0);
      expect(stdout + stderr).not.toBe('');
    },
    30_000,
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
