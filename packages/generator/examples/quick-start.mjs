// Quick start: generate a 7-store MIXED batch, validate it and print a summary.
// Run: pnpm --filter @promoscale/generator start   (after `pnpm build`)
import { processBatch, validatePromotions } from '@promoscale/generator';

const { promotions, storeIds, metadata, validation, metrics } = processBatch(1, 7, 'MIXED', {
  seed: 42,
  includeValidation: validatePromotions,
  includeMetrics: true,
});

console.log(
  `promoscale: ${metadata.promotions} promotions for ${metadata.stores} stores (seed ${metadata.seed}, as of ${metadata.asOf})`,
);
console.log(`stores: ${storeIds.join(', ')}`);
console.log(`valid: ${validation.valid} (${validation.checked} checked, ${validation.errorCount} errors)`);
console.log(
  `revenue $${metrics.totalRevenue.toLocaleString('en-US')}, median lift ${metrics.medianLiftPct}%, ` +
    `${Math.round(metrics.negativeRoiShare * 100)}% of promotions lose money, median ROI ${metrics.medianRoi}`,
);
console.log('by type:', metrics.byPromoType);
console.table(
  promotions.slice(0, 5).map((p) => ({
    id: p.id,
    store: p.storeName,
    product: p.productName,
    mechanic: p.mechanic,
    status: p.status,
    liftPct: p.liftPct,
    roi: p.roi,
  })),
);
