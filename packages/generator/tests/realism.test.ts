import { beforeAll, describe, expect, it } from 'vitest';
import {
  CATEGORY_MARGIN_TARGET,
  PRODUCTS,
  type Promotion,
  processBatch,
  STORE_TEMPLATES,
  storeDataIterator,
  TEMPLATE_NAMES,
  type TemplateName,
} from '../src/index.js';
import { median as medianOf } from '../src/internal.js';

// REALISM.md "accept" column, on a 500-store MIXED sample per seed.
const SEEDS: ReadonlyArray<number | string> = [1, 42, 'realism'];
const SAMPLE_STORES = 500;

function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty sample');
  return medianOf(values);
}

/** Nearest-rank percentile, p in (0, 1]. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

function lifts(rows: readonly Promotion[]): number[] {
  return rows.map((p) => p.liftPct);
}

function startMonth(p: Promotion): number {
  return Number(p.startDate.slice(5, 7));
}

describe.each(SEEDS)('generated distributions (500 MIXED stores, seed %s)', (seed) => {
  let rows: Promotion[] = [];
  let tpr: Promotion[] = [];

  beforeAll(() => {
    rows = processBatch(1, SAMPLE_STORES, 'MIXED', { seed }).promotions;
    tpr = rows.filter((p) => p.promoType === 'TPR');
  });

  it('returns a TPR median lift between 40% and 110%', () => {
    expect(tpr.length).toBeGreaterThan(1000);
    const m = median(lifts(tpr));
    expect(m).toBeGreaterThanOrEqual(40);
    expect(m).toBeLessThanOrEqual(110);
  });

  it('returns a median TPR lift that rises with every 10-point discount band from 10% to 50%', () => {
    const medians = [10, 20, 30, 40].map((lo) => {
      const band = tpr.filter((p) => p.discountPct >= lo && p.discountPct < lo + 10);
      expect(band.length).toBeGreaterThan(100);
      return median(lifts(band));
    });
    for (let i = 1; i < medians.length; i++) {
      expect(medians[i] as number).toBeGreaterThan(medians[i - 1] as number);
    }
  });

  it('returns a higher median lift with display support than without', () => {
    const withDisplay = median(lifts(rows.filter((p) => p.displaySupport)));
    const without = median(lifts(rows.filter((p) => !p.displaySupport)));
    expect(withDisplay).toBeGreaterThan(without);
  });

  it('returns median lift feature + display > feature only > neither', () => {
    const both = median(lifts(rows.filter((p) => p.featureAd && p.displaySupport)));
    const featureOnly = median(lifts(rows.filter((p) => p.featureAd && !p.displaySupport)));
    const neither = median(lifts(rows.filter((p) => !p.featureAd && !p.displaySupport)));
    expect(both).toBeGreaterThan(featureOnly);
    expect(featureOnly).toBeGreaterThan(neither);
  });

  it('returns a BOGO discountPct within 1 point of 50%', () => {
    const bogo = rows.filter((p) => p.promoType === 'BOGO');
    expect(bogo.length).toBeGreaterThan(100);
    for (const p of bogo) {
      expect(p.discountPct).toBeGreaterThanOrEqual(49);
      expect(p.discountPct).toBeLessThanOrEqual(51);
    }
  });

  it('returns ≥ 90% of non-BOGO discounts in 5-60% with 20-30% the most common band', () => {
    const depths = rows.filter((p) => p.promoType !== 'BOGO').map((p) => p.discountPct);
    const inRange = depths.filter((d) => d >= 5 && d <= 60).length;
    expect(inRange / depths.length).toBeGreaterThanOrEqual(0.9);
    const bands = new Map<number, number>();
    for (const d of depths) {
      const band = Math.floor(d / 10) * 10;
      bands.set(band, (bands.get(band) ?? 0) + 1);
    }
    const [modal] = [...bands.entries()].sort((a, b) => b[1] - a[1])[0] as [number, number];
    expect(modal).toBe(20);
  });

  it('returns all of 7/14/21/28-day durations with one week the most common', () => {
    const counts = new Map<number, number>();
    for (const p of rows) counts.set(p.durationDays, (counts.get(p.durationDays) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([7, 14, 21, 28]);
    const one = counts.get(7) as number;
    for (const [days, count] of counts) if (days !== 7) expect(one).toBeGreaterThan(count);
  });

  it('returns 45-75% of promotions losing money (roi < 0)', () => {
    const share = rows.filter((p) => p.roi < 0).length / rows.length;
    expect(share).toBeGreaterThanOrEqual(0.45);
    expect(share).toBeLessThanOrEqual(0.75);
  });

  it('returns a right-skewed roi: p90 > 0 and median < 0.1', () => {
    const rois = rows.map((p) => p.roi);
    expect(percentile(rois, 0.9)).toBeGreaterThan(0);
    expect(median(rois)).toBeLessThan(0.1);
  });

  it("returns a higher beverages' weekly baseline for summer starts than for winter starts", () => {
    const weekly = (p: Promotion) => p.baselineUnits / (p.durationDays / 7);
    const beverages = rows.filter((p) => p.category === 'beverages');
    const summer = beverages.filter((p) => [6, 7, 8].includes(startMonth(p)));
    const winter = beverages.filter((p) => [12, 1, 2].includes(startMonth(p)));
    expect(summer.length).toBeGreaterThan(100);
    expect(winter.length).toBeGreaterThan(100);
    expect(median(summer.map(weekly))).toBeGreaterThan(median(winter.map(weekly)));
  });
});

describe('PRODUCTS', () => {
  it('returns a catalog of ≥ 120 SKUs in ≥ 10 categories, including the ten of DOMAIN.md', () => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(120);
    const categories = new Set(PRODUCTS.map((p) => p.category));
    expect(categories.size).toBeGreaterThanOrEqual(10);
    for (const c of [
      'produce',
      'dairy',
      'bakery',
      'meat & seafood',
      'frozen',
      'snacks',
      'beverages',
      'pantry',
      'household',
      'personal care',
    ] as const) {
      expect(categories).toContain(c);
    }
    expect(new Set(PRODUCTS.map((p) => p.sku)).size).toBe(PRODUCTS.length);
  });

  it('returns margins at regular price within ±5 points of the category target', () => {
    for (const p of PRODUCTS) {
      const margin = (p.regularPrice - p.unitCost) / p.regularPrice;
      const target = CATEGORY_MARGIN_TARGET[p.category];
      expect(Math.abs(margin - target), `${p.sku} ${p.name}: ${margin} vs ${target}`).toBeLessThanOrEqual(
        0.05,
      );
      expect(p.unitCost).toBeGreaterThan(0);
    }
  });
});

describe('STORE_TEMPLATES', () => {
  const DOMAIN_TABLE: ReadonlyArray<
    [name: TemplateName, priceIndex: number, traffic: number, sensitivity: number, cv: number, mix: number]
  > = [
    ['SUBURBAN_FAMILY', 1.0, 1.2, 1.1, 0.15, 35],
    ['URBAN_PREMIUM', 1.18, 0.9, 0.8, 0.12, 20],
    ['RURAL_VALUE', 0.92, 0.8, 1.3, 0.2, 20],
    ['CAMPUS_EXPRESS', 1.05, 0.6, 1.4, 0.25, 10],
    ['COASTAL_SEASONAL', 1.1, 1.0, 1.0, 0.3, 15],
  ];

  it('returns the five templates, in MIXED order, as plain data', () => {
    expect(TEMPLATE_NAMES).toEqual(DOMAIN_TABLE.map(([name]) => name));
    expect(Object.keys(STORE_TEMPLATES).sort()).toEqual([...TEMPLATE_NAMES].sort());
    for (const name of TEMPLATE_NAMES) {
      const template = STORE_TEMPLATES[name];
      expect(template.name).toBe(name);
      // Data, not code: a JSON round trip loses nothing.
      expect(JSON.parse(JSON.stringify(template))).toEqual(template);
    }
  });

  it.each(DOMAIN_TABLE)(
    'returns the DOMAIN.md section 2 parameters for %s',
    (name, priceIndex, traffic, promoSensitivity, variance, mixWeight) => {
      expect(STORE_TEMPLATES[name]).toMatchObject({
        priceIndex,
        traffic,
        promoSensitivity,
        variance,
        mixWeight,
      });
    },
  );

  it('returns the DOMAIN.md seasonality and category tilt per template', () => {
    expect(STORE_TEMPLATES.CAMPUS_EXPRESS.seasonality).toBe('academic year');
    expect(STORE_TEMPLATES.COASTAL_SEASONAL.seasonality).toBe('strong summer peak');
    for (const name of ['SUBURBAN_FAMILY', 'URBAN_PREMIUM', 'RURAL_VALUE'] as const) {
      expect(STORE_TEMPLATES[name].seasonality).toBe('mild');
    }
    expect([...STORE_TEMPLATES.SUBURBAN_FAMILY.categoryTilt].sort()).toEqual(
      ['dairy', 'household', 'pantry', 'snacks'].sort(),
    );
    expect([...STORE_TEMPLATES.URBAN_PREMIUM.categoryTilt].sort()).toEqual(
      ['bakery', 'beverages', 'deli', 'produce'].sort(),
    );
    expect([...STORE_TEMPLATES.RURAL_VALUE.categoryTilt].sort()).toEqual(
      ['frozen', 'household', 'meat & seafood', 'pantry'].sort(),
    );
    expect([...STORE_TEMPLATES.CAMPUS_EXPRESS.categoryTilt].sort()).toEqual(
      ['beverages', 'frozen', 'personal care', 'snacks'].sort(),
    );
    expect([...STORE_TEMPLATES.COASTAL_SEASONAL.categoryTilt].sort()).toEqual(
      ['beverages', 'produce', 'snacks'].sort(),
    );
  });

  it('returns MIXED shares within ±3 points of 35/20/20/10/15 over 5,000 stores', () => {
    const templateOf = new Map<string, TemplateName>();
    for (const chunk of storeDataIterator(5_000, 500, 'MIXED')) {
      for (const p of chunk.promotions) templateOf.set(p.storeId, p.template);
    }
    expect(templateOf.size).toBe(5_000);
    const counts = new Map<TemplateName, number>();
    for (const t of templateOf.values()) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [name, , , , , mix] of DOMAIN_TABLE) {
      const share = (100 * (counts.get(name) ?? 0)) / 5_000;
      expect(Math.abs(share - mix), `${name}: ${share}%`).toBeLessThanOrEqual(3);
    }
  });

  it('returns stores that promote their tilted categories more often than the catalog share', () => {
    const rows = processBatch(1, 200, 'CAMPUS_EXPRESS', { seed: 'tilt' }).promotions;
    const tilt = new Set<string>(STORE_TEMPLATES.CAMPUS_EXPRESS.categoryTilt);
    const catalogShare = PRODUCTS.filter((p) => tilt.has(p.category)).length / PRODUCTS.length;
    const promotedShare = rows.filter((p) => tilt.has(p.category)).length / rows.length;
    expect(promotedShare).toBeGreaterThan(catalogShare + 0.1);
  });
});
