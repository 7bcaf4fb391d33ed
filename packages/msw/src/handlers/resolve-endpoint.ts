import { PromoscaleError } from '@promoscale/generator';

/** Where the mocked API lives, as `createHandlers` resolved it. */
export interface Endpoint {
  /** `http://localhost`, `https://api.example.com`, or `*` for any origin. */
  readonly origin: string;
  /** The path prefix of every route, without a trailing slash: `/api`. */
  readonly basePath: string;
  /**
   * What the catch-all handler matches, tested by MSW against the request's origin and path (never its query):
   * `${origin}${basePath}/` and anything after it, case-insensitively. A RegExp without capture groups, so MSW
   * has no path parameter to percent-decode: a malformed escape (`/api/stores/%E0%A4%A`) reaches the router and
   * gets its 404 instead of a `URIError` thrown during MSW's path matching.
   */
  readonly pattern: RegExp;
}

/** The origin the handlers match when none is given: the page's origin in a browser, else `http://localhost`. */
export function defaultOrigin(): string {
  const location = (globalThis as { location?: { origin?: unknown } }).location;
  const origin = location?.origin;
  return typeof origin === 'string' && /^https?:\/\//.test(origin) ? origin : 'http://localhost';
}

/**
 * Resolves the `origin` and `baseUrl` options into the pattern the catch-all handler matches. An absolute `baseUrl`
 * (`https://api.example.com/v1`) sets both. Throws a `PromoscaleError` (`INVALID_OPTION`) for anything else that is not a path.
 */
export function resolveEndpoint(baseUrl: string = '/api', origin?: string): Endpoint {
  if (typeof baseUrl !== 'string') {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'baseUrl',
      baseUrl,
      "a path such as '/api' or an absolute URL",
    );
  }
  if (/^https?:\/\//i.test(baseUrl)) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new PromoscaleError('INVALID_OPTION', 'baseUrl', baseUrl, 'a valid absolute URL');
    }
    if (url.search || url.hash) {
      throw new PromoscaleError('INVALID_OPTION', 'baseUrl', baseUrl, 'a URL without a query or hash');
    }
    if (origin !== undefined && origin !== url.origin) {
      throw new PromoscaleError('INVALID_OPTION', 'origin', origin, `omitted or ${url.origin} (baseUrl's)`);
    }
    return build(url.origin, url.pathname);
  }
  if (!baseUrl.startsWith('/') || /[?#\s*:]/.test(baseUrl)) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'baseUrl',
      baseUrl,
      "a path such as '/api' or an absolute URL",
    );
  }
  const resolvedOrigin = origin ?? defaultOrigin();
  if (resolvedOrigin === '*') return build('*', baseUrl);
  let parsed: URL | undefined;
  try {
    parsed = new URL(resolvedOrigin);
  } catch {
    parsed = undefined;
  }
  if (
    !parsed ||
    !/^https?:$/.test(parsed.protocol) ||
    parsed.pathname !== '/' ||
    parsed.search ||
    parsed.hash
  ) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      'origin',
      resolvedOrigin,
      "an http(s) origin such as 'http://localhost:3000' (no path) or '*'",
    );
  }
  return build(parsed.origin, baseUrl);
}

function build(origin: string, path: string): Endpoint {
  const basePath = path.replace(/\/+$/, '');
  // Requests carry the path percent-encoded (`/caf%C3%A9`), so the pattern does too.
  const encodedPath = new URL(`http://localhost${basePath}`).pathname.replace(/\/+$/, '');
  const originSource = origin === '*' ? '[^/]+//[^/]*' : escapeRegExp(origin);
  return { origin, basePath, pattern: new RegExp(`^${originSource}${escapeRegExp(encodedPath)}/`, 'i') };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
