import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createStore,
  generateStoreData,
  type Promotion,
  processBatch,
  STORE_TEMPLATES,
  slicePromotions,
  storeDataAsyncIterator,
  storeDataIterator,
  TEMPLATE_NAMES,
  type TemplateSelection,
  validatePromotions,
} from '../src/index.js';

const SELECTIONS: ReadonlyArray<[label: string, selection: TemplateSelection]> = [
  ['SUBURBAN_FAMILY', 'SUBURBAN_FAMILY'],
  ['MIXED', 'MIXED'],
  ['a weights object', { URBAN_PREMIUM: 3, RURAL_VALUE: 1, COASTAL_SEASONAL: 2 }],
];

const selectionArb: fc.Arbitrary<TemplateSelection> = fc.oneof(
  fc.constantFrom<TemplateSelection>('MIXED', ...TEMPLATE_NAMES),
  fc
    .record({
      SUBURBAN_FAMILY: fc.integer({ min: 0, max: 5 }),
      URBAN_PREMIUM: fc.integer({ min: 0, max: 5 }),
      CAMPUS_EXPRESS: fc.integer({ min: 1, max: 5 }),
    })
    .map((weights): TemplateSelection => weights),
);

const seedArb = fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 12 }));

function flatten(chunks: Iterable<{ promotions: Promotion[] }>): Promotion[] {
  const rows: Promotion[] = [];
  for (const chunk of chunks) rows.push(...chunk.promotions);
  return rows;
}

describe('processBatch determinism', () => {
  it('returns deep-equal rows with identical JSON when called twice with the same arguments', () => {
    const options = { seed: 'determinism', asOf: '2026-03-15' };
    const a = processBatch(1, 20, 'MIXED', options);
    const b = processBatch(1, 20, 'MIXED', options);
    expect(b.promotions).toEqual(a.promotions);
    expect(b.storeIds).toEqual(a.storeIds);
    expect(JSON.stringify(b.promotions)).toBe(JSON.stringify(a.promotions));
    const { durationMs: _a, promotions_per_second: _ap, ...metaA } = a.metadata;
    const { durationMs: _b, promotions_per_second: _bp, ...metaB } = b.metadata;
    expect(metaB).toEqual(metaA);
  });

  it.each(SELECTIONS)(
    'returns the same bytes from processBatch, 10-store iterator chunks and 50 single-store calls for %s',
    (_label, selection) => {
      const batch = JSON.stringify(processBatch(1, 50, selection).promotions);
      const iterated = JSON.stringify(flatten(storeDataIterator(50, 10, selection)));
      const single: Promotion[] = [];
      for (let n = 1; n <= 50; n++) single.push(...generateStoreData(n, selection));
      expect(JSON.parse(batch)).toHaveLength(1500);
      expect(iterated).toBe(batch);
      expect(JSON.stringify(single)).toBe(batch);
    },
  );

  it('returns the same rows whatever chunkSize and store range are used', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_990 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 10 }),
        selectionArb,
        seedArb,
        (start, extra, chunkSize, selection, seed) => {
          const end = start + extra;
          const reference = JSON.stringify(processBatch(start, end, selection, { seed }).promotions);
          const chunked = processBatch(start, end, selection, { seed, chunkSize });
          expect(JSON.stringify(chunked.promotions)).toBe(reference);
          expect(chunked.metadata.chunks).toBe(Math.ceil((extra + 1) / chunkSize));
          const iterated = flatten(
            storeDataIterator(extra + 1, chunkSize, selection, { seed, startStore: start }),
          );
          expect(JSON.stringify(iterated)).toBe(reference);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('returns the same earlier stores when more stores are added', () => {
    const ten = processBatch(1, 10, 'MIXED').promotions;
    const twenty = processBatch(1, 20, 'MIXED').promotions;
    expect(twenty).toHaveLength(600);
    expect(JSON.stringify(twenty.slice(0, 300))).toBe(JSON.stringify(ten));
  });

  it('returns the tail of processBatch(1, 40) for processBatch(31, 40)', () => {
    const all = processBatch(1, 40, 'MIXED');
    const tail = processBatch(31, 40, 'MIXED');
    expect(JSON.stringify(tail.promotions)).toBe(JSON.stringify(all.promotions.slice(30 * 30)));
    expect(tail.storeIds).toEqual(all.storeIds.slice(30));
  });

  it('returns different rows for different seeds', () => {
    const a = processBatch(1, 5, 'MIXED', { seed: 1 }).promotions;
    const b = processBatch(1, 5, 'MIXED', { seed: 2 }).promotions;
    const c = processBatch(1, 5, 'MIXED', { seed: 'other' }).promotions;
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    // Not just one field: the stores themselves differ.
    const storeNames = (rows: Promotion[]) => [...new Set(rows.map((p) => p.storeName))];
    expect(storeNames(b)).not.toEqual(storeNames(a));
  });

  it('returns the same dataset for seed 42, seed "42" and the default seed', () => {
    const numeric = JSON.stringify(processBatch(1, 5, 'MIXED', { seed: 42 }).promotions);
    expect(JSON.stringify(processBatch(1, 5, 'MIXED', { seed: '42' }).promotions)).toBe(numeric);
    expect(JSON.stringify(processBatch(1, 5).promotions)).toBe(numeric);
  });

  it('returns the rows of template X for a MIXED store that drew X, as if X had been asked for', () => {
    const mixed = processBatch(1, 40, 'MIXED', { seed: 7 }).promotions;
    const seen = new Set<string>();
    for (let n = 1; n <= 40; n++) {
      const rows = mixed.slice((n - 1) * 30, n * 30);
      const template = rows[0]?.template;
      if (template === undefined) throw new Error(`store ${n} has no rows`);
      seen.add(template);
      expect(JSON.stringify(generateStoreData(n, template, { seed: 7 }))).toBe(JSON.stringify(rows));
      expect(JSON.stringify(generateStoreData(n, STORE_TEMPLATES[template], { seed: 7 }))).toBe(
        JSON.stringify(rows),
      );
    }
    expect(seen.size).toBe(5);
  });

  it('returns the rows of template X for a weighted store that drew X', () => {
    const weights = { URBAN_PREMIUM: 1, CAMPUS_EXPRESS: 1 };
    for (const p of processBatch(1, 10, weights, { seed: 3 }).promotions.filter((_, i) => i % 30 === 0)) {
      expect(['URBAN_PREMIUM', 'CAMPUS_EXPRESS']).toContain(p.template);
      const n = Number(p.storeId.slice('STORE_'.length));
      expect(generateStoreData(n, weights, { seed: 3 })).toEqual(
        generateStoreData(n, p.template, { seed: 3 }),
      );
    }
  });

  it('returns the calendar moved to the new asOf, with 30 valid rows a store, when asOf changes', () => {
    const base = processBatch(1, 5, 'MIXED');
    const asOf = '2025-01-15';
    const moved = processBatch(1, 5, 'MIXED', { asOf });
    expect(moved.metadata.asOf).toBe(asOf);
    expect(moved.promotions).toHaveLength(150);
    expect(moved.storeIds).toEqual(base.storeIds);
    for (const store of moved.storeIds) {
      expect(moved.promotions.filter((p) => p.storeId === store)).toHaveLength(30);
    }
    // The calendar is anchored on the week of asOf: every promotion moves by the same whole number of weeks
    // (2026-06-01 is a Monday; the Monday of 2025-01-15 is 2025-01-13, 72 weeks earlier).
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    moved.promotions.forEach((p, i) => {
      const b = base.promotions[i] as Promotion;
      expect(day(b.startDate) - day(p.startDate)).toBe(72 * 7);
      expect(day(b.endDate) - day(p.endDate)).toBe(72 * 7);
    });
    expect(validatePromotions(moved.promotions, { asOf, stores: moved.storeIds }).valid).toBe(true);
    // The status is decided by asOf, so checking the moved rows against the default date must fail.
    expect(
      validatePromotions(moved.promotions, { stores: moved.storeIds }).errors.map((e) => e.rule),
    ).toContain('status');
  });
});

