// The output side of the fast writers (./promotions-to-bytes.ts): a growable byte buffer written at a cursor, the
// text pieces they copy (fragments, written eight bytes at a time) and numbers written digit by digit, with the
// same characters as String(number).
import { numberText } from './number-text.js';

const encoder = new TextEncoder();

/**
 * UTF-8 text as 8-byte chunks, `[byteLength, chunk, chunk, …]`, each chunk the little-endian bytes read as a
 * double, in a plain array of doubles (V8 keeps them unboxed, on its heap). Copying it writes whole chunks
 * (`DataView#setFloat64`), so up to seven bytes past its end get written too: the writers reserve room for them
 * and overwrite them next. (Chunks, not `Uint8Array#set`: a row is made of many pieces, where a call to `set`
 * costs more than the copy.)
 *
 * Why a double holds any 8 bytes of UTF-8 exactly: only a NaN could lose its bits (an engine may rewrite NaN
 * payloads), and a NaN needs its top byte to be 0x7F or 0xFF and the byte below it to be 0xF0 or more. 0xFF is
 * never in UTF-8, and a byte of 0xF0 or more starts a four-byte sequence, so the byte after it is 0x80-0xBF, not
 * 0x7F (text from `TextEncoder` is always valid UTF-8: a lone surrogate becomes U+FFFD). {@link fragment} checks
 * it anyway.
 */
export type Fragment = readonly number[];

/** The longest fragment the writers make: a longer piece of text sends its row to the safe path. */
export const MAX_FRAGMENT_BYTES = 4_096;

/** Bytes a {@link putFragment} may write past the end of its fragment. */
export const FRAGMENT_OVERRUN = 7;

/** `text` as a {@link Fragment}, or `undefined` when its UTF-8 is longer than {@link MAX_FRAGMENT_BYTES}. */
export function fragment(text: string): Fragment | undefined {
  const bytes = encoder.encode(text);
  if (bytes.length > MAX_FRAGMENT_BYTES) return undefined;
  const padded = new Uint8Array(8 * (1 + ((bytes.length + 7) >> 3)));
  padded.set(bytes, 8);
  const chunks = new Float64Array(padded.buffer);
  // Never true for UTF-8 (see Fragment); a NaN chunk would make the copy depend on the engine.
  for (let i = 1; i < chunks.length; i++) if (Number.isNaN(chunks[i])) return undefined;
  return chunksOf(chunks, chunks.length, bytes.length);
}

/**
 * `length`, then chunks 1 … `count - 1` of `source`: a plain array of doubles, which V8 allocates on its heap in
 * ~30 ns, where a `Float64Array` of its own memory took ~0.4 µs (a new store's fragment, every 30 rows).
 */
function chunksOf(source: Float64Array, count: number, length: number): Fragment {
  // A double literal, so that every fragment has the same elements kind (unboxed doubles) and map.
  const chunks = [0.5];
  chunks[0] = length;
  for (let i = 1; i < count; i++) chunks.push(source[i] as number);
  return chunks;
}

/**
 * How a format writes a text value inside a fragment (see {@link piecesFragment}): `quoted` between double quotes
 * (JSON) or as it is (CSV) when it is printable ASCII without `"` and without `special` (JSON: `\`; CSV: `,`),
 * which is then exactly what `text` gives; `text` (JSON.stringify, the CSV quoting rule) for any other value.
 */
export interface TextRule {
  readonly quoted: boolean;
  readonly special: number;
  readonly text: (value: string) => string;
}

/** Where {@link piecesFragment} assembles a fragment: its chunks, as bytes (one byte past the longest fragment). */
const SCRATCH = new Float64Array(2 + (MAX_FRAGMENT_BYTES >> 3));
const SCRATCH_BYTES = new Uint8Array(SCRATCH.buffer);

