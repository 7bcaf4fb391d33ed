import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ByteSink,
  type Fragment,
  fragment,
  HUNDREDTHS,
  MAX_FRAGMENT_BYTES,
  padFragment,
  piecesFragment,
  TENTHS,
  type TextRule,
  THOUSANDTHS_SCALE,
  UNITS,
  writeNumbers,
  writeScaledIntegers,
} from './byte-sink.js';

const decoder = new TextDecoder();

describe('writeNumbers', () => {
  const keys = [fragment(',"a":'), fragment(';'), fragment('}\n')] as Fragment[];

  /** What writeNumbers writes for `values` and `keys`, or -1. */
  function written(values: number[]): string | -1 {
    const sink = new ByteSink(256);
    const end = writeNumbers(sink.bytes, sink.view, 0, Float64Array.from(values), keys);
    return end < 0 ? -1 : decoder.decode(sink.bytes.subarray(0, end));
  }

  it('writes String(value) of each number, then its key', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
          fc.integer({ min: -1e10, max: 1e10 }).chain((k) => fc.constantFrom(k / 100, k / 1_000)),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
        fc.constantFrom(0, -0, -(2 ** 31), 2 ** 31, 9_999_999.99, -0.001, 1e21, 5e-324),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b, c) => {
          expect(written([a, b, c])).toBe(`${String(a)},"a":${String(b)};${String(c)}}\n`);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('writes String(value) at the edges of the digit tables and of the 32-bit paths', () => {
    const edges = [
      9,
      10,
      9_999,
      10_000,
      99_999_999,
      100_000_000,
      2 ** 31 - 1,
      -(2 ** 31) + 1,
      -(2 ** 31),
      2 ** 31,
      9_999_999.99,
      -9_999_999.99,
      10_000_000.01,
      1_999_999.999,
      -1_999_999.999,
      2_000_000.001,
      0.001,
      -0.999,
      0.01,
      0.1,
      0.5,
      -0.05,
      10_000.5,
      99_999_999.5,
      -0,
    ];
    for (const a of edges) {
      for (const b of [-1.5, 12.345, 0]) {
        expect(written([a, b, a])).toBe(`${String(a)},"a":${String(b)};${String(a)}}\n`);
      }
    }
  });

  it('gives -1 for NaN or ±Infinity in any place', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(written([bad, 1, 2])).toBe(-1);
      expect(written([1, bad, 2])).toBe(-1);
      expect(written([1, 2, bad])).toBe(-1);
    }
  });
});

