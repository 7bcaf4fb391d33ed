import { describe, expect, it } from 'vitest';
import {
  createStore,
  generateStoreData,
  groupTemplates,
  normalizeSpec,
  PromoscaleError,
  type PromoscaleErrorCode,
  processBatch,
  slicePromotions,
  storeDataAsyncIterator,
  storeDataIterator,
  validatePromotions,
} from '../src/index.js';

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
    const bad = { ...groupTemplates.URBAN_PREMIUM, name: 'DOWNTOWN' };
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

  it.each([
    '2026-02-30',
    '2026/06/01',
    '',
    '2026-6-1',
    20_260_601,
    '1899-12-31',
    '1900-12-31',
    '2199-01-01',
    null,
  ])('throws INVALID_DATE for asOf %j', (asOf) => {
    expectPromoscaleError(
      () => processBatch(1, 5, 'MIXED', { asOf: asOf as string }),
      'INVALID_DATE',
      'options.asOf',
      'YYYY-MM-DD from 1901-01-01 to 2198-12-31',
    );
  });

  it.each([
    ['1.5', 1.5],
    ["''", ''],
    ['{}', {}],
    ['NaN', Number.NaN],
    ['an unsafe integer', 2 ** 53],
    ['null', null],
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
