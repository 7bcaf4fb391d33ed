import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  expectExamplesTypeCheck,
  readmeExamples,
  runJsExample,
  runNode,
} from '../../../test-support/readme-examples.js';

// The README's examples, as a user would run them, against the BUILT package (the test task depends on the build,
// turbo.json; when running vitest by hand, `pnpm --filter @promoscale/msw build` first). Each block's info string
// says what it is and how it is checked:
// - ```js: a Node script, run with `node` against the built package (docs/readme-examples.md).
// - ```ts: a complete Vitest test file, its name in its first line (`// promotions.test.ts`). Type-checked with
//   the package's tsconfig, then run by Vitest in a child process (its own config in .readme-examples/).
// - ```ts browser: a browser module that uses only this package. Type-checked; what it does (setupPromoscaleWorker,
//   worker.start, the network profile) runs in Chromium in tests/browser/.
// - ```ts storybook, ```tsx storybook, ```tsx vite: Storybook, React and Vite wiring, which needs those tools
//   (not dependencies of this package): not checked here.
// - ```sh (`npm install`, `npx msw init`) and ```text (bench output): not code to run.
// Any other info string fails the test, so no block goes unchecked by accident.
const { dir, of, unknownInfo, prepare, remove } = readmeExamples(import.meta.url);
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

const KNOWN_INFO = ['js', 'ts', 'ts browser', 'ts storybook', 'tsx storybook', 'tsx vite', 'sh', 'text'];

const jsBlocks = of('js');
const testFiles = of('ts').map((code) => ({ name: /^\/\/ (\S+\.test\.ts)\n/.exec(code)?.[1] ?? '', code }));
const browserModules = of('ts browser');

describe('README examples', () => {
  afterAll(remove);

  it('marks every code block with a known info string', () => {
    expect(unknownInfo(KNOWN_INFO)).toEqual([]);
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
      prepare(expect);
      await runJsExample(dir, i, code, expect);
    },
    30_000,
  );

  it('type-checks the TypeScript blocks (the Vitest files and the browser modules)', async () => {
    prepare(expect);
    for (const { name, code } of testFiles) writeFileSync(`${dir}${name}`, code);
    for (const [i, code] of browserModules.entries()) writeFileSync(`${dir}browser-${i + 1}.ts`, code);
    await expectExamplesTypeCheck(dir, tsc, expect);
  }, 60_000);

  it.each(testFiles.map(({ name, code }) => [name, code] as const))(
    'runs %s with Vitest',
    async (name, code) => {
      prepare(expect);
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
      } = await runNode([vitest, 'run', name, '--root', dir, '--config', `${dir}vitest.config.mjs`], {
        cwd: dir,
        env,
      });
      expect(exitCode, stdout + stderr).toBe(0);
      expect(stdout).toMatch(/Tests\s+\d+ passed/);
    },
    60_000,
  );
});
