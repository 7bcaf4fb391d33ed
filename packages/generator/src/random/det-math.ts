// Transcendental Math functions (Math.exp, Math.log, ...) are "implementation-approximated" in ECMAScript: two
// engines may differ in the last bit, and one bit can flip a rounded cent. Only + - * / are exactly rounded
// everywhere, so the generator uses this exp built from them alone: the same bits in every runtime.

const LN2 = Math.LN2;
const INV_LN2 = Math.LOG2E;

/** e^x for |x| <= 700, from + - * / only (relative error below 1e-15), so byte-identical in every JS engine. */
export function detExp(x: number): number {
  // x = k ln2 + r, |r| <= ln2/2; e^x = 2^k e^r.
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2;
  // Taylor series of e^r to degree 13 (Horner): the remainder is below 1e-17 for |r| <= 0.347.
  let p = 1 / 6227020800;
  p = p * r + 1 / 479001600;
  p = p * r + 1 / 39916800;
  p = p * r + 1 / 3628800;
  p = p * r + 1 / 362880;
  p = p * r + 1 / 40320;
  p = p * r + 1 / 5040;
  p = p * r + 1 / 720;
  p = p * r + 1 / 120;
  p = p * r + 1 / 24;
  p = p * r + 1 / 6;
  p = p * r + 0.5;
  p = p * r + 1;
  p = p * r + 1;
  return p * pow2(k);
}

function pow2(k: number): number {
  // Exact powers of two by repeated squaring of exact values.
  let result = 1;
  let base = k < 0 ? 0.5 : 2;
  let n = k < 0 ? -k : k;
  while (n > 0) {
    if (n & 1) result *= base;
    base *= base;
    n >>= 1;
  }
  return result;
}
