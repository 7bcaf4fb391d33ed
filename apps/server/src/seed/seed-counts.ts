import type { Promotion } from '@promoscale/generator';
import type { SqlSession } from '../database/database.js';
import { COUNTED_COLUMNS, VALUE_COUNTED_COLUMNS } from '../database/migrations.js';
import { columnOf, fieldKind, SEARCH_SEPARATOR, searchTextOf } from '../source/promotion-columns.js';

/** The Promotion fields of `promotion_counts`' columns, in the table's column order. */
const COUNTED_FIELDS = [
  'category',
  'status',
  'promoType',
  'region',
  'template',
  'displaySupport',
  'featureAd',
];
/** The Promotion fields of `promotion_value_counts`' columns. */
const VALUE_COUNTED_FIELDS = ['discountPct', 'durationDays', 'startDate', 'endDate'];
// The values are read by name below (a property read per field is much cheaper than a lookup by a variable key):
// these lists must be the migrations' columns.
if (
  COUNTED_FIELDS.map(columnOf).join() !== [...COUNTED_COLUMNS].join() ||
  VALUE_COUNTED_FIELDS.map(columnOf).join() !== [...VALUE_COUNTED_COLUMNS.keys()].join()
) {
  throw new Error('seed-counts.ts counts other columns than migrations.ts declares');
}

/** A product part of `promotion_search_parts` (one per sku, product name and brand) or a store part (one per store and name). */
interface SearchPart {
  sku: string | null;
  storeNumber: number | null;
  part: string;
  n: number;
}

/**
 * The summary tables a seed fills beside the promotions (`promotion_counts`, `promotion_value_counts`,
 * `promotion_search_parts`: migrations.ts), summed over the rows while they stream through the seed, so the
 * database does not scan the promotions three times after the load. The same rows, groups and counts as the SQL
 * refresh: a group per distinct value (or combination), the search parts split from each group's `search` text.
 * The sort marks need the rows' order and stay in SQL (read from the covering indexes).
 */
export class SeedCounts {
  /** Each counted field's values, numbered in the order they first come. */
  private readonly codes = COUNTED_FIELDS.map(() => new Map<string, number>());
  /**
   * Each counted field's value and code in the row before: a store's rows repeat its region and template, and
   * the same value (often the same string) is then recognised without a lookup.
   */
  // `undefined` at first, not '': an empty text met first must be numbered, not taken for the row before's.
  private readonly lastValues: (string | undefined)[] = COUNTED_FIELDS.map(() => undefined);
  private readonly lastCodes = COUNTED_FIELDS.map(() => -1);
  /**
   * By the combination's number, while every code is under 32 (each text field's code in 5 bits, the two
   * booleans in the last 2: a small integer, the cheapest Map key); `wideCounts` past that (8 bits a code).
   */
  private readonly counts = new Map<number, { values: unknown[]; n: number }>();
  private readonly wideCounts = new Map<number, { values: unknown[]; n: number }>();
  /** One boxed counter per value: a lookup and an increment a row, not a lookup and a store. */
  private readonly valueCounts = VALUE_COUNTED_FIELDS.map(() => new Map<unknown, { n: number }>());
  /** Product parts by sku; a sku met with another product name or brand has its other parts in `otherProducts`. */
  private readonly products = new Map<string, SearchPart & { productName: string; brand: string }>();
  private readonly otherProducts = new Map<string, SearchPart>();
  /** Store parts by store number (a store met with another name has two). */
  private readonly stores = new Map<number, (SearchPart & { storeName: string })[]>();
  private store: (SearchPart & { storeName: string }) | undefined;

  /** The number of a value of the `i`th counted text field (the first 255 values a field: 8 bits each). */
  private code(i: number, value: string): number {
    if (value === this.lastValues[i]) return this.lastCodes[i] as number;
    const codes = this.codes[i] as Map<string, number>;
    let code = codes.get(value);
    if (code === undefined) {
      code = codes.size;
      if (code > 255) throw new RangeError(`More than 256 values of ${COUNTED_FIELDS[i]} to count`);
      codes.set(value, code);
    }
    this.lastValues[i] = value;
    this.lastCodes[i] = code;
    return code;
  }

  /** Counts one promotion of the store numbered `storeNumber`. */
  add(promotion: Promotion, storeNumber: number): void {
    this.addValues(
      promotion.category,
      promotion.status,
      promotion.promoType,
      promotion.region,
      promotion.template,
      promotion.displaySupport,
      promotion.featureAd,
      promotion.discountPct,
      promotion.durationDays,
      promotion.startDate,
      promotion.endDate,
      promotion.sku,
      promotion.productName,
      promotion.brand,
      promotion.storeName,
      storeNumber,
    );
  }

