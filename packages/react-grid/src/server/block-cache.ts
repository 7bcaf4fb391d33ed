import type { DatasetInfo, Promotion } from '@promoscale/api';
import { assertInteger } from '@promoscale/generator/internal';
import { type DBSchema, type IDBPDatabase, type IDBPObjectStore, openDB, type StoreNames } from 'idb';

/** Options of {@link openBlockCache}. */
export interface BlockCacheOptions {
  /** The IndexedDB database name. @default 'promoscale-blocks' */
  name?: string;
  /** Most blocks kept; the least recently used go first. @default 200 */
  maxBlocks?: number;
  /** Most bytes kept (measured as the rows' JSON length); the least recently used go first. @default 50_000_000 */
  maxBytes?: number;
}

/** A block of rows as the server answered it. */
export interface CachedBlock {
  rows: Promotion[];
  /** `total` of the page the block came from. */
  total: number;
}

/** Where blocks are kept between visits: IndexedDB, or nothing when IndexedDB is unavailable. */
export interface BlockCache {
  /** `true` when blocks are stored in IndexedDB; `false` for the no-op fallback. */
  readonly persistent: boolean;
  /** The block of this query starting at `start`, or undefined. Marks it recently used. Never rejects. */
  get(queryKey: string, start: number, size: number): Promise<CachedBlock | undefined>;
  /** Stores a block, then drops the least recently used ones beyond the bounds. Never rejects. */
  put(queryKey: string, start: number, size: number, block: CachedBlock): Promise<void>;
  /** Blocks and bytes held. */
  usage(): Promise<{ blocks: number; bytes: number }>;
  /** Drops every block. */
  clear(): Promise<void>;
  /** Closes the database connection. */
  close(): void;
}

/** A block's rows, with the dataset they belong to: a block of another dataset is never answered. */
interface BlockRecord extends CachedBlock {
  key: string;
  dataset: string;
}

/**
 * A block's size and last use, kept apart from its rows: marking a block used rewrites this small record, never the
 * rows, and never in a transaction over `blocks`, so reads of blocks never wait behind it.
 */
interface UseRecord {
  key: string;
  bytes: number;
  usedAt: number;
}

interface Usage {
  key: 'usage';
  dataset: string;
  blocks: number;
  bytes: number;
  clock: number;
}

interface BlockCacheSchema extends DBSchema {
  blocks: { key: string; value: BlockRecord };
  uses: { key: string; value: UseRecord; indexes: { usedAt: number } };
  meta: { key: string; value: Usage };
}

/** Version 2 keeps the rows (`blocks`) apart from the recency (`uses`); version 1 kept both in one record. */
const SCHEMA_VERSION = 2;

/** Default bounds: 200 blocks of 100 rows is about 8 MB of JSON. */
export const DEFAULT_BLOCK_CACHE = { name: 'promoscale-blocks', maxBlocks: 200, maxBytes: 50_000_000 };

/**
 * The identity of a served dataset, from `GET /api/dataset`: the spec, the contract version and the counts. Blocks
 * cached for another identity are dropped.
 */
export function datasetKey(info: DatasetInfo): string {
  const { seed, stores, templates, asOf } = info.spec;
  return JSON.stringify([info.version, seed, stores, templates, asOf, info.storeCount, info.promotionCount]);
}

/** A cache that holds nothing: used when IndexedDB is missing or refuses to open. */
export const NO_BLOCK_CACHE: BlockCache = {
  persistent: false,
  get: async () => undefined,
  put: async () => {},
  usage: async () => ({ blocks: 0, bytes: 0 }),
  clear: async () => {},
  close: () => {},
};

/**
 * Opens the IndexedDB block cache for one dataset (see {@link datasetKey}): blocks are keyed by dataset, query and
 * block, bounded by count and bytes (least recently used dropped first), and every block of another dataset is
 * dropped on open. Resolves to {@link NO_BLOCK_CACHE} when IndexedDB is unavailable (private modes, old browsers,
 * Node), so callers never need a second code path.
 *
 * A read is one readonly request over the rows and answers as soon as it succeeds: the recency it changes is kept
 * in memory and written later in its own transaction (or by the next `put`), so reads never wait for a write of
 * their own and run beside each other.
 *
 * @example
 * const cache = await openBlockCache(datasetKey(await client.dataset()), { maxBlocks: 100 });
 * const hit = await cache.get(queryKey, 0, 100);
 */
