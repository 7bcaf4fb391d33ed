import { TEMPLATE_NAMES, type TemplateName } from '@promoscale/generator';
import { recommendApproach, type ScalingApproach } from '@promoscale/scaling';

/** The phases a person can pick: `auto` follows `recommendApproach`, the others force one loader. */
export const DEMO_PHASES = ['auto', 'single', 'chunked', 'streaming', 'server'] as const;
/** A phase of {@link DEMO_PHASES}. */
export type DemoPhase = (typeof DEMO_PHASES)[number];

/** The loader each forced phase mounts. */
export const FORCED_PHASES: Readonly<Record<Exclude<DemoPhase, 'auto'>, ScalingApproach>> = Object.freeze({
  single: 'SINGLE_BATCH',
  chunked: 'CHUNKED_PROCESSING',
  streaming: 'STREAMING_ITERATOR',
  server: 'DATABASE_BACKEND',
});

/** The template choices: each of the five, or MIXED. */
export const DEMO_TEMPLATES = ['MIXED', ...TEMPLATE_NAMES] as const;
/** A template choice of {@link DEMO_TEMPLATES}. */
export type DemoTemplate = 'MIXED' | TemplateName;

/** The store-count presets offered beside the number field. */
export const STORE_PRESETS = [5, 10, 25, 50, 100, 250, 500, 5_000, 50_000] as const;
/** The store-count range of the demo. */
export const MIN_STORES = 5;
export const MAX_DEMO_STORES = 50_000;
/** Phases 1-3 hold every row in this tab: above this many stores (150,000 rows) only auto or server is allowed. */
export const MAX_CLIENT_STORES = 5_000;
/** The longest seed the generator takes. */
export const MAX_SEED_LENGTH = 256;
/** A query string longer than this is not read at all (a link is never that long). */
export const MAX_QUERY_LENGTH = 4_096;

/** Stores per phase 2 chunk: about 20 chunks, at least 5 stores each. */
export const chunkSizeFor = (stores: number) => Math.max(5, Math.ceil(stores / 20));
/** Phase 2's chunk count for a store count (with {@link chunkSizeFor}). */
export const chunkCountFor = (stores: number) => Math.ceil(stores / chunkSizeFor(stores));

/** Everything the dashboard shows, as the URL says it: `?stores=&template=&seed=&phase=&source=[&fail=chunk:N]`. */
export interface DemoState {
  /** 5..50,000. */
  stores: number;
  template: DemoTemplate;
  /** A safe integer, or a string of 1 to 256 characters. */
  seed: number | string;
  phase: DemoPhase;
  /** `'msw'` (the API mocked in this tab) or the origin of a promoscale server, `http(s)://host[:port]`. */
  source: 'msw' | string;
  /**
   * The fault switch, `?fail=chunk:N`: phase 2's chunk N (1-based) fails every automatic attempt, so the load stops
   * with an alert and Retry; Retry loads it. Only for a view that runs phase 2; absent: no fault.
   */
  fail?: number;
}

/** The view a bare URL opens. */
export const DEFAULT_STATE: Readonly<DemoState> = Object.freeze({
  stores: 50,
  template: 'MIXED',
  seed: 42,
  phase: 'auto',
  source: 'msw',
});

/** One URL parameter that could not be used, and what was used instead. */
export interface UrlProblem {
  /** The parameter, e.g. `stores`, or `query` for the whole query string. */
  param: string;
  /** A sentence for the person: what was wrong, the allowed values, and the fallback. */
  message: string;
}

/** What {@link parseDemoUrl} read: a valid state (the defaults where a parameter was bad) and the problems. */
export interface ParsedDemoUrl {
  state: DemoState;
  problems: UrlProblem[];
}

const KNOWN = ['stores', 'template', 'seed', 'phase', 'source', 'fail'] as const;
type Known = (typeof KNOWN)[number];

/** Cuts a value echoed in a message so a hostile 100 KB parameter stays a short sentence. */
function quote(value: string): string {
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(cut);
}

/**
 * Reads the dashboard's state from a query string (`location.search`). Never throws: a parameter with the wrong
 * type, out of range, too long, given twice or badly percent-encoded is replaced by its default and reported in
 * `problems` (one sentence each, naming the parameter and what it accepts); unknown parameters are reported and
 * ignored.
 *
 * @example
 * parseDemoUrl('?stores=500&template=URBAN_PREMIUM&seed=7&phase=auto&source=msw').state.stores; // 500
 * parseDemoUrl('?stores=1e9').problems[0].message; // 'stores must be a whole number from 5 to 50,000 (got "1e9"); showing 50.'
 */
