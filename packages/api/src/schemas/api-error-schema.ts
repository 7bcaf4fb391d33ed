import { z } from 'zod';

/** The stable error codes of the API. */
export const API_ERROR_CODES = [
  'INVALID_QUERY',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'INTERNAL',
  'UNAVAILABLE',
] as const;

/**
 * A stable error code: `INVALID_QUERY` (400), `NOT_FOUND` (404), `METHOD_NOT_ALLOWED` (405), `INTERNAL` (500),
 * `UNAVAILABLE` (503, with `Retry-After`: the server could not answer in time; the same request may succeed later).
 */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One problem with one query parameter: `path` is the parameter name as sent (`limit`, `roi_gte`, `sort`). */
export const QueryIssueSchema = z.object({ path: z.string(), message: z.string() });

/** One problem with one query parameter. */
export interface QueryIssue {
  /** The parameter name as sent: `limit`, `roi_gte`, `sort`. */
  path: string;
  message: string;
}

/**
 * The JSON body of every error response:
 * `{ "error": { "code": "INVALID_QUERY", "message": "...", "issues": [{ "path": "limit", "message": "..." }] } }`.
 * `issues` lists every problem found (400 only).
 *
 * @example
 * const body = ApiErrorSchema.parse(await response.json());
 * if (body.error.code === 'INVALID_QUERY') for (const issue of body.error.issues ?? []) console.log(issue.path);
 */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    issues: z.array(QueryIssueSchema).optional(),
  }),
});

/** The JSON body of an error response (one name for it: `ApiErrorBody`, not `ApiError`, which reads like a class). */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** Every problem found (400 only). */
    issues?: QueryIssue[] | undefined;
  };
}
