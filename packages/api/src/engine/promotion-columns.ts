import type { BooleanFilterField, NumericField, StringField } from '../query/promotion-query-fields.js';

/** Dictionary codes of a string column: the narrowest unsigned array its number of distinct values allows. */
export type CodeArray = Uint8Array | Uint16Array | Uint32Array;

/** The stored integers (or doubles) of a numeric column: the narrowest array that holds them exactly. */
export type NumberArray = Int8Array | Int16Array | Int32Array | Float64Array;

/** A numeric column: row `i`'s value is exactly `values[i] / scale` (`scale` 1 for doubles). */
export interface NumberColumn {
  readonly values: NumberArray;
  /** A power of ten: `100` holds dollars as integer cents. */
  readonly scale: number;
}

/** A dictionary-encoded string column: row `i`'s value is `values[codes[i]]`. */
export interface Dictionary {
  /** Distinct values, in first-seen order. */
  readonly values: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly codes: CodeArray;
  /** `values`, lower-cased (built on the first `q` search). */
  lower?: string[] | undefined;
}

/** A string field held as a dictionary column: every string field but `id` (derived: `PRM-<storeId>-<sku>`). */
export type DictionaryField = Exclude<StringField, 'id'>;

/** A field held as a column of its own. */
export type ColumnField = NumericField | BooleanFilterField | DictionaryField;

/**
 * The columns of a dataset (rows in dataset order) that the query engine reads, one field at a time: a source
 * only has to hold the columns of the fields a query names. Every accessor is synchronous; a lazy source builds
 * the columns a query needs before it runs (see `requiredFields`).
 */
export interface PromotionColumns {
  /** Number of rows. */
  readonly size: number;
  number(field: NumericField): NumberColumn;
  /** 1 for `true`, 0 for `false`. */
  boolean(field: BooleanFilterField): Uint8Array;
  dictionary(field: DictionaryField): Dictionary;
  /** Row indices in `id` order (code units), for ties and `sort=id`. */
  idOrder(): Uint32Array;
}

/** Bytes of a dictionary: its codes, and its strings counted as UTF-16 plus 16 bytes of header each. */
export function dictionaryBytes(dictionary: Dictionary): number {
  let bytes = dictionary.codes.byteLength;
  for (const value of dictionary.values) bytes += 16 + 2 * value.length;
  return bytes;
}
