import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareExamplesDir, readmeExamples } from '../../../test-support/readme-examples.js';

// Every ```js block of the README runs as a user would run it: an ES module importing the BUILT package by its
// name (Node resolves the self-reference through `exports`). The test task depends on the build (turbo.json).
const root = fileURLToPath(new URL('..', import.meta.url));
const { dir, of } = readmeExamples(root);
const blocks = of('js');

describe('README examples', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has an example for each main function', () => {
    const all = blocks.join('\n');
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
    ]) {
      expect(all).toContain(`${name}(`);
    }
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))('runs example %i without error', (i, code) => {
    prepareExamplesDir(root, dir, expect);
    const file = `${dir}example-${i}.mjs`;
    writeFileSync(file, code);
    const output = execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 20_000 });
    expect(output.length).toBeGreaterThan(0);
  });
});
