import {
  type NormalizedDatasetSpec,
  PROMOTIONS_PER_STORE,
  type Promotion,
  storeDataIterator,
} from '@promoscale/generator';
import { yieldToEventLoop } from '@promoscale/generator/internal';

/** Stores generated in one go before an export yields to the event loop. */
const STORES_PER_SLICE = 250;
/** Rows of an export put in order at a time, at the least (a block costs about one pass over its stores). */
const MIN_EXPORT_BLOCK = 30_000;
/** An export is put in order in at most this many blocks (more blocks, less memory, more passes). */
const EXPORT_BLOCKS = 8;
/** `row * SLOT + slot` packs a row index and its place in a block into one exact double. */
const SLOT = 2 ** 21;

/**
 * Calls `visit` with the rows of each store of `stores` (store numbers, ascending, no repeats), generating each
 * store once; consecutive numbers share one generator context.
 */
function generateStores(
  spec: NormalizedDatasetSpec,
  stores: readonly number[],
  visit: (store: number, rows: readonly Promotion[]) => void,
): void {
  const generation = { seed: spec.seed, asOf: spec.asOf };
  for (let k = 0; k < stores.length; ) {
    const first = stores[k] as number;
    let last = first;
    while (k + 1 < stores.length && stores[k + 1] === last + 1) {
      k++;
      last++;
    }
    k++;
    const count = last - first + 1;
    for (const chunk of storeDataIterator(count, Math.min(STORES_PER_SLICE, count), spec.templates, {
      ...generation,
      startStore: first,
    })) {
      for (let s = chunk.startStore; s <= chunk.endStore; s++) {
        const offset = (s - chunk.startStore) * PROMOTIONS_PER_STORE;
        visit(s, chunk.promotions.slice(offset, offset + PROMOTIONS_PER_STORE));
      }
    }
  }
}

/**
 * The rows at `indices[from..to)` (row indices in dataset order), in that order, generated again from their
 * stores: a page of 100 rows costs at most 100 stores of the generator, whatever the dataset's size.
 */
export function regenerateRows(
  spec: NormalizedDatasetSpec,
  indices: Uint32Array,
  from: number,
  to: number,
): Promotion[] {
  const wanted = new Set<number>();
  for (let k = from; k < to; k++) wanted.add(Math.floor((indices[k] as number) / PROMOTIONS_PER_STORE) + 1);
  const rowsOf = new Map<number, readonly Promotion[]>();
  generateStores(
    spec,
    [...wanted].sort((a, b) => a - b),
    (store, rows) => rowsOf.set(store, rows),
  );
  const items: Promotion[] = [];
  for (let k = from; k < to; k++) {
    const i = indices[k] as number;
    const store = Math.floor(i / PROMOTIONS_PER_STORE) + 1;
    items.push((rowsOf.get(store) as readonly Promotion[])[i % PROMOTIONS_PER_STORE] as Promotion);
  }
  return items;
}

/**
 * Every row of `indices`, in that order, generated again: in blocks of at least 30,000 rows (at most eight
 * blocks), each block's stores generated once in store order and the block's rows then put in result order. A
 * sorted export of every row thus costs about eight generator passes and holds one block of rows at a time.
 */
export async function* regenerateRowsInOrder(
  spec: NormalizedDatasetSpec,
  indices: Uint32Array,
  signal?: AbortSignal,
): AsyncGenerator<Promotion> {
  const block = Math.min(SLOT, Math.max(MIN_EXPORT_BLOCK, Math.ceil(indices.length / EXPORT_BLOCKS)));
  for (let start = 0; start < indices.length; start += block) {
    const end = Math.min(indices.length, start + block);
    const keys = new Float64Array(end - start);
    for (let k = start; k < end; k++) keys[k - start] = (indices[k] as number) * SLOT + (k - start);
    keys.sort();
    const out: Promotion[] = new Array(end - start);
    const stores: number[] = [];
    for (let j = 0; j < keys.length; j++) {
      const store = Math.floor(Math.floor((keys[j] as number) / SLOT) / PROMOTIONS_PER_STORE) + 1;
      if (stores[stores.length - 1] !== store) stores.push(store);
    }
    let j = 0;
    for (let s = 0; s < stores.length; s += STORES_PER_SLICE) {
      if (signal?.aborted) return;
      generateStores(spec, stores.slice(s, s + STORES_PER_SLICE), (store, rows) => {
        for (; j < keys.length; j++) {
          const key = keys[j] as number;
          const row = Math.floor(key / SLOT);
          if (Math.floor(row / PROMOTIONS_PER_STORE) + 1 !== store) break;
          out[key - row * SLOT] = rows[row % PROMOTIONS_PER_STORE] as Promotion;
        }
      });
      await yieldToEventLoop();
    }
    for (const row of out) {
      if (signal?.aborted) return;
      yield row;
    }
  }
}