/**
 * The fragment of `pieces` joined, the pieces at odd indexes being text values written by `rule` (the others, the
 * format's keys and separators, as they are): `fragment(pieces.map(…).join(''))`, or `undefined` when longer
 * than {@link MAX_FRAGMENT_BYTES}. When every piece is printable ASCII and every value needs no escape (what the
 * generator's rows hold), its bytes are copied straight into a scratch buffer: no text is built, no
 * `JSON.stringify` or `TextEncoder` call made (a new store's fragment cost ~2.5 µs that way, ~80 ns of each of
 * its 30 rows). ASCII never makes a NaN chunk: a NaN needs a top byte of 0x7F or 0xFF (see {@link Fragment}).
 */
export function piecesFragment(pieces: readonly string[], rule: TextRule): Fragment | undefined {
  const bytes = SCRATCH_BYTES;
  let n = 8;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k] as string;
    const value = (k & 1) === 1;
    const quote = value && rule.quoted;
    if (n + piece.length + 2 > MAX_FRAGMENT_BYTES + 8) return slowFragment(pieces, rule);
    if (quote) bytes[n++] = 0x22;
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || (value && (c === 0x22 || c === rule.special))) {
        return slowFragment(pieces, rule);
      }
      bytes[n + i] = c;
    }
    n += piece.length;
    if (quote) bytes[n++] = 0x22;
  }
  const length = n - 8;
  const end = (n + 7) & ~7;
  bytes.fill(0, n, end);
  return chunksOf(SCRATCH, end >> 3, length);
}

/** {@link piecesFragment} for pieces that are not all plain ASCII: the text built, then encoded. */
function slowFragment(pieces: readonly string[], rule: TextRule): Fragment | undefined {
  let text = '';
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k] as string;
    text += (k & 1) === 1 ? rule.text(piece) : piece;
  }
  return fragment(text);
}

/** Copies `f` to `pos` (whole chunks: see {@link Fragment}) and returns the position after its last byte. */
export function putFragment(view: DataView, pos: number, f: Fragment): number {
  const n = f.length;
  let p = pos | 0;
  for (let i = 1; i < n; i++) {
    view.setFloat64(p, f[i] as number, true);
    p = (p + 8) | 0;
  }
  return (pos + ((f[0] as number) | 0)) | 0;
}

/** The ASCII bytes of `text` (at most four characters) as a little-endian 32-bit word. */
function asciiWord(text: string): number {
  let word = 0;
  for (let i = 0; i < text.length; i++) word |= text.charCodeAt(i) << (8 * i);
  return word;
}

/**
 * Digit words, each written with one `DataView#setUint32` (up to three bytes past the text get written too, and
 * overwritten next): 0-9999 without leading zeros (`DIGITS`, with its `DIGITS_LENGTH`), 0000-9999 (`PADDED`),
 * the fraction of a number of cents (`CENTS`: "" for 0, ".5" for 50, ".05", ".57"; `CENTS_LENGTH`) and of
 * thousandths (`THOUSANDTHS`: ".001" … ".999", always four bytes). ASCII words are below 2^31.
 */
const DIGITS = new Int32Array(10_000);
const DIGITS_LENGTH = new Uint8Array(10_000);
const PADDED = new Int32Array(10_000);
const CENTS = new Int32Array(100);
const CENTS_LENGTH = new Uint8Array(100);
const THOUSANDTHS = new Int32Array(1_000);
for (let n = 0; n < 10_000; n++) {
  const text = String(n);
  DIGITS[n] = asciiWord(text);
  DIGITS_LENGTH[n] = text.length;
  PADDED[n] = asciiWord(text.padStart(4, '0'));
}
for (let f = 0; f < 100; f++) {
  const text = f === 0 ? '' : f % 10 === 0 ? `.${f / 10}` : `.${String(f).padStart(2, '0')}`;
  CENTS[f] = asciiWord(text);
  CENTS_LENGTH[f] = text.length;
}
for (let f = 0; f < 1_000; f++) THOUSANDTHS[f] = asciiWord(`.${String(f).padStart(3, '0')}`);

/**
 * Writes the digits of the integer `n` (0 ≤ n < 2^31, an int32 to the compiler) at `pos`, four digits a store;
 * returns the position after them. Writes up to three bytes past them.
 */