  /**
   * Counts one promotion given by the values the counts read (the seed's rows straight from the generator's
   * engine, without an object: seed-database.ts); {@link add} reads them from a promotion.
   */
  addValues(
    categoryValue: string,
    statusValue: string,
    promoTypeValue: string,
    regionValue: string,
    templateValue: string,
    displaySupport: boolean,
    featureAd: boolean,
    discountPct: number,
    durationDays: number,
    startDate: string,
    endDate: string,
    sku: string,
    productName: string,
    brand: string,
    storeName: string,
    storeNumber: number,
  ): void {
    const category = this.code(0, categoryValue);
    const status = this.code(1, statusValue);
    const promoType = this.code(2, promoTypeValue);
    const region = this.code(3, regionValue);
    const template = this.code(4, templateValue);
    const flags = (displaySupport ? 2 : 0) + (featureAd ? 1 : 0);
    let counts = this.counts;
    let key: number;
    if ((category | status | promoType | region | template) < 32) {
      key = ((((((((category << 5) | status) << 5) | promoType) << 5) | region) << 5) | template) * 4 + flags;
    } else {
      counts = this.wideCounts;
      key =
        category * 2 ** 40 +
        status * 2 ** 32 +
        promoType * 2 ** 24 +
        region * 2 ** 16 +
        template * 2 ** 8 +
        flags;
    }
    const counted = counts.get(key);
    if (counted === undefined) {
      counts.set(key, {
        values: [
          categoryValue,
          statusValue,
          promoTypeValue,
          regionValue,
          templateValue,
          displaySupport,
          featureAd,
        ],
        n: 1,
      });
    } else counted.n++;
    const [discounts, durations, starts, ends] = this.valueCounts as [
      Map<unknown, { n: number }>,
      Map<unknown, { n: number }>,
      Map<unknown, { n: number }>,
      Map<unknown, { n: number }>,
    ];
    countValue(discounts, discountPct);
    countValue(durations, durationDays);
    countValue(starts, startDate);
    countValue(ends, endDate);
    // The SQL groups by (sku, product name, brand) and (store number, store name): the same groups here.
    const product = this.products.get(sku);
    if (product !== undefined && product.productName === productName && product.brand === brand) product.n++;
    else if (product === undefined) {
      this.products.set(sku, { ...productPart(productName, brand, storeName, sku), productName, brand });
    } else {
      const otherKey = `${sku}\u0000${productName}\u0000${brand}`;
      const other = this.otherProducts.get(otherKey);
      if (other === undefined)
        this.otherProducts.set(otherKey, productPart(productName, brand, storeName, sku));
      else other.n++;
    }
    // A store's rows come one after another: most find their store's part without a lookup.
    const store = this.store;
    if (store !== undefined && store.storeNumber === storeNumber && store.storeName === storeName) {
      store.n++;
      return;
    }
    let parts = this.stores.get(storeNumber);
    if (parts === undefined) {
      parts = [];
      this.stores.set(storeNumber, parts);
    }
    let found = parts.find((part) => part.storeName === storeName);
    if (found === undefined) {
      found = {
        sku: null,
        storeNumber,
        part: storePart(productName, brand, storeName, sku),
        n: 0,
        storeName,
      };
      parts.push(found);
    }
    found.n++;
    this.store = found;
  }

  /** Replaces the three tables' rows with these counts (in the caller's transaction). */
  async write(session: SqlSession): Promise<void> {
    await session.exec(
      'DELETE FROM promotion_counts; DELETE FROM promotion_value_counts; DELETE FROM promotion_search_parts',
    );
    const counts = [...this.counts.values(), ...this.wideCounts.values()];
    const columns = COUNTED_FIELDS.map(columnOf);
    const arrays = COUNTED_FIELDS.map((_, i) => counts.map((count) => count.values[i]));
    const types = COUNTED_FIELDS.map((field) => (fieldKind(field) === 'boolean' ? 'boolean' : 'text'));
    await session.query(
      `INSERT INTO promotion_counts (${columns.join(', ')}, n)
       SELECT * FROM unnest(${[...types, 'int'].map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`,
      [...arrays, counts.map((count) => count.n)],
    );
    for (const [i, field] of VALUE_COUNTED_FIELDS.entries()) {
      const map = this.valueCounts[i] as Map<unknown, { n: number }>;
      const number = VALUE_COUNTED_COLUMNS.get(columnOf(field)) === 'number';
      await session.query(
        `INSERT INTO promotion_value_counts (column_name, ${number ? 'number_value' : 'text_value'}, n)
         SELECT $1, value, n FROM unnest($2::${number ? 'float8' : 'text'}[], $3::int[]) AS counted (value, n)`,
        [columnOf(field), [...map.keys()], [...map.values()].map((counted) => counted.n)],
      );
    }
    const parts: SearchPart[] = [
      ...this.products.values(),
      ...this.otherProducts.values(),
      ...[...this.stores.values()].flat(),
    ];
    await session.query(
      `INSERT INTO promotion_search_parts (sku, store_number, part, n)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[])`,
      [
        parts.map((part) => part.sku),
        parts.map((part) => part.storeNumber),
        parts.map((part) => part.part),
        parts.map((part) => part.n),
      ],
    );
  }
}

/** Adds one to `value`'s counter in `counts`. */
function countValue(counts: Map<unknown, { n: number }>, value: unknown): void {
  const counted = counts.get(value);
  if (counted === undefined) counts.set(value, { n: 1 });
  else counted.n++;
}

/** A sku's product part of the search text (product name, brand, sku), split from the row's `search` text as the SQL does. */
function productPart(productName: string, brand: string, storeName: string, sku: string): SearchPart {
  const [name, lowerBrand, , lowerSku] = searchTextOf(productName, brand, storeName, sku).split(
    SEARCH_SEPARATOR,
  );
  return { sku, storeNumber: null, part: [name, lowerBrand, lowerSku].join(SEARCH_SEPARATOR), n: 1 };
}

/** A store's part of the search text (its name), split from the row's `search` text as the SQL does. */
function storePart(productName: string, brand: string, storeName: string, sku: string): string {
  return searchTextOf(productName, brand, storeName, sku).split(SEARCH_SEPARATOR)[2] ?? '';
}
