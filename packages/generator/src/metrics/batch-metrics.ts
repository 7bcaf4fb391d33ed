import type { PromoType, Promotion, PromotionStatus, TemplateName } from '../types.js';
import { assertPromotionArray } from '../validation/assert-promotion-array.js';
import { median } from './median.js';

/** Summary statistics of a set of promotions (`includeMetrics`). */
export interface BatchMetrics {
  totalRevenue: number;
  totalIncrementalRevenue: number;
  totalIncrementalMargin: number;
  totalPromoSpend: number;
  avgLiftPct: number;
  medianLiftPct: number;
  avgRoi: number;
  medianRoi: number;
  /** Share (0-1) of promotions with ROI < 0. */
  negativeRoiShare: number;
  byPromoType: Record<PromoType, number>;
  byStatus: Record<PromotionStatus, number>;
  byTemplate: Partial<Record<TemplateName, number>>;
}

/** Computes {@link BatchMetrics} in one pass (plus two sorts for the medians). */
export function computeBatchMetrics(promotions: readonly Promotion[]): BatchMetrics {
  assertPromotionArray(promotions);
  const n = promotions.length;
  const lifts = new Float64Array(n);
  const rois = new Float64Array(n);
  let revenueC = 0;
  let incRevenueC = 0;
  let incMarginC = 0;
  let spendC = 0;
  let liftSum = 0;
  let roiSum = 0;
  let negative = 0;
  const byPromoType: Record<PromoType, number> = { TPR: 0, BOGO: 0, MULTI_BUY: 0, COUPON: 0, BUNDLE: 0 };
  const byStatus: Record<PromotionStatus, number> = { planned: 0, active: 0, completed: 0 };
  const byTemplate: Partial<Record<TemplateName, number>> = {};
  for (let i = 0; i < n; i++) {
    const p = promotions[i] as Promotion;
    revenueC += Math.round(p.revenue * 100);
    incRevenueC += Math.round(p.incrementalRevenue * 100);
    incMarginC += Math.round(p.incrementalMargin * 100);
    spendC += Math.round(p.promoSpend * 100);
    liftSum += p.liftPct;
    roiSum += p.roi;
    if (p.roi < 0) negative++;
    lifts[i] = p.liftPct;
    rois[i] = p.roi;
    byPromoType[p.promoType]++;
    byStatus[p.status]++;
    byTemplate[p.template] = (byTemplate[p.template] ?? 0) + 1;
  }
  return {
    totalRevenue: revenueC / 100,
    totalIncrementalRevenue: incRevenueC / 100,
    totalIncrementalMargin: incMarginC / 100,
    totalPromoSpend: spendC / 100,
    avgLiftPct: n ? round(liftSum / n, 1) : 0,
    medianLiftPct: n ? median(lifts) : 0,
    avgRoi: n ? round(roiSum / n, 3) : 0,
    medianRoi: n ? median(rois) : 0,
    negativeRoiShare: n ? round(negative / n, 4) : 0,
    byPromoType,
    byStatus,
    byTemplate,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