describe('piecesFragment', () => {
  const NEEDS_QUOTES = /[",\r\n]/;
  const rules: [string, TextRule][] = [
    ['JSON', { quoted: true, special: 0x5c, text: (value) => JSON.stringify(value) }],
    [
      'CSV',
      {
        quoted: false,
        special: 0x2c,
        text: (value) => (NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value),
      },
    ],
  ];
  /** What the pieces must give: the values written by the rule's own text, the whole encoded as fragment() does. */
  const expected = (pieces: string[], rule: TextRule) =>
    fragment(pieces.map((piece, k) => (k % 2 === 1 ? rule.text(piece) : piece)).join(''));
  /** The text of a fragment (its byte length, then its bytes). */
  const textOf = (f: Fragment | undefined) =>
    f === undefined
      ? undefined
      : decoder.decode(new Uint8Array(Float64Array.from(f).buffer, 8, f[0] as number));

  it.each(rules)('gives the fragment of the joined text for any pieces (%s)', (_name, rule) => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({
        unit: fc.constantFrom('a', ' ', '~', '"', '\\', ',', '\r', '\n', '\u007f', '\u001f', 'é'),
      }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 9 }), (pieces) => {
        const made = piecesFragment(pieces, rule);
        const want = expected(pieces, rule);
        expect(textOf(made)).toBe(textOf(want));
        // Same chunks too: the bytes past the text in the last chunk are zeros.
        expect(made).toEqual(want);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each(rules)('writes plain ASCII values as they are, quoted for JSON (%s)', (name, rule) => {
    const made = piecesFragment(['{', 'plain value ~!', ':', '2026-04-20', '}'], rule);
    const quote = name === 'JSON' ? '"' : '';
    expect(textOf(made)).toBe(`{${quote}plain value ~!${quote}:${quote}2026-04-20${quote}}`);
  });

  it.each(rules)('gives undefined past MAX_FRAGMENT_BYTES, in either path (%s)', (name, rule) => {
    const quotes = name === 'JSON' ? 2 : 0;
    const fits = 'x'.repeat(MAX_FRAGMENT_BYTES - 2 - quotes);
    expect(textOf(piecesFragment(['<', fits, '>'], rule))).toHaveLength(MAX_FRAGMENT_BYTES);
    expect(piecesFragment(['<', `${fits}x`, '>'], rule)).toBeUndefined();
    expect(piecesFragment(['<', `${fits.slice(1)}é`, '>'], rule)).toBeUndefined();
    expect(textOf(piecesFragment(['<', `${fits.slice(3)}é`, '>'], rule))).toBe(
      textOf(expected(['<', `${fits.slice(3)}é`, '>'], rule)),
    );
  });

  it('leaves no byte of an earlier, longer fragment in a later one', () => {
    const rule = rules[0]?.[1] as TextRule;
    piecesFragment(['', 'y'.repeat(100), ''], rule);
    const short = piecesFragment(['', 'ab', ''], rule) as Fragment;
    expect(Array.from(new Uint8Array(Float64Array.from(short).buffer, 8))).toEqual([
      0x22, 0x61, 0x62, 0x22, 0, 0, 0, 0,
    ]);
  });
});

describe('ByteSink', () => {
  it('hands out a plain Uint8Array whose buffer holds zeros past the written bytes', () => {
    const sink = new ByteSink(64);
    // A row written in part and then abandoned (its safe path wrote a shorter line) leaves bytes past `pos`.
    sink.bytes.fill(0xff);
    sink.pos = 40;
    const result = sink.result();
    expect(Object.getPrototypeOf(result)).toBe(Uint8Array.prototype);
    expect(result).toHaveLength(40);
    const after = new Uint8Array(result.buffer, result.byteOffset + result.length);
    expect(after.every((byte) => byte === 0)).toBe(true);
  });

  it('copies the bytes out when they fill less than half of the buffer, keeping the row reserve free past them', () => {
    const sink = new ByteSink(4096, null, 16);
    sink.writeText('é and more');
    const result = sink.result();
    expect(decoder.decode(result)).toBe('é and more');
    // 11 bytes, then the reserve of 16 (and 11 >> 4 = 0 more), zeroed: passed back as `into`, it fits as much again.
    expect(result.buffer.byteLength).toBe(27);
    expect(new Uint8Array(result.buffer, 11).every((byte) => byte === 0)).toBe(true);
  });

  it('keeps what was written when it grows', () => {
    const sink = new ByteSink(4);
    sink.writeText('abc');
    sink.writeText('😀'.repeat(10));
    expect(decoder.decode(sink.result())).toBe(`abc${'😀'.repeat(10)}`);
  });
});

describe('writeScaledIntegers', () => {
  const SCALES = [
    [UNITS, 1],
    [HUNDREDTHS, 100],
    [TENTHS, 10],
    [THOUSANDTHS_SCALE, 1_000],
  ] as const;
  // Keys of every length around the three chunks copied without a loop, and one past them.
  const KEY_TEXTS = [
    ',',
    ',"a":',
    ',"incrementalRevenue":',
    ',"exactly24bytes_______":',
    `,"${'k'.repeat(40)}":`,
  ];

  /** What writeScaledIntegers writes for `values` of `kinds`, each followed by the key of its index. */
  function written(values: number[], kinds: number[]): string {
    const keys = values.map((_, i) =>
      padFragment(fragment(KEY_TEXTS[i % KEY_TEXTS.length] as string) as Fragment),
    );
    const sink = new ByteSink(64 * values.length + 64);
    const end = writeScaledIntegers(sink.view, 0, Int32Array.from(values), Uint8Array.from(kinds), keys);
    return decoder.decode(sink.bytes.subarray(0, end));
  }
  const expected = (values: number[], kinds: number[]) =>
    values
      .map((v, i) => {
        const scale = SCALES.find(([kind]) => kind === kinds[i])?.[1] as number;
        return String(v / scale) + KEY_TEXTS[i % KEY_TEXTS.length];
      })
      .join('');

  it('writes String(value / scale) of each 32-bit integer, then its key', () => {
    const int32 = fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 });
    const small = fc.integer({ min: -20_000, max: 20_000 });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.oneof(int32, small), fc.constantFrom(UNITS, HUNDREDTHS, TENTHS, THOUSANDTHS_SCALE)),
          {
            minLength: 1,
            maxLength: 24,
          },
        ),
        (pairs) => {
          const values = pairs.map(([v]) => v);
          const kinds = pairs.map(([, k]) => k);
          expect(written(values, kinds)).toBe(expected(values, kinds));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes the edges of each digit group and of each fraction', () => {
    const edges = [0, 1, 5, 9, 10, 11, 50, 99, 100, 101, 110, 999, 1_000, 1_001, 1_010, 1_100, 9_999, 10_000];
    const more = [99_999_999, 100_000_000, 100_000_001, 2 ** 31 - 1];
    const values = [...edges, ...more].flatMap((v) => [v, -v]);
    for (const [kind] of SCALES) {
      const kinds = values.map(() => kind);
      expect(written(values, kinds)).toBe(expected(values, kinds));
    }
    // -0 and 0 are written "0", as String writes both.
    expect(written([-0], [HUNDREDTHS])).toBe('0,');
  });
});
