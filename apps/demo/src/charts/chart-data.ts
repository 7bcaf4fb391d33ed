import type { Promotion } from '@promoscale/generator';

/** Revenue and lift of one group (a category or a template). */
export interface GroupFigures {
  key: string;
  promotions: number;
  /** Dollars. */
  revenue: number;
  /** Dollars. */
  incrementalRevenue: number;
  /** Mean `liftPct`. */
  avgLiftPct: number;
}

/** One point of the lift-against-discount scatter. */
export interface LiftPoint {
  discountPct: number;
  liftPct: number;
  category: string;
}

/** What the four charts draw. */
export interface ChartData {
  byCategory: GroupFigures[];
  byTemplate: GroupFigures[];
  /** ROI of every promotion, in percent (a ratio of -0.4 is -40). */
  roiPct: number[];
  /** At most `maxPoints` points, spread evenly over the rows. */
  lift: LiftPoint[];
}

/** The scatter draws at most this many points: more adds nothing a person can see and costs the main thread. */
export const MAX_SCATTER_POINTS = 2_000;

/**
 * Aggregates rows for the charts: revenue (summed in cents, as `GET /api/summary` does) and mean lift by category
 * and by template, each promotion's ROI in percent, and an even sample of (discount, lift) points.
 *
 * @example
 * chartData(rows).byCategory[0]; // { key: 'bakery', promotions: 12, revenue: 4410.5, ... }
 */
export function chartData(rows: readonly Promotion[], maxPoints = MAX_SCATTER_POINTS): ChartData {
  const categories = new Map<string, Accumulator>();
  const templates = new Map<string, Accumulator>();
  const roiPct = new Array<number>(rows.length);
  const step = Math.max(1, rows.length / Math.max(1, maxPoints));
  const lift: LiftPoint[] = [];
  let nextPoint = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Promotion;
    add(categories, row.category, row);
    add(templates, row.template, row);
    roiPct[i] = row.roi * 100;
    if (i >= nextPoint && lift.length < maxPoints) {
      lift.push({ discountPct: row.discountPct, liftPct: row.liftPct, category: row.category });
      nextPoint += step;
    }
  }
  return { byCategory: figures(categories), byTemplate: figures(templates), roiPct, lift };
}

interface Accumulator {
  promotions: number;
  revenueCents: number;
  incrementalCents: number;
  liftSum: number;
}

function add(groups: Map<string, Accumulator>, key: string, row: Promotion) {
  let group = groups.get(key);
  if (!group) {
    group = { promotions: 0, revenueCents: 0, incrementalCents: 0, liftSum: 0 };
    groups.set(key, group);
  }
  group.promotions += 1;
  group.revenueCents += Math.round(row.revenue * 100);
  group.incrementalCents += Math.round(row.incrementalRevenue * 100);
  group.liftSum += row.liftPct;
}

function figures(groups: Map<string, Accumulator>): GroupFigures[] {
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({
      key,
      promotions: g.promotions,
      revenue: g.revenueCents / 100,
      incrementalRevenue: g.incrementalCents / 100,
      avgLiftPct: Math.round((g.liftSum / g.promotions) * 100) / 100,
    }));
}
