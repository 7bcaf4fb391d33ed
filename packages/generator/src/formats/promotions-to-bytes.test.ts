import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PromoscaleError } from '../errors.js';
import { processBatch } from '../process-batch.js';
import { TEMPLATE_NAMES } from '../templates/store-templates.js';
import type { Promotion } from '../types.js';
import { expectSameBytes, safeBytes } from './expect-bytes.js';
import { promotionToCsvLine, promotionToNdjsonLine } from './promotion-csv.js';
import { PROMOTION_FIELDS, PROMOTION_NUMBER_FIELDS, PROMOTION_STRING_FIELDS } from './promotion-fields.js';
import { promotionsToCsvBytes, promotionsToNdjsonBytes } from './promotions-to-bytes.js';

/** The safe path the fast writers must equal. */
const reference = safeBytes;

const writers = [
  ['NDJSON', promotionsToNdjsonBytes, promotionToNdjsonLine],
  ['CSV', promotionsToCsvBytes, promotionToCsvLine],
] as const;

const rows = processBatch(1, 40, 'MIXED', { seed: 'bytes' }).promotions;

/** Values that a user may put in a field: edge numbers, texts JSON and CSV escape, other types. */
const EDGE_VALUES: unknown[] = [
  -0,
  0,
  1e21,
  -1e21,
  1e-7,
  5e-324,
  Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  0.1 + 0.2,
  9_999_999.99,
  10_000_000.5,
  -0.001,
  123456.789,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '',
  'Café “quoted” 😀',
  'a "quote" and a \\ backslash',
  'comma, and\nnew line\r\n',
  '\u0000\u0001\u001f\u007f',
  '\ud800 lone high, lone low \udfff',
  'x'.repeat(5_000),
  true,
  false,
  null,
  undefined,
  { nested: 1 },
  ['array'],
  new Date(0),
];

