import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fencedBlocks } from '../../../test-support/readme-examples.js';

// Every ```js block of the README runs as a user would run it: an ES module importing the BUILT package by its
// name (Node resolves the self-reference through `exports`). The test task depends on the build (turbo.json).
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const blocks = fencedBlocks(readme)
  .filter((block) => block.info === 'js')
  .map((block) => block.code);
const dir = `${root}.readme-examples/`;

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
    ]) {
      expect(all).toContain(`${name}(`);
    }
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))('runs example %i without error', (i, code) => {
    expect(existsSync(`${root}dist/index.js`), 'build the package first (pnpm build)').toBe(true);
    mkdirSync(dir, { recursive: true });
    const file = `${dir}example-${i}.mjs`;
    writeFileSync(file, code);
    const output = execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 20_000 });
    expect(output.length).toBeGreaterThan(0);
  });
});
