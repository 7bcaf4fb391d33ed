// Transcendental Math functions (Math.exp, Math.log, ...) are "implementation-approximated" in ECMAScript: two
// engines may differ in the last bit, and one bit can flip a rounded cent. Only + - * / are exactly rounded
// everywhere, so the generator uses this exp built from them alone: the same bits in every runtime.

const LN2 = Math.LN2;
const INV_LN2 = Math.LOG2E;

/** Exact powers of two 2^-64 … 2^64 (products of exact values are exact). */
const POW2 = new Float64Array(129);
POW2[64] = 1;
for (let k = 1; k <= 64; k++) {
  POW2[64 + k] = (POW2[63 + k] as number) * 2;
  POW2[64 - k] = (POW2[65 - k] as number) * 0.5;
}

/** e^x for |x| <= 44 (relative error below 1e-15), from + - * / only, so byte-identical in every JS engine. */
export function detExp(x: number): number {
  // x = k ln2 + r, |r| <= ln2/2; e^x = 2^k e^r.
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2;
  // Taylor series of e^r to degree 12 (Horner): the remainder is below 3e-16 for |r| <= 0.347.
  let p = 1 / 479001600;
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
  return p * (POW2[64 + k] as number);
}