describe.each(writers)('promotionsTo%sBytes', (_name, write, line) => {
  it('gives the bytes of the joined lines, encoded, for every template and several seeds', () => {
    for (const template of [...TEMPLATE_NAMES, 'MIXED'] as const) {
      for (const seed of [1, 42, 'seed-a', 'ünïcode']) {
        const batch = processBatch(101, 112, template, { seed }).promotions;
        expectSameBytes(write(batch), reference(batch, line));
      }
    }
  });

  it('gives the same bytes for rows in any order, across stores (a sorted export)', () => {
    const shuffled = [...rows].sort((a, b) => a.roi - b.roi || a.id.localeCompare(b.id));
    expectSameBytes(write(shuffled), reference(shuffled, line));
  });

  it('gives the safe path bytes for any value put in any field', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: rows.length - 1 }),
        fc.constantFrom(...PROMOTION_FIELDS),
        fc.oneof(fc.constantFrom(...EDGE_VALUES), fc.double(), fc.string({ unit: 'binary' })),
        (index, field, value) => {
          const modified = { ...(rows[index] as Promotion), [field]: value } as Promotion;
          // The modified row among generated ones, so the caches filled by generated rows are checked too.
          const batch = [rows[index] as Promotion, modified, rows[index] as Promotion];
          expectSameBytes(write(batch), reference(batch, line));
        },
      ),
      { numRuns: 1_500 },
    );
  }, 30_000);

  it('never hands a row the cached text of another row whose values differ in one field', () => {
    const first = rows[0] as Promotion;
    const variants = [
      { ...first, storeName: `${first.storeName} ` },
      { ...first, region: 'WEST' as const, template: first.template },
      { ...first, brand: 'Other' },
      { ...first, promoType: 'BOGO' as const },
      { ...first, durationDays: 8 },
      { ...first, status: 'planned' as const },
      { ...first, startDate: '2020-01-01' },
    ];
    const batch = [first, ...variants, first] as Promotion[];
    expectSameBytes(write(batch), reference(batch, line));
  });

  it('gives the safe path bytes when the store changes in a run, and for rows one field away from the last', () => {
    // rows holds 40 stores of 30 rows each, store by store: the caches compare each row with the entry they
    // found last before any lookup, so every change of one of its values must miss that entry.
    const [a, b] = [rows.slice(0, 30), rows.slice(30, 60)];
    const first = a[0] as Promotion;
    const next = b[0] as Promotion;
    const batch = [
      ...a.slice(0, 10),
      // The next store's values, one at a time, inside the run.
      { ...(a[10] as Promotion), storeId: next.storeId },
      { ...(a[11] as Promotion), storeName: next.storeName },
      { ...(a[12] as Promotion), template: next.template },
      { ...(a[13] as Promotion), region: next.region },
      ...a.slice(14, 20),
      ...b.slice(0, 5),
      ...a.slice(20, 25),
      // The same texts as the row before, one number apart (durationDays), and one text apart in each part.
      { ...(a[24] as Promotion), durationDays: (a[24] as Promotion).durationDays + 7 },
      { ...(a[24] as Promotion), status: a[24]?.status === 'active' ? 'planned' : 'active' },
      { ...(a[24] as Promotion), startDate: (b[3] as Promotion).startDate },
      { ...(a[24] as Promotion), endDate: (b[3] as Promotion).endDate },
      { ...(a[24] as Promotion), productName: `${(a[24] as Promotion).productName}!` },
      { ...(a[24] as Promotion), mechanic: next.mechanic, promoType: first.promoType },
      // Equal texts that are other string objects.
      {
        ...first,
        storeName: [...first.storeName].join(''),
        sku: `${first.sku.slice(0, 3)}${first.sku.slice(3)}`,
      },
      ...a.slice(25),
      ...b,
    ] as Promotion[];
    expectSameBytes(write(batch), reference(batch, line));
  });

  it('gives the safe path bytes for texts at the edges of the plain-ASCII fragments, in every text field', () => {
    // Fragments of printable ASCII texts needing no escape are copied byte by byte; any other text is built with
    // JSON.stringify or the CSV rule. Each edge in each cached field, between generated rows (new stores too).
    const edges = [
      ' ',
      '~',
      'a"b',
      'a\\b',
      'a,b',
      'a\u007fb',
      'a\u001fb',
      'a\rb',
      'é',
      '\ud800',
      'x'.repeat(4_090),
    ];
    // Every text field but the id (written character by character, not cached).
    const fields = PROMOTION_STRING_FIELDS.filter((field) => field !== 'id');
    const batch: Promotion[] = [];
    let i = 0;
    for (const field of fields) {
      for (const edge of edges) {
        const base = rows[i++ % rows.length] as Promotion;
        batch.push(base, { ...base, [field]: edge } as Promotion, {
          ...base,
          [field]: `${base[field]}${edge}`,
        });
      }
    }
    const fresh = processBatch(901, 903, 'MIXED', { seed: 'edges' }).promotions;
    batch.push(...fresh, ...batch.slice(0, 40));
    expectSameBytes(write(batch), reference(batch, line));
  });

  it('gives the safe path bytes for every pair of flags and for a non-number in any number field', () => {
    const base = rows[7] as Promotion;
    const batch: Promotion[] = [base];
    for (const displaySupport of [false, true]) {
      for (const featureAd of [false, true]) batch.push({ ...base, displaySupport, featureAd }, base);
    }
    for (const field of PROMOTION_NUMBER_FIELDS) {
      for (const value of ['12', null, Number.NaN, -0, 1e21]) batch.push({ ...base, [field]: value }, base);
    }
    expectSameBytes(write(batch), reference(batch, line));
  });

  it('writes into the memory of options.into: a result passed back, or any large enough Uint8Array', () => {
    const a = rows.slice(0, 300);
    const b = rows.slice(300, 600);
    const first = write(a);
    expectSameBytes(first, reference(a, line));
    // The earlier result handed back: its whole buffer is reused.
    const second = write(b, { into: first });
    expectSameBytes(second, reference(b, line));
    expect(second.buffer).toBe(first.buffer);
    expect(new Uint8Array(second.buffer, second.byteOffset + second.length).every((x) => x === 0)).toBe(true);
    // A result copied out of a buffer sized for longer rows keeps room past its bytes: handed back for a chunk
    // of as many rows, it is written into, not outgrown at its last rows.
    const short = write(a.slice(0, 30));
    const again = write(b.slice(0, 30), { into: short });
    expectSameBytes(again, reference(b.slice(0, 30), line));
    expect(again.buffer).toBe(short.buffer);
    // A caller's array: exactly its bytes, never the rest of its buffer.
    const memory = new Uint8Array(1 << 20).fill(7);
    const view = memory.subarray(16, memory.length - 16);
    const third = write(a, { into: view });
    expectSameBytes(third, reference(a, line));
    expect(third.buffer).toBe(memory.buffer);
    expect(third.byteOffset).toBe(16);
    expect(memory.subarray(0, 16).every((x) => x === 7)).toBe(true);
    expect(memory.subarray(memory.length - 16).every((x) => x === 7)).toBe(true);
    // Too small for a row, or rows that outgrow it: new memory, same bytes.
    const small = new Uint8Array(64);
    const fourth = write(a, { into: small });
    expectSameBytes(fourth, reference(a, line));
    expect(fourth.buffer).not.toBe(small.buffer);
    const tight = new Uint8Array(30_000);
    const fifth = write(a, { into: tight });
    expectSameBytes(fifth, reference(a, line));
    expect(fifth.buffer).not.toBe(tight.buffer);
    // A detached, resizable or growable buffer: new memory.
    const detached = new Uint8Array(1 << 20);
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
    expectSameBytes(write(a, { into: detached }), reference(a, line));
    // (ES2024 constructors: this package's TypeScript lib is ES2022.)
    type Growing = new (length: number, options: { maxByteLength: number }) => ArrayBufferLike;
    const resizable = new Uint8Array(
      new (ArrayBuffer as unknown as Growing)(1 << 20, { maxByteLength: 1 << 21 }),
    );
    const sixth = write(a, { into: resizable });
    expectSameBytes(sixth, reference(a, line));
    expect(sixth.buffer).not.toBe(resizable.buffer);
    const growable = new Uint8Array(
      new (SharedArrayBuffer as unknown as Growing)(1 << 20, { maxByteLength: 1 << 21 }),
    );
    expect(write(a, { into: growable }).buffer).not.toBe(growable.buffer);
    // null and undefined are absent.
    expectSameBytes(write(a, { into: null }), reference(a, line));
    expectSameBytes(write(a, null), reference(a, line));
  });

  it('throws INVALID_OPTION for options that are not an object or an into that is not a Uint8Array', () => {
    for (const bad of ['x', 3, [new Uint8Array(8)]]) {
      expect(() => write(rows.slice(0, 2), bad as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION', field: 'options' }),
      );
    }
    for (const bad of [new ArrayBuffer(8), [1, 2], new Uint16Array(8), 'bytes']) {
      expect(() => write(rows.slice(0, 2), { into: bad as never })).toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTION',
          field: 'options.into',
          allowed: 'a Uint8Array, undefined or null',
        }),
      );
    }
  });

  it('writes nothing for no rows', () => {
    expect(write([])).toHaveLength(0);
  });

  it('throws INVALID_OPTION naming the argument or the row that is not an object', () => {
    for (const bad of [null, undefined, 'rows', 3, { length: 1 }]) {
      expect(() => write(bad as never)).toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTION',
          field: 'promotions',
          allowed: 'an array of promotions',
        }),
      );
    }
    for (const bad of [null, undefined, 'row', 7, ['a']]) {
      const error = (() => {
        try {
          write([rows[0] as Promotion, bad as never]);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(PromoscaleError);
      expect(error).toMatchObject({
        code: 'INVALID_OPTION',
        field: 'promotions[1]',
        allowed: 'a promotion object',
      });
    }
  });

  it('throws what the safe path throws for a value it cannot write (a bigint)', () => {
    const row = { ...(rows[0] as Promotion), revenue: 10n as unknown as number };
    let expected: unknown;
    try {
      line(row);
    } catch (error) {
      expected = error;
    }
    if (expected === undefined) expectSameBytes(write([row]), reference([row], line));
    else expect(() => write([row])).toThrow((expected as Error).constructor as new () => Error);
  });
});

