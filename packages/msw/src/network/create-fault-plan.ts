import { PromoscaleError } from '@promoscale/generator';

/**
 * One planned failure: the `times` requests matching `route` that come after the first `after` matches answer
 * `status` instead of reaching the API; every later match passes. Each rule counts its own matches, and the first
 * rule (in array order) that claims a request wins.
 */
export interface FaultRule {
  /**
   * Which requests the rule counts:
   * - `'GET /api/promotions'`: that method and path (the full URL path, `baseUrl` included);
   * - `'/api/stores/:storeId'`: any method; `:name` matches one path segment, a trailing `*` any rest;
   * - `'*'`: every request;
   * - a `RegExp`, tested against `'<METHOD> <path>'`, e.g. `/^GET \/api\/promotions(\/export)?$/`.
   * The query string is never part of the match.
   */
  route: string | RegExp;
  /** The status to answer (400–599), or `'network-error'` for a failed fetch (`TypeError`, no response). */
  status: number | 'network-error';
  /**
   * How many matching requests fail; `Infinity` fails them all.
   * @default 1
   */
  times?: number | undefined;
  /**
   * How many matching requests pass before the failures start (`after: 2` fails the third).
   * @default 0
   */
  after?: number | undefined;
  /**
   * The JSON body of the failure.
   * @default { error: { code, message } } in the API's error shape (`code` `UNAVAILABLE` for a 503, see `faultCode`)
   */
  body?: unknown | undefined;
  /** Extra response headers (a 503 or 429 already carries `Retry-After`). */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** A fault the plan decided for one request. */
export interface PlannedFault {
  /** The rule's index in `faults`. */
  readonly rule: number;
  /** The status to answer, or `'network-error'`. */
  readonly status: number | 'network-error';
  /** Which failure of the rule this is, from 1 to `times`. */
  readonly occurrence: number;
  /** The rule's body, if it set one. */
  readonly body?: unknown | undefined;
  /** The rule's extra headers. */
  readonly headers: Readonly<Record<string, string>>;
}

/** A validated fault plan with its own match counters. */
export interface FaultPlan {
  /** Counts the request against every rule and returns the fault to answer, if any. */
  next(method: string, pathname: string): PlannedFault | undefined;
  /** Sets every rule's count back to zero. */
  reset(): void;
}

type Matcher = (method: string, pathname: string) => boolean;

/**
 * Validates `rules` and returns a {@link FaultPlan}. Throws a `PromoscaleError` (`INVALID_OPTION`) for a malformed route,
 * a status outside 400–599, or a `times`/`after` that is not a non-negative integer.
 *
 * @example
 * const plan = createFaultPlan([{ route: 'GET /api/promotions', status: 503, times: 2 }]);
 * plan.next('GET', '/api/promotions')?.status; // 503
 * plan.next('GET', '/api/promotions')?.status; // 503
 * plan.next('GET', '/api/promotions'); // undefined: the third one passes
 */
export function createFaultPlan(rules: readonly FaultRule[], option = 'network.faults'): FaultPlan {
  if (!Array.isArray(rules)) {
    throw new PromoscaleError('INVALID_OPTION', option, rules, 'an array of fault rules');
  }
  const compiled = rules.map((rule, index) => compileRule(rule, `${option}[${index}]`));
  const counts = compiled.map(() => 0);
  return {
    next(method, pathname) {
      const upper = method.toUpperCase();
      let fault: PlannedFault | undefined;
      compiled.forEach((rule, index) => {
        if (!rule.matches(upper, pathname)) return;
        // Every matching rule counts the request, so a rule's `after`/`times` mean the same whatever its neighbours do.
        const seen = (counts[index] ?? 0) + 1;
        counts[index] = seen;
        if (fault || seen <= rule.after || seen > rule.after + rule.times) return;
        fault = {
          rule: index,
          status: rule.status,
          occurrence: seen - rule.after,
          headers: rule.headers,
          ...(rule.hasBody ? { body: rule.body } : {}),
        };
      });
      return fault;
    },
    reset() {
      counts.fill(0);
    },
  };
}

interface CompiledRule {
  matches: Matcher;
  status: number | 'network-error';
  times: number;
  after: number;
  hasBody: boolean;
  body: unknown;
  headers: Readonly<Record<string, string>>;
}

function compileRule(rule: FaultRule, option: string): CompiledRule {
  if (typeof rule !== 'object' || rule === null) {
    throw new PromoscaleError('INVALID_OPTION', option, rule, 'a { route, status, times } object');
  }
  const { status } = rule;
  if (status !== 'network-error' && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
    throw new PromoscaleError(
      'INVALID_OPTION',
      `${option}.status`,
      status,
      "an integer HTTP status from 400 to 599 or 'network-error'",
    );
  }
  const times = rule.times ?? 1;
  if (!(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times >= 1))) {
    throw new PromoscaleError('INVALID_OPTION', `${option}.times`, times, 'an integer ≥ 1 or Infinity');
  }
  const after = rule.after ?? 0;
  if (!(Number.isInteger(after) && after >= 0)) {
    throw new PromoscaleError('INVALID_OPTION', `${option}.after`, after, 'an integer ≥ 0');
  }
  const headers = rule.headers ?? {};
  if (
    typeof headers !== 'object' ||
    headers === null ||
    Object.values(headers).some((v) => typeof v !== 'string')
  ) {
    throw new PromoscaleError('INVALID_OPTION', `${option}.headers`, headers, 'an object of string values');
  }
  return {
    matches: compileRoute(rule.route, `${option}.route`),
    status,
    times,
    after,
    hasBody: 'body' in rule && rule.body !== undefined,
    body: rule.body,
    headers,
  };
}

const ROUTE_FORMAT = "'METHOD /path', '/path' (with :param segments and a trailing *), '*' or a RegExp";

function compileRoute(route: string | RegExp, option: string): Matcher {
  if (route instanceof RegExp) {
    // A global or sticky RegExp keeps lastIndex between tests; a copy without those flags does not.
    const pattern = new RegExp(route.source, route.flags.replace(/[gy]/g, ''));
    return (method, pathname) => pattern.test(`${method} ${pathname}`);
  }
  if (typeof route !== 'string') throw new PromoscaleError('INVALID_OPTION', option, route, ROUTE_FORMAT);
  if (route.trim() === '*') return () => true;
  const match = /^(?:([A-Za-z]+|\*)\s+)?(\/\S*)$/.exec(route.trim());
  const path = match?.[2];
  if (!path) throw new PromoscaleError('INVALID_OPTION', option, route, ROUTE_FORMAT);
  const method = match[1]?.toUpperCase();
  const segments = trimSlash(path).split('/');
  const wildcard = segments.at(-1) === '*';
  if (wildcard) segments.pop();
  if (segments.includes('*')) {
    throw new PromoscaleError('INVALID_OPTION', option, route, ROUTE_FORMAT);
  }
  return (requestMethod, pathname) => {
    if (method && method !== '*' && method !== requestMethod) return false;
    const parts = trimSlash(pathname).split('/');
    if (wildcard ? parts.length < segments.length : parts.length !== segments.length) return false;
    return segments.every((segment, i) =>
      segment.startsWith(':') ? (parts[i] ?? '') !== '' : segment === parts[i],
    );
  };
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