function writeDigits(view: DataView, pos: number, n: number): number {
  if (n < 10_000) {
    view.setUint32(pos, DIGITS[n] as number, true);
    return (pos + (DIGITS_LENGTH[n] as number)) | 0;
  }
  let p = pos | 0;
  let rest = n;
  if (n >= 100_000_000) {
    const top = (n / 100_000_000) | 0;
    view.setUint32(p, DIGITS[top] as number, true);
    p = (p + (DIGITS_LENGTH[top] as number)) | 0;
    rest = (n - top * 100_000_000) | 0;
    const high = (rest / 10_000) | 0;
    view.setUint32(p, PADDED[high] as number, true);
    p = (p + 4) | 0;
    rest = (rest - high * 10_000) | 0;
  } else {
    const high = (n / 10_000) | 0;
    view.setUint32(p, DIGITS[high] as number, true);
    p = (p + (DIGITS_LENGTH[high] as number)) | 0;
    rest = (n - high * 10_000) | 0;
  }
  view.setUint32(p, PADDED[rest] as number, true);
  return (p + 4) | 0;
}

/** Below this magnitude cents are written from integers (see numberText for why that is exact); 10^9 cents fit 32 bits. */
const CENTS_LIMIT = 10_000_000;
/** The same for thousandths: 2·10^9 thousandths still fit 32 bits. */
const THOUSANDTHS_LIMIT = 2_000_000;

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
 * differently: the caller takes its safe path). Integers of 32 bits (but -2^31), cents below 10^7 and thousandths
 * below 2·10^6 are written from 32-bit integers (no float division in the digit loop); any other number from
 * `numberText`. One loop, so that the digit writer is compiled once, inside it, rather than called for every
 * number.
 */
export function writeNumbers(
  bytes: Uint8Array,
  view: DataView,
  pos: number,
  numbers: Float64Array,
  keys: readonly Fragment[],
): number {
  let p = pos | 0;
  for (let i = 0; i < numbers.length; i++) {
    const value = numbers[i] as number;
    // The number as a count of units of 1/100 (whole numbers included: most fields hold cents or integers, so
    // this first test is the one that branch prediction learns) or 1/1000, |units| < 2^31; scale 0: other.
    let units = 0;
    let scale = 0;
    const cents = Math.round(value * 100);
    if (value > -CENTS_LIMIT && value < CENTS_LIMIT && cents / 100 === value) {
      // -0 lands here too and is written "0", as String(-0) is.
      units = cents | 0;
      scale = 100;
    } else if (value > -THOUSANDTHS_LIMIT && value < THOUSANDTHS_LIMIT) {
      const thousandths = Math.round(value * 1000);
      if (thousandths / 1000 === value) {
        units = thousandths | 0;
        scale = 1000;
      }
    } else if (value === (value | 0) && value !== -2_147_483_648) {
      units = value | 0;
      scale = 1;
    }
    if (scale === 0) {
      p = writeOtherNumber(bytes, p, value) | 0;
      if (p < 0) return -1;
    } else {
      // The sign without a branch: "-" is always written and kept only for a negative number (the digits
      // overwrite it otherwise). |units| < 2^31 - 1 (-2^31 went to numberText), so the negation fits 32 bits.
      const negative = units >> 31;
      const magnitude = ((units ^ negative) - negative) | 0;
      view.setUint8(p, 45);
      p = (p - negative) | 0;
      if (scale === 100) {
        const whole = (magnitude / 100) | 0;
        p = writeDigits(view, p, whole);
        const f = (magnitude - whole * 100) | 0;
        view.setUint32(p, CENTS[f] as number, true);
        p = (p + (CENTS_LENGTH[f] as number)) | 0;
      } else if (scale === 1000) {
        const whole = (magnitude / 1000) | 0;
        p = writeDigits(view, p, whole);
        // Not a whole number of cents, so the third decimal is not 0: all three are written.
        view.setUint32(p, THOUSANDTHS[(magnitude - whole * 1000) | 0] as number, true);
        p = (p + 4) | 0;
      } else {
        p = writeDigits(view, p, magnitude);
      }
    }
    p = putFragment(view, p, keys[i] as Fragment);
  }
  return p;
}

