import { normalizeSpec, processBatch } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../contract/random-queries.js';
import { regenerateRows, regenerateRowsInOrder } from './regenerate-rows.js';

describe('regenerateRows', () => {
  const spec = normalizeSpec({ seed: 5, stores: 1_100 });
  const rows = processBatch(1, spec.stores, spec.templates, { seed: spec.seed }).promotions;
  const random = createRandom(99);
  // A shuffled permutation of every row: 33,000 rows, more than one export block.
  const shuffled = Uint32Array.from(rows.keys());
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
  }

  it('gives the rows of a page of row indices, in the page order', () => {
    const page = regenerateRows(spec, shuffled, 1_000, 1_100);
    expect(page).toEqual(Array.from(shuffled.subarray(1_000, 1_100), (i) => rows[i]));
    expect(regenerateRows(spec, shuffled, 5, 5)).toEqual([]);
  });

  it('streams every row of a permutation in its order, block by block', async () => {
    const out = [];
    for await (const row of regenerateRowsInOrder(spec, shuffled)) out.push(row);
    expect(out.length).toBe(rows.length);
    expect(out.map((row) => row.id)).toEqual(Array.from(shuffled, (i) => rows[i]?.id));
    expect(out[12_345]).toEqual(rows[shuffled[12_345] as number]);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    let count = 0;
    for await (const _ of regenerateRowsInOrder(spec, shuffled, controller.signal)) {
      if (++count === 10) controller.abort();
    }
    expect(count).toBe(10);
  });
});
