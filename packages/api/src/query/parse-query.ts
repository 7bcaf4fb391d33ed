import type { z } from 'zod';
import type { ApiErrorBody, QueryIssue } from '../schemas/api-error-schema.js';
import { type EstimateQuery, EstimateQuerySchema } from './estimate-query-schema.js';
import { type ExportQuery, ExportQuerySchema } from './export-query-schema.js';
import { type LiveQuery, LiveQuerySchema } from './live-query-schema.js';
import { echo, shorten } from './param-schemas.js';
import { type PromotionsQuery, PromotionsQuerySchema } from './promotions-query-schema.js';
import { type StoresQuery, StoresQuerySchema } from './stores-query-schema.js';
import { type SummaryQuery, SummaryQuerySchema } from './summary-query-schema.js';

/** The result of a query parser: the typed query, or the 400 body listing every issue. */
export type QueryParseResult<T> = { ok: true; query: T } | { ok: false; error: ApiErrorBody };

type QuerySchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/**
 * Parses search parameters with one of the query schemas, strictly: a parameter given twice, an unknown
 * parameter and every value the schema rejects each become one issue; all issues are returned together, in the
 * order the parameters appear. Never throws.
 *
 * @example
 * const result = parseQuery(PromotionsQuerySchema, new URL(request.url).searchParams);
 * if (!result.ok) return Response.json(result.error, { status: 400 });
 */
export function parseQuery<S extends QuerySchema>(
  schema: S,
  searchParams: URLSearchParams,
): QueryParseResult<z.output<S>> {
  const record: Record<string, string> = Object.create(null);
  // Each distinct parameter's place in the query and how many times it came.
  const seen = new Map<string, { position: number; count: number }>();
  for (const [key, value] of searchParams) {
    const entry = seen.get(key);
    if (entry) {
      entry.count += 1;
    } else {
      record[key] = value;
      seen.set(key, { position: seen.size, count: 1 });
    }
  }
  const issues: QueryIssue[] = [];
  for (const [key, { count }] of seen) {
    if (count > 1)
      issues.push({
        path: key,
        message: `${echo(key)} must be given at most once; received ${count} values`,
      });
  }
  const parsed = schema.safeParse(record);
  if (parsed.success && issues.length === 0) return { ok: true, query: parsed.data };
  const position = (path: string) => seen.get(path)?.position ?? seen.size;
  if (!parsed.success) {
    const known = Object.keys(schema.shape);
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          // Only the first parameters' issues are listed: skip the search for a hint past them (12,000 unknown
          // parameters would otherwise cost a Levenshtein pass each).
          const hints = position(key) < MAX_LISTED_ISSUES ? known : [];
          issues.push({ path: key, message: unknownParameterMessage(key, hints) });
        }
      } else {
        issues.push({ path: issue.path.map(String).join('.'), message: issue.message });
      }
    }
  }
  issues.sort((a, b) => position(a.path) - position(b.path));
  return { ok: false, error: invalidQuery(issues) };
}

/** Most issues listed in one 400 body; the message still counts them all. */
export const MAX_LISTED_ISSUES = 50;

/** Most parameter names the message of a 400 body with several issues names. */
const MAX_NAMED_PATHS = 10;

/**
 * The 400 body for a list of issues. Bounded whatever the request: at most {@link MAX_LISTED_ISSUES} issues are
 * listed (the message counts them all), and parameter names longer than 40 characters are cut in `path`.
 */
export function invalidQuery(issues: QueryIssue[]): ApiErrorBody {
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => ({ path: shorten(issue.path), message: issue.message }));
  const first = listed[0];
  if (issues.length === 1 && first) {
    return { error: { code: 'INVALID_QUERY', message: `Invalid query: ${first.message}`, issues: listed } };
  }
  const paths = [...new Set(listed.map((issue) => issue.path))];
  const named = paths.slice(0, MAX_NAMED_PATHS).join(', ');
  const more = issues.length > MAX_LISTED_ISSUES || paths.length > MAX_NAMED_PATHS ? ', …' : '';
  const shown = issues.length > MAX_LISTED_ISSUES ? `; the first ${MAX_LISTED_ISSUES} are listed` : '';
  return {
    error: {
      code: 'INVALID_QUERY',
      message: `Invalid query: ${issues.length} issues (${named}${more})${shown}`,
      issues: listed,
    },
  };
}

function unknownParameterMessage(key: string, known: readonly string[]): string {
  const shown = echo(key);
  const suggestion = closest(key, known);
  return suggestion
    ? `${shown} is not a parameter of this route; did you mean "${suggestion}"?`
    : `${shown} is not a parameter of this route`;
}

function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of known) {
    if (name.toLowerCase() === lower) return name;
    if (Math.abs(name.length - key.length) >= bestDistance || key.length < 4) continue;
    const distance = levenshtein(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Parses the query of `GET /api/promotions` strictly (see DOMAIN.md section 6). Never throws.
 *
 * @example
 * const result = parsePromotionsQuery(new URLSearchParams('sort=-roi&category=dairy&limit=50'));
 * if (result.ok) result.query.sort; // [{ field: 'roi', direction: 'desc' }]
 * else result.error.error.issues; // [{ path: 'limit', message: '…' }, …]
 */
export function parsePromotionsQuery(searchParams: URLSearchParams): QueryParseResult<PromotionsQuery> {
  return parseQuery(PromotionsQuerySchema, searchParams);
}

/** Parses the query of `GET /api/stores` strictly. Never throws. */
export function parseStoresQuery(searchParams: URLSearchParams): QueryParseResult<StoresQuery> {
  return parseQuery(StoresQuerySchema, searchParams);
}

/** Parses the query of `GET /api/summary` strictly. Never throws. */
export function parseSummaryQuery(searchParams: URLSearchParams): QueryParseResult<SummaryQuery> {
  return parseQuery(SummaryQuerySchema, searchParams);
}

/** Parses the query of `GET /api/promotions/export` strictly. Never throws. */
export function parseExportQuery(searchParams: URLSearchParams): QueryParseResult<ExportQuery> {
  return parseQuery(ExportQuerySchema, searchParams);
}

/** Parses the query of `GET /api/live` strictly. Never throws. */
export function parseLiveQuery(searchParams: URLSearchParams): QueryParseResult<LiveQuery> {
  return parseQuery(LiveQuerySchema, searchParams);
}

/** Parses the query of `GET /api/scaling/estimate` strictly. Never throws. */
export function parseEstimateQuery(searchParams: URLSearchParams): QueryParseResult<EstimateQuery> {
  return parseQuery(EstimateQuerySchema, searchParams);
}
