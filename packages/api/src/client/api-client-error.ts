import type { ApiErrorBody, ApiErrorCode, QueryIssue } from '../schemas/api-error-schema.js';

/**
 * What the client throws for a response it cannot use: a non-2xx status (with the parsed error body when the
 * server sent one) or, with `code: 'INVALID_RESPONSE'`, a body that does not match the contract's schemas.
 * Not a `PromoscaleError`: it reports a server's answer, not bad input, and carries `status`, `code` and `body`.
 *
 * @example
 * try { await client.promotions({ limit: 5000 }); } catch (error) {
 *   if (error instanceof ApiClientError && error.code === 'INVALID_QUERY') console.log(error.issues);
 * }
 */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  /** The HTTP status received. */
  readonly status: number;
  /** The error code of the body, or `INVALID_RESPONSE` when the body broke the contract. */
  readonly code: ApiErrorCode | 'INVALID_RESPONSE';
  /** The parsed error body, when the server sent a valid one. */
  readonly body: ApiErrorBody | undefined;
  /** The URL requested. */
  readonly url: string;

  constructor(
    message: string,
    details: {
      status: number;
      code: ApiErrorCode | 'INVALID_RESPONSE';
      body?: ApiErrorBody | undefined;
      url: string;
      cause?: unknown | undefined;
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.body = details.body;
    this.url = details.url;
  }

  /** The query issues of a 400 (empty otherwise). */
  get issues(): QueryIssue[] {
    return this.body?.error.issues ?? [];
  }
}
