import { addPromotionUnits, fnv1a32, hashPair32 } from '@promoscale/generator/internal';
import type { Promotion } from '../schemas/promotion-schema.js';

/** Stores probed, from the one a sequence number points at, for an active promotion. */
const PROBE_STORES = 64;

/**
 * Live update `sequence` of a dataset: a store chosen by `hashPair32(fnv1a32(String(seed)), sequence)` (the next
 * stores if it has no active promotion, up to 64), one of its active promotions chosen by a second hash, and that
 * promotion after `1 + floor(promoUnits × sequence / (4 × (sequence + 100)))` more units sold, by the generator's
 * money rules (`addPromotionUnits`: `revenue`, `incrementalUnits`, `liftPct`, `incrementalRevenue`, `grossMargin`
 * and `marginPct` follow exactly; `incrementalMargin` grows by the truly incremental 45 % of the extra units'
 * margin; `promoSpend` stays; `roi` follows). The hashes and the money rules live in @promoscale/generator
 * (decision 0001 for the hashes). The extra units grow with `sequence`, so a promotion only ever moves forward,
 * and stay below a quarter of its units.
 *
 * @returns `null` when the probed stores have no active promotion (for instance `asOf` far from the calendar)
 */
export function computeLiveUpdate(
  seed: number | string,
  storeCount: number,
  sequence: number,
  storeRows: (storeNumber: number) => readonly Promotion[],
): Promotion | null {
  const h = hashPair32(fnv1a32(String(seed)), sequence);
  const first = h % storeCount;
  for (let k = 0; k < Math.min(storeCount, PROBE_STORES); k++) {
    const storeNumber = ((first + k) % storeCount) + 1;
    const active = storeRows(storeNumber).filter((row) => row.status === 'active');
    if (active.length === 0) continue;
    const chosen = active[hashPair32(h, k + 1) % active.length] as Promotion;
    return advance(chosen, sequence);
  }
  return null;
}

function advance(row: Promotion, sequence: number): Promotion {
  return addPromotionUnits(row, 1 + Math.floor((row.promoUnits * sequence) / (4 * (sequence + 100))));
}
