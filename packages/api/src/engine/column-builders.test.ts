import { describe, expect, it } from 'vitest';
import { DictionaryBuilder, NumberColumnBuilder, storedRange } from './column-builders.js';

const decode = (column: { values: ArrayLike<number>; scale: number }) =>
  Array.from(column.values, (v) => v / column.scale);

function encode(values: number[]) {
  const builder = new NumberColumnBuilder(values.length);
  for (const [i, value] of values.entries()) builder.set(i, value);
  return builder.finish();
}

describe('NumberColumnBuilder', () => {
  it('stores durations in one byte and cents in four, decoding to the very same doubles', () => {
    const days = encode([7, 14, 21, 28, 7]);
    expect(days.values).toBeInstanceOf(Int8Array);
    expect(decode(days)).toEqual([7, 14, 21, 28, 7]);
    const money = [0.1, 19.99, 1234567.89, -45.5, 0.3];
    const cents = encode(money);
    expect(cents.values).toBeInstanceOf(Int32Array);
    expect(cents.scale).toBe(100);
    expect(decode(cents)).toEqual(money);
  });

  it('raises the scale mid-column when a finer value arrives, keeping the earlier rows exact', () => {
    const values = [1.5, 2, -3.25, 0.125, 7];
    const column = encode(values);
    expect(column.scale).toBe(1000);
    expect(column.values).toBeInstanceOf(Int16Array);
    expect(decode(column)).toEqual(values);
  });

  it('falls back to doubles for values no power of ten up to 10,000 holds, or -0', () => {
    for (const odd of [0.1 + 0.2, Math.PI, 1e12, -0]) {
      const values = [1.25, odd, 3];
      const column = encode(values);
      expect(column.values, String(odd)).toBeInstanceOf(Float64Array);
      expect(decode(column).map((v) => Object.is(v, -0))).toEqual(values.map((v) => Object.is(v, -0)));
      expect(decode(column)).toEqual(values);
    }
  });
});

describe('DictionaryBuilder', () => {
  it('widens its codes past 256 and 65,536 distinct values and keeps every row', () => {
    const size = 70_000;
    const builder = new DictionaryBuilder(size);
    for (let i = 0; i < size; i++) builder.set(i, `v${i}`);
    const dictionary = builder.finish();
    expect(dictionary.codes).toBeInstanceOf(Uint32Array);
    expect(dictionary.values[dictionary.codes[69_999] as number]).toBe('v69999');
    expect(dictionary.values[dictionary.codes[300] as number]).toBe('v300');
    const small = new DictionaryBuilder(4);
    for (const [i, value] of ['a', 'b', 'a', 'a'].entries()) small.set(i, value);
    expect(small.finish()).toMatchObject({ values: ['a', 'b'], codes: Uint8Array.from([0, 1, 0, 0]) });
  });
});

describe('storedRange', () => {
  it('selects exactly the rows whose decoded value lies in the range, for every bound near the values', () => {
    const values = [-12.5, -0.01, 0, 0.001, 0.3, 1.005, 2.999, 3, 19.99, 123.456];
    const column = encode(values);
    expect(column.scale).toBe(1000);
    const decoded = decode(column);
    const bounds = [
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      -1e300,
      1e300,
      ...values.flatMap((v) => [v, v - 1e-9, v + 1e-9, v - 0.0005, v + 0.0005]),
      0.1 + 0.2,
    ];
    for (const gte of bounds) {
      for (const lte of [Number.POSITIVE_INFINITY, 3, 0.3, gte]) {
        const [lo, hi] = storedRange(column, gte, lte);
        const got = Array.from(column.values, (q) => q >= lo && q <= hi);
        expect(got, `${gte}..${lte}`).toEqual(decoded.map((v) => v >= gte && v <= lte));
      }
    }
  });
});