describe('storeDataAsyncIterator', () => {
  it('returns the same chunks as storeDataIterator', async () => {
    const options = { seed: 'async', startStore: 95 };
    const sync = [...storeDataIterator(23, 5, 'MIXED', options)];
    const chunks = [];
    for await (const chunk of storeDataAsyncIterator(23, 5, 'MIXED', options)) chunks.push(chunk);
    expect(chunks).toHaveLength(5);
    expect(JSON.stringify(chunks)).toBe(JSON.stringify(sync));
  });
});

describe('slicePromotions', () => {
  it('returns processBatch(1, stores).promotions.slice(offset, offset + limit) for any offset and limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 120 }),
        selectionArb,
        seedArb,
        (stores, offset, limit, templates, seed) => {
          const asOf = '2026-01-20';
          const expected = processBatch(1, stores, templates, { seed, asOf }).promotions.slice(
            offset,
            offset + limit,
          );
          const actual = slicePromotions({ seed, stores, templates, asOf }, offset, limit);
          expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('returns a far store without the caller generating the stores before it', () => {
    const spec = { seed: 42, stores: 50_000 };
    const rows = slicePromotions(spec, 39_999 * 30 + 5, 40);
    const expected = processBatch(40_000, 40_001, 'MIXED').promotions.slice(5, 45);
    expect(rows).toHaveLength(40);
    expect(JSON.stringify(rows)).toBe(JSON.stringify(expected));
  });
});

describe('createStore', () => {
  it("returns the store fields found on that store's promotions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), selectionArb, seedArb, (n, templates, seed) => {
        const store = createStore(n, { seed, templates });
        const rows = generateStoreData(n, templates, { seed });
        expect(store.storeNumber).toBe(n);
        for (const p of rows) {
          expect(p.storeId).toBe(store.storeId);
          expect(p.storeName).toBe(store.name);
          expect(p.template).toBe(store.template);
          expect(p.region).toBe(store.region);
        }
      }),
      { numRuns: 60 },
    );
  });
});
