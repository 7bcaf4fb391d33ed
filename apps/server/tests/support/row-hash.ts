import type { Database } from '../../src/database/database.js';

/** An md5 of every store and promotion row in order: two databases holding the same dataset hash the same. */
export async function rowHash(db: Database): Promise<string> {
  const rows = await db.query(
    `SELECT (SELECT md5(string_agg(s::text, E'\\n' ORDER BY store_number)) FROM stores s),
            (SELECT md5(string_agg(p::text, E'\\n' ORDER BY store_number, position)) FROM promotions p),
            (SELECT count(*) FROM promotions)`,
  );
  const [stores, promotions, count] = rows[0] ?? [];
  return `${stores}/${promotions}/${count}`;
}