export function parseDemoUrl(search: string, fallback: Readonly<DemoState> = DEFAULT_STATE): ParsedDemoUrl {
  // A fault applies to the link that asks for it only: a change from the controls (read with the view as its
  // fallback) drops it.
  const { fail: _fault, ...rest } = fallback;
  const state: DemoState = { ...rest };
  const problems: UrlProblem[] = [];
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length > MAX_QUERY_LENGTH) {
    problems.push({
      param: 'query',
      message: `The link's query is ${query.length.toLocaleString('en-US')} characters long (at most ${MAX_QUERY_LENGTH.toLocaleString('en-US')}); showing the default view.`,
    });
    return { state, problems };
  }

  const values = new Map<Known, string[]>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replaceAll('+', ' '));
      value = decodeURIComponent(rawValue.replaceAll('+', ' '));
    } catch {
      problems.push({
        param: rawName.slice(0, 40),
        message: `The parameter ${quote(part)} is not valid percent-encoding; it was ignored.`,
      });
      continue;
    }
    if (!(KNOWN as readonly string[]).includes(name)) {
      problems.push({
        param: name.slice(0, 40),
        message: `Unknown parameter ${quote(name)} was ignored (the link takes ${KNOWN.join(', ')}).`,
      });
      continue;
    }
    const list = values.get(name as Known) ?? [];
    list.push(value);
    values.set(name as Known, list);
  }

  for (const name of KNOWN) {
    const list = values.get(name);
    if (!list) continue;
    const shown = name === 'fail' ? 'no fault' : fallback[name];
    if (list.length > 1) {
      problems.push({
        param: name,
        message: `${name} is given ${list.length} times; give it once. Showing ${String(shown)}.`,
      });
      continue;
    }
    const value = list[0] as string;
    const problem = READERS[name](value, state);
    if (problem)
      problems.push({ param: name, message: `${problem} (got ${quote(value)}); showing ${String(shown)}.` });
  }

  if (state.phase !== 'auto' && state.phase !== 'server' && state.stores > MAX_CLIENT_STORES) {
    problems.push({
      param: 'phase',
      message: `phase ${state.phase} holds every row in this tab, so it takes at most ${MAX_CLIENT_STORES.toLocaleString('en-US')} stores (got ${state.stores.toLocaleString('en-US')}); showing auto.`,
    });
    state.phase = 'auto';
  }
  const fault = state.fail === undefined ? null : faultProblem(state);
  if (fault) {
    problems.push({ param: 'fail', message: fault });
    delete state.fail;
  }
  return { state, problems };
}

/** Why the view cannot run the fault it asks for (its chunk is out of range, or the view is not phase 2), or null. */
function faultProblem(state: DemoState): string | null {
  const chunk = state.fail as number;
  const given = `(got "chunk:${chunk}"); showing no fault.`;
  const active =
    state.phase === 'auto' ? recommendApproach(state.stores).approach : FORCED_PHASES[state.phase];
  if (active !== 'CHUNKED_PROCESSING') {
    const name = Object.entries(FORCED_PHASES).find(([, approach]) => approach === active)?.[0];
    return `fail makes a phase 2 chunk fail, but this view runs phase ${name} (use phase=chunked) ${given}`;
  }
  const chunks = chunkCountFor(state.stores);
  if (chunk > chunks) {
    return `fail must be chunk:1 to chunk:${chunks} for ${state.stores.toLocaleString('en-US')} stores (${chunks} chunks of ${chunkSizeFor(state.stores)} stores) ${given}`;
  }
  return null;
}

/** Each reader sets its field when the value is valid, else returns the start of the problem's sentence. */
const READERS: Record<Known, (value: string, state: DemoState) => string | null> = {
  stores(value, state) {
    const n = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= MIN_STORES && n <= MAX_DEMO_STORES)) {
      return `stores must be a whole number from ${MIN_STORES} to ${MAX_DEMO_STORES.toLocaleString('en-US')}`;
    }
    state.stores = n;
    return null;
  },
  template(value, state) {
    if (!(DEMO_TEMPLATES as readonly string[]).includes(value)) {
      return `template must be one of ${DEMO_TEMPLATES.join(', ')}`;
    }
    state.template = value as DemoTemplate;
    return null;
  },
  seed(value, state) {
    if (/^-?\d+$/.test(value)) {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) return 'seed must be a safe integer or a text of 1 to 256 characters';
      state.seed = n;
      return null;
    }
    if (value.length < 1 || value.length > MAX_SEED_LENGTH) {
      return 'seed must be a safe integer or a text of 1 to 256 characters';
    }
    state.seed = value;
    return null;
  },
  phase(value, state) {
    if (!(DEMO_PHASES as readonly string[]).includes(value))
      return `phase must be one of ${DEMO_PHASES.join(', ')}`;
    state.phase = value as DemoPhase;
    return null;
  },
  source(value, state) {
    if (value === 'msw') {
      state.source = 'msw';
      return null;
    }
    const origin = serverOrigin(value);
    if (!origin) return 'source must be msw or the http(s) address of a promoscale server';
    state.source = origin;
    return null;
  },
  fail(value, state) {
    const match = /^chunk:(\d{1,3})$/.exec(value);
    const chunk = match ? Number(match[1]) : 0;
    if (chunk < 1) return 'fail must be chunk:N, N a phase 2 chunk from 1';
    state.fail = chunk;
    return null;
  },
};

/** The origin (`http://host:port`, no trailing slash) of an http(s) address, or null. */
export function serverOrigin(value: string): string | null {
  if (value.length > 2_048) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

/**
 * Writes a state as the query string a link reproduces it with, always all five parameters in one order, then
 * `fail=chunk:N` when the view has a fault.
 *
 * @example
 * serializeDemoUrl({ stores: 500, template: 'MIXED', seed: 42, phase: 'auto', source: 'msw' });
 * // '?stores=500&template=MIXED&seed=42&phase=auto&source=msw'
 */
export function serializeDemoUrl(state: DemoState): string {
  const params = new URLSearchParams();
  params.set('stores', String(state.stores));
  params.set('template', state.template);
  params.set('seed', String(state.seed));
  params.set('phase', state.phase);
  params.set('source', state.source);
  // Written by hand: URLSearchParams would write the colon as %3A, and a person reads and types this one.
  const fault = state.fail === undefined ? '' : `&fail=chunk:${state.fail}`;
  return `?${params.toString()}${fault}`;
}