/** How {@link writeScaledIntegers} writes an integer: as it is, or as hundredths, tenths or thousandths. */
export const UNITS = 0;
export const HUNDREDTHS = 1;
export const TENTHS = 2;
export const THOUSANDTHS_SCALE = 3;

/**
 * Writes each of `values` (32-bit integers, but -2^31) as `String(values[i] / scale)` of its kind in `kinds`
 * ({@link UNITS}: 1, {@link HUNDREDTHS}: 100, {@link TENTHS}: 10, {@link THOUSANDTHS_SCALE}: 1000), followed
 * by its fragment of `keys` (each padded by {@link padFragment}), from `pos`; returns the position after the
 * last. A quotient of such an integer has at most 10 significant digits, so its shortest round-trip text is its
 * decimal with the trailing zeros of the fraction dropped (no exponent below 10^21 and at or above 10^-6, which
 * 0.001 is), which is what this writes; 0 is written "0" (as `String(-0)` is). For numbers the generator computes as integers (formats/generated-bytes.ts):
 * no test of what kind a number is, no float arithmetic.
 */
export function writeScaledIntegers(
  view: DataView,
  pos: number,
  values: Int32Array,
  kinds: Uint8Array,
  keys: readonly Fragment[],
): number {
  let p = pos | 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    // The sign without a branch, as in writeNumbers.
    const negative = v >> 31;
    const magnitude = ((v ^ negative) - negative) | 0;
    view.setUint8(p, 45);
    p = (p - negative) | 0;
    const kind = kinds[i] as number;
    if (kind === HUNDREDTHS) {
      const whole = (magnitude / 100) | 0;
      p = writeDigits(view, p, whole);
      const f = (magnitude - whole * 100) | 0;
      view.setUint32(p, CENTS[f] as number, true);
      p = (p + (CENTS_LENGTH[f] as number)) | 0;
    } else if (kind === UNITS) {
      p = writeDigits(view, p, magnitude);
    } else if (kind === TENTHS) {
      const whole = (magnitude / 10) | 0;
      p = writeDigits(view, p, whole);
      const f = (magnitude - whole * 10) | 0;
      // ".d", kept only when d is not 0.
      view.setUint16(p, 0x2e | ((0x30 + f) << 8), true);
      p = (p + (f === 0 ? 0 : 2)) | 0;
    } else {
      const whole = (magnitude / 1000) | 0;
      p = writeDigits(view, p, whole);
      const f = (magnitude - whole * 1000) | 0;
      const tens = (f / 10) | 0;
      if (f === tens * 10) {
        // A whole number of hundredths: ".5", ".05", ".57" or nothing.
        view.setUint32(p, CENTS[tens] as number, true);
        p = (p + (CENTS_LENGTH[tens] as number)) | 0;
      } else {
        view.setUint32(p, THOUSANDTHS[f] as number, true);
        p = (p + 4) | 0;
      }
    }
    // Three chunks whatever the key's length (keys are padded to three: see padFragment), a loop past them.
    const key = keys[i] as Fragment;
    view.setFloat64(p, key[1] as number, true);
    view.setFloat64(p + 8, key[2] as number, true);
    view.setFloat64(p + 16, key[3] as number, true);
    for (let k = 4; k < key.length; k++) view.setFloat64(p + 8 * (k - 1), key[k] as number, true);
    p = (p + ((key[0] as number) | 0)) | 0;
  }
  return p;
}

/**
 * `f` with zero chunks appended up to three: {@link writeScaledIntegers} copies three chunks of each key without
 * a loop (up to 24 bytes past a short key get written, and overwritten next).
 */
export function padFragment(f: Fragment): Fragment {
  const padded = [...f];
  while (padded.length < 4) padded.push(0);
  return padded;
}

/** Node's (or Bun's) `Buffer`, when the runtime has one. */
const NodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow?: (size: number) => Uint8Array } }).Buffer;

