import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../dataset-spec.js';
import { MAX_STORES, PromoscaleError } from '../errors.js';
import { processBatch } from '../process-batch.js';
import type { StoreProfile } from '../stores/create-store.js';
import { TEMPLATE_NAMES } from '../templates/store-templates.js';
import type { TemplateSelection } from '../types.js';
import {
  buildPromotionRow,
  emitStorePromotions,
  type PromotionDraft,
  type PromotionSink,
} from '../variance/promotion-engine.js';
import { ByteSink } from './byte-sink.js';
import { expectSameBytes, safeBytes } from './expect-bytes.js';
import { GeneratedRowWriter, generatePromotionBytes, type PromotionByteFormat } from './generated-bytes.js';
import { promotionToCsvLine, promotionToNdjsonLine } from './promotion-csv.js';
import { promotionsToCsvBytes, promotionsToNdjsonBytes } from './promotions-to-bytes.js';

const FORMATS = [
  ['ndjson', promotionsToNdjsonBytes, promotionToNdjsonLine],
  ['csv', promotionsToCsvBytes, promotionToCsvLine],
] as const;

describe('generatePromotionBytes', () => {
  it.each(FORMATS)(
    'gives the bytes of the generated rows written by the row writer (%s)',
    (format, write, line) => {
      const specs: [number, number, TemplateSelection, { seed?: number | string; asOf?: string }][] = [
        [1, 60, 'MIXED', {}],
        [1, 40, 'MIXED', { seed: 'bytes', asOf: '2024-02-29' }],
        [MAX_STORES - 20, MAX_STORES, 'MIXED', { seed: 7, asOf: '2025-12-31' }],
        [500, 500, 'MIXED', { seed: 0, asOf: '2026-01-01' }],
        [1, 30, { URBAN_PREMIUM: 1, RURAL_VALUE: 3 }, { seed: 99 }],
        ...TEMPLATE_NAMES.map((name, i): [number, number, TemplateSelection, { seed: number }] => [
          1 + i * 1_000,
          20 + i * 1_000,
          name,
          { seed: i },
        ]),
      ];
      for (const [start, end, template, options] of specs) {
        const rows = processBatch(start, end, template, options).promotions;
        const bytes = generatePromotionBytes(start, end, template, { ...options, format });
        expectSameBytes(bytes, write(rows));
        expectSameBytes(bytes, safeBytes(rows, line));
      }
    },
  );

  it('gives the same bytes for any seed, store range and asOf', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.string({ minLength: 1, maxLength: 12 })),
        fc.integer({ min: 1, max: MAX_STORES - 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.constantFrom<PromotionByteFormat>('ndjson', 'csv'),
        (seed, start, extra, date, format) => {
          const asOf = date.toISOString().slice(0, 10);
          const rows = processBatch(start, start + extra, 'MIXED', { seed, asOf }).promotions;
          const write = format === 'ndjson' ? promotionsToNdjsonBytes : promotionsToCsvBytes;
          expectSameBytes(
            generatePromotionBytes(start, start + extra, 'MIXED', { seed, asOf, format }),
            write(rows),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives chunks whose concatenation is the whole range', () => {
    const whole = generatePromotionBytes(1, 90, 'MIXED', { format: 'ndjson', seed: 3 });
    const parts = [
      generatePromotionBytes(1, 1, 'MIXED', { format: 'ndjson', seed: 3 }),
      generatePromotionBytes(2, 45, 'MIXED', { format: 'ndjson', seed: 3 }),
      generatePromotionBytes(46, 90, 'MIXED', { format: 'ndjson', seed: 3 }),
    ];
    expectSameBytes(Buffer.concat(parts), whole);
    expect(new TextDecoder().decode(whole).split('\n')).toHaveLength(90 * 30 + 1);
  });

  it('writes into `into` when it is large enough, and into new memory when it is not', () => {
    const first = generatePromotionBytes(1, 20, 'MIXED', { format: 'csv' });
    const second = generatePromotionBytes(21, 40, 'MIXED', { format: 'csv', into: first });
    expect(second.buffer).toBe(first.buffer);
    expectSameBytes(second, promotionsToCsvBytes(processBatch(21, 40).promotions));
    const tiny = new Uint8Array(16);
    const third = generatePromotionBytes(41, 42, 'MIXED', { format: 'csv', into: tiny });
    expect(third.buffer).not.toBe(tiny.buffer);
    expectSameBytes(third, promotionsToCsvBytes(processBatch(41, 42).promotions));
  });

  it('refuses bad arguments with a PromoscaleError naming the field', () => {
    const cases: [() => unknown, string, string][] = [
      [
        () => generatePromotionBytes(1, 2, 'MIXED', { format: 'json' as PromotionByteFormat }),
        'options.format',
        'INVALID_OPTION',
      ],
      [
        () => generatePromotionBytes(1, 2, 'MIXED', {} as { format: PromotionByteFormat }),
        'options.format',
        'INVALID_OPTION',
      ],
      [
        () => generatePromotionBytes(1, 2, 'MIXED', null as unknown as { format: 'csv' }),
        'options.format',
        'INVALID_OPTION',
      ],
      [
        () => generatePromotionBytes(1, 2, 'MIXED', { format: 'csv', into: [1, 2] as unknown as Uint8Array }),
        'options.into',
        'INVALID_OPTION',
      ],
      [() => generatePromotionBytes(3, 2, 'MIXED', { format: 'csv' }), 'endStore', 'INVALID_STORE_RANGE'],
      [() => generatePromotionBytes(0, 2, 'MIXED', { format: 'csv' }), 'startStore', 'INVALID_STORE_NUMBER'],
      [
        () => generatePromotionBytes(1, MAX_STORES + 1, 'MIXED', { format: 'csv' }),
        'endStore',
        'INVALID_STORE_NUMBER',
      ],
      [
        () => generatePromotionBytes(1.5, 2, 'MIXED', { format: 'csv' }),
        'startStore',
        'INVALID_STORE_NUMBER',
      ],
      [
        () => generatePromotionBytes(1, 2, 'NOWHERE' as TemplateSelection, { format: 'csv' }),
        'template',
        'UNKNOWN_TEMPLATE',
      ],
      [
        () => generatePromotionBytes(1, 2, 'MIXED', { format: 'csv', asOf: '2024-13-01' }),
        'options.asOf',
        'INVALID_DATE',
      ],
    ];
    for (const [call, field, code] of cases) {
      let error: unknown;
      try {
        call();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PromoscaleError);
      expect(error).toMatchObject({ field, code });
    }
  });
});

describe('GeneratedRowWriter', () => {
  /** A store's profile and its 30 drafts (copied: the engine reuses one draft object). */
  function capture(storeNumber: number): { profile: StoreProfile; drafts: PromotionDraft[] } {
    let profile: StoreProfile | undefined;
    const drafts: PromotionDraft[] = [];
    const sink: PromotionSink = {
      beginStore(p) {
        profile = p;
      },
      row(d) {
        drafts.push({ ...d });
      },
    };
    emitStorePromotions(createContext('MIXED', { seed: 5 }), storeNumber, sink);
    return { profile: profile as StoreProfile, drafts };
  }
  const ctx = createContext('MIXED', { seed: 5 });

  /** The writer's bytes for `drafts` of `profile`, and the safe path's for the rows they make. */
  function both(format: PromotionByteFormat, profile: StoreProfile, drafts: PromotionDraft[]) {
    const sink = new ByteSink(1024);
    const writer = new GeneratedRowWriter(sink, format, ctx.calendar);
    writer.beginStore(profile);
    for (const d of drafts) writer.row(d);
    const rows = drafts.map((d) => buildPromotionRow(writer, d));
    const line = format === 'ndjson' ? promotionToNdjsonLine : promotionToCsvLine;
    return [sink.result(), safeBytes(rows, line)] as const;
  }

  it.each(['ndjson', 'csv'] as const)(
    'writes stores whose texts need escaping or are not ASCII (%s)',
    (format) => {
      const { profile, drafts } = capture(12);
      const texts = [
        'Café “quoted” 😀',
        'a "quote" and a \\ backslash',
        'comma, and\nnew line\r\n',
        '\u0000\u001f\u007f',
        '\ud800 lone high, lone low \udfff',
        'x'.repeat(5_000),
      ];
      for (const text of texts) {
        const store = { ...profile.store, name: text };
        for (const changed of [
          { ...profile, store },
          { ...profile, idPrefix: `PRM-${text}-` },
          { ...profile, store: { ...profile.store, storeId: text } },
        ]) {
          const [actual, expected] = both(format, changed, drafts);
          expectSameBytes(actual, expected);
        }
      }
    },
  );

  it.each(['ndjson', 'csv'] as const)(
    'writes numbers past 32-bit integers as String writes them (%s)',
    (format) => {
      const { profile, drafts } = capture(3);
      const edges = [Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, -(2 ** 31), 1e12, 0.5, -0, 2 ** 53 + 2];
      const fields = [
        'regularC',
        'promoC',
        'costC',
        'discountK',
        'baselineUnits',
        'promoUnits',
        'liftK',
        'baselineRevenueC',
        'revenueC',
        'grossMarginC',
        'marginK',
        'incrementalMarginC',
        'promoSpendC',
        'roiK',
        'redemptionK',
      ] as const;
      const changed: PromotionDraft[] = [];
      fields.forEach((field, i) => {
        for (const [k, value] of edges.entries()) {
          changed.push({ ...(drafts[(i + k) % drafts.length] as PromotionDraft), [field]: value });
        }
      });
      const [actual, expected] = both(format, profile, changed);
      expectSameBytes(actual, expected);
    },
  );
});
