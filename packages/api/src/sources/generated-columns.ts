import {
  type NormalizedDatasetSpec,
  PROMOTION_BOOLEAN_FIELDS,
  PROMOTION_NUMBER_FIELDS,
  PROMOTION_STRING_FIELDS,
  PROMOTIONS_PER_STORE,
  type Promotion,
  storeDataIterator,
} from '@promoscale/generator';
import { yieldToEventLoop } from '@promoscale/generator/internal';
import { DictionaryBuilder, NumberColumnBuilder } from '../engine/column-builders.js';
import { idOrderSteps } from '../engine/column-query.js';
import {
  type ColumnField,
  type Dictionary,
  type DictionaryField,
  dictionaryBytes,
  type NumberColumn,
  type PromotionColumns,
} from '../engine/promotion-columns.js';
import { runSteps, runStepsPaused } from '../engine/run-steps.js';
import type { BooleanFilterField, NumericField } from '../query/promotion-query-fields.js';

/** Every field a column can hold: all 34 but `id`, which is derived from `storeId` and `sku`. */
export const COLUMN_FIELDS: readonly ColumnField[] = [
  ...PROMOTION_NUMBER_FIELDS,
  ...PROMOTION_BOOLEAN_FIELDS,
  ...PROMOTION_STRING_FIELDS.filter((field): field is DictionaryField => field !== 'id'),
];

const NUMERIC = new Set<string>(PROMOTION_NUMBER_FIELDS);
const BOOLEAN = new Set<string>(PROMOTION_BOOLEAN_FIELDS);

/**
 * The columns of a generated dataset, without its rows: each column is built the first time a query needs it, by
 * one pass of the generator over every store (`chunkStores` stores at a time, yielding to the event loop between
 * chunks, so a browser page stays responsive). A pass builds every column its waiting queries asked for; the
 * generated rows are dropped as soon as their values are copied. Numbers are exact scaled integers of 1-4 bytes,
 * strings dictionary codes of 1-4 bytes, booleans one byte: about 60-90 bytes a promotion with every column built,
 * against about 400 for the row objects.
 */
export class GeneratedColumns implements PromotionColumns {
  readonly size: number;
  readonly #spec: NormalizedDatasetSpec;
  readonly #chunkStores: number;
  readonly #numbers = new Map<NumericField, NumberColumn>();
  readonly #booleans = new Map<BooleanFilterField, Uint8Array>();
  readonly #strings = new Map<DictionaryField, Dictionary>();
  readonly #wanted = new Set<ColumnField>();
  #running: Promise<void> | undefined;
  #idOrder: Uint32Array | undefined;
  #passes = 0;

  constructor(spec: NormalizedDatasetSpec, chunkStores: number) {
    this.#spec = spec;
    this.#chunkStores = chunkStores;
    this.size = spec.stores * PROMOTIONS_PER_STORE;
  }

  /** Generator passes run so far (each one generates every store once). */
  get passes(): number {
    return this.#passes;
  }

  /** Whether the column of `field` is built. */
  has(field: ColumnField): boolean {
    return (
      this.#numbers.has(field as NumericField) ||
      this.#booleans.has(field as BooleanFilterField) ||
      this.#strings.has(field as DictionaryField)
    );
  }

  /** Whether every column of `fields` is built. */
  covers(fields: Iterable<ColumnField>): boolean {
    for (const field of fields) if (!this.has(field)) return false;
    return true;
  }

  /** The fields whose columns are built, in `COLUMN_FIELDS` order. */
  builtFields(): ColumnField[] {
    return COLUMN_FIELDS.filter((field) => this.has(field));
  }

  /** Bytes held: the typed arrays of every built column, dictionary strings and the cached `id` order. */
  bytes(): number {
    let bytes = this.#idOrder?.byteLength ?? 0;
    for (const { values } of this.#numbers.values()) bytes += values.byteLength;
    for (const column of this.#booleans.values()) bytes += column.byteLength;
    for (const dictionary of this.#strings.values()) bytes += dictionaryBytes(dictionary);
    return bytes;
  }

  /** Builds the missing columns of `fields`; concurrent callers share passes. */
  async ensure(fields: Iterable<ColumnField>): Promise<void> {
    const needed = [...fields];
    for (;;) {
      const missing = needed.filter((field) => !this.has(field));
      if (missing.length === 0) return;
      for (const field of missing) this.#wanted.add(field);
      this.#running ??= this.#pass().finally(() => {
        this.#running = undefined;
      });
      await this.#running;
    }
  }

  number(field: NumericField): NumberColumn {
    return this.#built(this.#numbers.get(field), field);
  }

  boolean(field: BooleanFilterField): Uint8Array {
    return this.#built(this.#booleans.get(field), field);
  }

  dictionary(field: DictionaryField): Dictionary {
    return this.#built(this.#strings.get(field), field);
  }

  idOrder(): Uint32Array {
    this.#idOrder ??= runSteps(idOrderSteps(this.dictionary('storeId'), this.dictionary('sku')));
    return this.#idOrder;
  }

  #built<T>(column: T | undefined, field: ColumnField): T {
    if (column === undefined) throw new Error(`the ${field} column is not built: ensure() it first`);
    return column;
  }

  /** One generator pass over every store, building the columns wanted when it starts. */
  async #pass(): Promise<void> {
    const fields = COLUMN_FIELDS.filter((field) => this.#wanted.has(field) && !this.has(field));
    this.#wanted.clear();
    const size = this.size;
    const numbers = fields
      .filter((field): field is NumericField => NUMERIC.has(field))
      .map((field) => ({ field, builder: new NumberColumnBuilder(size) }));
    const booleans = fields
      .filter((field): field is BooleanFilterField => BOOLEAN.has(field))
      .map((field) => ({ field, column: new Uint8Array(size) }));
    const strings = fields
      .filter((field): field is DictionaryField => !NUMERIC.has(field) && !BOOLEAN.has(field))
      .map((field) => ({ field, builder: new DictionaryBuilder(size) }));
    const spec = this.#spec;
    const generation = { seed: spec.seed, asOf: spec.asOf };
    for (const chunk of storeDataIterator(spec.stores, this.#chunkStores, spec.templates, generation)) {
      let i = (chunk.startStore - 1) * PROMOTIONS_PER_STORE;
      for (const row of chunk.promotions as Promotion[]) {
        for (const { field, builder } of numbers) builder.set(i, row[field]);
        for (const { field, column } of booleans) column[i] = row[field] ? 1 : 0;
        for (const { field, builder } of strings) builder.set(i, row[field]);
        i++;
      }
      if (chunk.endStore < spec.stores) await yieldToEventLoop();
    }
    // Narrowing copies and the id order each take a pass over every row: one task each.
    for (const { field, builder } of numbers) {
      await yieldToEventLoop();
      this.#numbers.set(field, builder.finish());
    }
    for (const { field, column } of booleans) this.#booleans.set(field, column);
    for (const { field, builder } of strings) this.#strings.set(field, builder.finish());
    if (!this.#idOrder && this.#strings.has('storeId') && this.#strings.has('sku')) {
      const steps = idOrderSteps(this.dictionary('storeId'), this.dictionary('sku'));
      this.#idOrder = await runStepsPaused(steps, yieldToEventLoop);
    }
    this.#passes++;
  }
}
