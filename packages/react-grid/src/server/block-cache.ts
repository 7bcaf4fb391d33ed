import type { DatasetInfo, Promotion } from '@promoscale/api';
import { assertInteger } from '@promoscale/generator/internal';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

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

interface BlockRecord extends CachedBlock {
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
  blocks: { key: string; value: BlockRecord; indexes: { usedAt: number } };
  meta: { key: string; value: Usage };
}

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
    db = await openDB<BlockCacheSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('blocks', { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
        database.createObjectStore('meta', { keyPath: 'key' });
      },
      // Another tab wants a newer schema: let it have the database.
      blocking() {
        db.close();
      },
    });
    const tx = db.transaction(['blocks', 'meta'], 'readwrite');
    const usage = await tx.objectStore('meta').get('usage');
    if (usage?.dataset !== dataset) {
      await tx.objectStore('blocks').clear();
      await tx.objectStore('meta').put({ key: 'usage', dataset, blocks: 0, bytes: 0, clock: 0 });
    }
    await tx.done;
  } catch {
    return NO_BLOCK_CACHE;
  }

  const recordKey = (queryKey: string, start: number, size: number) => `${queryKey}#${start}+${size}`;

  return {
    persistent: true,
    async get(queryKey, start, size) {
      try {
        const tx = db.transaction(['blocks', 'meta'], 'readwrite');
        const record = await tx.objectStore('blocks').get(recordKey(queryKey, start, size));
        const usage = await tx.objectStore('meta').get('usage');
        if (record && usage?.dataset === dataset) {
          usage.clock += 1;
          record.usedAt = usage.clock;
          await tx.objectStore('blocks').put(record);
          await tx.objectStore('meta').put(usage);
        }
        await tx.done;
        return record && usage?.dataset === dataset ? { rows: record.rows, total: record.total } : undefined;
      } catch {
        return undefined;
      }
    },

    async put(queryKey, start, size, block) {
      try {
        const bytes = JSON.stringify(block.rows).length;
        if (bytes > maxBytes) return;
        const tx = db.transaction(['blocks', 'meta'], 'readwrite');
        const blocks = tx.objectStore('blocks');
        const meta = tx.objectStore('meta');
        const usage = await meta.get('usage');
        if (!usage || usage.dataset !== dataset) {
          tx.abort();
          return;
        }
        const key = recordKey(queryKey, start, size);
        const previous = await blocks.get(key);
        if (previous) {
          usage.blocks -= 1;
          usage.bytes -= previous.bytes;
        }
        usage.clock += 1;
        await blocks.put({ key, rows: block.rows, total: block.total, bytes, usedAt: usage.clock });
        usage.blocks += 1;
        usage.bytes += bytes;
        let cursor = await blocks.index('usedAt').openCursor();
        while (cursor && (usage.blocks > maxBlocks || usage.bytes > maxBytes)) {
          usage.blocks -= 1;
          usage.bytes -= cursor.value.bytes;
          await cursor.delete();
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
      try {
        const tx = db.transaction(['blocks', 'meta'], 'readwrite');
        await tx.objectStore('blocks').clear();
        await tx.objectStore('meta').put({ key: 'usage', dataset, blocks: 0, bytes: 0, clock: 0 });
        await tx.done;
      } catch {
        // Nothing to drop when the database is gone.
      }
    },

    close: () => db.close(),
  };
}

function bound(value: number | null | undefined, fallback: number, name: string): number {
  if (value === undefined || value === null) return fallback;
  assertInteger(value, `cache.${name}`, 'INVALID_OPTION', 1);
  return value;
}
