import { fmix32 } from '@promoscale/generator/internal';
import type { Promotion } from '../schemas/promotion-schema.js';

/** Stores probed, from the one a sequence number points at, for an active promotion. */
const PROBE_STORES = 64;
/** Share of extra units that are truly incremental (the generator's assumption: 45 %). */
const INCREMENTAL_SHARE = 0.45;

/**
 * The 32-bit hash of the seed that picks live updates (FNV-1a over its string form): the same for `42` and `'42'`.
 * Not the generator's `hashSeed`, which hashes a seed to the two words its PRNG streams start from.
 */
export function liveSeedHash(seed: number | string): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A well-mixed 32-bit hash of two integers: `b` (up to 2^53) folded into `a`, then murmur3's finaliser. */
export function mix32(a: number, b: number): number {
  return fmix32(a ^ Math.imul(b | 0, 0x9e3779b1) ^ Math.imul(Math.floor(b / 0x1_0000_0000), 0x85ebca6b));
}

/**
 * Live update `sequence` of a dataset: a store chosen by `hash(seed, sequence)` (the next stores if it has no
 * active promotion, up to 64), one of its active promotions chosen by a second hash, and that promotion after
 * `1 + floor(promoUnits × sequence / (4 × (sequence + 100)))` more units sold: `revenue`, `incrementalUnits`,
 * `liftPct`, `incrementalRevenue`, `grossMargin` and `marginPct` follow exactly; `incrementalMargin` grows by the
 * truly incremental 45 % of the extra units' margin; `promoSpend` stays; `roi` follows. The extra units grow
 * with `sequence`, so a promotion only ever moves forward, and stay below a quarter of its units.
 *
 * @returns `null` when the probed stores have no active promotion (for instance `asOf` far from the calendar)
 */
export function computeLiveUpdate(
  seed: number | string,
  storeCount: number,
  sequence: number,
  storeRows: (storeNumber: number) => readonly Promotion[],
): Promotion | null {
  const h = mix32(liveSeedHash(seed), sequence);
  const first = h % storeCount;
  for (let k = 0; k < Math.min(storeCount, PROBE_STORES); k++) {
    const storeNumber = ((first + k) % storeCount) + 1;
    const active = storeRows(storeNumber).filter((row) => row.status === 'active');
    if (active.length === 0) continue;
    const chosen = active[mix32(h, k + 1) % active.length] as Promotion;
    return advance(chosen, sequence);
  }
  return null;
}

function advance(row: Promotion, sequence: number): Promotion {
  const extra = 1 + Math.floor((row.promoUnits * sequence) / (4 * (sequence + 100)));
  const promoUnits = row.promoUnits + extra;
  const promoC = Math.round(row.promoPrice * 100);
  const costC = Math.round(row.unitCost * 100);
  const baselineRevenueC = Math.round(row.baselineRevenue * 100);
  const revenueC = promoUnits * promoC;
  const grossMarginC = revenueC - promoUnits * costC;
  const incrementalUnits = promoUnits - row.baselineUnits;
  const incrementalMarginC =
    Math.round(row.incrementalMargin * 100) + Math.round(extra * (promoC - costC) * INCREMENTAL_SHARE);
  const promoSpendC = Math.round(row.promoSpend * 100);
  return {
    ...row,
    promoUnits,
    liftPct: Math.round((1000 * incrementalUnits) / row.baselineUnits) / 10,
    incrementalUnits,
    revenue: revenueC / 100,
    incrementalRevenue: (revenueC - baselineRevenueC) / 100,
    grossMargin: grossMarginC / 100,
    marginPct: Math.round((1000 * grossMarginC) / revenueC) / 10,
    incrementalMargin: incrementalMarginC / 100,
    roi: promoSpendC > 0 ? Math.round((1000 * incrementalMarginC) / promoSpendC) / 1000 : row.roi,
  };
}
