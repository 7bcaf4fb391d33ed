import type { SummaryTotals } from '@promoscale/api';
import { SummaryAccumulator } from '@promoscale/api/engine';
import type { Promotion } from '@promoscale/generator';
import { formatByUnit } from '../grid/format-by-unit.js';

/** The headline figures of a set of promotions. */
export interface PromotionKpis {
  /** Promotions counted. */
  promotions: number;
  /** Sum of `revenue`, in dollars. */
  revenue: number | null;
  /** Sum of `incrementalRevenue`, in dollars. */
  incrementalRevenue: number | null;
  /** Mean `liftPct` (a percentage number). */
  avgLiftPct: number | null;
  /** Share (0-1) of promotions losing money: negative `incrementalMargin`. `null` when unknown. */
  losingShare: number | null;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The KPIs of loaded rows, summed exactly like `GET /api/summary` (the API's `SummaryAccumulator`: money in cents,
 * lift rounded to 2 decimals), so phases 1-3 show the same figures as phase 4. Rows whose figures are missing or
 * not finite are left out; with none left every figure is `null`.
 *
 * @example
 * summarizeKpis(processBatch(1, 5).promotions); // { promotions: 150, revenue: …, losingShare: 0.59, … }
 */
export function summarizeKpis(rows: readonly Promotion[]): PromotionKpis {
  return new KpiSums().add(rows, 0).result();
}

/**
 * The running sums behind {@link summarizeKpis}: rows added in several steps give the same figures as all at once
 * (the sums are integers), so a growing list of rows is summed once per row, not once per render.
 */
export class KpiSums {
  readonly #accumulator = new SummaryAccumulator();
  #losing = 0;
  #counted = 0;

  /** Adds `rows[from…]`; returns itself. */
  add(rows: readonly Promotion[], from: number): this {
    for (let i = from; i < rows.length; i++) {
      const row = rows[i];
      if (!row) continue;
      const { revenue, incrementalRevenue, liftPct, roi, incrementalMargin } = row;
      if (!finite(revenue) || !finite(incrementalRevenue) || !finite(liftPct) || !finite(incrementalMargin))
        continue;
      this.#accumulator.add(undefined, revenue, incrementalRevenue, liftPct, finite(roi) ? roi : 0);
      this.#counted += 1;
      if (incrementalMargin < 0) this.#losing += 1;
    }
    return this;
  }

  /** The KPIs of every row added so far. */
  result(): PromotionKpis {
    return kpisFromSummary(this.#accumulator.result().totals, this.#counted === 0 ? null : this.#losing);
  }
}

/**
 * The KPIs from `GET /api/summary` totals (phase 4). The summary has no loss count: pass the `total` of a
 * `GET /api/promotions?incrementalMargin_lte=-0.01&limit=1` query with the same filters, or leave it out to show a
 * dash.
 *
 * @example
 * const { totals } = await client.summary({});
 * <KpiSummary kpis={kpisFromSummary(totals, losingPage.total)} source="the server" />
 */
export function kpisFromSummary(totals: SummaryTotals, losingPromotions?: number | null): PromotionKpis {
  const none = totals.promotions === 0;
  return {
    promotions: totals.promotions,
    revenue: none ? null : totals.revenue,
    incrementalRevenue: none ? null : totals.incrementalRevenue,
    avgLiftPct: totals.avgLiftPct,
    losingShare: none || !finite(losingPromotions) ? null : losingPromotions / totals.promotions,
  };
}

const NO_KPIS: PromotionKpis = Object.freeze({
  promotions: 0,
  revenue: null,
  incrementalRevenue: null,
  avgLiftPct: null,
  losingShare: null,
});

/** Props of {@link KpiSummary}: either loaded `rows` or `kpis` computed elsewhere (e.g. from the API). */
export interface KpiSummaryProps {
  /** Rows to summarize with {@link summarizeKpis} (phases 1-3). */
  rows?: readonly Promotion[] | undefined;
  /** Figures to show as they are (phase 4: {@link kpisFromSummary}); wins over `rows`. */
  kpis?: PromotionKpis | undefined;
  /** Where the figures come from, shown under them. @default 'loaded rows' or 'the server summary' */
  source?: string;
  /** The figures are on their way (e.g. the server summary): dashes, and "Loading {source}…" under them. @default false */
  loading?: boolean;
}

/**
 * Four headline figures: revenue, incremental revenue, average lift and the share of promotions losing money,
 * formatted with the grid's unit formatters.
 *
 * @example
 * <KpiSummary rows={promotions} />
 */
export function KpiSummary({ rows, kpis, source, loading = false }: KpiSummaryProps) {
  const figures = loading ? NO_KPIS : (kpis ?? summarizeKpis(rows ?? []));
  const from = source ?? (kpis ? 'the server summary' : 'loaded rows');
  const tiles: [string, string][] = [
    ['Revenue', formatByUnit(figures.revenue, 'money')],
    ['Incremental revenue', formatByUnit(figures.incrementalRevenue, 'money')],
    ['Average lift', formatByUnit(figures.avgLiftPct, 'percent')],
    ['Promotions losing money', formatByUnit(figures.losingShare, 'ratio')],
  ];
  return (
    <section aria-label="Key figures" style={{ font: '13px system-ui, sans-serif', color: '#1b1f24' }}>
      <dl style={{ display: 'flex', flexWrap: 'wrap', gap: 12, margin: 0 }}>
        {tiles.map(([name, value]) => (
          <div
            key={name}
            style={{ border: '1px solid #dfe3e8', borderRadius: 6, padding: '8px 14px', minWidth: 150 }}
          >
            <dt style={{ color: '#59636e' }}>{name}</dt>
            <dd style={{ margin: 0, fontSize: 20, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p style={{ margin: '6px 0 0', color: '#59636e' }}>
        {loading
          ? `Loading ${from}…`
          : `Over ${figures.promotions.toLocaleString('en-US')} promotions, from ${from}.`}
      </p>
    </section>
  );
}
