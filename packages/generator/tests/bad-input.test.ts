import { describe, expect, it } from 'vitest';
import { defineHostileSuite, FAKE_SIGNALS, type Slot } from '../../../test-support/hostile-inputs.js';
import { promotionFieldKind } from '../src/formats/promotion-fields.js';
import {
  computeBatchMetrics,
  createStore,
  formatStoreId,
  generateStoreData,
  isTemplateName,
  normalizeSpec,
  PromoscaleError,
  type PromoscaleErrorCode,
  parsePromotionsCsv,
  parseStoreId,
  processBatch,
  promotionCsvHeader,
  promotionToCsvLine,
  promotionToNdjsonLine,
  STORE_TEMPLATES,
  slicePromotions,
  storeDataAsyncIterator,
  storeDataIterator,
  validatePromotions,
} from '../src/index.js';
import {
  assertBoolean,
  assertFiniteNumber,
  assertFunction,
  assertOneOf,
  createContext,
  fmix32,
  formatIsoDate,
  parseIsoDate,
  readOptions,
  readSignal,
  specContext,
  validateSeed,
} from '../src/internal.js';
import { resolveTemplateSelection } from '../src/templates/store-templates.js';

/** Calls `fn`, expecting a PromoscaleError with this code and field whose message names both and the range. */
function expectPromoscaleError(
  fn: () => unknown,
  code: PromoscaleErrorCode,
  field: string,
  rangeText: string,
): PromoscaleError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PromoscaleError);
  const error = caught as PromoscaleError;
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe('PromoscaleError');
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
  expect(error.message).toContain(field);
  expect(error.message).toContain(rangeText);
  expect(error.allowed).toContain(rangeText);
  return error;
}

