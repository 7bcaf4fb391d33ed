import { type Promotion, parsePromotionsCsv, promotionCsvHeader } from '@promoscale/generator';
import { parseServerSentEvents, type ServerSentEvent } from '../client/parse-server-sent-events.js';
import { LiveUpdateSchema } from '../schemas/live-update-schema.js';
import { PageSchema } from '../schemas/page-schema.js';
import { PromotionSchema } from '../schemas/promotion-schema.js';
import type { ContractContext } from './contract-context.js';
import { createRandom, randomFilters, randomSort } from './random-queries.js';
import { type ReferenceQuery, referenceSearchParams, referenceSelect } from './reference-model.js';

const PromotionPage = PageSchema(PromotionSchema);
const cents = (dollars: number) => Math.round(dollars * 100);

async function exportText(ctx: ContractContext, q: ReferenceQuery, format: 'ndjson' | 'csv') {
  const path = `/promotions/export?${referenceSearchParams(q, { format }).toString()}`;
  const response = await ctx.request(path);
  const text = await response.text();
  ctx.expect(response.status, `status of ${path}: ${text.slice(0, 200)}`).toBe(200);
  return { path, text, contentType: response.headers.get('content-type') ?? '' };
}

async function readEvents(ctx: ContractContext, path: string, headers: Record<string, string> = {}) {
  const response = await ctx.request(path, { headers });
  const text = await response.text();
  ctx.expect(response.status, `status of ${path}: ${text.slice(0, 200)}`).toBe(200);
  ctx.expect(response.headers.get('content-type') ?? '').toMatch(/^text\/event-stream/);
  const events: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(new Response(text).body as ReadableStream<Uint8Array>))
    events.push(event);
  return { text, events };
}

