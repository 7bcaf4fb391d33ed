import { z } from 'zod';

const totalsShape = {
  /** Promotions counted. */
  promotions: z.number().int().min(0),
  /** Sum of `revenue` in dollars (summed in cents). */
  revenue: z.number().finite(),
  /** Sum of `incrementalRevenue` in dollars (summed in cents). */
  incrementalRevenue: z.number().finite(),
};

/** One group of `GET /api/summary`: the value of the `groupBy` field and its aggregates. */
export const SummaryGroupSchema = z.object({
  key: z.string(),
  ...totalsShape,
  /** Mean `liftPct`, rounded to 2 decimals. */
  avgLiftPct: z.number().finite(),
  /** Mean `roi`, rounded to 4 decimals. */
  avgRoi: z.number().finite(),
});

/** One group of a summary. */
export interface SummaryGroup {
  /** The value of the `groupBy` field. */
  key: string;
  /** Promotions counted. */
  promotions: number;
  /** Sum of `revenue` in dollars (summed in cents). */
  revenue: number;
  /** Sum of `incrementalRevenue` in dollars (summed in cents). */
  incrementalRevenue: number;
  /** Mean `liftPct`, rounded to 2 decimals. */
  avgLiftPct: number;
  /** Mean `roi`, rounded to 4 decimals. */
  avgRoi: number;
}

/** The aggregates over every matching promotion; the averages are `null` when nothing matches. */
export const SummaryTotalsSchema = z.object({
  ...totalsShape,
  avgLiftPct: z.number().finite().nullable(),
  avgRoi: z.number().finite().nullable(),
});

/** The totals of a summary: the sums of a group, and averages that are `null` when nothing matches. */
export interface SummaryTotals {
  promotions: number;
  revenue: number;
  incrementalRevenue: number;
  avgLiftPct: number | null;
  avgRoi: number | null;
}

/**
 * The body of `GET /api/summary`: one group per value of the `groupBy` field that has matching promotions,
 * ordered by `key` (code-unit order), and the totals over every matching promotion. Without `groupBy`,
 * `groups` is empty. `promotions`, `revenue` and `incrementalRevenue` of the groups add up to the totals exactly.
 *
 * @example
 * const { groups, totals } = SummarySchema.parse(await (await fetch('/api/summary?groupBy=category')).json());
 */
export const SummarySchema = z.object({
  groups: z.array(SummaryGroupSchema),
  totals: SummaryTotalsSchema,
});

/** The body of `GET /api/summary`. */
export interface Summary {
  groups: SummaryGroup[];
  totals: SummaryTotals;
}
