import type { ApiErrorBody, ApiErrorCode, QueryIssue } from '../schemas/api-error-schema.js';

/** The content type of every JSON response. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A JSON response with `content-type: application/json; charset=utf-8`. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
  });
}

/** The JSON body of an error. */
export function errorBody(code: ApiErrorCode, message: string, issues?: QueryIssue[]): ApiErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

const STATUS: Record<ApiErrorCode, number> = {
  INVALID_QUERY: 400,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** An error response: the status of the code, the JSON error body. */
export function errorResponse(
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(errorBody(code, message), STATUS[code], headers);
}
