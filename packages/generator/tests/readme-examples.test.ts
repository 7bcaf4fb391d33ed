import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareExamplesDir, readmeExamples, runJsExample } from '../../../test-support/readme-examples.js';

// The README's examples, as a user would run them, against the BUILT package (the test task depends on the build,
// turbo.json; when running vitest by hand, `pnpm --filter @promoscale/generator build` first). Each block's info
// string says what it is and how it is checked:
// - ```js: a Node script. Written to .readme-examples/example-N.mjs and run with `node`, importing the package by
//   its name (Node resolves the self-reference through `exports`). It must exit with 0, and what its output
//   comments show must appear in its stdout (see `expectedOutput` in test-support/readme-examples.ts).
// - ```sh (`npm install`) and ```text (bench output): not code to run.
// Any other info string fails the test, so no block goes unchecked by accident.
const root = fileURLToPath(new URL('..', import.meta.url));
const { dir, blocks, of } = readmeExamples(root);

const KNOWN_INFO = ['js', 'sh', 'text'];

const jsBlocks = of('js');
const prepare = () => prepareExamplesDir(root, dir, expect);

describe('README examples', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('marks every code block with a known info string and has an example for each main function', () => {
    expect(blocks.map((block) => block.info).filter((info) => !KNOWN_INFO.includes(info))).toEqual([]);
    const all = jsBlocks.join('\n');
    for (const name of [
      'generateStoreData',
      'processBatch',
      'storeDataIterator',
      'storeDataAsyncIterator',
      'createStore',
      'slicePromotions',
      'validatePromotions',
      'promotionToNdjsonLine',
      'promotionToCsvLine',
      'promotionCsvHeader',
      'parsePromotionsCsv',
      'promotionsToNdjsonBytes',
    ]) {
      expect(all).toContain(`${name}(`);
    }
  });

  it.each(jsBlocks.map((code, i) => [i + 1, code] as const))(
    'runs example %i and prints what its comments show',
    async (i, code) => {
      prepare();
      await runJsExample(dir, i, code, expect);
    },
  );
});
