import { z } from 'zod';
import { type Promotion, PromotionSchema } from './promotion-schema.js';

/** The SSE event name of a live update. */
export const LIVE_EVENT_NAME = 'promotion.updated';

/**
 * The `data` of a `promotion.updated` Server-Sent Event of `GET /api/live`: the sequence number (also the SSE
 * `id`) and the promotion as it stands after the update, every invariant kept.
 *
 * @example
 * const update = LiveUpdateSchema.parse(JSON.parse(event.data));
 */
export const LiveUpdateSchema = z.object({
  sequence: z.number().int().min(1),
  promotion: PromotionSchema,
});

/** The data of one live update. */
export interface LiveUpdate {
  /** 1, 2, 3, …: the event's `id:`; resume after it with `Last-Event-ID`. */
  sequence: number;
  promotion: Promotion;
}
