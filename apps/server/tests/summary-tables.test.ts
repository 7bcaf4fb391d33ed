import { PromoscaleError } from '@promoscale/generator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/database/database.js';
import {
  COUNTED_COLUMNS,
  SORT_MARK_COLUMNS,
  SORT_MARK_EVERY,
  VALUE_COUNTED_COLUMNS,
} from '../src/database/migrations.js';
import { openDatabase } from '../src/database/open-database.js';
import { seedDatabase } from '../src/seed/seed-database.js';

/** Every row of the four tables a seed fills beside the promotions, in a fixed order. */
async function summaryTables(db: Database): Promise<unknown[][]> {
  const tables: unknown[][] = [];
  for (const table of [
    'promotion_counts',
    'promotion_value_counts',
    'promotion_sort_marks',
    'promotion_search_parts',
  ]) {
    tables.push(
      await db.query(
        `SELECT * FROM ${table} ORDER BY ${table === 'promotion_counts' ? '1, 2, 3, 4, 5, 6, 7' : '1, 2, 3'}`,
      ),
    );
  }
  return tables;
}

const SPEC = { seed: 7, stores: 80, templates: 'MIXED' } as const;

// The tables a seed fills beside the promotions, which serve totals and deep pages without reading every row. A
// seed that writes every row sums the counts, value counts and search parts while the rows stream; these compare
// them with what the database counts.
describe('value counts and sort marks after a seed', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
    await seedDatabase(db, SPEC, { batchStores: 25 });
  }, 120_000);
  afterAll(() => db.close());

  it('counts the promotions of every combination of the counted columns', async () => {
    const columns = [...COUNTED_COLUMNS].join(', ');
    const stored = await db.query(`SELECT ${columns}, n FROM promotion_counts ORDER BY ${columns}`);
    const counted = await db.query(
      `SELECT ${columns}, count(*) FROM promotions GROUP BY ${columns} ORDER BY ${columns}`,
    );
    expect(stored.map((row) => row.map(String))).toEqual(counted.map((row) => row.map(String)));
    expect(stored.length).toBeGreaterThan(100);
  });

  it('fills the same tables when a stopped seed is resumed (the resumed run counts in the database)', async () => {
    const resumed = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
    try {
      const controller = new AbortController();
      await expect(
        seedDatabase(resumed, SPEC, {
          batchStores: 20,
          signal: controller.signal,
          onProgress: ({ storesLoaded }) => {
            if (storesLoaded >= 20) controller.abort();
          },
        }),
      ).rejects.toThrow();
      expect((await seedDatabase(resumed, SPEC, { batchStores: 20 })).outcome).toBe('resumed');
      expect(await summaryTables(resumed)).toEqual(await summaryTables(db));
    } finally {
      await resumed.close();
    }
  }, 120_000);

  it('refuses a number of index builds at once outside 1 to 8', async () => {
    for (const buildsInFlight of [0, 9, 1.5]) {
      const refused = await seedDatabase(db, SPEC, { buildsInFlight }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(PromoscaleError);
      expect(refused).toMatchObject({ code: 'INVALID_OPTION', field: 'buildsInFlight' });
    }
  });

  it('counts the promotions of every value of each value-counted column', async () => {
    for (const [column, kind] of VALUE_COUNTED_COLUMNS) {
      const value = kind === 'number' ? 'number_value' : 'text_value';
      const stored = await db.query(
        `SELECT ${value}, n FROM promotion_value_counts WHERE column_name = $1 ORDER BY 1`,
        [column],
      );
      const counted = await db.query(`SELECT ${column}, count(*) FROM promotions GROUP BY 1 ORDER BY 1`);
      expect(stored.map((row) => [row[0], Number(row[1])])).toEqual(
        counted.map((row) => [row[0], Number(row[1])]),
      );
      expect(stored.length).toBeGreaterThan(1);
    }
  });

  it('marks the key of every SORT_MARK_EVERYth row of each marked descending sort', async () => {
    for (const column of SORT_MARK_COLUMNS) {
      const marks = await db.query(
        'SELECT rank, value, id FROM promotion_sort_marks WHERE column_name = $1 ORDER BY rank',
        [column],
      );
      const sorted = await db.query(`SELECT ${column}, id FROM promotions ORDER BY ${column} DESC, id`);
      const expected = sorted
        .map((row, rank) => [rank, row[0], row[1]])
        .filter(([rank]) => (rank as number) % SORT_MARK_EVERY === 0);
      expect(marks.map((row) => [Number(row[0]), row[1], row[2]])).toEqual(expected);
      expect(expected.length).toBe(3);
    }
  });

  it('holds the product part of the search text of each sku and the store part of each store, with counts', async () => {
    const parts = await db.query(
      'SELECT sku, store_number, part, n FROM promotion_search_parts ORDER BY sku, store_number',
    );
    const products = parts.filter((row) => row[0] !== null);
    const stores = parts.filter((row) => row[1] !== null);
    expect(stores.length).toBe(80);
    expect(products.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(2400);
    const rows = await db.query('SELECT sku, store_number, search FROM promotions');
    const product = new Map(products.map((row) => [row[0], row[2]]));
    const store = new Map(stores.map((row) => [row[1], row[2]]));
    for (const [sku, storeNumber, search] of rows) {
      const [name, brand, storeName, skuText] = (search as string).split('\u0001');
      expect(product.get(sku)).toBe(`${name}\u0001${brand}\u0001${skuText}`);
      expect(store.get(storeNumber)).toBe(storeName);
    }
  });

  it('refuses a promotion that ends before it starts (the date bounds rely on it)', async () => {
    await expect(
      db.exec("UPDATE promotions SET end_date = '2000-01-01' WHERE store_number = 1 AND position = 0"),
    ).rejects.toThrow(/promotions_ends_after_start/);
  });
});
