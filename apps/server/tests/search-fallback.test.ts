import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/database/database.js';
import { REFRESH_PROMOTION_COUNTS } from '../src/database/migrations.js';
import { openDatabase } from '../src/database/open-database.js';
import { createServerFetch } from '../src/http/server-fetch.js';
import { seedDatabase } from '../src/seed/seed-database.js';

const ORIGIN = 'http://server.test';

// `q` is resolved to skus and stores through promotion_search_parts on every route (pages, exports, summaries).
// Where a sku has two product texts (not the generator's data: a row edited in the database), the parts no longer
// name one sku's rows, and every route searches the `search` column instead: the answers must still hold exactly
// the rows whose text holds the needle.
describe('q where a sku has two names', () => {
  let db: Database;
  let fetch: (path: string) => Promise<Response>;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory', databaseUrl: '' });
    await seedDatabase(db, { seed: 3, stores: 12, templates: 'MIXED' }, { batchStores: 6 });
    // One promotion gets another product name: its sku now has two product texts.
    const [[sku]] = (await db.query(
      'SELECT sku FROM promotions WHERE store_number = 2 AND position = 0',
    )) as [[string]];
    await db.query(
      `UPDATE promotions SET product_name = 'Zebra Cola',
         search = 'zebra cola' || chr(1) || split_part(search, chr(1), 2) || chr(1) || split_part(search, chr(1), 3)
           || chr(1) || split_part(search, chr(1), 4)
       WHERE store_number = 2 AND position = 0 AND sku = $1`,
      [sku],
    );
    await db.exec(REFRESH_PROMOTION_COUNTS);
    const handler = createServerFetch({ db });
    fetch = (path) => handler(new Request(`${ORIGIN}${path}`));
  }, 120_000);
  afterAll(() => db.close());

  const searched = async (needle: string) =>
    Number((await db.query('SELECT count(*) FROM promotions WHERE search LIKE $1', [`%${needle}%`]))[0]?.[0]);

  it('pages find the edited row alone, and the sku’s other rows by their own name', async () => {
    const page = (await (await fetch('/api/promotions?q=zebra&limit=1000')).json()) as {
      total: number;
      items: { productName: string; storeId: string }[];
    };
    expect(page.total).toBe(1);
    expect(page.items.map((item) => [item.productName, item.storeId])).toEqual([['Zebra Cola', 'STORE_002']]);
    const [[name]] = (await db.query(
      'SELECT split_part(search, chr(1), 1) FROM promotions WHERE store_number = 1 AND position = 0',
    )) as [[string]];
    const other = (await (await fetch(`/api/promotions?q=${encodeURIComponent(name)}&limit=1`)).json()) as {
      total: number;
    };
    expect(other.total).toBe(await searched(name));
  });

  it('exports and summaries hold the same rows', async () => {
    const exported = (await (await fetch('/api/promotions/export?q=zebra')).text()).trim().split('\n');
    expect(exported.map((line) => (JSON.parse(line) as { productName: string }).productName)).toEqual([
      'Zebra Cola',
    ]);
    const summary = (await (await fetch('/api/summary?q=zebra&groupBy=region')).json()) as {
      totals: { promotions: number };
    };
    expect(summary.totals.promotions).toBe(1);
  });
});