/** `/promotions/export` and `/live`. */
export function defineStreamTests(ctx: ContractContext): void {
  const { describe } = ctx.options;
  const none = (): ReferenceQuery => ({ lists: [], booleans: [], ranges: [], sort: [] });

  describe('GET /api/promotions/export', () => {
    ctx.it(
      'streams NDJSON: one promotion a line, as many as the page total, equal to the reference',
      async () => {
        const q: ReferenceQuery = { ...none(), lists: [{ field: 'status', values: ['active', 'planned'] }] };
        const { path, text, contentType } = await exportText(ctx, q, 'ndjson');
        ctx.expect(contentType).toMatch(/^application\/x-ndjson/);
        ctx.expect(text.endsWith('\n'), 'last line ends with \\n').toBe(true);
        const rows = text
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as Promotion);
        const page = await ctx.getJson(
          `/promotions?${referenceSearchParams({ ...q, limit: 1 })}`,
          PromotionPage,
        );
        ctx.expect(rows.length, `rows of ${path}`).toBe(page.total);
        ctx.expect(rows).toEqual(referenceSelect(ctx.rows(), q));
      },
    );

    ctx.it('streams CSV that parsePromotionsCsv reads back to the same rows', async () => {
      const q: ReferenceQuery = {
        ...none(),
        ranges: [{ field: 'roi', gte: 0 }],
        sort: [{ field: 'revenue', desc: true }],
      };
      const { text, contentType } = await exportText(ctx, q, 'csv');
      ctx.expect(contentType).toMatch(/^text\/csv/);
      ctx.expect(text.slice(0, text.indexOf('\n'))).toBe(promotionCsvHeader());
      ctx.expect(parsePromotionsCsv(text)).toEqual(referenceSelect(ctx.rows(), q));
    });

    ctx.it('streams the whole dataset without filters, in dataset order', async () => {
      const { text } = await exportText(ctx, none(), 'ndjson');
      const lines = text.split('\n').filter((line) => line !== '');
      ctx.expect(lines.length).toBe(ctx.rows().length);
      ctx
        .expect(lines.map((line) => (JSON.parse(line) as Promotion).id))
        .toEqual(ctx.rows().map((row) => row.id));
    });

    ctx.it('exports random filtered and sorted sets equal to the reference', async () => {
      const random = createRandom((ctx.options.seed ?? 20260601) + 2);
      const domain = {
        rows: ctx.rows(),
        fields: ['id', 'roi', 'category', 'storeName', 'startDate'] as const,
        storeCount: ctx.spec.stores,
      };
      for (let i = 0; i < 12; i++) {
        const q = randomFilters(random, domain);
        q.sort = randomSort(random, domain);
        const format = i % 2 === 0 ? 'ndjson' : 'csv';
        const { path, text } = await exportText(ctx, q, format);
        const rows =
          format === 'csv'
            ? parsePromotionsCsv(text)
            : text
                .split('\n')
                .filter(Boolean)
                .map((line) => JSON.parse(line));
        ctx.expect(rows, `rows of ${path}`).toEqual(referenceSelect(ctx.rows(), q));
      }
    });
  });

  describe('GET /api/live', () => {
    const byId = () => new Map(ctx.rows().map((row) => [row.id, row]));

    ctx.it(
      'sends retry:, then promotion.updated events numbered 1, 2, 3 that keep every invariant',
      async () => {
        const { text, events } = await readEvents(ctx, '/live?limit=3&intervalMs=0');
        ctx.expect(text).toMatch(/^retry: \d+$/m);
        ctx.expect(events.map((event) => [event.id, event.event])).toEqual([
          ['1', 'promotion.updated'],
          ['2', 'promotion.updated'],
          ['3', 'promotion.updated'],
        ]);
        const rows = byId();
        for (const event of events) {
          const parsed = LiveUpdateSchema.safeParse(JSON.parse(event.data));
          ctx.expect(parsed.success, `event ${event.id} against LiveUpdateSchema`).toBe(true);
          if (!parsed.success) continue;
          const { sequence, promotion: p } = parsed.data;
          ctx.expect(String(sequence)).toBe(event.id);
          const original = rows.get(p.id);
          ctx.expect(original !== undefined, `${p.id} is a promotion of the dataset`).toBe(true);
          if (!original) continue;
          ctx.expect(p.status).toBe('active');
          ctx
            .expect([p.storeId, p.sku, p.promoPrice, p.unitCost, p.baselineUnits])
            .toEqual([
              original.storeId,
              original.sku,
              original.promoPrice,
              original.unitCost,
              original.baselineUnits,
            ]);
          ctx.expect(p.promoUnits).toBeGreaterThan(original.promoUnits);
          ctx.expect(cents(p.revenue)).toBe(p.promoUnits * cents(p.promoPrice));
          ctx.expect(p.incrementalUnits).toBe(p.promoUnits - p.baselineUnits);
          ctx.expect(cents(p.incrementalRevenue)).toBe(cents(p.revenue) - cents(p.baselineRevenue));
          ctx.expect(cents(p.grossMargin)).toBe(cents(p.revenue) - p.promoUnits * cents(p.unitCost));
          ctx
            .expect(Math.abs(p.liftPct - 100 * (p.promoUnits / p.baselineUnits - 1)))
            .toBeLessThanOrEqual(0.5);
          ctx.expect(Math.abs(p.roi - p.incrementalMargin / p.promoSpend)).toBeLessThanOrEqual(0.01);
        }
      },
    );

    ctx.it('resumes after Last-Event-ID (or lastEventId) with the very same events', async () => {
      const all = await readEvents(ctx, '/live?limit=5&intervalMs=0');
      const resumed = await readEvents(ctx, '/live?limit=3&intervalMs=0', { 'last-event-id': '2' });
      const viaQuery = await readEvents(ctx, '/live?limit=3&intervalMs=0&lastEventId=2');
      const pick = (events: ServerSentEvent[]) => events.map((event) => [event.id, event.data]);
      ctx.expect(pick(resumed.events)).toEqual(pick(all.events.slice(2)));
      ctx.expect(pick(viaQuery.events)).toEqual(pick(all.events.slice(2)));
    });

    ctx.it('closes the stream cleanly when the request is aborted', async () => {
      const controller = new AbortController();
      const response = await ctx.request('/live?intervalMs=20', { signal: controller.signal });
      ctx.expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (!text.includes('event: promotion.updated')) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      controller.abort();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const outcome = await Promise.race([
        (async () => {
          for (;;) if ((await reader.read()).done) return 'closed';
        })().catch(() => 'aborted'),
        new Promise<string>((resolve) => {
          timer = setTimeout(() => resolve('still open after 30 s'), 30_000);
        }),
      ]);
      clearTimeout(timer);
      ctx.expect(['closed', 'aborted']).toContain(outcome);
    });
  });
}
