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

/** Writes `String(value)` of a number that the digit writer below does not take; -1 for NaN and ±Infinity. */
function writeOtherNumber(bytes: Uint8Array, pos: number, value: number): number {
  if (!Number.isFinite(value)) return -1;
  const text = numberText(value);
  for (let i = 0; i < text.length; i++) bytes[pos + i] = text.charCodeAt(i);
  return pos + text.length;
}

/**
 * Writes each of `numbers` as `String(number)` (at most 25 bytes), followed by its fragment of `keys`, from
 * `pos`; returns the position after the last, or -1 if one of them is NaN or ±Infinity (which JSON and CSV write
 * differently: the caller takes its safe path). Integers of 32 bits, and cents or thousandths below 10^7, are
 * written from integers; any other number from `numberText`. One loop, so that the digit writer is compiled once,
 * inside it, rather than called for every number.
 */
export function writeNumbers(
  bytes: Uint8Array,
  view: DataView,
  pos: number,
  numbers: Float64Array,
  keys: readonly Fragment[],
): number {
  let p = pos;
  for (let i = 0; i < numbers.length; i++) {
    const value = numbers[i] as number;
    // The number as an integer count of units of 1, 1/100 or 1/1000 (scale 1, 100, 1000); 0 for any other.
    let scaled = 0;
    let scale = 0;
    if (value === (value | 0)) {
      // -0 lands here too and is written "0", as String(-0) is.
      scaled = value;
      scale = 1;
    } else if (value > -DIGITS_LIMIT && value < DIGITS_LIMIT) {
      const cents = Math.round(value * 100);
      if (cents / 100 === value) {
        scaled = cents;
        scale = 100;
      } else {
        const thousandths = Math.round(value * 1000);
        if (thousandths / 1000 === value) {
          scaled = thousandths;
          scale = 1000;
        }
      }
    }
    if (scale === 0) {
      p = writeOtherNumber(bytes, p, value);
      if (p < 0) return -1;
    } else {
      if (scaled < 0) {
        bytes[p++] = 45;
        scaled = -scaled;
      }
      // Not `| 0` for scale 1: -(-2^31) does not fit 32 bits.
      const whole = scale === 1 ? scaled : (scaled / scale) | 0;
      p = writeDigits(bytes, p, whole);
      const f = scaled - whole * scale;
      if (scale === 100) {
        if (f !== 0) {
          bytes[p++] = 46;
          bytes[p++] = PAIRS[f * 2] as number;
          if (f % 10 !== 0) bytes[p++] = PAIRS[f * 2 + 1] as number;
        }
      } else if (scale === 1000) {
        // Not a whole number of cents, so the third decimal is not 0: all three are written.
        const h = (f / 100) | 0;
        const r = (f - h * 100) * 2;
        bytes[p] = 46;
        bytes[p + 1] = 48 + h;
        bytes[p + 2] = PAIRS[r] as number;
        bytes[p + 3] = PAIRS[r + 1] as number;
        p += 4;
      }
    }
    p = putFragment(view, p, keys[i] as Fragment);
  }
  return p;
}

/** Node's (or Bun's) `Buffer`, when the runtime has one. */
const NodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow?: (size: number) => Uint8Array } }).Buffer;

/**
 * A new byte array of `size` bytes. On Node, memory that is not zero-filled (`Buffer.allocUnsafeSlow`, a
 * `malloc`), which reuses the memory of earlier chunks instead of faulting in fresh zeroed pages: ~10 % of an
 * NDJSON chunk's time here. Its bytes are written before they are read, and {@link ByteSink.result} zeroes the
 * rest, so no old memory is ever handed out. Elsewhere a zeroed `Uint8Array`.
 */
function allocate(size: number): Uint8Array {
  const allocUnsafeSlow = NodeBuffer?.allocUnsafeSlow;
  if (typeof allocUnsafeSlow !== 'function') return new Uint8Array(size);
  const buffer = allocUnsafeSlow(size);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A byte buffer that the writers fill at `pos`, grown on demand. */
export class ByteSink {
  bytes: Uint8Array;
  view: DataView;
  pos = 0;

  constructor(capacity: number) {
    this.bytes = allocate(capacity);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  /** Makes room for `n` more bytes at `pos`. */
  reserve(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    const grown = allocate(Math.max(this.bytes.length * 2, this.pos + n));
    grown.set(this.bytes.subarray(0, this.pos));
    this.bytes = grown;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
  }

  /** Appends `text` as UTF-8 (the safe path: any string). */
  writeText(text: string): void {
    this.reserve(text.length * 3);
    this.pos += encoder.encodeInto(text, this.bytes.subarray(this.pos)).written;
  }

  /**
   * The bytes written, without copying them unless the buffer is more than twice as long. The rest of the buffer
   * (which the returned view's `buffer` still holds) is zeroed first: it may hold bytes of an unfinished row or,
   * on Node, memory that was never written.
   */
  result(): Uint8Array {
    const written = this.bytes.subarray(0, this.pos);
    if (this.pos * 2 < this.bytes.length) return written.slice();
    this.bytes.fill(0, this.pos);
    return written;
  }
}
