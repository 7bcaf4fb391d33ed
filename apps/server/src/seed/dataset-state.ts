import type { NormalizedDatasetSpec } from '@promoscale/generator';
import type { SqlSession } from '../database/database.js';

/** The row of `promoscale_dataset`: which spec the tables hold and how far its seed got. */
export interface DatasetState {
  spec: NormalizedDatasetSpec;
  /** `JSON.stringify(spec)`: two seeds of the same spec have the same key. */
  specKey: string;
  storeCount: number;
  promotionCount: number;
  /** Stores 1..storesLoaded are in the tables (committed with them, batch by batch). */
  storesLoaded: number;
  /** The seed finished: indexes built, the dataset served. */
  complete: boolean;
}

/** Reads the dataset row, or `undefined` for a database never seeded. */
export async function readDataset(db: SqlSession): Promise<DatasetState | undefined> {
  const rows = await db.query(
    'SELECT spec, store_count, promotion_count, stores_loaded, complete FROM promoscale_dataset WHERE id = 1',
  );
  const row = rows[0];
  if (!row) return undefined;
  const specKey = row[0] as string;
  return {
    spec: JSON.parse(specKey) as NormalizedDatasetSpec,
    specKey,
    storeCount: Number(row[1]),
    promotionCount: Number(row[2]),
    storesLoaded: Number(row[3]),
    complete: row[4] === true,
  };
}
