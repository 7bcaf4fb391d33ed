// Test helpers of the byte writers' tests (imported by *.test.ts only; not part of the package).
import { expect } from 'vitest';
import type { Promotion } from '../types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The safe path the fast writers must equal: each row's line, `\n`, the whole text encoded to UTF-8. */
export const safeBytes = (rows: readonly Promotion[], line: (row: Promotion) => string): Uint8Array =>
  encoder.encode(rows.map((row) => `${line(row)}\n`).join(''));

/** Asserts equal bytes; on a difference, shows the two texts (toEqual on long byte arrays is far too slow). */
export function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  let same = actual.length === expected.length;
  for (let i = 0; same && i < actual.length; i++) same = actual[i] === expected[i];
  if (!same) expect(decoder.decode(actual)).toBe(decoder.decode(expected));
  expect(same).toBe(true);
}
