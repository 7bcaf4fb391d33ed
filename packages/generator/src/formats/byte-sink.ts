// The output side of the fast writers (./promotions-to-bytes.ts): a growable byte buffer written at a cursor, the
// text pieces they copy (fragments, written four bytes at a time) and numbers written digit by digit, with the
// same characters as String(number).
import { numberText } from './number-text.js';

const encoder = new TextEncoder();

/**
 * UTF-8 text as little-endian 32-bit words, `[byteLength, word, word, …]`. Copying it writes whole words, so up to
 * three bytes past its end get written too: the writers reserve room for them and overwrite them next. (Words, not
 * `Uint8Array#set`: rows are made of many short pieces, where a call to `set` costs more than the copy.)
 */
export type Fragment = Uint32Array;

/** The longest fragment the writers make: a longer piece of text sends its row to the safe path. */
export const MAX_FRAGMENT_BYTES = 4_096;

/** `text` as a {@link Fragment}, or `undefined` when its UTF-8 is longer than {@link MAX_FRAGMENT_BYTES}. */
export function fragment(text: string): Fragment | undefined {
  const bytes = encoder.encode(text);
  if (bytes.length > MAX_FRAGMENT_BYTES) return undefined;
  const words = new Uint32Array(1 + ((bytes.length + 3) >> 2));
  words[0] = bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const w = 1 + (i >> 2);
    words[w] = ((words[w] as number) | ((bytes[i] as number) << ((i & 3) * 8))) >>> 0;
  }
  return words;
}

/** Copies `f` to `pos` (whole words: see {@link Fragment}) and returns the position after its last byte. */
export function putFragment(view: DataView, pos: number, f: Fragment): number {
  const n = f.length;
  for (let i = 1; i < n; i++) view.setUint32(pos + 4 * i - 4, f[i] as number, true);
  return pos + (f[0] as number);
}

/** ASCII digit pairs "00" … "99". */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + Math.floor(i / 10);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}

/** Writes the digits of the integer `n` (0 ≤ n < 2^31) at `pos`; returns the position after them. */
function writeDigits(bytes: Uint8Array, pos: number, n: number): number {
  const len =
    n < 10
      ? 1
      : n < 100
        ? 2
        : n < 1_000
          ? 3
          : n < 10_000
            ? 4
            : n < 100_000
              ? 5
              : n < 1_000_000
                ? 6
                : n < 10_000_000
                  ? 7
                  : n < 100_000_000
                    ? 8
                    : n < 1_000_000_000
                      ? 9
                      : 10;
  let p = pos + len;
  let rest = n;
  while (rest >= 100) {
    const q = (rest / 100) | 0;
    const r = (rest - q * 100) * 2;
    bytes[--p] = PAIRS[r + 1] as number;
    bytes[--p] = PAIRS[r] as number;
    rest = q;
  }
  if (rest >= 10) {
    bytes[--p] = PAIRS[rest * 2 + 1] as number;
    bytes[--p] = PAIRS[rest * 2] as number;
  } else {
    bytes[--p] = 48 + rest;
  }
  return pos + len;
}

/** Below this magnitude cents and thousandths are written from integers (see numberText for why that is exact). */
const DIGITS_LIMIT = 10_000_000;

/**
 * Writes `String(value)` of a finite number at `pos` (at most 25 bytes) and returns the position after it, or -1
 * for NaN and ±Infinity (which JSON and CSV write differently: the caller takes its safe path). Integers of 32
 * bits, and cents or thousandths below 10^7, are written from integers; any other number from `numberText`.
 */
export function writeNumber(bytes: Uint8Array, pos: number, value: number): number {
  if (value === (value | 0)) {
    // -0 lands here too and is written "0", as String(-0) is.
    if (value < 0) {
      bytes[pos] = 45;
      return writeDigits(bytes, pos + 1, -value);
    }
    return writeDigits(bytes, pos, value);
  }
  if (value > -DIGITS_LIMIT && value < DIGITS_LIMIT) {
    const cents = Math.round(value * 100);
    if (cents / 100 === value) {
      let p = pos;
      let abs = cents;
      if (abs < 0) {
        bytes[p++] = 45;
        abs = -abs;
      }
      const whole = (abs / 100) | 0;
      p = writeDigits(bytes, p, whole);
      const f = abs - whole * 100;
      if (f !== 0) {
        bytes[p++] = 46;
        bytes[p++] = PAIRS[f * 2] as number;
        if (f % 10 !== 0) bytes[p++] = PAIRS[f * 2 + 1] as number;
      }
      return p;
    }
    const thousandths = Math.round(value * 1000);
    if (thousandths / 1000 === value) {
      // Not a whole number of cents, so the third decimal is not 0: all three are written.
      let p = pos;
      let abs = thousandths;
      if (abs < 0) {
        bytes[p++] = 45;
        abs = -abs;
      }
      const whole = (abs / 1000) | 0;
      p = writeDigits(bytes, p, whole);
      const f = abs - whole * 1000;
      const h = (f / 100) | 0;
      const r = (f - h * 100) * 2;
      bytes[p] = 46;
      bytes[p + 1] = 48 + h;
      bytes[p + 2] = PAIRS[r] as number;
      bytes[p + 3] = PAIRS[r + 1] as number;
      return p + 4;
    }
  }
  if (!Number.isFinite(value)) return -1;
  const text = numberText(value);
  for (let i = 0; i < text.length; i++) bytes[pos + i] = text.charCodeAt(i);
  return pos + text.length;
}

/**
 * Writes `value` (a finite number, as {@link writeNumber}) then `after`; returns the position after them, or -1
 * for anything else.
 */
export function writeNumberThen(
  bytes: Uint8Array,
  view: DataView,
  pos: number,
  value: unknown,
  after: Fragment,
): number {
  if (typeof value !== 'number') return -1;
  const end = writeNumber(bytes, pos, value);
  return end < 0 ? -1 : putFragment(view, end, after);
}

/** A byte buffer that the writers fill at `pos`, grown on demand. */
export class ByteSink {
  bytes: Uint8Array;
  view: DataView;
  pos = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Makes room for `n` more bytes at `pos`. */
  reserve(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.pos + n));
    grown.set(this.bytes.subarray(0, this.pos));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  /** Appends `text` as UTF-8 (the safe path: any string). */
  writeText(text: string): void {
    this.reserve(text.length * 3);
    this.pos += encoder.encodeInto(text, this.bytes.subarray(this.pos)).written;
  }

  /** The bytes written, without copying them unless the buffer is more than twice as long. */
  result(): Uint8Array {
    const written = this.bytes.subarray(0, this.pos);
    return this.pos * 2 < this.bytes.length ? written.slice() : written;
  }
}