/** The buffers {@link allocate} made: a result of the writers passed back as `into` is reused whole. */
const OWN_BUFFERS = new WeakSet<ArrayBufferLike>();

/**
 * A new byte array of `size` bytes. On Node, memory that is not zero-filled (`Buffer.allocUnsafeSlow`, a
 * `malloc`), which reuses the memory of earlier chunks instead of faulting in fresh zeroed pages: ~10 % of an
 * NDJSON chunk's time here. Its bytes are written before they are read, and {@link ByteSink.result} zeroes the
 * rest, so no old memory is ever handed out. Elsewhere a zeroed `Uint8Array`.
 */
function allocate(size: number): Uint8Array {
  const allocUnsafeSlow = NodeBuffer?.allocUnsafeSlow;
  let bytes: Uint8Array;
  if (typeof allocUnsafeSlow !== 'function') {
    bytes = new Uint8Array(size);
  } else {
    const buffer = allocUnsafeSlow(size);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  OWN_BUFFERS.add(bytes.buffer);
  return bytes;
}

/**
 * The memory of `into` the writers may write: all of its buffer when a writer made that buffer (a result passed
 * back), else exactly its own bytes; `null` when that is shorter than `minimum` or the buffer is resizable,
 * growable or detached (a new array is made then).
 */
function reusable(into: Uint8Array, minimum: number): Uint8Array | null {
  const buffer = into.buffer as ArrayBuffer & { resizable?: boolean; growable?: boolean };
  // A detached buffer has no bytes (and no view can be made on it).
  if (buffer.resizable === true || buffer.growable === true || buffer.byteLength < minimum) return null;
  if (OWN_BUFFERS.has(buffer)) return new Uint8Array(buffer);
  return into.byteLength >= minimum ? new Uint8Array(buffer, into.byteOffset, into.byteLength) : null;
}

/** A byte buffer that the writers fill at `pos`, grown on demand. */
export class ByteSink {
  bytes: Uint8Array;
  view: DataView;
  pos = 0;
  /** Whether `bytes` is memory the caller handed over (`into`): the result is then never copied out. */
  private reused: boolean;
  /** Bytes the writers reserve before each row: kept free past a copied-out result, so that it can be reused. */
  private readonly headroom: number;

  /**
   * A sink of `capacity` bytes; with `into` (see {@link reusable}), in its memory when it holds at least
   * `minimum` bytes (it grows into new memory when the rows need more).
   */
  constructor(capacity: number, into: Uint8Array | null = null, minimum = capacity) {
    const memory = into === null ? null : reusable(into, minimum);
    this.reused = memory !== null;
    this.headroom = minimum;
    this.bytes = memory ?? allocate(capacity);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  /** Makes room for `n` more bytes at `pos`. */
  reserve(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    const grown = allocate(Math.max(this.bytes.length * 2, this.pos + n));
    grown.set(this.bytes.subarray(0, this.pos));
    this.bytes = grown;
    this.reused = false;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
  }

  /** Appends `text` as UTF-8 (the safe path: any string). */
  writeText(text: string): void {
    this.reserve(text.length * 3);
    this.pos += encoder.encodeInto(text, this.bytes.subarray(this.pos)).written;
  }

  /**
   * The bytes written, without copying them unless the buffer is more than twice as long (never when it is the
   * caller's `into`). The rest of the buffer
   * (which the returned view's `buffer` still holds) is zeroed first: it may hold bytes of an unfinished row or,
   * on Node, memory that was never written.
   */
  result(): Uint8Array {
    const written = this.bytes.subarray(0, this.pos);
    if (!this.reused && this.pos * 2 < this.bytes.length) {
      // Copied out into memory of its own with room for the row reserve and 1/16 more: passed back as `into`
      // for a chunk of about as many bytes, it is written into instead of outgrown at its last rows.
      const copy = allocate(Math.min(this.bytes.length, this.pos + this.headroom + (this.pos >> 4)));
      copy.set(written);
      copy.fill(0, this.pos);
      return copy.subarray(0, this.pos);
    }
    this.bytes.fill(0, this.pos);
    return written;
  }
}