export async function openBlockCache(dataset: string, options: BlockCacheOptions = {}): Promise<BlockCache> {
  const name = options.name ?? DEFAULT_BLOCK_CACHE.name;
  const maxBlocks = bound(options.maxBlocks, DEFAULT_BLOCK_CACHE.maxBlocks, 'maxBlocks');
  const maxBytes = bound(options.maxBytes, DEFAULT_BLOCK_CACHE.maxBytes, 'maxBytes');
  if (typeof indexedDB === 'undefined' || indexedDB === null) return NO_BLOCK_CACHE;

  let db: IDBPDatabase<BlockCacheSchema>;
  try {
    db = await openDB<BlockCacheSchema>(name, SCHEMA_VERSION, {
      upgrade(database) {
        // A cache: blocks stored in an older layout are dropped, not migrated.
        for (const store of [...database.objectStoreNames]) database.deleteObjectStore(store);
        database.createObjectStore('blocks', { keyPath: 'key' });
        database.createObjectStore('uses', { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
        database.createObjectStore('meta', { keyPath: 'key' });
      },
      // Another tab wants a newer schema: let it have the database.
      blocking() {
        db.close();
      },
    });
    const tx = db.transaction(['blocks', 'uses', 'meta'], 'readwrite');
    const usage = await tx.objectStore('meta').get('usage');
    if (usage?.dataset !== dataset) {
      await tx.objectStore('blocks').clear();
      await tx.objectStore('uses').clear();
      await tx.objectStore('meta').put(emptyUsage(dataset));
    }
    await tx.done;
  } catch {
    return NO_BLOCK_CACHE;
  }

  const recordKey = (queryKey: string, start: number, size: number) => `${queryKey}#${start}+${size}`;

  // Blocks read since recency was last written, oldest first.
  const touched = new Set<string>();
  let touchTimer: ReturnType<typeof setTimeout> | undefined;
  const takeTouched = () => {
    clearTimeout(touchTimer);
    touchTimer = undefined;
    const keys = [...touched];
    touched.clear();
    return keys;
  };
  const writeTouched = async () => {
    const keys = takeTouched();
    if (keys.length === 0) return;
    try {
      const tx = db.transaction(['uses', 'meta'], 'readwrite');
      const usage = await tx.objectStore('meta').get('usage');
      if (usage?.dataset === dataset) {
        await markUsed(tx.objectStore('uses'), usage, keys);
        await tx.objectStore('meta').put(usage);
      }
      await tx.done;
    } catch {
      // Recency is a hint: losing it costs the eviction order, never a block.
    }
  };

  return {
    persistent: true,
    async get(queryKey, start, size) {
      const key = recordKey(queryKey, start, size);
      try {
        const record = await db.get('blocks', key);
        if (!record || record.dataset !== dataset) return undefined;
        touched.delete(key);
        touched.add(key);
        touchTimer ??= setTimeout(() => void writeTouched(), TOUCH_DELAY_MS);
        return { rows: record.rows, total: record.total };
      } catch {
        return undefined;
      }
    },

    async put(queryKey, start, size, block) {
      try {
        const bytes = JSON.stringify(block.rows).length;
        if (bytes > maxBytes) return;
        const key = recordKey(queryKey, start, size);
        // Reads so far count before this block, which becomes the most recently used.
        const reads = takeTouched().filter((read) => read !== key);
        const tx = db.transaction(['blocks', 'uses', 'meta'], 'readwrite');
        const blocks = tx.objectStore('blocks');
        const uses = tx.objectStore('uses');
        const meta = tx.objectStore('meta');
        const usage = await meta.get('usage');
        if (!usage || usage.dataset !== dataset) {
          await tx.done;
          return;
        }
        await markUsed(uses, usage, reads);
        const previous = await uses.get(key);
        if (previous) {
          usage.blocks -= 1;
          usage.bytes -= previous.bytes;
        }
        usage.clock += 1;
        await Promise.all([
          blocks.put({ key, dataset, rows: block.rows, total: block.total }),
          uses.put({ key, bytes, usedAt: usage.clock }),
        ]);
        usage.blocks += 1;
        usage.bytes += bytes;
        let cursor = await uses.index('usedAt').openCursor();
        while (cursor && (usage.blocks > maxBlocks || usage.bytes > maxBytes)) {
          usage.blocks -= 1;
          usage.bytes -= cursor.value.bytes;
          await Promise.all([blocks.delete(cursor.primaryKey), cursor.delete()]);
          cursor = await cursor.continue();
        }
        await meta.put(usage);
        await tx.done;
      } catch {
        // A full disk or a closed connection costs the cache, never the grid.
      }
    },

    async usage() {
      try {
        const usage = await db.get('meta', 'usage');
        return { blocks: usage?.blocks ?? 0, bytes: usage?.bytes ?? 0 };
      } catch {
        return { blocks: 0, bytes: 0 };
      }
    },

    async clear() {
      takeTouched();
      try {
        const tx = db.transaction(['blocks', 'uses', 'meta'], 'readwrite');
        await tx.objectStore('blocks').clear();
        await tx.objectStore('uses').clear();
        await tx.objectStore('meta').put(emptyUsage(dataset));
        await tx.done;
      } catch {
        // Nothing to drop when the database is gone.
      }
    },

    close() {
      // The connection closes once the last recency write has finished.
      void writeTouched();
      db.close();
    },
  };
}

/** How long reads are gathered before their recency is written in one transaction, in milliseconds. */
const TOUCH_DELAY_MS = 200;

function emptyUsage(dataset: string): Usage {
  return { key: 'usage', dataset, blocks: 0, bytes: 0, clock: 0 };
}

type UsesStore = IDBPObjectStore<
  BlockCacheSchema,
  ArrayLike<StoreNames<BlockCacheSchema>>,
  'uses',
  'readwrite'
>;

/** Marks the blocks of `keys` used, in that order; blocks dropped meanwhile are skipped. */
async function markUsed(uses: UsesStore, usage: Usage, keys: string[]): Promise<void> {
  const records = await Promise.all(keys.map((key) => uses.get(key)));
  const writes: Promise<unknown>[] = [];
  for (const record of records) {
    if (!record) continue;
    usage.clock += 1;
    record.usedAt = usage.clock;
    writes.push(uses.put(record));
  }
  await Promise.all(writes);
}

function bound(value: number | null | undefined, fallback: number, name: string): number {
  if (value === undefined || value === null) return fallback;
  assertInteger(value, `cache.${name}`, 'INVALID_OPTION', 1);
  return value;
}