const BAD_STORE_NUMBERS: ReadonlyArray<[string, unknown]> = [
  ['0', 0],
  ['-1', -1],
  ['100001', 100_001],
  ['1.5', 1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ["'5'", '5'],
];

const STORE_RANGE = 'from 1 to 100000';

describe('processBatch bad input', () => {
  it.each(BAD_STORE_NUMBERS)('throws INVALID_STORE_NUMBER for startStore %s', (_label, value) => {
    const error = expectPromoscaleError(
      () => processBatch(value as number, 5, 'SUBURBAN_FAMILY'),
      'INVALID_STORE_NUMBER',
      'startStore',
      STORE_RANGE,
    );
    expect(Object.is(error.value, value)).toBe(true);
  });

  it.each(BAD_STORE_NUMBERS)('throws INVALID_STORE_NUMBER for endStore %s', (_label, value) => {
    expectPromoscaleError(
      () => processBatch(1, value as number, 'SUBURBAN_FAMILY'),
      'INVALID_STORE_NUMBER',
      'endStore',
      STORE_RANGE,
    );
  });

  it('throws INVALID_STORE_RANGE when startStore > endStore', () => {
    const error = expectPromoscaleError(
      () => processBatch(6, 5, 'SUBURBAN_FAMILY'),
      'INVALID_STORE_RANGE',
      'endStore',
      '>= startStore (6)',
    );
    expect(error.message).toContain('received 5');
  });

  it('throws UNKNOWN_TEMPLATE for an unknown template name', () => {
    const error = expectPromoscaleError(
      () => processBatch(1, 5, 'FOO' as never),
      'UNKNOWN_TEMPLATE',
      'template',
      'one of SUBURBAN_FAMILY, URBAN_PREMIUM, RURAL_VALUE, CAMPUS_EXPRESS, COASTAL_SEASONAL, MIXED',
    );
    expect(error.message).toContain('"FOO"');
  });

  it('throws UNKNOWN_TEMPLATE for a template object with an unknown name', () => {
    const bad = { ...STORE_TEMPLATES.URBAN_PREMIUM, name: 'DOWNTOWN' };
    expectPromoscaleError(
      () => processBatch(1, 5, bad as never),
      'UNKNOWN_TEMPLATE',
      'template.name',
      'one of SUBURBAN_FAMILY',
    );
  });

  it('throws UNKNOWN_TEMPLATE for a weights object with an unknown key', () => {
    expectPromoscaleError(
      () => processBatch(1, 5, { URBAN_PREMIUM: 1, FOO: 2 } as never),
      'UNKNOWN_TEMPLATE',
      'template.FOO',
      'one of SUBURBAN_FAMILY',
    );
  });

  it.each([
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', '2'],
  ])('throws INVALID_TEMPLATE_WEIGHTS for a %s weight', (_label, weight) => {
    expectPromoscaleError(
      () => processBatch(1, 5, { SUBURBAN_FAMILY: 1, RURAL_VALUE: weight } as never),
      'INVALID_TEMPLATE_WEIGHTS',
      'template.RURAL_VALUE',
      'a finite number >= 0',
    );
  });

  it.each([
    ['all-zero weights', { SUBURBAN_FAMILY: 0, URBAN_PREMIUM: 0 }],
    ['an empty weights object', {}],
  ])('throws INVALID_TEMPLATE_WEIGHTS for %s', (_label, weights) => {
    expectPromoscaleError(
      () => processBatch(1, 5, weights),
      'INVALID_TEMPLATE_WEIGHTS',
      'template',
      'at least one weight > 0',
    );
  });

  it.each([0, 1.5, -3, 100_001])('throws INVALID_CHUNK_SIZE for options.chunkSize %s', (chunkSize) => {
    expectPromoscaleError(
      () => processBatch(1, 5, 'MIXED', { chunkSize }),
      'INVALID_CHUNK_SIZE',
      'options.chunkSize',
      STORE_RANGE,
    );
  });

  it.each(['2026-02-30', '2026/06/01', '', '2026-6-1', 20_260_601, '1899-12-31', '1900-12-31', '2199-01-01'])(
    'throws INVALID_DATE for asOf %j',
    (asOf) => {
      expectPromoscaleError(
        () => processBatch(1, 5, 'MIXED', { asOf: asOf as string }),
        'INVALID_DATE',
        'options.asOf',
        'YYYY-MM-DD from 1901-01-01 to 2198-12-31',
      );
    },
  );

  it.each([
    ['1.5', 1.5],
    ["''", ''],
    ['{}', {}],
    ['NaN', Number.NaN],
    ['an unsafe integer', 2 ** 53],
    ['a 257-character string', 'x'.repeat(257)],
  ])('throws INVALID_SEED for seed %s', (_label, seed) => {
    expectPromoscaleError(
      () => processBatch(1, 5, 'MIXED', { seed: seed as never }),
      'INVALID_SEED',
      'options.seed',
      'a safe integer or a string of 1 to 256 characters',
    );
  });
});

describe('generateStoreData bad input', () => {
  it.each(BAD_STORE_NUMBERS)('throws INVALID_STORE_NUMBER for store %s', (_label, value) => {
    expectPromoscaleError(
      () => generateStoreData(value as number, 'SUBURBAN_FAMILY'),
      'INVALID_STORE_NUMBER',
      'storeId',
      STORE_RANGE,
    );
  });

  it.each(['STORE_1', 'STORE_000', 'SHOP_001', 'STORE_0100', 'STORE_100001', 'store_001', ''])(
    'throws INVALID_STORE_NUMBER for store id %j',
    (storeId) => {
      const error = expectPromoscaleError(
        () => generateStoreData(storeId, 'SUBURBAN_FAMILY'),
        'INVALID_STORE_NUMBER',
        'storeId',
        STORE_RANGE,
      );
      expect(error.message).toContain('STORE_001 to STORE_100000');
    },
  );

  it('throws UNKNOWN_TEMPLATE for an unknown template', () => {
    expectPromoscaleError(
      () => generateStoreData(1, 'FOO' as never),
      'UNKNOWN_TEMPLATE',
      'template',
      'one of SUBURBAN_FAMILY',
    );
  });

  it('throws INVALID_DATE and INVALID_SEED for bad options', () => {
    expectPromoscaleError(
      () => generateStoreData(1, 'MIXED', { asOf: '2026-13-01' }),
      'INVALID_DATE',
      'options.asOf',
      'YYYY-MM-DD',
    );
    expectPromoscaleError(
      () => generateStoreData(1, 'MIXED', { seed: 0.25 }),
      'INVALID_SEED',
      'options.seed',
      'a safe integer',
    );
  });
});

describe('storeDataIterator bad input', () => {
  it.each([0, 1.5, -1])('throws INVALID_CHUNK_SIZE on the call for chunkSize %s', (chunkSize) => {
    expectPromoscaleError(
      () => storeDataIterator(10, chunkSize, 'MIXED'),
      'INVALID_CHUNK_SIZE',
      'chunkSize',
      STORE_RANGE,
    );
  });

  it.each([0, 100_001, 2.5, Number.NaN])(
    'throws INVALID_STORE_COUNT on the call for totalStores %s',
    (total) => {
      expectPromoscaleError(
        () => storeDataIterator(total, 10, 'MIXED'),
        'INVALID_STORE_COUNT',
        'totalStores',
        STORE_RANGE,
      );
    },
  );

  it('throws INVALID_STORE_COUNT when startStore + totalStores runs past store 100000', () => {
    expectPromoscaleError(
      () => storeDataIterator(20, 10, 'MIXED', { startStore: 99_990 }),
      'INVALID_STORE_COUNT',
      'totalStores',
      'from 1 to 11 when options.startStore is 99990',
    );
    expect([...storeDataIterator(11, 10, 'MIXED', { startStore: 99_990 })].at(-1)?.storeIds.at(-1)).toBe(
      'STORE_100000',
    );
  });

  it('throws INVALID_STORE_NUMBER for options.startStore 0', () => {
    expectPromoscaleError(
      () => storeDataIterator(5, 1, 'MIXED', { startStore: 0 }),
      'INVALID_STORE_NUMBER',
      'options.startStore',
      STORE_RANGE,
    );
  });

  it('throws template, asOf and seed errors on the call, before the first next()', () => {
    expectPromoscaleError(
      () => storeDataIterator(5, 1, 'FOO' as never),
      'UNKNOWN_TEMPLATE',
      'template',
      'one of',
    );
    expectPromoscaleError(
      () => storeDataIterator(5, 1, 'MIXED', { asOf: '2026/06/01' }),
      'INVALID_DATE',
      'options.asOf',
      'YYYY-MM-DD',
    );
    expectPromoscaleError(
      () => storeDataIterator(5, 1, 'MIXED', { seed: '' }),
      'INVALID_SEED',
      'options.seed',
      'a string of 1 to 256 characters',
    );
  });
});

describe('storeDataAsyncIterator bad input and cancellation', () => {
  it('throws on the call, not in a rejected next(), for bad arguments', () => {
    expectPromoscaleError(
      () => storeDataAsyncIterator(0, 10),
      'INVALID_STORE_COUNT',
      'totalStores',
      STORE_RANGE,
    );
    expectPromoscaleError(
      () => storeDataAsyncIterator(10, 0),
      'INVALID_CHUNK_SIZE',
      'chunkSize',
      STORE_RANGE,
    );
  });

  it('rejects with the reason of an already-aborted signal and yields no chunk', async () => {
    const reason = new Error('user cancelled');
    const iterator = storeDataAsyncIterator(5, 1, 'MIXED', { signal: AbortSignal.abort(reason) });
    const chunks: unknown[] = [];
    await expect(
      (async () => {
        for await (const chunk of iterator) chunks.push(chunk);
      })(),
    ).rejects.toBe(reason);
    expect(chunks).toEqual([]);
  });

  it('rejects with the reason when aborted mid-way and yields no more chunks', async () => {
    const controller = new AbortController();
    const reason = new Error('stop after two');
    const iterator = storeDataAsyncIterator(10, 2, 'MIXED', { signal: controller.signal });
    const chunks: number[] = [];
    await expect(
      (async () => {
        for await (const chunk of iterator) {
          chunks.push(chunk.index);
          if (chunks.length === 2) controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    expect(chunks).toEqual([0, 1]);
    await expect(iterator.next()).rejects.toBe(reason);
  });

  it('rejects a pending next() when the signal aborts while it waits', async () => {
    const controller = new AbortController();
    const iterator = storeDataAsyncIterator(3, 1, 'MIXED', { signal: controller.signal });
    const pending = iterator.next();
    controller.abort('gone');
    await expect(pending).rejects.toBe('gone');
  });

  it('rejects with an AbortError DOMException when abort() is given no reason', async () => {
    const controller = new AbortController();
    controller.abort();
    const iterator = storeDataAsyncIterator(3, 1, 'MIXED', { signal: controller.signal });
    await expect(iterator.next()).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('slicePromotions bad input', () => {
  it('throws INVALID_OFFSET for a negative or fractional offset', () => {
    expectPromoscaleError(() => slicePromotions({ stores: 5 }, -1, 10), 'INVALID_OFFSET', 'offset', '>= 0');
    expectPromoscaleError(() => slicePromotions({ stores: 5 }, 0.5, 10), 'INVALID_OFFSET', 'offset', '>= 0');
  });

  it('throws INVALID_LIMIT for a negative or infinite limit', () => {
    expectPromoscaleError(() => slicePromotions({ stores: 5 }, 0, -1), 'INVALID_LIMIT', 'limit', '>= 0');
    expectPromoscaleError(
      () => slicePromotions({ stores: 5 }, 0, Number.POSITIVE_INFINITY),
      'INVALID_LIMIT',
      'limit',
      '>= 0',
    );
  });

  it('throws INVALID_STORE_COUNT for spec.stores 0 or 100001', () => {
    expectPromoscaleError(
      () => slicePromotions({ stores: 0 }, 0, 1),
      'INVALID_STORE_COUNT',
      'spec.stores',
      STORE_RANGE,
    );
    expectPromoscaleError(
      () => slicePromotions({ stores: 100_001 }, 0, 1),
      'INVALID_STORE_COUNT',
      'spec.stores',
      STORE_RANGE,
    );
  });

  it('throws spec errors with spec.* field names', () => {
    expectPromoscaleError(
      () => slicePromotions({ stores: 5, templates: 'FOO' as never }, 0, 1),
      'UNKNOWN_TEMPLATE',
      'spec.templates',
      'one of',
    );
    expectPromoscaleError(
      () => slicePromotions({ stores: 5, asOf: '2026-02-30' }, 0, 1),
      'INVALID_DATE',
      'spec.asOf',
      'YYYY-MM-DD',
    );
    expectPromoscaleError(
      () => slicePromotions({ stores: 5, seed: 1.5 }, 0, 1),
      'INVALID_SEED',
      'spec.seed',
      'a safe integer',
    );
  });

  it('returns no rows past the end of the dataset and for limit 0', () => {
    expect(slicePromotions({ stores: 2 }, 60, 10)).toEqual([]);
    expect(slicePromotions({ stores: 2 }, 10, 0)).toEqual([]);
    expect(slicePromotions({ stores: 2 }, 55, 10)).toHaveLength(5);
  });
});

describe('normalizeSpec and createStore bad input', () => {
  it.each([0, 100_001, 1.5])('throws INVALID_STORE_COUNT for spec.stores %s', (stores) => {
    expectPromoscaleError(() => normalizeSpec({ stores }), 'INVALID_STORE_COUNT', 'spec.stores', STORE_RANGE);
  });

  it('throws INVALID_STORE_NUMBER for a store beyond spec.stores', () => {
    expectPromoscaleError(
      () => createStore(11, { stores: 10 }),
      'INVALID_STORE_NUMBER',
      'storeNumber',
      'from 1 to spec.stores (10)',
    );
    expectPromoscaleError(() => createStore(0, {}), 'INVALID_STORE_NUMBER', 'storeNumber', STORE_RANGE);
  });
});

describe('validatePromotions bad input', () => {
  it('throws INVALID_DATE for a bad expectations.asOf', () => {
    expectPromoscaleError(
      () => validatePromotions([], { asOf: '2026-02-30' }),
      'INVALID_DATE',
      'expectations.asOf',
      'YYYY-MM-DD',
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The hostile-input table: every exported function, every argument and option, one value of each class.

const STORE_NUMBER = { code: 'INVALID_STORE_NUMBER', allowed: 'from 1 to 100000' } as const;
const OPTIONS = { code: 'INVALID_OPTION', allowed: 'an options object, undefined or null' } as const;
const FLAG = { code: 'INVALID_OPTION', allowed: 'true or false' } as const;
const SIGNAL = { code: 'INVALID_OPTION', allowed: 'an AbortSignal, undefined or null' } as const;
const TEMPLATE = { code: 'UNKNOWN_TEMPLATE', allowed: 'one of SUBURBAN_FAMILY' } as const;
const NO_WEIGHT = { code: 'INVALID_TEMPLATE_WEIGHTS', allowed: 'at least one weight > 0' } as const;
const SEED = { code: 'INVALID_SEED', allowed: 'a safe integer or a string of 1 to 256 characters' } as const;
const AS_OF = { code: 'INVALID_DATE', allowed: 'YYYY-MM-DD from 1901-01-01 to 2198-12-31' } as const;

/** The reference result of a call with every optional value left out. */
function sameAs(reference: () => unknown) {
  let cached: unknown;
  return (result: unknown) => {
    cached ??= reference();
    expect(result).toEqual(cached);
  };
}

const rowsOf = (result: unknown) => (result as { promotions: unknown }).promotions;
const batch = sameAs(() => rowsOf(processBatch(1, 2)));
const batchRows = (result: unknown) => batch(rowsOf(result));
const absent = { null: batchRows, undefined: batchRows };
const allChunks = async (result: unknown) => {
  const rows: unknown[] = [];
  for await (const chunk of result as AsyncIterable<{ promotions: unknown[] }>)
    rows.push(...chunk.promotions);
  return rows;
};
const brokenRows = () => {
  const rows = processBatch(1, 1).promotions.map((p) => ({ ...p }));
  (rows[0] as { roi: number }).roi += 1;
  return rows;
};

/** A template-selection slot: names, `'MIXED'`, template objects or weights objects. */
function templateSlot(
  name: string,
  field: string,
  call: (value: unknown) => unknown,
  ok: (r: unknown) => void,
): Slot {
  return {
    name,
    field,
    ...TEMPLATE,
    call,
    valid: { null: ok, undefined: ok },
    errors: { object: { ...NO_WEIGHT, field }, array: { ...NO_WEIGHT, field } },
    extra: {
      'weights with a __proto__ key': {
        value: JSON.parse('{"__proto__": 1, "URBAN_PREMIUM": 1}'),
        expect: { ...TEMPLATE, field: `${field}.__proto__` },
      },
      'weights with a constructor key': {
        value: { constructor: 1 },
        expect: { ...TEMPLATE, field: `${field}.constructor` },
      },
      'a NaN weight': {
        value: { URBAN_PREMIUM: Number.NaN },
        expect: {
          code: 'INVALID_TEMPLATE_WEIGHTS',
          field: `${field}.URBAN_PREMIUM`,
          allowed: 'a finite number >= 0',
        },
      },
      'weights of 1e308': { value: { URBAN_PREMIUM: 1e308, RURAL_VALUE: 1e308 }, expect: 'valid' },
    },
  };
}

const generatorSlots: Slot[] = [
  {
    name: 'processBatch startStore',
    field: 'startStore',
    ...STORE_NUMBER,
    call: (v) => processBatch(v as number, 2),
  },
  {
    name: 'processBatch endStore',
    field: 'endStore',
    ...STORE_NUMBER,
    call: (v) => processBatch(1, v as number),
  },
  templateSlot('processBatch template', 'template', (v) => processBatch(1, 2, v as never), batchRows),
  {
    name: 'processBatch options',
    field: 'options',
    ...OPTIONS,
    call: (v) => processBatch(1, 2, 'MIXED', v as never),
    valid: { ...absent, object: batchRows },
    extra: {
      'options with __proto__ and constructor keys': {
        value: JSON.parse('{"__proto__": {"chunkSize": 0}, "constructor": 5}'),
        expect: 'valid',
      },
    },
  },
  {
    name: 'processBatch options.chunkSize',
    field: 'options.chunkSize',
    code: 'INVALID_CHUNK_SIZE',
    allowed: 'from 1 to 100000',
    call: (v) => processBatch(1, 2, 'MIXED', { chunkSize: v as number }),
    valid: absent,
  },
  {
    name: 'processBatch options.seed',
    field: 'options.seed',
    ...SEED,
    call: (v) => processBatch(1, 2, 'MIXED', { seed: v as number }),
    valid: { ...absent, string: undefined, zero: undefined, negative: undefined },
  },
  {
    name: 'processBatch options.asOf',
    field: 'options.asOf',
    ...AS_OF,
    call: (v) => processBatch(1, 2, 'MIXED', { asOf: v as string }),
    valid: absent,
  },
  {
    name: 'processBatch options.includeValidation',
    field: 'options.includeValidation',
    code: 'INVALID_OPTION',
    allowed: 'false or a validator such as validatePromotions',
    call: (v) => processBatch(1, 2, 'MIXED', { includeValidation: v as never }),
    valid: {
      ...absent,
      // Any function is the caller's validator: processBatch hands over its result as it is.
      function: (r) => expect((r as { validation: unknown }).validation).toBe(1),
    },
    extra: {
      false: { value: false, expect: 'valid' },
      validatePromotions: { value: validatePromotions, expect: 'valid' },
    },
  },
  ...(['includeMetrics', 'memoryMonitoring'] as const).map(
    (key): Slot => ({
      name: `processBatch options.${key}`,
      field: `options.${key}`,
      ...FLAG,
      call: (v) => processBatch(1, 2, 'MIXED', { [key]: v }),
      valid: { ...absent, boolean: batchRows },
    }),
  ),
  {
    name: 'generateStoreData storeId',
    field: 'storeId',
    code: 'INVALID_STORE_NUMBER',
    allowed: 'from 1 to 100000',
    call: (v) => generateStoreData(v as number),
  },
  templateSlot(
    'generateStoreData template',
    'template',
    (v) => generateStoreData(1, v as never),
    (r) => expect(r).toEqual(generateStoreData(1)),
  ),
  {
    name: 'generateStoreData options',
    field: 'options',
    ...OPTIONS,
    call: (v) => generateStoreData(1, 'MIXED', v as never),
    valid: { null: undefined, undefined: undefined, object: undefined },
  },
  {
    name: 'storeDataIterator totalStores',
    field: 'totalStores',
    code: 'INVALID_STORE_COUNT',
    allowed: 'from 1 to 100000',
    call: (v) => storeDataIterator(v as number),
  },
  {
    name: 'storeDataIterator chunkSize',
    field: 'chunkSize',
    code: 'INVALID_CHUNK_SIZE',
    allowed: 'from 1 to 100000',
    call: (v) => [...storeDataIterator(2, v as number)].flatMap((c) => c.promotions),
    valid: { null: batch, undefined: batch },
  },
  templateSlot(
    'storeDataIterator template',
    'template',
    (v) => [...storeDataIterator(2, 1, v as never)].flatMap((c) => c.promotions),
    batch,
  ),
  {
    name: 'storeDataIterator options',
    field: 'options',
    ...OPTIONS,
    call: (v) => [...storeDataIterator(2, 1, 'MIXED', v as never)].flatMap((c) => c.promotions),
    valid: { null: batch, undefined: batch, object: batch },
  },
  {
    name: 'storeDataIterator options.startStore',
    field: 'options.startStore',
    ...STORE_NUMBER,
    call: (v) =>
      [...storeDataIterator(2, 1, 'MIXED', { startStore: v as number })].flatMap((c) => c.promotions),
    valid: { null: batch, undefined: batch },
  },
  {
    name: 'storeDataAsyncIterator options',
    field: 'options',
    ...OPTIONS,
    call: (v) => allChunks(storeDataAsyncIterator(2, 1, 'MIXED', v as never)),
    valid: { null: batch, undefined: batch, object: batch },
  },
  {
    name: 'storeDataAsyncIterator options.signal',
    field: 'options.signal',
    ...SIGNAL,
    // Called without iterating: a bad signal must throw on the call itself.
    call: (v) => storeDataAsyncIterator(2, 1, 'MIXED', { signal: v as AbortSignal }),
    valid: { null: undefined, undefined: undefined },
    extra: Object.fromEntries(
      Object.entries(FAKE_SIGNALS).map(([label, value]) => [
        label,
        { value, expect: { ...SIGNAL, field: 'options.signal' } },
      ]),
    ),
  },
  {
    name: 'slicePromotions spec',
    field: 'spec.stores',
    code: 'INVALID_STORE_COUNT',
    allowed: 'from 1 to 100000',
    call: (v) => slicePromotions(v as never, 0, 1),
  },
  {
    name: 'slicePromotions offset',
    field: 'offset',
    code: 'INVALID_OFFSET',
    allowed: 'an integer >= 0',
    call: (v) => slicePromotions({ stores: 2 }, v as number, 60),
    valid: { zero: batch },
  },
  {
    name: 'slicePromotions limit',
    field: 'limit',
    code: 'INVALID_LIMIT',
    allowed: 'an integer >= 0',
    call: (v) => slicePromotions({ stores: 2 }, 0, v as number),
    valid: { zero: (r) => expect(r).toEqual([]) },
  },
  {
    name: 'normalizeSpec spec',
    field: 'spec',
    code: 'INVALID_STORE_COUNT',
    allowed: 'a DatasetSpec object',
    call: (v) => normalizeSpec(v as never),
    errors: { object: { code: 'INVALID_STORE_COUNT', field: 'spec.stores', allowed: 'from 1 to 100000' } },
  },
  {
    name: 'normalizeSpec spec.seed',
    field: 'spec.seed',
    ...SEED,
    call: (v) => normalizeSpec({ stores: 2, seed: v as number }),
    valid: {
      null: (r) => expect(r).toMatchObject({ seed: 42 }),
      undefined: (r) => expect(r).toMatchObject({ seed: 42 }),
      string: undefined,
      zero: undefined,
      negative: undefined,
    },
  },
  {
    name: 'specContext spec',
    field: 'spec',
    code: 'INVALID_OPTION',
    allowed: 'a DatasetSpec object',
    call: (v) => specContext(v as never),
    valid: { object: undefined },
  },
  {
    name: 'createContext options',
    field: 'options',
    ...OPTIONS,
    call: (v) => createContext('MIXED', v as never),
    valid: { null: undefined, undefined: undefined, object: undefined },
  },
  templateSlot(
    'resolveTemplateSelection selection',
    'template',
    (v) => resolveTemplateSelection(v as never),
    (r) => expect(r).toMatchObject({ label: 'MIXED' }),
  ),
  {
    name: 'createStore storeNumber',
    field: 'storeNumber',
    ...STORE_NUMBER,
    call: (v) => createStore(v as number, {}),
  },
  {
    name: 'createStore spec',
    field: 'spec',
    code: 'INVALID_OPTION',
    allowed: 'an options object, undefined or null',
    call: (v) => createStore(1, v as never),
    valid: { null: undefined, undefined: undefined, object: (r) => expect(r).toEqual(createStore(1, {})) },
  },
  {
    name: 'createStore spec.stores',
    field: 'spec.stores',
    code: 'INVALID_STORE_COUNT',
    allowed: 'from 1 to 100000',
    call: (v) => createStore(1, { stores: v as number }),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'formatStoreId storeNumber',
    field: 'storeNumber',
    ...STORE_NUMBER,
    call: (v) => formatStoreId(v as number),
  },
  {
    name: 'parseStoreId value',
    field: 'storeId',
    code: 'INVALID_STORE_NUMBER',
    allowed: 'from 1 to 100000',
    call: (v) => parseStoreId(v),
  },
  {
    name: 'formatIsoDate days',
    field: 'days',
    code: 'INVALID_DATE',
    allowed: 'an integer from -25567 (1900-01-01) to 84005 (2199-12-31)',
    call: (v) => formatIsoDate(v as number),
    valid: {
      zero: (r) => expect(r).toBe('1970-01-01'),
      negative: (r) => expect(r).toBe('1969-12-31'),
    },
  },
  {
    name: 'parseIsoDate value',
    field: 'date',
    code: 'INVALID_DATE',
    allowed: 'YYYY-MM-DD from 1900-01-01 to 2199-12-31',
    call: (v) => parseIsoDate(v),
  },
  {
    name: 'validateSeed seed',
    field: 'seed',
    ...SEED,
    call: (v) => validateSeed(v),
    valid: { string: undefined, zero: undefined, negative: undefined },
  },
  {
    name: 'fmix32 h',
    field: 'h',
    code: 'INVALID_OPTION',
    allowed: 'an integer',
    call: (v) => fmix32(v as number),
    valid: {
      zero: (r) => expect(r).toBe(0),
      negative: (r) => expect(r).toBe(fmix32(0xffff_ffff)),
      huge: (r) => expect(r).toBe(0), // 1e308's low 32 bits are 0
      unsafe: (r) => expect(r).toBe(0),
    },
  },
  {
    name: 'validatePromotions promotions',
    field: 'promotions',
    code: 'INVALID_OPTION',
    allowed: 'an array of promotions',
    call: (v) => validatePromotions(v as never),
    valid: { array: (r) => expect(r).toMatchObject({ valid: true, checked: 0 }) },
  },
  {
    name: 'validatePromotions expectations',
    field: 'expectations',
    ...OPTIONS,
    call: (v) => validatePromotions(brokenRows(), v as never),
    valid: Object.fromEntries(
      ['null', 'undefined', 'object'].map((k) => [
        k,
        (r: unknown) => expect(r).toMatchObject({ valid: false, errorCount: 1 }),
      ]),
    ),
  },
  {
    name: 'validatePromotions expectations.maxErrors',
    field: 'expectations.maxErrors',
    code: 'INVALID_OPTION',
    allowed: 'an integer >= 0',
    call: (v) => validatePromotions(brokenRows(), { maxErrors: v as number }),
    valid: {
      null: (r) => expect(r).toMatchObject({ errors: [{ rule: 'roi' }], truncated: false }),
      undefined: (r) => expect(r).toMatchObject({ errors: [{ rule: 'roi' }], truncated: false }),
      zero: (r) => expect(r).toMatchObject({ valid: false, errors: [], truncated: true, errorCount: 1 }),
    },
  },
  {
    name: 'validatePromotions expectations.promotionsPerStore',
    field: 'expectations.promotionsPerStore',
    code: 'INVALID_OPTION',
    allowed: 'an integer >= 1',
    call: (v) => validatePromotions(processBatch(1, 1).promotions, { promotionsPerStore: v as number }),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'validatePromotions expectations.stores',
    field: 'expectations.stores',
    code: 'INVALID_OPTION',
    allowed: 'an integer from 0 to 100000',
    call: (v) => validatePromotions(processBatch(1, 1).promotions, { stores: v as number }),
    valid: {
      null: (r) => expect(r).toMatchObject({ valid: true }),
      undefined: (r) => expect(r).toMatchObject({ valid: true }),
      zero: (r) => expect(r).toMatchObject({ valid: false, errors: [{ rule: 'storeCount' }] }),
      array: (r) => expect(r).toMatchObject({ valid: false, errors: [{ rule: 'storeCount' }] }),
    },
    extra: {
      'an array holding a number': {
        value: ['STORE_001', 7],
        expect: { code: 'INVALID_OPTION', field: 'expectations.stores[1]', allowed: 'a store id string' },
      },
    },
  },
  {
    name: 'validatePromotions expectations.asOf',
    field: 'expectations.asOf',
    code: 'INVALID_DATE',
    allowed: 'YYYY-MM-DD',
    call: (v) => validatePromotions([], { asOf: v as string }),
    valid: { null: undefined, undefined: undefined },
  },
  {
    name: 'computeBatchMetrics promotions',
    field: 'promotions',
    code: 'INVALID_OPTION',
    allowed: 'an array of promotions',
    call: (v) => computeBatchMetrics(v as never),
    valid: { array: (r) => expect(r).toMatchObject({ totalRevenue: 0, avgRoi: 0 }) },
    extra: {
      'an array holding null': {
        value: [null],
        expect: { code: 'INVALID_OPTION', field: 'promotions[0]', allowed: 'a promotion object' },
      },
    },
  },
  {
    name: 'parsePromotionsCsv text',
    field: 'text',
    code: 'INVALID_OPTION',
    allowed: 'a string of CSV text',
    call: (v) => parsePromotionsCsv(v as string),
    errors: {
      string: {
        code: 'INVALID_OPTION',
        field: 'text',
        allowed: 'CSV whose header names only PROMOTION_FIELDS',
      },
    },
    extra: {
      'a header alone': { value: `${promotionCsvHeader()}\n`, expect: 'valid' },
      'an empty string': { value: '', expect: 'valid' },
    },
  },
  {
    name: 'promotionFieldKind field',
    field: 'field',
    code: 'INVALID_OPTION',
    allowed: 'one of the PROMOTION_FIELDS',
    call: (v) => promotionFieldKind(v as never),
    extra: {
      __proto__: {
        value: '__proto__',
        expect: { code: 'INVALID_OPTION', field: 'field', allowed: 'PROMOTION_FIELDS' },
      },
      'a real field': { value: 'roi', expect: 'valid' },
    },
  },
  ...[promotionToCsvLine, promotionToNdjsonLine].map(
    (fn): Slot => ({
      name: `${fn.name} promotion`,
      field: 'promotion',
      code: 'INVALID_OPTION',
      allowed: 'a promotion object',
      call: (v) => fn(v as never),
      valid: { object: undefined },
    }),
  ),
  {
    name: 'isTemplateName value',
    field: '',
    code: '',
    allowed: '',
    call: (v) => isTemplateName(v),
    valid: Object.fromEntries(
      [
        'string',
        'boolean',
        'object',
        'array',
        'symbol',
        'bigint',
        'function',
        'null',
        'undefined',
        'NaN',
        'Infinity',
        '-Infinity',
        'negative',
        'zero',
        'huge',
        'unsafe',
        'fractional',
      ].map((k) => [k, (r: unknown) => expect(r).toBe(false)]),
    ),
  },
  {
    name: 'readOptions value',
    field: 'options',
    ...OPTIONS,
    call: (v) => readOptions(v as never),
    valid: {
      null: (r) => expect(r).toEqual({}),
      undefined: (r) => expect(r).toEqual({}),
      object: (r) => expect(r).toEqual({}),
    },
  },
  {
    name: 'readSignal value',
    field: 'signal',
    ...SIGNAL,
    call: (v) => readSignal(v, 'signal'),
    valid: { null: (r) => expect(r).toBeUndefined(), undefined: (r) => expect(r).toBeUndefined() },
    extra: {
      ...Object.fromEntries(
        Object.entries(FAKE_SIGNALS).map(([label, value]) => [
          label,
          { value, expect: { ...SIGNAL, field: 'signal' } },
        ]),
      ),
      'an aborted AbortSignal': { value: AbortSignal.abort(), expect: 'valid' },
    },
  },
];

defineHostileSuite('hostile input to every generator function', PromoscaleError, generatorSlots);

describe('template weights', () => {
  it('mixes weights of 1e308 evenly instead of giving every store a weight-0 template', () => {
    const { promotions, metadata } = processBatch(1, 200, { URBAN_PREMIUM: 1e308, RURAL_VALUE: 1e308 });
    const templates = new Set(promotions.map((p) => p.template));
    expect(templates).toEqual(new Set(['URBAN_PREMIUM', 'RURAL_VALUE']));
    const urban = promotions.filter((p) => p.template === 'URBAN_PREMIUM').length / promotions.length;
    expect(urban).toBeGreaterThan(0.35);
    expect(urban).toBeLessThan(0.65);
    expect(metadata.templates).toEqual({ URBAN_PREMIUM: 1e308, RURAL_VALUE: 1e308 });
  });

  it('gives the same stores for weights 1e308:1e308 as for 1:1 and for Number.MAX_VALUE pairs', () => {
    const stores = (weights: object) =>
      processBatch(1, 50, weights as never).storeIds.map(
        (id) => generateStoreData(id, weights as never)[0]?.template,
      );
    expect(stores({ URBAN_PREMIUM: 1e308, RURAL_VALUE: 1e308 })).toEqual(
      stores({ URBAN_PREMIUM: 1, RURAL_VALUE: 1 }),
    );
    expect(stores({ URBAN_PREMIUM: Number.MAX_VALUE, RURAL_VALUE: Number.MAX_VALUE })).toEqual(
      stores({ URBAN_PREMIUM: 1, RURAL_VALUE: 1 }),
    );
  });

  it('never picks a template of weight 0, whatever the rounding of the shares', () => {
    const rows = processBatch(1, 500, { SUBURBAN_FAMILY: 1, URBAN_PREMIUM: 1, RURAL_VALUE: 1 }).promotions;
    expect(new Set(rows.map((p) => p.template))).toEqual(
      new Set(['SUBURBAN_FAMILY', 'URBAN_PREMIUM', 'RURAL_VALUE']),
    );
  });

  it('reads own weights only: an inherited weight is not part of the selection', () => {
    const inherited = Object.create({ URBAN_PREMIUM: 1 }) as Record<string, number>;
    inherited.RURAL_VALUE = 1;
    const rows = processBatch(1, 20, inherited as never).promotions;
    expect(new Set(rows.map((p) => p.template))).toEqual(new Set(['RURAL_VALUE']));
  });

  it('leaves Object.prototype alone when options and weights carry __proto__ keys', () => {
    processBatch(1, 1, 'MIXED', JSON.parse('{"__proto__": {"polluted": 1}}'));
    expect(() =>
      processBatch(1, 1, JSON.parse('{"__proto__": {"polluted": 1}, "URBAN_PREMIUM": 1}')),
    ).toThrow(PromoscaleError);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('storeDataAsyncIterator with an already-aborted signal', () => {
  it('rejects with the reason on the first next(), having generated nothing', async () => {
    const iterator = storeDataAsyncIterator(2, 1, 'MIXED', { signal: AbortSignal.abort('stop') });
    await expect(iterator.next()).rejects.toBe('stop');
  });
});

describe('the door-check helpers', () => {
  it('name the field and the range in every refusal', () => {
    expect(() => assertFiniteNumber(Number.NaN, 'x.y', { min: 0, max: 5 })).toThrow(
      'x.y must be a finite number from 0 to 5; received NaN',
    );
    expect(() => assertFiniteNumber(0, 'x', { above: 0 })).toThrow(
      'x must be a finite number > 0; received 0',
    );
    expect(() => assertFiniteNumber(2.5, 'x', { min: 1, integer: true })).toThrow(
      'x must be an integer >= 1',
    );
    expect(() => assertBoolean('yes', 'flag')).toThrow('flag must be true or false; received "yes"');
    expect(() => assertFunction({}, 'cb')).toThrow('cb must be a function; received {}');
    expect(() => assertOneOf('csv', 'format', ['json', 'ndjson'])).toThrow(
      "format must be one of 'json', 'ndjson'",
    );
  });
});
