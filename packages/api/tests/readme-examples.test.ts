import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import {
  absent,
  expectExamplesTypeCheck,
  expectedOutput,
  readmeExamples,
  runJsExample,
} from '../../../test-support/readme-examples.js';

// The README's examples, as a user would run them, against the BUILT package (the test task depends on the build,
// turbo.json; when running vitest by hand, `pnpm --filter @promoscale/api build` first). Each block's info string
// says what it is and how it is checked:
// - ```js: a Node script, run with `node` against the built package (docs/readme-examples.md).
// - ```ts: TypeScript that needs something this package does not have (the contract suite needs your server):
//   written to .readme-examples/example-N.ts and type-checked with the package's tsconfig, against the published
//   types (`dist/*.d.ts`, through `exports`). tests/contract.test.ts runs the suite itself.
// - ```sh (`npm install`): not code to run.
// Any other info string fails the test, so no block goes unchecked by accident.
const { dir, of, unknownInfo, prepare, remove } = readmeExamples(import.meta.url);
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

const KNOWN_INFO = ['js', 'ts', 'sh'];

const jsBlocks = of('js');
const tsBlocks = of('ts');

describe('README examples', () => {
  afterAll(remove);

  it('marks every code block with a known info string', () => {
    expect(unknownInfo(KNOWN_INFO)).toEqual([]);
    const all = [...jsBlocks, ...tsBlocks].join('\n');
    expect(
      absent(all, ['createApiHandler', 'createClient', 'createGeneratedSource', 'defineContractTests']),
    ).toEqual([]);
  });

  it.each(jsBlocks.map((code, i) => [i + 1, code] as const))(
    'runs example %i in Node and prints what its comments show',
    async (i, code) => {
      prepare(expect);
      await runJsExample(dir, i, code, expect);
    },
    30_000,
  );

  it('type-checks the TypeScript blocks', async () => {
    prepare(expect);
    for (const [i, code] of tsBlocks.entries()) writeFileSync(`${dir}example-${i + 1}.ts`, code);
    await expectExamplesTypeCheck(dir, tsc, expect);
  }, 60_000);

  // The self-test of test-support/readme-examples.ts's comment reader, which every package's README test uses:
  // it runs here only.
  it('reads output comments as literal output', () => {
    const [trailing, following] = expectedOutput(
      "console.log(a); // 30 'x' …\nconsole.log(b);\n// { a: 1,\n//   b: 2 }\nconst c = 1; // not output",
    );
    expect("30 'x' 1 2 { a: 1, b: 2 }").toMatch(trailing as RegExp);
    expect("300 'x'").not.toMatch(trailing as RegExp);
    expect('{ a: 1, b: 2 }').toMatch(following as RegExp);
  });
});
