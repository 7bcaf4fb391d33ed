import { z } from 'zod';
import { integerParam } from './param-schemas.js';

/** Longest pause between two live events. */
export const MAX_LIVE_INTERVAL_MS = 60_000;

/**
 * The query of `GET /api/live`: `limit` (events to send before closing, 1..1,000,000; default: never close),
 * `intervalMs` (pause between events, 0..60,000; default the handler's `liveIntervalMs`) and `lastEventId`
 * (resume after this sequence number, for clients that cannot set the `Last-Event-ID` header; the header wins).
 */
export const LiveQuerySchema = z.strictObject({
  limit: integerParam('limit', 1, 1_000_000).optional(),
  intervalMs: integerParam('intervalMs', 0, MAX_LIVE_INTERVAL_MS).optional(),
  lastEventId: integerParam('lastEventId', 0, Number.MAX_SAFE_INTEGER).optional(),
});

/** A parsed live query. */
export type LiveQuery = z.output<typeof LiveQuerySchema>;
