import { PRODUCTS, PROMO_TYPES, PROMOTIONS_PER_STORE, type Store } from '@promoscale/generator';
import {
  emitStorePromotions,
  type GenerationContext,
  type PromotionCalendar,
  type PromotionDraft,
  type PromotionSink,
  promotionNumbersOf,
  type StoreProfile,
} from '@promoscale/generator/internal';
import { PromotionCopyWriter } from './copy-binary.js';
import { storeCopyLine } from './copy-text.js';
import type { SeedCounts } from './seed-counts.js';

/**
 * One batch for COPY, filled a slice of stores at a time straight from the generator's engine (a sink of its rows:
 * no promotion objects): its stores as text, and its promotions (with their store number and position in the
 * store) in the binary format, which needs no number text and no escaping; the counts summed as the rows come.
 */
export class BatchWriter implements PromotionSink {
  private stores = '';
  private readonly promotions: PromotionCopyWriter;
  /** The store begun last and the dataset's calendar (for the counts). */
  private store: Store | undefined;
  private calendar: PromotionCalendar | undefined;
  private position = 0;

  constructor(
    batchStores: number,
    private readonly counts: SeedCounts | undefined,
  ) {
    this.promotions = new PromotionCopyWriter(batchStores * PROMOTIONS_PER_STORE);
  }

  /** Generates stores `startStore..endStore` of `ctx` into the batch. */
  addStores(ctx: GenerationContext, startStore: number, endStore: number): void {
    for (let n = startStore; n <= endStore; n++) emitStorePromotions(ctx, n, this);
  }

  beginStore(profile: StoreProfile, calendar: PromotionCalendar): void {
    const { store } = profile;
    this.stores += `${storeCopyLine(store)}\n`;
    this.store = store;
    this.calendar = calendar;
    this.position = 0;
    this.promotions.beginStore(profile, calendar, store.storeNumber);
  }

  row(d: PromotionDraft): void {
    const numbers = NUMBERS;
    promotionNumbersOf(d, numbers);
    this.promotions.addDraft(d, this.position++, numbers);
    const counts = this.counts;
    if (counts === undefined) return;
    const product = PRODUCTS[d.product] as (typeof PRODUCTS)[number];
    const store = this.store as Store;
    const calendar = this.calendar as PromotionCalendar;
    counts.addValues(
      product.category,
      d.status,
      PROMO_TYPES[d.typeIndex] as string,
      store.region,
      store.template,
      d.displaySupport,
      d.featureAd,
      numbers[2] as number,
      d.durationDays,
      calendar.iso(d.startDay),
      calendar.iso(d.startDay + d.durationDays - 1),
      product.sku,
      product.name,
      product.brand,
      store.name,
      store.storeNumber,
    );
  }

  finish(): { stores: string; promotions: Buffer<ArrayBuffer> } {
    return { stores: this.stores, promotions: this.promotions.finish() };
  }
}

/** The 17 numbers of the row being written. */
const NUMBERS = new Float64Array(17);
