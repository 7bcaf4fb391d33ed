import { afterAll, describe, expect, it } from 'vitest';
import { absent, readmeExamples, runJsExample } from '../../../test-support/readme-examples.js';

// The README's examples, as a user would run them, against the BUILT package (the test task depends on the build,
// turbo.json; when running vitest by hand, `pnpm --filter @promoscale/generator build` first). Each block's info
// string says what it is and how it is checked:
// - ```js: a Node script, run with `node` against the built package (docs/readme-examples.md).
// - ```sh (`npm install`) and ```text (bench output): not code to run.
// Any other info string fails the test, so no block goes unchecked by accident.
const { dir, of, unknownInfo, prepare, remove } = readmeExamples(import.meta.url);

const KNOWN_INFO = ['js', 'sh', 'text'];

const jsBlocks = of('js');

describe('README examples', () => {
  afterAll(remove);

  it('marks every code block with a known info string and has an example for each main function', () => {
    expect(unknownInfo(KNOWN_INFO)).toEqual([]);
    const all = jsBlocks.join('\n');
    expect(
      absent(all, [
        'generateStoreData(',
        'processBatch(',
        'storeDataIterator(',
        'storeDataAsyncIterator(',
        'createStore(',
        'slicePromotions(',
        'validatePromotions(',
        'promotionToNdjsonLine(',
        'promotionToCsvLine(',
        'promotionCsvHeader(',
        'parsePromotionsCsv(',
        'promotionsToNdjsonBytes(',
        'generatePromotionBytes(',
      ]),
    ).toEqual([]);
  });

  it.each(jsBlocks.map((code, i) => [i + 1, code] as const))(
    'runs example %i and prints what its comments show',
    async (i, code) => {
      prepare(expect);
      await runJsExample(dir, i, code, expect);
    },
  );
});
