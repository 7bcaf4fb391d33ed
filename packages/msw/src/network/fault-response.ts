import type { ApiErrorCode } from '@promoscale/api';

/** Where an injected failure came from, as sent in the `X-Promoscale-Fault` response header. */
export type FaultSource = 'plan' | 'error-rate';

/** The response header that marks a failure injected by the network profile (value: {@link FaultSource}). */
export const FAULT_HEADER = 'X-Promoscale-Fault';

/**
 * The contract error code an injected failure's default body carries, so `createClient` and any client that
 * validates error bodies against `ApiErrorSchema` read it as an ordinary API error: `INVALID_QUERY` for 400,
 * `NOT_FOUND` for 404, `METHOD_NOT_ALLOWED` for 405, `UNAVAILABLE` for 503 (what a real server answers when it
 * cannot answer in time), `INTERNAL` for every other status (429, 500, …).
 */
export function faultCode(status: number): ApiErrorCode {
  if (status === 400) return 'INVALID_QUERY';
  if (status === 404) return 'NOT_FOUND';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  if (status === 503) return 'UNAVAILABLE';
  return 'INTERNAL';
}

/** What {@link faultResponse} needs to build a failure. */
export interface FaultResponseInit {
  status: number;
  source: FaultSource;
  message: string;
  retryAfterSeconds: number;
  body?: unknown | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * Builds the JSON response of an injected failure: the API's error shape `{ error: { code, message } }` unless the
 * fault rule gave a body; `Retry-After` on 503 and 429; the {@link FAULT_HEADER} header on every one.
 */
export function faultResponse(init: FaultResponseInit): Response {
  const headers = new Headers({ 'Content-Type': 'application/json', [FAULT_HEADER]: init.source });
  if (init.status === 503 || init.status === 429) headers.set('Retry-After', String(init.retryAfterSeconds));
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
  const body =
    init.body === undefined ? { error: { code: faultCode(init.status), message: init.message } } : init.body;
  return new Response(JSON.stringify(body), { status: init.status, headers });
}
