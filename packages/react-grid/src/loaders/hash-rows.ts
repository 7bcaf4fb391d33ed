import { PROMOTION_FIELDS, type Promotion } from '@promoscale/generator';

/** The identity of a set of rows: how many, their ids in order, and a hash of every field of every row. */
export interface RowsDigest {
  count: number;
  /** Row ids, sorted. */
  ids: string[];
  /** 16 hex digits over every row's fields, in id order: equal digests mean equal rows, whatever the order. */
  hash: string;
}

/** The part of AG Grid's `GridApi` {@link hashGridRows} reads. */
export interface RowsSource {
  forEachNode(callback: (node: { data?: Promotion | undefined }) => void): void;
}

/**
 * A digest of a set of promotions that ignores their order: rows are sorted by id and each is read field by field
 * in `PROMOTION_FIELDS` order as JSON (so `-0` and `0` hash alike, as after any JSON transport). Two loads hold the
 * same rows when their digests are equal.
 *
 * @example
 * hashRows(loadSingleBatch({ stores: 5 }).promotions).hash; // the same for every phase's grid
 */
export function hashRows(rows: Iterable<Promotion>): RowsDigest {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Two independent 32-bit FNV-1a lanes: 64 bits, so an accidental collision is out of reach for test datasets.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const row of sorted) {
    const text = JSON.stringify(PROMOTION_FIELDS.map((field) => row[field]));
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 10, 0x01000193);
    h2 = Math.imul(h2 ^ 10, 0x5bd1e995) ^ (h2 >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return { count: sorted.length, ids: sorted.map((row) => row.id), hash: hex(h1) + hex(h2) };
}

/**
 * {@link hashRows} over the rows a grid holds (AG Grid's `api.forEachNode`: every row of the client-side row
 * model; with the infinite row model only the loaded blocks, so read it page by page there).
 *
 * @example
 * const digest = hashGridRows(gridApi); // { count: 150, ids: [...], hash: '…' }
 */
export function hashGridRows(api: RowsSource): RowsDigest {
  const rows: Promotion[] = [];
  api.forEachNode((node) => {
    if (node.data) rows.push(node.data);
  });
  return hashRows(rows);
}