describe('promotionsToNdjsonBytes and modified rows', () => {
  const base = rows[3] as Promotion;
  const cases: Record<string, () => object> = {
    'an extra key': () => ({ ...base, note: 'hi' }),
    'a missing key': () => {
      const { roi: _roi, ...rest } = base;
      return rest;
    },
    'keys in another order': () => {
      const { id, ...rest } = base;
      return { ...rest, id };
    },
    'an integer-like key': () => ({ ...base, 0: 'zero' }),
    'a toJSON method': () => ({ ...base, toJSON: () => ({ replaced: true }) }),
    'an inherited toJSON': () => Object.assign(Object.create({ toJSON: () => 'proto' }), base),
    'fields on the prototype only': () => Object.create(base),
    'a null prototype': () => Object.assign(Object.create(null), base),
    'the last field inherited, the others own': () => {
      const { redemptionRate, ...rest } = base;
      return Object.assign(Object.create({ redemptionRate }), rest);
    },
    'the last field own but not enumerable, shadowing an inherited one': () =>
      Object.defineProperty(Object.assign(Object.create({ redemptionRate: 0.5 }), base), 'redemptionRate', {
        enumerable: false,
      }),
    'an inherited enumerable key besides the 34': () => Object.assign(Object.create({ note: 'x' }), base),
    'a non-enumerable field': () => Object.defineProperty({ ...base }, 'revenue', { enumerable: false }),
    'a getter': () => Object.defineProperty({ ...base }, 'revenue', { get: () => 12.5, enumerable: true }),
    'a frozen row': () => Object.freeze({ ...base }),
    'a symbol key': () => ({ ...base, [Symbol('s')]: 1 }),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(`gives JSON.stringify's bytes for a row with ${name}`, () => {
      const batch = [base, make() as Promotion, base];
      expectSameBytes(promotionsToNdjsonBytes(batch), reference(batch, promotionToNdjsonLine));
    });
  }
});

describe('promotionsToCsvBytes and modified rows', () => {
  it('reads fields as promotionToCsvLine does, whatever the keys and prototype', () => {
    const base = rows[5] as Promotion;
    const batch = [
      base,
      { ...base, note: 'extra' },
      Object.create(base),
      Object.defineProperty({ ...base }, 'revenue', { get: () => -0, enumerable: true }),
      base,
    ] as Promotion[];
    expectSameBytes(promotionsToCsvBytes(batch), reference(batch, promotionToCsvLine));
  });
});
