import type { Summary, SummaryGroup, SummaryTotals } from '../schemas/summary-schema.js';

interface Sums {
  promotions: number;
  revenueCents: number;
  incrementalRevenueCents: number;
  liftMilli: number;
  roiMicro: number;
}

const empty = (): Sums => ({
  promotions: 0,
  revenueCents: 0,
  incrementalRevenueCents: 0,
  liftMilli: 0,
  roiMicro: 0,
});

/**
 * Adds promotions up for `GET /api/summary`: money in integer cents (divided by 100 at the end, so groups add
 * up to the totals exactly), `liftPct` in thousandths and `roi` in millionths, so the averages do not depend on
 * the order rows are added in. `avgLiftPct` is rounded to 2 decimals and `avgRoi` to 4 (`Math.round`, half up).
 */
export class SummaryAccumulator {
  readonly #groups = new Map<string, Sums>();
  readonly #totals = empty();

  /** Adds one promotion's figures under `key` (`undefined`: totals only). */
  add(
    key: string | undefined,
    revenue: number,
    incrementalRevenue: number,
    liftPct: number,
    roi: number,
  ): void {
    const revenueCents = Math.round(revenue * 100);
    const incrementalRevenueCents = Math.round(incrementalRevenue * 100);
    const liftMilli = Math.round(liftPct * 1000);
    const roiMicro = Math.round(roi * 1_000_000);
    for (const sums of key === undefined ? [this.#totals] : [this.#totals, this.#group(key)]) {
      sums.promotions += 1;
      sums.revenueCents += revenueCents;
      sums.incrementalRevenueCents += incrementalRevenueCents;
      sums.liftMilli += liftMilli;
      sums.roiMicro += roiMicro;
    }
  }

  #group(key: string): Sums {
    let sums = this.#groups.get(key);
    if (!sums) {
      sums = empty();
      this.#groups.set(key, sums);
    }
    return sums;
  }

  /** The summary: groups ordered by key (code-unit order), then the totals. */
  result(): Summary {
    const groups: SummaryGroup[] = [...this.#groups.keys()].sort().map((key) => {
      const sums = this.#groups.get(key) as Sums;
      return { key, ...figures(sums), avgLiftPct: avgLift(sums), avgRoi: avgRoi(sums) };
    });
    const t = this.#totals;
    const totals: SummaryTotals = {
      ...figures(t),
      avgLiftPct: t.promotions === 0 ? null : avgLift(t),
      avgRoi: t.promotions === 0 ? null : avgRoi(t),
    };
    return { groups, totals };
  }
}

function figures(sums: Sums) {
  return {
    promotions: sums.promotions,
    revenue: sums.revenueCents / 100,
    incrementalRevenue: sums.incrementalRevenueCents / 100,
  };
}

function avgLift(sums: Sums): number {
  return Math.round(sums.liftMilli / sums.promotions / 10) / 100;
}

function avgRoi(sums: Sums): number {
  return Math.round(sums.roiMicro / sums.promotions / 100) / 10_000;
}
