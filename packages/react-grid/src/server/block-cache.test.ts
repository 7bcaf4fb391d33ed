import type { DatasetInfo, Promotion } from '@promoscale/api';
import { PromoscaleError } from '@promoscale/generator';
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BlockCache, datasetKey, NO_BLOCK_CACHE, openBlockCache } from './block-cache.js';

const opened: BlockCache[] = [];
const names: string[] = [];
let counter = 0;

/** A fresh database name per test, deleted afterwards. */
function freshName() {
  const name = `block-cache-test-${counter++}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}

async function open(dataset: string, options: Parameters<typeof openBlockCache>[1] = {}) {
  const cache = await openBlockCache(dataset, options);
  opened.push(cache);
  return cache;
}

const row = (id: string, revenue = 1) => ({ id, revenue }) as unknown as Promotion;
const block = (...ids: string[]) => ({ rows: ids.map((id) => row(id)), total: 1000 });

afterEach(async () => {
  for (const cache of opened.splice(0)) cache.close();
  vi.unstubAllGlobals();
  for (const name of names.splice(0)) await deleteDB(name);
});

describe('openBlockCache', () => {
  it('returns a stored block by query and block, and nothing for another query or block', async () => {
    const cache = await open('A', { name: freshName() });
    expect(cache.persistent).toBe(true);
    await cache.put('sort=-roi', 0, 100, block('a', 'b'));
    expect(await cache.get('sort=-roi', 0, 100)).toEqual(block('a', 'b'));
    expect(await cache.get('sort=roi', 0, 100)).toBeUndefined();
    expect(await cache.get('sort=-roi', 100, 100)).toBeUndefined();
    expect(await cache.get('sort=-roi', 0, 50)).toBeUndefined();
  });

  it('keeps blocks across connections for the same dataset', async () => {
    const name = freshName();
    const first = await open('A', { name });
    await first.put('', 0, 100, block('a'));
    first.close();
    const again = await open('A', { name });
    expect(await again.get('', 0, 100)).toEqual(block('a'));
  });

  it('drops every block when it is opened for another dataset', async () => {
    const name = freshName();
    const first = await open('A', { name });
    await first.put('', 0, 100, block('a'));
    await first.put('q=x', 0, 100, block('b'));
    first.close();
    const other = await open('B', { name });
    expect(await other.get('', 0, 100)).toBeUndefined();
    expect(await other.usage()).toEqual({ blocks: 0, bytes: 0 });
  });

  it('drops the least recently used blocks beyond maxBlocks', async () => {
    const cache = await open('A', { name: freshName(), maxBlocks: 3 });
    for (const start of [0, 100, 200]) await cache.put('', start, 100, block(`r${start}`));
    await cache.get('', 0, 100); // block 0 is now the most recently used
    await cache.put('', 300, 100, block('r300'));
    expect(await cache.get('', 100, 100)).toBeUndefined();
    expect(await cache.get('', 0, 100)).toEqual(block('r0'));
    expect(await cache.get('', 200, 100)).toEqual(block('r200'));
    expect(await cache.get('', 300, 100)).toEqual(block('r300'));
    expect((await cache.usage()).blocks).toBe(3);
  });

  it('drops the least recently used blocks beyond maxBytes and never stores a block larger than the bound', async () => {
    const one = JSON.stringify(block('x0').rows).length;
    const cache = await open('A', { name: freshName(), maxBytes: one * 2 });
    await cache.put('', 0, 1, block('x0'));
    await cache.put('', 1, 1, block('x1'));
    await cache.put('', 2, 1, block('x2'));
    expect(await cache.get('', 0, 1)).toBeUndefined();
    expect(await cache.usage()).toEqual({ blocks: 2, bytes: one * 2 });
    await cache.put('', 3, 1, block('big', 'bigger', 'biggest'));
    expect(await cache.get('', 3, 1)).toBeUndefined();
    expect((await cache.usage()).blocks).toBe(2);
  });

  it('replaces a block stored twice without counting it twice', async () => {
    const cache = await open('A', { name: freshName() });
    await cache.put('', 0, 100, block('old'));
    await cache.put('', 0, 100, block('new'));
    expect(await cache.get('', 0, 100)).toEqual(block('new'));
    expect((await cache.usage()).blocks).toBe(1);
  });

  it('answers a read while another connection holds a write on the recency, without waiting for it', async () => {
    const name = freshName();
    const cache = await open('A', { name });
    await cache.put('', 0, 100, block('a'));
    const held = await holdWrite(name, ['uses', 'meta']);
    const answer = await cache.get('', 0, 100);
    const stillHeld = held.active();
    await held.release();
    expect(answer).toEqual(block('a'));
    expect(stillHeld).toBe(true);
  });

  it('writes the recency of reads after answering them, so reads count for eviction', async () => {
    const name = freshName();
    const cache = await open('A', { name, maxBlocks: 3 });
    for (const start of [0, 100, 200]) await cache.put('', start, 100, block(`r${start}`));
    await cache.get('', 0, 100);
    await vi.waitFor(async () => {
      const used = await usedAt(name);
      expect(used.get('#0+100')).toBeGreaterThan(used.get('#200+100') ?? Number.POSITIVE_INFINITY);
    });
  });

  it('writes the recency of the last reads when it is closed', async () => {
    const name = freshName();
    const first = await open('A', { name, maxBlocks: 3 });
    for (const start of [0, 100, 200]) await first.put('', start, 100, block(`r${start}`));
    await first.get('', 0, 100);
    first.close();
    const again = await open('A', { name, maxBlocks: 3 });
    await again.put('', 300, 100, block('r300'));
    expect(await again.get('', 100, 100)).toBeUndefined();
    expect(await again.get('', 0, 100)).toEqual(block('r0'));
  });

  it('never answers a block another connection stored for another dataset', async () => {
    const name = freshName();
    const a = await open('A', { name });
    const b = await open('B', { name });
    await b.put('', 0, 100, block('from B'));
    await a.put('', 100, 100, block('from A'));
    expect(await a.get('', 0, 100)).toBeUndefined();
    expect(await b.get('', 0, 100)).toEqual(block('from B'));
    expect(await b.get('', 100, 100)).toBeUndefined();
  });

  it('opens a database of the first layout (rows and recency in one record), dropping its blocks', async () => {
    const name = freshName();
    const legacy = await openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore('blocks', { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
        database.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    await legacy.put('blocks', { key: '#0+100', ...block('old'), bytes: 20, usedAt: 1 });
    await legacy.put('meta', { key: 'usage', dataset: 'A', blocks: 1, bytes: 20, clock: 1 });
    legacy.close();
    const cache = await open('A', { name });
    expect(cache.persistent).toBe(true);
    expect(await cache.get('', 0, 100)).toBeUndefined();
    await cache.put('', 0, 100, block('new'));
    expect(await cache.get('', 0, 100)).toEqual(block('new'));
    expect(await cache.usage()).toMatchObject({ blocks: 1 });
  });

  it('falls back to no cache when IndexedDB is unavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const cache = await openBlockCache('A', { name: freshName() });
    expect(cache).toBe(NO_BLOCK_CACHE);
    await cache.put('', 0, 100, block('a'));
    expect(await cache.get('', 0, 100)).toBeUndefined();
  });

  it('falls back to no cache when IndexedDB refuses to open', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The user denied storage', 'SecurityError');
      },
    });
    expect(await openBlockCache('A', { name: freshName() })).toBe(NO_BLOCK_CACHE);
  });

  it.each([0, -1, 1.5, Number.NaN])('throws INVALID_OPTION for maxBlocks %s', async (maxBlocks) => {
    const error = await openBlockCache('A', { maxBlocks }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PromoscaleError);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', field: 'cache.maxBlocks' });
  });
});

/**
 * Opens a readwrite transaction over `stores` on a second connection and keeps it open (one request after another)
 * until released, or until 2,000 requests have passed, so a read that waits for it cannot hang the test.
 */
async function holdWrite(name: string, stores: string[]) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(stores, 'readwrite');
  let active = true;
  let released = false;
  let spins = 0;
  const spin = () => {
    const request = tx.objectStore(stores[0] as string).get('held');
    request.onsuccess = () => {
      spins += 1;
      if (!released && spins < 2_000) spin();
    };
  };
  spin();
  const done = new Promise<void>((resolve) => {
    tx.oncomplete = () => {
      active = false;
      db.close();
      resolve();
    };
  });
  return {
    active: () => active,
    release: () => {
      released = true;
      return done;
    },
  };
}

/** The recency of every block, read with the raw IndexedDB API. */
async function usedAt(name: string): Promise<Map<string, number>> {
  const db = await openDB(name);
  try {
    const uses = (await db.getAll('uses')) as { key: string; usedAt: number }[];
    return new Map(uses.map((use) => [use.key, use.usedAt]));
  } finally {
    db.close();
  }
}

describe('datasetKey', () => {
  const info: DatasetInfo = {
    version: '1.0.0',
    spec: { seed: 42, stores: 5, templates: 'MIXED', asOf: '2026-06-01' },
    storeCount: 5,
    promotionCount: 150,
  };

  it('differs when the seed, the store count or the contract version differs', () => {
    const key = datasetKey(info);
    expect(datasetKey({ ...info })).toBe(key);
    expect(datasetKey({ ...info, spec: { ...info.spec, seed: 43 } })).not.toBe(key);
    expect(datasetKey({ ...info, spec: { ...info.spec, stores: 6 }, storeCount: 6 })).not.toBe(key);
    expect(datasetKey({ ...info, version: '2.0.0' })).not.toBe(key);
  });
});
